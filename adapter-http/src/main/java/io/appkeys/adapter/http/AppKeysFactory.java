package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.adapter.persistence.PoolStatistics;
import io.appkeys.adapter.persistence.SealingKeys;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Argon2idHasher;
import io.appkeys.core.crypto.SealingKey;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.service.AppKeysSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The composition root: the only place that knows how the authority is assembled. It opens the store
 * (embedded H2 by default, PostgreSQL through {@code APPKEYS_DB_URL}), builds core on it with the configured
 * Argon2 parameters and settings, and closes both on shutdown. {@link UseCaseBeans} publishes each use case;
 * everything else sees those ports only.
 */
@Factory
class AppKeysFactory {

    /** {@code APPKEYS_DB_URL}, {@code APPKEYS_DB_USER}, {@code APPKEYS_DB_PASSWORD}, else the embedded file. */
    @Singleton
    @Secondary
    DatabaseSettings databaseSettings() {
        return DatabaseSettings.fromEnvironment(System.getenv());
    }

    /**
     * The key that seals the token-signing keys in the store: {@code APPKEYS_SEALING_KEY}, else the file named
     * by {@code APPKEYS_SEALING_KEY_FILE}, else {@code sealing.key} in {@code APPKEYS_HOME}, made on first use.
     */
    @Singleton
    @Secondary
    SealingKey sealingKey() {
        return SealingKey.fromBase64(SealingKeys.fromEnvironment(System.getenv()));
    }

    /**
     * The store; {@link AppKeys} closes it. The one {@link Server#main} began opening, when it is for these
     * settings.
     */
    @Singleton
    Storage storage(DatabaseSettings database, Optional<StoreOpening> opening) {
        if (opening.isPresent() && opening.get().isFor(database)) {
            return opening.get().take();
        }
        opening.ifPresent(StoreOpening::discard);
        return StoreOpening.open(database);
    }

    /** Built at start, so a store that cannot be opened stops the server with the store's message. */
    @Context
    @Bean(preDestroy = "close")
    AppKeys appKeys(Storage storage, SealingKey sealing, AppKeysProperties properties) {
        Argon2idHasher hasher = new Argon2idHasher(argon2(properties));
        try {
            return AppKeys.builder()
                    .storage(storage)
                    .hasher(hasher)
                    .settings(settings(properties))
                    .sealingKey(sealing)
                    .usageFlushEvery(properties.getUsageFlushEvery())
                    .build();
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** The store's connection pool as meters: connections lent, idle, waited for, and the most it opens. */
    @Singleton
    @RequiresMetrics
    MeterBinder poolMetrics(Storage storage) {
        return registry -> {
            poolGauge(registry, storage, "active", "Connections lent out", PoolStatistics::active);
            poolGauge(registry, storage, "idle", "Connections ready in the pool", PoolStatistics::idle);
            poolGauge(registry, storage, "waiting", "Threads waiting for a connection", PoolStatistics::waiting);
            poolGauge(registry, storage, "max", "The most connections the pool opens", PoolStatistics::max);
        };
    }

    private static void poolGauge(
            MeterRegistry registry,
            Storage storage,
            String name,
            String description,
            ToIntFunction<PoolStatistics> value) {
        Gauge.builder(
                        "appkeys.store.connections." + name,
                        storage,
                        store -> Databases.poolStatistics(store)
                                .map(value::applyAsInt)
                                .orElse(0))
                .description(description)
                .register(registry);
    }

    /** Core's settings; invalid values fail the start with core's message. */
    private static AppKeysSettings settings(AppKeysProperties properties) {
        return new AppKeysSettings(
                properties.getAppKeyPrefix(),
                properties.getRenewalPeriod(),
                properties.getCacheTtl(),
                properties.getCacheMaxEntries(),
                properties.getThrottleMaxFailures(),
                properties.getThrottleWindow(),
                properties.getHashingConcurrency(),
                properties.getHashingMaxWait(),
                properties.getUsageInterval(),
                properties.getRefusalTime(),
                properties.getFeedPollInterval(),
                properties.getPropagationWait(),
                properties.getSignedTokenLifetime(),
                properties.getSigningKeyRotation(),
                properties.getTokenIssuer(),
                properties.getUsageRetention());
    }

    /** OWASP's minimum, with whatever the configuration overrides. */
    private static Argon2Parameters argon2(AppKeysProperties properties) {
        Argon2Parameters owasp = Argon2Parameters.owasp();
        return new Argon2Parameters(
                properties.argon2MemoryKib().orElse(owasp.memoryKib()),
                properties.argon2Iterations().orElse(owasp.iterations()),
                properties.argon2Parallelism().orElse(owasp.parallelism()));
    }
}
