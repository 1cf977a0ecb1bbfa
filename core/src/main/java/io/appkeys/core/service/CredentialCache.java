package io.appkeys.core.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.KeyPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials that passed a full check, so later requests with the same pair skip the store and
 * the slow hash. It keeps no token: only an HMAC of it under a key made at start-up, compared in constant
 * time. Every change to a key must {@link #evict} it once the change is committed.
 *
 * <p>An eviction that races with a check in progress wins: the check takes a {@link #stamp()} before it
 * reads the store, and {@link #put} drops its entry if any eviction happened since.
 */
public final class CredentialCache {

    private static final String HMAC = "HmacSHA256";

    private final Cache<String, Entry> entries;
    private final AtomicLong evictions = new AtomicLong();
    private final ThreadLocal<Mac> macs;

    public CredentialCache(int maxEntries) {
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, HMAC);
        this.macs = ThreadLocal.withInitial(() -> newMac(spec));
    }

    /** The principal of a pair verified before and still trusted at {@code nowMillis}, or null. */
    KeyPrincipal lookup(String appKey, String appToken, long nowMillis) {
        Entry entry = entries.getIfPresent(appKey);
        return entry == null ? null : entry.match(digest(appToken), nowMillis);
    }

    /** A mark to take before reading the store for a check whose result may be {@link #put}. */
    long stamp() {
        return evictions.get();
    }

    /** Trusts the pair until {@code validUntilMillis}, unless an eviction happened since {@code stamp}. */
    void put(long stamp, String appKey, String appToken, KeyPrincipal principal, long validUntilMillis) {
        Entry fresh = new Entry(principal, new byte[][] {digest(appToken)}, new long[] {validUntilMillis});
        entries.asMap().merge(appKey, fresh, Entry::merge);
        if (evictions.get() != stamp) {
            entries.invalidate(appKey);
        }
    }

    /** Forgets every verified token of the key; call it after the change is committed. */
    public void evict(AppKeyName appKey) {
        evictions.incrementAndGet();
        entries.invalidate(appKey.value());
    }

    /** Forgets everything, for example after a change whose reach is unknown. */
    public void evictAll() {
        evictions.incrementAndGet();
        entries.invalidateAll();
    }

    private byte[] digest(String appToken) {
        return macs.get().doFinal(appToken.getBytes(StandardCharsets.US_ASCII));
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

    /** The verified tokens of one key (two while a renewal is pending) and its principal. */
    private record Entry(KeyPrincipal principal, byte[][] digests, long[] validUntil) {

        KeyPrincipal match(byte[] digest, long nowMillis) {
            for (int i = 0; i < digests.length; i++) {
                if (nowMillis < validUntil[i] && MessageDigest.isEqual(digest, digests[i])) {
                    return principal;
                }
            }
            return null;
        }

        /** Adds the newly verified token to what was known, unless the key's principal changed meanwhile. */
        Entry merge(Entry fresh) {
            if (!principal.equals(fresh.principal) || digests.length >= 2) {
                return fresh;
            }
            byte[][] allDigests = Arrays.copyOf(digests, digests.length + 1);
            long[] allValid = Arrays.copyOf(validUntil, validUntil.length + 1);
            allDigests[digests.length] = fresh.digests[0];
            allValid[digests.length] = fresh.validUntil[0];
            return new Entry(principal, allDigests, allValid);
        }
    }
}
