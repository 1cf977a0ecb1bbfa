package io.appkeys.core.memory;

import io.appkeys.core.domain.Change;
import io.appkeys.core.port.out.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The change feed in memory, numbered under the stores' one lock; a commit wakes whoever awaits it. Two
 * {@code AppKeys} on one {@link InMemoryStorage} follow it as two processes on one database would.
 */
final class InMemoryChanges implements ChangeFeed {

    private final MemoryTransactions memory;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private final Map<String, Progress> followers = new HashMap<>();
    private final Object signal = new Object();
    private volatile long latest;

    InMemoryChanges(MemoryTransactions memory) {
        this.memory = memory;
    }

    @Override
    public void append(Change change, Instant at, String origin) {
        if (!memory.inTransaction()) {
            throw new IllegalStateException("a change is recorded inside the transaction that makes it");
        }
        memory.locked(() -> {
            long sequence = latest + 1;
            entries.put(sequence, new Entry(sequence, at, change, origin));
            latest = sequence;
            memory.onRollback(() -> {
                entries.remove(sequence);
                latest = sequence - 1;
            });
            return null;
        });
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public Read after(long sequence, int limit) {
        return memory.locked(() -> {
            boolean missed = sequence < latest && !entries.containsKey(sequence + 1);
            return new Read(
                    entries.tailMap(sequence, false).values().stream()
                            .limit(limit)
                            .toList(),
                    missed);
        });
    }

    @Override
    public long latest() {
        return memory.locked(() -> latest);
    }

    @Override
    public int prune(Instant before) {
        return memory.locked(() -> {
            int removed = 0;
            var iterator = entries.values().iterator();
            while (iterator.hasNext()) {
                Entry entry = iterator.next();
                if (entry.at().isBefore(before) && entry.sequence() != latest) {
                    iterator.remove();
                    removed++;
                }
            }
            followers.values().removeIf(progress -> progress.heardAt().isBefore(before));
            return removed;
        });
    }

    @Override
    public void await(long sequence, Duration poll) throws InterruptedException {
        synchronized (signal) {
            if (latest <= sequence) {
                signal.wait(Math.max(1, poll.toMillis()));
            }
        }
    }

    @Override
    public void acknowledge(String follower, long sequence, Instant at) {
        memory.locked(() -> followers.put(follower, new Progress(sequence, at)));
    }

    @Override
    public void leave(String follower) {
        memory.locked(() -> followers.remove(follower));
    }

    @Override
    public OptionalLong appliedByAll(Instant since, String except) {
        return memory.locked(() -> followers.entrySet().stream()
                .filter(follower -> !follower.getKey().equals(except))
                .filter(follower -> !follower.getValue().heardAt().isBefore(since))
                .mapToLong(follower -> follower.getValue().applied())
                .min());
    }

    private record Progress(long applied, Instant heardAt) {}
}
