package io.appkeys.core.service.authentication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs one piece of work per name at a time: callers that ask for a name while its work runs wait for that
 * result instead of doing the work again. Keeps a busy key whose cache entry ran out from sending every
 * waiting request to the store (and a repeated wrong token from sending every copy to the hasher).
 */
final class SingleFlight<K, T> {

    private final ConcurrentHashMap<K, CompletableFuture<T>> running = new ConcurrentHashMap<>();

    T run(K name, Supplier<T> work) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> other = running.putIfAbsent(name, mine);
        if (other != null) {
            return join(other);
        }
        try {
            T result = work.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(name, mine);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
