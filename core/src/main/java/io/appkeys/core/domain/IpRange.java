package io.appkeys.core.domain;

import java.util.Objects;

/**
 * A CIDR range of addresses: {@code 203.0.113.0/24}, {@code 2001:db8::/32}; a single address is a range of one
 * ({@code /32}, {@code /128}). The address must be the range's first, so that what is written is what is meant.
 */
public final class IpRange {

    private final IpAddress network;
    private final int prefix;

    private IpRange(IpAddress network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @throws InvalidInputException for anything but an address, optionally with a prefix length that fits it */
    public static IpRange parse(String text) {
        String written = text == null ? "" : text.strip();
        int slash = written.indexOf('/');
        IpAddress address = IpAddress.read(slash < 0 ? written : written.substring(0, slash))
                .orElseThrow(() -> new InvalidInputException(
                        "not a CIDR range such as 203.0.113.0/24 or 2001:db8::/32: " + IpAddress.shown(text)));
        int bits = address.length() * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = written.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new InvalidInputException("the prefix length of " + IpAddress.shown(text) + " is not a number");
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                throw new InvalidInputException(
                        "the prefix length of " + IpAddress.shown(text) + " must be at most " + bits);
            }
        }
        IpRange range = new IpRange(address, prefix);
        if (!range.firstAddressIs(address)) {
            throw new InvalidInputException(IpAddress.shown(text) + " is not the first address of its range");
        }
        return range;
    }

    /** Whether {@code address} is in this range; an IPv4 address is never in an IPv6 range, nor the reverse. */
    public boolean contains(IpAddress address) {
        if (address.length() != network.length()) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address.unsignedByte(i) != network.unsignedByte(i)) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address.unsignedByte(whole) & mask) == network.unsignedByte(whole);
    }

    private boolean firstAddressIs(IpAddress address) {
        for (int bit = prefix; bit < address.length() * 8; bit++) {
            if ((address.unsignedByte(bit / 8) & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpRange range && prefix == range.prefix && network.equals(range.network);
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, prefix);
    }

    /** The canonical form, always with its prefix length: {@code 203.0.113.7/32}. */
    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
