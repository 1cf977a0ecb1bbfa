package io.appkeys.adapter.http;

import jakarta.inject.Singleton;

/**
 * Whether the server is stopping. From SIGTERM on, every answer closes its connection ({@code Connection: close}), so
 * that a keep-alive connection carries no request after the one in flight, and the client's next one goes to
 * another server. Micronaut's graceful shutdown stops accepting connections, but over HTTP/1.1 it goes on reading
 * requests from the ones already open, for as long as their clients keep them busy, and then closes the store
 * under them. Set by {@link Shutdown}; read by {@link AccessLog}, the first filter of every request.
 */
@Singleton
final class Draining {

    private volatile boolean started;

    void start() {
        started = true;
    }

    boolean started() {
        return started;
    }
}
