package io.appkeys.core.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a key may be used from: anywhere (the default), or only from addresses in the given ranges, as Google
 * Cloud's API key restrictions have it. A caller whose address is not known cannot use a restricted key.
 */
public final class AllowedNetworks {

    /** The most ranges one key may name. */
    public static final int MAX_RANGES = 50;

    public static final AllowedNetworks ANYWHERE = new AllowedNetworks(List.of());

    private final List<IpRange> ranges;

    private AllowedNetworks(List<IpRange> ranges) {
        this.ranges = ranges;
    }

    /** The ranges, without repeats; none is anywhere. */
    public static AllowedNetworks of(List<IpRange> ranges) {
        List<IpRange> distinct = List.copyOf(new LinkedHashSet<>(ranges));
        if (distinct.size() > MAX_RANGES) {
            throw new InvalidInputException(
                    "at most " + MAX_RANGES + " network ranges may be named, got " + distinct.size());
        }
        return distinct.isEmpty() ? ANYWHERE : new AllowedNetworks(distinct);
    }

    /** Ranges as stored or typed: separated by commas or spaces; blank is anywhere. */
    public static AllowedNetworks parse(String text) {
        if (text == null || text.isBlank()) {
            return ANYWHERE;
        }
        List<IpRange> ranges = new ArrayList<>();
        for (String range : text.strip().split("[,\\s]+")) {
            ranges.add(IpRange.parse(range));
        }
        return of(ranges);
    }

    public static AllowedNetworks parse(List<String> texts) {
        return of(texts.stream().map(IpRange::parse).toList());
    }

    /** Whether a caller at {@code address} (empty when it is not known) may use the key. */
    public boolean allows(Optional<IpAddress> address) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (address.isEmpty()) {
            return false;
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(address.get())) {
                return true;
            }
        }
        return false;
    }

    public boolean anywhere() {
        return ranges.isEmpty();
    }

    public List<IpRange> ranges() {
        return ranges;
    }

    /** The ranges in canonical form, to show or to store. */
    public List<String> written() {
        return ranges.stream().map(IpRange::toString).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AllowedNetworks networks && ranges.equals(networks.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    /** The ranges separated by commas; empty for anywhere. */
    @Override
    public String toString() {
        return ranges.stream().map(IpRange::toString).collect(Collectors.joining(","));
    }
}
