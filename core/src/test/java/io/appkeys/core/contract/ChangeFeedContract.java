package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.ChangeFeed.Entry;
import io.appkeys.core.port.out.ChangeFeed.Read;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link io.appkeys.core.port.out.ChangeFeed}. The feed is shared by the whole store, so each
 * test reads from the latest number it found and looks only at changes of its own account.
 */
public abstract class ChangeFeedContract extends StorageContractSupport {

    private static final String ORIGIN = "a-process-sharing-the-store";

    /** Followers' times far from any real follower's, so that tests see only their own. */
    private static final Instant FAR = Instant.parse("2126-01-01T00:00:00Z");

    @Test
    void changes_comeBackInTheOrderTheyWereCommitted_numberedOneAfterAnother() {
        Account owner = newAccount();
        AccountName account = owner.name();
        long before = storage.changes().latest();
        List<Change> changes = List.of(
                Change.of(keyOf(owner, T0).appKey()),
                Change.of(account, UserId.random()),
                Change.of(account, new RoleId(7)));

        storage.transactions().run(() -> storage.changes().append(changes.get(0), at(1), ORIGIN));
        storage.transactions().run(() -> {
            storage.changes().append(changes.get(1), at(2), ORIGIN);
            storage.changes().append(changes.get(2), at(3), ORIGIN);
        });

        Read read = storage.changes().after(before, 100);
        assertEquals(
                List.of(
                        new Entry(before + 1, at(1), changes.get(0), ORIGIN),
                        new Entry(before + 2, at(2), changes.get(1), ORIGIN),
                        new Entry(before + 3, at(3), changes.get(2), ORIGIN)),
                read.entries());
        assertFalse(read.missed());
        assertEquals(before + 3, storage.changes().latest());
        assertEquals(
                List.of(read.entries().get(2)),
                storage.changes().after(before + 2, 100).entries());
        assertEquals(1, storage.changes().after(before, 1).entries().size());
    }

    @Test
    void aRolledBackChange_leavesNoRow_andNoGap() {
        AccountName account = newAccount().name();
        long before = storage.changes().latest();

        assertThrows(
                IllegalStateException.class,
                () -> storage.transactions().run(() -> {
                    storage.changes().append(Change.of(account, UserId.random()), at(1), ORIGIN);
                    throw new IllegalStateException("rolled back");
                }));
        assertEquals(before, storage.changes().latest());
        assertEquals(List.of(), storage.changes().after(before, 100).entries());

        Change kept = Change.of(account, UserId.random());
        storage.transactions().run(() -> storage.changes().append(kept, at(2), ORIGIN));
        assertEquals(
                List.of(new Entry(before + 1, at(2), kept, ORIGIN)),
                storage.changes().after(before, 100).entries());
    }

    @Test
    void aChange_isRecordedOnlyInsideATransaction() {
        AccountName account = newAccount().name();
        long before = storage.changes().latest();

        assertThrows(
                IllegalStateException.class,
                () -> storage.changes().append(Change.of(account, UserId.random()), at(1), ORIGIN));
        assertEquals(before, storage.changes().latest());
    }

