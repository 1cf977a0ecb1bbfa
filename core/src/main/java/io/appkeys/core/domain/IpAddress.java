package io.appkeys.core.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address, as a caller's address is part of what it presents. Read from its literal form only,
 * never by a name lookup; an IPv6 address that maps an IPv4 one ({@code ::ffff:192.0.2.1}, as dual-stack sockets
 * report IPv4 peers) is that IPv4 address.
 */
public final class IpAddress {

    private static final int MAX_LITERAL = 45;
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of these 4 or 16 bytes. */
    public static IpAddress of(byte[] bytes) {
        if (bytes.length == 16 && Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12)) {
            return new IpAddress(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (bytes.length != 4 && bytes.length != 16) {
            throw new InvalidInputException("an IP address has 4 or 16 bytes, got " + bytes.length);
        }
        return new IpAddress(bytes.clone());
    }

    public static IpAddress of(InetAddress address) {
        return of(address.getAddress());
    }

    /** The address a literal names ({@code 192.0.2.1}, {@code 2001:db8::1}); empty for anything else. */
    public static Optional<IpAddress> read(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LITERAL) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return readIpv4(text);
        }
        // hexadecimal digits, colons and dots only (a trailing IPv4 part): no zone, nothing a lookup could read
        if (!text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(InetAddress.getByName(text)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address a literal names. @throws InvalidInputException for anything else */
    public static IpAddress parse(String text) {
        return read(text).orElseThrow(() -> new InvalidInputException("not an IPv4 or IPv6 address: " + shown(text)));
    }

    /** Dotted decimal, exactly four parts from 0 to 255 without leading zeros. */
    private static Optional<IpAddress> readIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty()
                    || part.length() > 3
                    || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(new IpAddress(bytes));
    }

    /** 4 for IPv4, 16 for IPv6. */
    int length() {
        return bytes.length;
    }

    int unsignedByte(int index) {
        return bytes[index] & 0xff;
    }

    /** Its 4 or 16 bytes, a copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    static String shown(String text) {
        if (text == null) {
            return "nothing";
        }
        String printable = text.codePoints()
                .limit(60)
                .map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return text.length() > 60 ? printable + "..." : printable;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /**
     * The canonical literal: dotted decimal, or IPv6 as RFC 5952 writes it (lowercase, no leading zeros, the
     * longest run of two or more zero groups, the first of equals, as {@code ::}).
     */
    @Override
    public String toString() {
        if (bytes.length == 4) {
            return unsignedByte(0) + "." + unsignedByte(1) + "." + unsignedByte(2) + "." + unsignedByte(3);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (unsignedByte(2 * i) << 8) | unsignedByte(2 * i + 1);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
