package io.appkeys.core.service.authentication;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.port.out.Storage;
import java.time.Instant;
import java.util.Optional;

/**
 * What a key pair's check and a signed token's check both ask of a stored key: whether it may authenticate at
 * all now, the principal it is (its current resources), and until when a check of it may be trusted.
 */
final class KeyStanding {

    private KeyStanding() {}

    /**
     * Why {@code key} cannot authenticate at {@code now} for a caller at {@code from}, whatever it presents; empty
     * when it can.
     */
    static Optional<RejectionReason> refusal(AppKey key, Instant now, Optional<IpAddress> from) {
        if (!key.active()) {
            return Optional.of(RejectionReason.INACTIVE_KEY);
        }
        if (key.expiredAt(now)) {
            return Optional.of(RejectionReason.EXPIRED_KEY); // as an inactive key: no hashing, held the same
        }
        if (!key.networks().allows(from)) {
            return Optional.of(RejectionReason.DISALLOWED_ADDRESS); // the same again
        }
        return Optional.empty();
    }

    /** The key as a principal, with the resources its roles grant now. */
    static KeyPrincipal principal(Storage storage, AppKey key) {
        return new KeyPrincipal(
                key.id(),
                key.account(),
                key.appKey(),
                storage.roles().resourcesOf(key.account(), key.id()),
                key.metadata());
    }

    /** The earliest of the given ends, in epoch milliseconds; {@link Long#MAX_VALUE} when none is set. */
    @SafeVarargs
    static long earliest(Optional<Instant>... ends) {
        long earliest = Long.MAX_VALUE;
        for (Optional<Instant> end : ends) {
            if (end.isPresent()) {
                earliest = Math.min(earliest, end.get().toEpochMilli());
            }
        }
        return earliest;
    }
}
