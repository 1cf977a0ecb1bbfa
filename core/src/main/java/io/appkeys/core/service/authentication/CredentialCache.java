package io.appkeys.core.service.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.KeyPrincipal;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials that passed a full check, so later requests with the same pair skip the store and
 * the slow hash. It keeps no token: only an HMAC of it under a key made at start-up, compared in constant
 * time. Every change to a key must {@link #evict} it once the change is committed.
 *
 * <p>A remembered pair is trusted without the store for the TTL after the last successful read of the store:
 * the read that verified it, or a read of the change feed (see {@link #changesAppliedAsOf}), after which every
 * change committed elsewhere has been evicted here too. Once the TTL has run out, the entry still says which
 * stored hash the token matched, so the pair can be confirmed with one store read and no hashing, and its owner
 * is not subject to the throttle meant for guessers.
 *
 * <p>Signed tokens checked against the store are remembered the same way, by their digest, trusted on the same
 * terms until they expire, and forgotten with their key.
 *
 * <p>An eviction that races with a check in progress wins: the check takes a {@link #stamp()} before it
 * reads the store, and {@link #put} drops its entry if any eviction happened since.
 */
public final class CredentialCache {

    private static final String HMAC = "HmacSHA256";
    private static final int TOKENS_PER_KEY = 2;

    private final Cache<AppKeyName, Entry> entries;
    private final Cache<ByteBuffer, SignedEntry> signed;
    private final AtomicLong evictions = new AtomicLong();
    private final ThreadLocal<Mac> macs;
    private final long ttlMillis;
    private volatile long changesAppliedAsOf = Long.MIN_VALUE;

    public CredentialCache(int maxEntries, Duration ttl) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.signed = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.ttlMillis = ttl.toMillis();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, HMAC);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** Keys and signed tokens held now; an estimate, as Caffeine gives it. */
    public long size() {
        return entries.estimatedSize() + signed.estimatedSize();
    }

    /** The keyed digest of a token: what the cache keeps and compares in its place. */
    byte[] digest(AppToken token) {
        return macs.get().doFinal(token.reveal().getBytes(StandardCharsets.US_ASCII));
    }

    /** The keyed digest of a signed token, kept in its place as for an appToken. */
    byte[] digest(SignedToken token) {
        return macs.get().doFinal(token.reveal().getBytes(StandardCharsets.US_ASCII));
    }

    /** A signed token checked before and still trusted at {@code nowMillis}, or null. */
    SignedEntry lookupSigned(byte[] digest, long nowMillis) {
        SignedEntry entry = signed.getIfPresent(ByteBuffer.wrap(digest));
        if (entry == null) {
            return null;
        }
        return trusted(entry.verifiedAt(), entry.expiresAt(), nowMillis) ? entry : null;
    }

    /**
     * Remembers a signed token, checked against the store at {@code verifiedAtMillis}, as standing for
     * {@code principal} and the appToken issued at {@code pairIssuedIn} until {@code expiresAtMillis}; unless an
     * eviction happened since {@code stamp}.
     */
    void putSigned(
            long stamp,
            byte[] digest,
            KeyPrincipal principal,
            AllowedNetworks networks,
            Instant pairIssuedIn,
            long verifiedAtMillis,
            long expiresAtMillis) {
        ByteBuffer name = ByteBuffer.wrap(digest.clone());
        signed.put(name, new SignedEntry(principal, networks, pairIssuedIn, verifiedAtMillis, expiresAtMillis));
        if (evictions.get() != stamp) {
            signed.invalidate(name);
        }
    }

    /** The token a pair was verified as before, if it is still trusted at {@code nowMillis}; else null. */
    Verified lookup(PresentedPair pair, long nowMillis) {
        Entry entry = entries.getIfPresent(pair.appKey());
        if (entry == null) {
            return null;
        }
        Verified verified = entry.find(pair.digest());
        return verified != null && trusted(verified.verifiedAt(), verified.expiresAt(), nowMillis) ? verified : null;
    }

    /** Whether what the store said at {@code verifiedAt}, valid until {@code expiresAt}, holds at {@code now}. */
    private boolean trusted(long verifiedAt, long expiresAt, long nowMillis) {
        long lastRead = Math.max(verifiedAt, changesAppliedAsOf);
        return nowMillis < expiresAt && nowMillis - lastRead < ttlMillis;
    }

    /** Which stored hash the pair matched when it was last verified, trusted or not; empty if never. */
    Optional<Verified> remembered(PresentedPair pair) {
        Entry entry = entries.getIfPresent(pair.appKey());
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.find(pair.digest()));
    }

    /** A mark to take before reading the store for a check whose result may be {@link #put}. */
    long stamp() {
        return evictions.get();
    }

    /**
     * Remembers the pair, read from the store at {@code verifiedAtMillis}, as matching {@code token}'s hash
     * {@code hash} in {@code slot} until the token expires at {@code expiresAtMillis}; unless an eviction happened
     * since {@code stamp}.
     */
    void put(
            long stamp,
            PresentedPair pair,
            KeyPrincipal principal,
            AllowedNetworks networks,
            TokenSlot slot,
            TokenHash hash,
            Instant issuedIn,
            long verifiedAtMillis,
            long expiresAtMillis) {
        Verified verified = new Verified(
                pair.digest(), principal, networks, slot, hash, issuedIn, verifiedAtMillis, expiresAtMillis);
        entries.asMap().merge(pair.appKey(), new Entry(principal, List.of(verified)), Entry::merge);
        if (evictions.get() != stamp) {
            entries.invalidate(pair.appKey());
        }
    }

    /** Forgets every verified token of the key; call it after the change is committed. */
    void evict(AppKeyName appKey) {
        evictions.incrementAndGet();
        entries.invalidate(appKey);
        signed.asMap().values().removeIf(entry -> entry.principal().appKey().equals(appKey));
    }

    /** Forgets every key of the account, for a change whose keys are not named (a role's resources). */
    void evictAccount(AccountName account) {
        evictions.incrementAndGet();
        entries.asMap().keySet().removeIf(appKey -> appKey.account().equals(account));
        signed.asMap().values().removeIf(entry -> entry.principal().account().equals(account));
    }

    /** Forgets everything, for a process that cannot tell what changed (it fell behind the change feed). */
    void evictAll() {
        evictions.incrementAndGet();
        entries.invalidateAll();
        signed.invalidateAll();
    }

    /**
     * Notes that every change committed before {@code millis} has been applied here: what the cache holds is
     * as fresh as a read of the store at that time.
     */
    void changesAppliedAsOf(long millis) {
        if (millis > changesAppliedAsOf) {
            changesAppliedAsOf = millis;
        }
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * One verified token: its digest, its key's principal and networks, the stored hash it matched, where, and when
     * that token was issued, when the store was read for it, and when the token expires (at the end of a renewal,
     * for the old one).
     */
    record Verified(
            byte[] digest,
            KeyPrincipal principal,
            AllowedNetworks networks,
            TokenSlot slot,
            TokenHash hash,
            Instant issuedIn,
            long verifiedAt,
            long expiresAt) {}

    /**
     * A signed token checked against the store: the key it stands for and where that key may be used from, when
     * the appToken it was exchanged for was issued, when it was checked, when it expires.
     */
    record SignedEntry(
            KeyPrincipal principal, AllowedNetworks networks, Instant pairIssuedIn, long verifiedAt, long expiresAt) {}

    /** The verified tokens of one key (two while a renewal is pending) and its principal. */
    private record Entry(KeyPrincipal principal, List<Verified> tokens) {

        Verified find(byte[] digest) {
            for (int i = 0; i < tokens.size(); i++) {
                if (MessageDigest.isEqual(digest, tokens.get(i).digest())) {
                    return tokens.get(i);
                }
            }
            return null;
        }

        /** Adds or refreshes the newly verified token, unless the key's principal changed meanwhile. */
        Entry merge(Entry fresh) {
            if (!principal.equals(fresh.principal)) {
                return fresh;
            }
            Verified added = fresh.tokens.get(0);
            List<Verified> kept = new ArrayList<>(TOKENS_PER_KEY);
            kept.add(added);
            for (Verified token : tokens) {
                if (kept.size() < TOKENS_PER_KEY && !MessageDigest.isEqual(token.digest(), added.digest())) {
                    kept.add(token);
                }
            }
            return new Entry(principal, List.copyOf(kept));
        }
    }
}
