package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKeysException;
import io.appkeys.core.domain.Change;
import io.appkeys.core.port.out.ChangeFeed;
import io.appkeys.core.service.ChangeListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once a change is committed: this process forgets at once what it remembered of what changed;
 * then the change waits, for at most the propagation wait, until every other process that follows the feed
 * (heard from lately) has applied it, so that a change is confirmed once it holds everywhere. A process that
 * does not answer in time does not hold the change back longer: it still applies it within its poll interval,
 * or stops trusting its cache within the cache TTL.
 */
public final class ChangePropagation implements ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChangePropagation.class);
    private static final Duration RECHECK = Duration.ofMillis(10);

    private final CredentialCache cache;
    private final ChangeFeed feed;
    private final Clock clock;
    private final Duration wait;
    private final String self;

    /**
     * @param self the name this process follows the feed under: its changes are recorded under it, and its own
     *             progress need not be waited for (it has just evicted the change itself)
     */
    public ChangePropagation(CredentialCache cache, ChangeFeed feed, Clock clock, Duration wait, String self) {
        this.cache = cache;
        this.feed = feed;
        this.clock = clock;
        this.wait = wait;
        this.self = self;
    }

    @Override
    public void record(Change change, Instant at) {
        feed.append(change, at, self);
    }

    @Override
    public void committed(Change change) {
        forget(cache, change);
        if (!wait.isZero()) {
            awaitOthers();
        }
    }

    /** Evicts from {@code cache} whatever {@code change} touches. */
    static void forget(CredentialCache cache, Change change) {
        switch (change.kind()) {
            case KEY -> cache.evict(change.appKey().orElseThrow());
            case ROLE -> cache.evictAccount(change.account()); // the holders of a role are not named
            case USER -> {
                // no credential of a user is cached
            }
        }
    }

    private void awaitOthers() {
        try {
            long sequence = feed.latest();
            long deadline = System.nanoTime() + wait.toNanos(); // a real wait, whatever clock the services read
            while (true) {
                OptionalLong applied = feed.appliedByAll(clock.instant().minus(ChangeFollower.LIVENESS), self);
                if (applied.isEmpty() || applied.getAsLong() >= sequence) {
                    return;
                }
                if (System.nanoTime() - deadline >= 0) {
                    LOG.warn(
                            "change {} not yet applied by every process following the store after {}; confirmed anyway",
                            sequence,
                            wait);
                    return;
                }
                Thread.sleep(RECHECK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AppKeysException e) {
            // the change is committed; whether others have applied it yet cannot be told now
            LOG.warn("could not tell whether other processes applied a change: {}", e.getMessage());
        }
    }
}
