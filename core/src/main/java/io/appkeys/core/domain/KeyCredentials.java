package io.appkeys.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored tokens of a key: the current one and, while a renewal is pending, the new one. A pending
 * renewal ends by itself once the old token reaches the expiration period, counted from the renewal, or
 * earlier at {@code autoFinishIn}, when the account had renewals finish by themselves after a grace period.
 */
public record KeyCredentials(
        AppKeyId keyId, IssuedToken current, Optional<IssuedToken> pending, Optional<Instant> autoFinishIn) {

    public KeyCredentials {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(autoFinishIn, "autoFinishIn");
        if (pending.isEmpty()) {
            autoFinishIn = Optional.empty();
        }
    }

    /** Tokens whose renewal, if one is pending, ends with the expiration period only. */
    public KeyCredentials(AppKeyId keyId, IssuedToken current, Optional<IssuedToken> pending) {
        this(keyId, current, pending, Optional.empty());
    }

    /** The credentials as they stand at {@code now}: an expired renewal is taken as finished. */
    public KeyCredentials effectiveAt(Instant now, Duration expirationPeriod) {
        if (pending.isPresent() && !now.isBefore(oldTokenExpiresIn(pending.get(), expirationPeriod))) {
            return new KeyCredentials(keyId, pending.get(), Optional.empty(), Optional.empty());
        }
        return this;
    }

    /** Whether this key has a renewal that has not yet ended by itself at {@code now}. */
    public boolean renewalPendingAt(Instant now, Duration expirationPeriod) {
        return effectiveAt(now, expirationPeriod).pending().isPresent();
    }

    /** The moment the current token stops working: the end of a pending renewal, or never. */
    public Optional<Instant> currentExpiresIn(Duration expirationPeriod) {
        return pending.map(token -> oldTokenExpiresIn(token, expirationPeriod));
    }

    /**
     * The tokens that work at {@code now}, where they are stored and until when: the current one until the
     * renewal period ends, and the pending one.
     */
    public List<ValidToken> validAt(Instant now, Duration expirationPeriod) {
        List<ValidToken> valid = new ArrayList<>(2);
        Optional<Instant> currentExpires = currentExpiresIn(expirationPeriod);
        if (currentExpires.isEmpty() || now.isBefore(currentExpires.get())) {
            valid.add(new ValidToken(TokenSlot.CURRENT, current, currentExpires));
        }
        pending.ifPresent(token -> valid.add(new ValidToken(TokenSlot.PENDING, token, Optional.empty())));
        return valid;
    }

    /** A token that works, where it is stored, and when it stops working if it ever does. */
    public record ValidToken(TokenSlot slot, IssuedToken token, Optional<Instant> expiresIn) {}

    /** The end of the expiration period counted from the renewal, or the automatic finish if that is sooner. */
    private Instant oldTokenExpiresIn(IssuedToken pending, Duration expirationPeriod) {
        Instant expires = pending.createdIn().plus(expirationPeriod);
        return autoFinishIn.filter(expires::isAfter).orElse(expires);
    }
}
