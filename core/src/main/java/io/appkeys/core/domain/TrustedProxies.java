package io.appkeys.core.domain;

import java.util.List;
import java.util.Optional;

/**
 * The proxies in front of a server whose word on a client's address is taken: a load balancer, or the gateway
 * that calls {@code authz/check}. A request's client is the peer of its connection, unless that peer is one of
 * these proxies: then it is the address the proxies recorded in {@code X-Forwarded-For}, read from the right past
 * every trusted proxy to the first hop that is not one. A header from any other peer is ignored, since a client
 * can send one naming any address it likes.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(AllowedNetworks.ANYWHERE);

    private final AllowedNetworks proxies;

    private TrustedProxies(AllowedNetworks proxies) {
        this.proxies = proxies;
    }

    /** The proxies in these ranges; none trusts no proxy. */
    public static TrustedProxies of(AllowedNetworks proxies) {
        return proxies.anywhere() ? NONE : new TrustedProxies(proxies);
    }

    public boolean none() {
        return proxies.anywhere();
    }

    /** Whether {@code address} is a trusted proxy. */
    public boolean trusts(IpAddress address) {
        return !proxies.anywhere() && proxies.allows(Optional.of(address));
    }

    /**
     * The client of a request from {@code peer} that carries these {@code X-Forwarded-For} values, in the order
     * of its header lines (each a comma-separated list of hops, the nearest last). A hop that is not an address
     * ends the reading: the client is then the nearest hop read, the last proxy that could be trusted to say.
     */
    public IpAddress clientOf(IpAddress peer, List<String> forwardedFor) {
        IpAddress client = peer;
        if (!trusts(peer)) {
            return client;
        }
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String[] hops = forwardedFor.get(line).split(",", -1);
            for (int hop = hops.length - 1; hop >= 0; hop--) {
                Optional<IpAddress> address = IpAddress.read(hops[hop].strip());
                if (address.isEmpty()) {
                    return client;
                }
                client = address.get();
                if (!trusts(client)) {
                    return client;
                }
            }
        }
        return client;
    }

    @Override
    public String toString() {
        return proxies.toString();
    }
}
