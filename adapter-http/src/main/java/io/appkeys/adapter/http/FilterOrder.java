package io.appkeys.adapter.http;

import io.micronaut.core.order.Ordered;

/** The order the server's filters run in, first to last. */
final class FilterOrder {

    /** The access log times the whole request (for the metrics too), so it comes first. */
    static final int ACCESS_LOG = Ordered.HIGHEST_PRECEDENCE + 1000;

    /** A gateway's cached check is answered before anything else runs. */
    static final int GATEWAY_CHECK = ACCESS_LOG + 1;

    /** Every other {@code /api} request is authenticated before it is routed to its controller. */
    static final int AUTHENTICATION = GATEWAY_CHECK + 1;

    private FilterOrder() {}
}
