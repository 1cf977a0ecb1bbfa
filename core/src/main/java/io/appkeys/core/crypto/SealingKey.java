package io.appkeys.core.crypto;

import io.appkeys.core.domain.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals signing keys before they are stored (AES-256-GCM), kept outside the store: a file of its
 * own, or an environment variable. Each sealed value is bound to a context (the signing key's id), so a sealed
 * value moved to another record does not open. Printed redacted.
 */
public final class SealingKey {

    /** Bytes of key: AES-256. */
    public static final int LENGTH = 32;

    private static final byte FORMAT = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SealingKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A new random key. */
    public static SealingKey generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new SealingKey(bytes);
    }

    /** The key written as {@link #toBase64()} wrote it. */
    public static SealingKey fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("a sealing key must be " + LENGTH + " bytes in base64");
        }
        if (bytes.length != LENGTH) {
            throw new InvalidInputException(
                    "a sealing key must be " + LENGTH + " bytes in base64, got " + bytes.length);
        }
        return new SealingKey(bytes);
    }

    /** The key in base64, to be kept where the store is not. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** {@code plain}, encrypted and authenticated, bound to {@code context}. */
    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plain, 0, plain.length, context);
        return ByteBuffer.allocate(1 + NONCE_LENGTH + sealed.length)
                .put(FORMAT)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /**
     * What {@link #seal} sealed under this key and {@code context}.
     *
     * @throws IllegalStateException when it was sealed under another key or context, or altered since
     */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalStateException("not a sealed value of a known format");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        return crypt(Cipher.DECRYPT_MODE, nonce, sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH, context);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, int offset, int length, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the sealed value does not open with this sealing key: it was sealed"
                    + " under another one, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SealingKey[redacted]";
    }
}