    /**
     * Writers whose transactions overlap, and commit in any order, while a reader follows the feed: no change is
     * lost, and every read starts right after the last number read, so a reader never has to look back.
     */
    @Test
    @Timeout(120)
    void concurrentWriters_loseNothing_andAReaderFollowingThemSkipsNothing() throws Exception {
        AccountName account = newAccount().name();
        int writers = 6;
        int each = 20;
        long start = storage.changes().latest();
        Set<String> written = new HashSet<>();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < writers * each; i++) {
            subjects.add(UserId.random().toString());
        }
        written.addAll(subjects);

        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            CompletableFuture<List<Entry>> reader =
                    CompletableFuture.supplyAsync(() -> follow(start, account, written.size()), pool);
            List<CompletableFuture<Void>> writing = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                List<String> mine = subjects.subList(w * each, (w + 1) * each);
                writing.add(CompletableFuture.runAsync(
                        () -> {
                            for (String subject : mine) {
                                storage.transactions().run(() -> {
                                    storage.changes()
                                            .append(new Change(account, Change.Kind.USER, subject), at(1), ORIGIN);
                                    pause(ThreadLocalRandom.current().nextInt(3)); // overlap, commit in any order
                                });
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new)).get(100, TimeUnit.SECONDS);
            List<Entry> read = reader.get(100, TimeUnit.SECONDS);

            Set<String> seen = new HashSet<>();
            read.forEach(entry -> seen.add(entry.change().subject()));
            assertEquals(written, seen);
            assertEquals(written.size(), read.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads after {@code start} until {@code expected} changes of {@code account} came, checking each read. */
    private List<Entry> follow(long start, AccountName account, int expected) {
        List<Entry> mine = new ArrayList<>();
        long cursor = start;
        for (int round = 0; round < 20_000 && mine.size() < expected; round++) {
            Read read = storage.changes().after(cursor, 7);
            assertFalse(read.missed(), "a read after " + cursor + " missed changes");
            for (Entry entry : read.entries()) {
                assertEquals(cursor + 1, entry.sequence(), "the reader would have skipped a change");
                cursor = entry.sequence();
                if (entry.change().account().equals(account)) {
                    mine.add(entry);
                }
            }
            if (read.entries().isEmpty()) {
                pause(1);
            }
        }
        return mine;
    }

    @Test
    void prune_removesOldChanges_butNeverTheLatest_andAReaderBehindThemIsToldItMissedSome() {
        AccountName account = newAccount().name();
        long before = storage.changes().latest();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            storage.transactions()
                    .run(() -> storage.changes().append(Change.of(account, UserId.random()), at(n), ORIGIN));
        }

        assertTrue(storage.changes().prune(at(10)) >= 2);

        Read behind = storage.changes().after(before, 100);
        assertTrue(behind.missed());
        assertEquals(
                List.of(before + 3),
                behind.entries().stream().map(Entry::sequence).toList());
        assertEquals(before + 3, storage.changes().latest());
        Read current = storage.changes().after(before + 2, 100);
        assertFalse(current.missed());
        assertEquals(1, current.entries().size());
        assertFalse(storage.changes().after(before + 3, 100).missed());
    }

    @Test
    void followers_sayHowFarTheyApplied_andTheLowestOfThoseHeardFromLatelyIsKnown() {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String silent = "silent-" + UUID.randomUUID();
        storage.changes().acknowledge(a, 5, FAR);
        storage.changes().acknowledge(b, 3, FAR.plusSeconds(1));
        storage.changes().acknowledge(silent, 1, FAR.minusSeconds(60));

        assertEquals(OptionalLong.of(3), storage.changes().appliedByAll(FAR.minusSeconds(10), "nobody"));
        assertEquals(OptionalLong.of(5), storage.changes().appliedByAll(FAR.minusSeconds(10), b));
        storage.changes().acknowledge(b, 7, FAR.plusSeconds(2));
        assertEquals(OptionalLong.of(5), storage.changes().appliedByAll(FAR.minusSeconds(10), "nobody"));
        storage.changes().leave(a);
        assertEquals(OptionalLong.of(7), storage.changes().appliedByAll(FAR.minusSeconds(10), "nobody"));
        assertEquals(OptionalLong.empty(), storage.changes().appliedByAll(FAR.plusSeconds(3), "nobody"));

        storage.changes().leave(b);
        storage.changes().leave(silent);
        assertEquals(OptionalLong.empty(), storage.changes().appliedByAll(FAR.minusSeconds(120), "nobody"));
    }

    @Test
    void prune_forgetsFollowersNotHeardFromSince() {
        String gone = "gone-" + UUID.randomUUID();
        storage.changes().acknowledge(gone, 1, FAR.minusSeconds(3600));

        storage.changes().prune(FAR.minusSeconds(60));

        assertEquals(OptionalLong.empty(), storage.changes().appliedByAll(FAR.minusSeconds(7200), "nobody"));
    }

    @Test
    @Timeout(30)
    void await_returnsOnceAChangeIsCommitted() throws Exception {
        AccountName account = newAccount().name();
        long latest = storage.changes().latest();
        storage.changes().await(latest, Duration.ofMillis(20)); // a store that listens starts to here

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                storage.changes().await(latest, Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        storage.transactions().run(() -> storage.changes().append(Change.of(account, UserId.random()), at(1), ORIGIN));

        waiting.get(20, TimeUnit.SECONDS);
        assertEquals(latest + 1, storage.changes().latest());
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
