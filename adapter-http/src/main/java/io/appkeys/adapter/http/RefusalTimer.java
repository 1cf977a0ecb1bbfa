package io.appkeys.adapter.http;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Gives held answers (refusals, which core says to answer a while after their check began) when their time comes,
 * by a timer rather than a waiting thread. It is the server's own, not Micronaut's scheduler: that one drops its
 * delayed tasks as soon as a graceful shutdown begins, which would leave a held refusal unanswered until the grace
 * period ran out. This one runs until the server's beans are closed, after the requests in flight are answered.
 */
@Singleton
final class RefusalTimer {

    private final ScheduledThreadPoolExecutor executor;

    RefusalTimer() {
        this.executor = new ScheduledThreadPoolExecutor(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "appkeys-refusals");
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    /** The answer, or the exception {@code answer} throws, after {@code pause} (at once when it is not positive). */
    <T> CompletionStage<T> after(Duration pause, Supplier<T> answer) {
        CompletableFuture<T> later = new CompletableFuture<>();
        Runnable give = () -> {
            try {
                later.complete(answer.get());
            } catch (RuntimeException e) {
                later.completeExceptionally(e);
            }
        };
        if (pause.isZero() || pause.isNegative()) {
            give.run();
        } else {
            executor.schedule(give, pause.toNanos(), TimeUnit.NANOSECONDS);
        }
        return later;
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
