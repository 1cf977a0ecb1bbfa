package io.appkeys.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupSyncTest {

    private final GroupSync group = new GroupSync();
    private final AtomicInteger syncs = new AtomicInteger();

    @Test
    void aCommitAlone_isSyncedByItsOwnSync() {
        for (int i = 0; i < 3; i++) {
            group.afterCommit(syncs::incrementAndGet);
        }

        assertEquals(3, syncs.get());
    }

    @Test
    void commitsThatArriveDuringASync_waitForTheNextOne_andShareIt() throws Exception {
        CountDownLatch inFirstSync = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Integer> syncsSeenOnReturn = new ArrayList<>();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> group.afterCommit(() -> {
            syncs.incrementAndGet();
            inFirstSync.countDown();
            await(releaseFirst);
        }));
        assertTrue(inFirstSync.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<Void>> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            later.add(CompletableFuture.runAsync(() -> {
                group.afterCommit(syncs::incrementAndGet);
                synchronized (syncsSeenOnReturn) {
                    syncsSeenOnReturn.add(syncs.get());
                }
            }));
        }
        Thread.sleep(200);
        assertTrue(later.stream().noneMatch(CompletableFuture::isDone), "a sync that began before them is not theirs");

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Void> commit : later) {
            commit.get(10, TimeUnit.SECONDS);
        }

        assertEquals(2, syncs.get(), "one sync for the six that waited");
        assertTrue(syncsSeenOnReturn.stream().allMatch(count -> count == 2), syncsSeenOnReturn::toString);
    }

    @Test
    void aFailedSync_failsItsCommit_andTheNextCommitSyncsAgain() {
        assertThrows(
                IllegalStateException.class,
                () -> group.afterCommit(() -> {
                    throw new IllegalStateException("disk full");
                }));

        group.afterCommit(syncs::incrementAndGet);

        assertEquals(1, syncs.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
