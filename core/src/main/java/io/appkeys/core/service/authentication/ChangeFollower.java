package io.appkeys.core.service.authentication;

import io.appkeys.core.port.out.ChangeFeed;
import io.appkeys.core.port.out.ChangeFeed.Entry;
import io.appkeys.core.port.out.ChangeFeed.Read;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the store's change feed on a thread of its own, and evicts from this process's credential cache
 * whatever each change committed by any process touches. After each successful read it tells the cache how fresh
 * it is, tells the store how far it has applied the feed (so that a process making a change can wait for it),
 * and now and then prunes old changes. A process that fell behind what the feed still holds forgets its whole
 * cache. When the feed cannot be read, it keeps trying every poll interval, and the cache stops trusting what
 * it holds once the TTL has passed since the last successful read.
 */
public final class ChangeFollower implements AutoCloseable {

    /** How lately a follower must have been heard from for a change to wait for it. */
    static final Duration LIVENESS = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration RETENTION = Duration.ofDays(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofSeconds(30);
    private static final int BATCH = 1000;

    private final ChangeFeed feed;
    private final CredentialCache cache;
    private final Clock clock;
    private final Duration poll;
    private final String name;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long appliedAsOfMillis;

    private long cursor = -1; // unknown until the first read
    private long acknowledged = -1;
    private long acknowledgedAt;
    private long prunedAt;
    private long failureLoggedAt;

    /**
     * @param clock the clock the cache is read with (its freshness is counted on it)
     * @param poll  how long to wait between reads when the store does not say that the feed changed
     * @param name  this process's name among the followers
     */
    public ChangeFollower(ChangeFeed feed, CredentialCache cache, Clock clock, Duration poll, String name) {
        this.feed = feed;
        this.cache = cache;
        this.clock = clock;
        this.poll = poll;
        this.name = name;
        this.thread = new Thread(this::run, "appkeys-changes");
        this.thread.setDaemon(true);
        long now = System.nanoTime();
        this.acknowledgedAt = now;
        this.prunedAt = now - PRUNE_EVERY.toNanos();
        this.failureLoggedAt = now - FAILURE_LOG_INTERVAL.toNanos();
        this.appliedAsOfMillis = clock.millis();
    }

    /**
     * How long ago, on the clock, this process had applied every change in the feed: about the poll interval
     * while it keeps up (less with PostgreSQL's notifications), growing while the feed cannot be read.
     */
    public Duration lag() {
        return Duration.ofMillis(Math.max(0, clock.millis() - appliedAsOfMillis));
    }

    /**
     * Runs the first round now, so that the store knows of this follower before any change is made through
     * this process, and the rest on the thread.
     */
    public void start() {
        try {
            applyNewChanges();
        } catch (RuntimeException e) {
            reportFailure(e); // the thread tries again
        }
        thread.start();
    }

    /**
     * Stops following: the thread ends at the end of its current round, or when the storage it reads is
     * closed, whichever comes first; the store forgets this follower at once, so no change waits for it.
     */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        try {
            feed.leave(name);
        } catch (RuntimeException e) {
            LOG.debug("could not say that this process stops following the changes: {}", e.getMessage());
        }
    }

    private void run() {
        while (running) {
            try {
                applyNewChanges();
                feed.await(cursor, poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    reportFailure(e);
                    pause();
                }
            }
        }
    }

    /**
     * One round: reads and applies what changed since the last one, then says so to the cache and to the store.
     * Package-private so that tests can run rounds without the thread.
     */
    void applyNewChanges() {
        long started = clock.millis();
        if (cursor < 0) {
            // nothing committed before now concerns what is checked from now on; what was cached before this
            // first round (the thread starts late) may predate a change, and is forgotten
            cursor = feed.latest();
            cache.evictAll();
        } else {
            Read read;
            do {
                read = feed.after(cursor, BATCH);
                if (read.missed()) {
                    LOG.warn(
                            "this process fell behind the change feed (changes after {} were pruned); forgetting"
                                    + " every cached credential",
                            cursor);
                    cache.evictAll();
                }
                for (Entry entry : read.entries()) {
                    if (!entry.origin().equals(name)) { // this process forgot its own changes as they committed
                        ChangePropagation.forget(cache, entry.change());
                    }
                    cursor = entry.sequence();
                }
            } while (read.entries().size() == BATCH);
        }
        cache.changesAppliedAsOf(started);
        appliedAsOfMillis = started;
        acknowledge();
        pruneNowAndThen();
    }

    private void acknowledge() {
        long now = System.nanoTime();
        if (cursor == acknowledged && now - acknowledgedAt < HEARTBEAT.toNanos()) {
            return;
        }
        if (feed.latest() < cursor) {
            // the store was replaced by an older one (restored from a backup): start over from it
            LOG.warn("the change feed went back from {}; forgetting every cached credential", cursor);
            cache.evictAll();
            cursor = feed.latest();
        }
        synchronized (this) {
            if (!running) {
                return; // closed meanwhile: it has left, and must not come back
            }
            feed.acknowledge(name, cursor, clock.instant());
        }
        acknowledged = cursor;
        acknowledgedAt = now;
    }

    private void pruneNowAndThen() {
        long now = System.nanoTime();
        if (now - prunedAt >= PRUNE_EVERY.toNanos()) {
            prunedAt = now;
            int pruned = feed.prune(clock.instant().minus(RETENTION));
            LOG.debug("pruned {} changes older than {}", pruned, RETENTION);
        }
    }

    private void reportFailure(RuntimeException e) {
        long now = System.nanoTime();
        if (now - failureLoggedAt >= FAILURE_LOG_INTERVAL.toNanos()) {
            failureLoggedAt = now;
            LOG.warn(
                    "cannot read the change feed ({}); cached credentials stay trusted for at most the cache TTL"
                            + " after the last successful read",
                    e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
