package io.appkeys.adapter.http;

import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.port.in.ReadMetricsUseCase;
import io.appkeys.core.port.in.ReadMetricsUseCase.Metrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes core's counters (authentications, the credential cache, hashing, the change feed) as meters, read
 * when the registry is scraped: nothing is added to a request's path. No label holds an appKey, an account or any
 * per-key value.
 */
@Singleton
@RequiresMetrics
final class CoreMetrics implements MeterBinder {

    private final ReadMetricsUseCase core;

    CoreMetrics(ReadMetricsUseCase core) {
        this.core = core;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        authentications(registry, "authenticated", "none", Metrics::authenticated);
        for (RejectionReason reason : RejectionReason.values()) {
            authentications(
                    registry, "rejected", reason.name().toLowerCase(Locale.ROOT), metrics -> metrics.rejected(reason));
        }
        authentications(registry, "throttled", "none", Metrics::throttled);
        authentications(registry, "overloaded", "none", Metrics::overloaded);

        lookups(registry, "hit", Metrics::cacheHits);
        lookups(registry, "miss", Metrics::cacheMisses);
        gauge(registry, "appkeys.cache.size", "Keys and signed tokens in the credential cache", Metrics::cacheSize);

        gauge(registry, "appkeys.hashing.active", "Slow checks (Argon2, signatures) running", Metrics::hashingActive);
        gauge(registry, "appkeys.hashing.waiting", "Checks waiting for a turn at hashing", Metrics::hashingWaiting);
        FunctionTimer.builder(
                        "appkeys.argon2",
                        core,
                        useCase -> useCase.metrics().hashes(),
                        useCase -> useCase.metrics().hashingTime().toNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Argon2id hashes and verifications, and their time")
                .register(registry);

        TimeGauge.builder(
                        "appkeys.changes.lag",
                        core,
                        TimeUnit.MILLISECONDS,
                        useCase -> useCase.metrics()
                                .changeFeedLag()
                                .map(lag -> (double) lag.toMillis())
                                .orElse(0.0))
                .description("How long ago this server last applied every change in the store's feed")
                .register(registry);
    }

    private void authentications(
            MeterRegistry registry, String outcome, String reason, ToDoubleFunction<Metrics> count) {
        FunctionCounter.builder("appkeys.authentications", core, useCase -> count.applyAsDouble(useCase.metrics()))
                .description("Authentication attempts, by outcome and, for refusals, reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }

    private void lookups(MeterRegistry registry, String result, ToDoubleFunction<Metrics> count) {
        FunctionCounter.builder("appkeys.cache.lookups", core, useCase -> count.applyAsDouble(useCase.metrics()))
                .description("Credential cache lookups of well-formed attempts, by result")
                .tag("result", result)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Metrics> value) {
        Gauge.builder(name, core, useCase -> value.applyAsDouble(useCase.metrics()))
                .description(description)
                .register(registry);
    }
}
