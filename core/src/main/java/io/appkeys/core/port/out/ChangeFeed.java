package io.appkeys.core.port.out;

import io.appkeys.core.domain.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The changes every process sharing the store must apply to what it remembers, numbered in the order they
 * were committed; and the progress of the processes that follow them.
 *
 * <p>Numbers are given at commit, one after another with no gap: a change committed after another always has
 * the next number, however the transactions overlapped, so a reader that has read up to a number never has to
 * come back for a smaller one.
 */
public interface ChangeFeed {

    /**
     * Records {@code change}, made by the process named {@code origin}, in the open transaction: it is numbered,
     * and visible, when that commits, and gone if it rolls back.
     *
     * @throws IllegalStateException when no transaction is open
     */
    void append(Change change, Instant at, String origin);

    /**
     * The changes numbered after {@code sequence}, oldest first, at most {@code limit}; {@code missed} when
     * some changes after {@code sequence} were pruned before they could be read.
     */
    Read after(long sequence, int limit);

    /** The number of the latest change, 0 when there has been none. */
    long latest();

    /**
     * Removes the changes recorded before {@code before}, except the latest, and forgets the followers not
     * heard from since then. Returns how many changes it removed.
     */
    int prune(Instant before);

    /**
     * Returns when changes after {@code sequence} may have been committed. A store that is told of commits
     * returns when it is, or after a longer interval of its own as a safety net; one that is not returns after
     * {@code poll}.
     */
    void await(long sequence, Duration poll) throws InterruptedException;

    /** Notes that {@code follower} has applied every change up to {@code sequence}, as of {@code at}. */
    void acknowledge(String follower, long sequence, Instant at);

    /** Forgets a follower that stopped. */
    void leave(String follower);

    /**
     * The lowest number applied by the followers heard from since {@code since}, other than {@code except};
     * empty when there are none.
     */
    OptionalLong appliedByAll(Instant since, String except);

    /** One recorded change, and the process that made it. */
    record Entry(long sequence, Instant at, Change change, String origin) {

        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** What a read found: the changes, and whether some that should have come first were pruned. */
    record Read(List<Entry> entries, boolean missed) {

        public Read {
            entries = List.copyOf(entries);
        }
    }
}
