package io.appkeys.adapter.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a request comes from: the peer of its connection, or, behind a proxy the operator names with
 * {@code appkeys.client-address-header} (for example {@code X-Forwarded-For}), the right-most address in that
 * header, which is the one the proxy itself added. Forwarding headers are ignored otherwise, since any client
 * can send one: they would let a client pick its own address, and so escape the throttle.
 */
@Singleton
final class ClientAddress {

    private static final int IPV6_PREFIX_BYTES = 8;

    private final Optional<String> header;

    ClientAddress(@Value("${appkeys.client-address-header:}") String header) {
        this.header = Optional.of(header.strip()).filter(name -> !name.isEmpty());
    }

    /** The client's address, as the audit log records it. */
    String of(HttpRequest<?> request) {
        return header.flatMap(name -> Optional.ofNullable(request.getHeaders().get(name)))
                .map(value -> value.substring(value.lastIndexOf(',') + 1).strip())
                .filter(ClientAddress::isAddress)
                .orElseGet(() -> peer(request));
    }

    /**
     * The source that failed attempts are counted for: the address, or for IPv6 its /64 network, which one
     * client typically holds whole and could otherwise walk through address by address.
     */
    String source(HttpRequest<?> request) {
        String address = of(request);
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length <= IPV6_PREFIX_BYTES) {
                return address;
            }
            byte[] network = new byte[16];
            System.arraycopy(bytes, 0, network, 0, IPV6_PREFIX_BYTES);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** An IPv4 or IPv6 literal, by its characters: nothing that would need a name lookup or a log escape. */
    private static boolean isAddress(String value) {
        return !value.isEmpty()
                && value.length() <= 45
                && value.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0);
    }
}
