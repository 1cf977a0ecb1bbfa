package io.appkeys.adapter.http;

import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.IpAddress;
import io.appkeys.core.domain.TrustedProxies;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a request comes from: the peer of its connection or, when that peer is one of the proxies the operator
 * trusts ({@code appkeys.trusted-proxies}, CIDR ranges), the hop just before them in {@code X-Forwarded-For} (or
 * the header named by {@code appkeys.client-address-header}); see core's {@link TrustedProxies}. The header is
 * never read from any other peer, since any client can send one: it would let a client pick its own address, and
 * so escape the throttle and a key's networks.
 */
@Context // made at start, so that a setting it refuses stops the server from starting
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final int IPV6_PREFIX_BYTES = 8;

    private final String header;
    private final TrustedProxies proxies;

    ClientAddress(
            @Value("${appkeys.client-address-header:}") String header,
            @Value("${appkeys.trusted-proxies:}") String proxies) {
        this.proxies = TrustedProxies.of(AllowedNetworks.parse(proxies));
        String named = header.strip();
        if (!named.isEmpty() && this.proxies.none()) {
            throw new ConfigurationException("appkeys.client-address-header (APPKEYS_CLIENT_ADDRESS_HEADER) is read"
                    + " only from trusted proxies: name them in appkeys.trusted-proxies (APPKEYS_TRUSTED_PROXIES)");
        }
        this.header = named.isEmpty() ? FORWARDED_FOR : named;
    }

    /** The client's address, empty in the rare case the connection's peer has none. */
    Optional<IpAddress> address(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return Optional.empty();
        }
        IpAddress peer = IpAddress.of(remote.getAddress());
        if (!proxies.trusts(peer)) {
            return Optional.of(peer);
        }
        return Optional.of(proxies.clientOf(peer, request.getHeaders().getAll(header)));
    }

    /**
     * Whether the client reached the server over TLS: the connection itself, or a trusted proxy that says so with
     * {@code X-Forwarded-Proto: https} (a header no other peer is believed about).
     */
    boolean overTls(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null || !proxies.trusts(IpAddress.of(remote.getAddress()))) {
            return false;
        }
        return "https"
                .equalsIgnoreCase(request.getHeaders()
                        .get(FORWARDED_PROTO, String.class)
                        .orElse("")
                        .strip());
    }

    /** The client's address, as the audit log records it. */
    String of(HttpRequest<?> request) {
        return address(request).map(IpAddress::toString).orElse("unknown");
    }

    /**
     * The source that failed attempts from {@code address} are counted for: the address, or for IPv6 its /64
     * network, which one client typically holds whole and could otherwise walk through address by address.
     */
    static String source(Optional<IpAddress> address) {
        return address.map(ClientAddress::source).orElse("unknown");
    }

    private static String source(IpAddress address) {
        byte[] bytes = address.bytes();
        if (bytes.length <= IPV6_PREFIX_BYTES) {
            return address.toString();
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, IPV6_PREFIX_BYTES), 16);
        return IpAddress.of(network) + "/64";
    }
}
