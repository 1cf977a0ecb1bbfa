package io.appkeys.core;

import static java.util.Map.entry;

import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Argon2idHasher;
import io.appkeys.core.crypto.Es256TokenSigner;
import io.appkeys.core.crypto.SealingKey;
import io.appkeys.core.crypto.SecureRandomCredentialGenerator;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.in.ActInAccountUseCase;
import io.appkeys.core.port.in.AddUserUseCase;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.ChangeAccountSettingsUseCase;
import io.appkeys.core.port.in.CheckReadinessUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.CreateRoleUseCase;
import io.appkeys.core.port.in.DefineResourceUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.ExportAppKeysUseCase;
import io.appkeys.core.port.in.FindAccountUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.GetAccountSettingsUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.appkeys.core.port.in.GetUserUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.ListPrincipalRolesUseCase;
import io.appkeys.core.port.in.ListResourcesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.ListUsersUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.PublicKeysUseCase;
import io.appkeys.core.port.in.ReadAuditLogUseCase;
import io.appkeys.core.port.in.ReadMetricsUseCase;
import io.appkeys.core.port.in.ReadRecentAuditLogUseCase;
import io.appkeys.core.port.in.RemoveUserUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import io.appkeys.core.port.out.CredentialGenerator;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.port.out.TokenSigner;
import io.appkeys.core.service.AccessService;
import io.appkeys.core.service.AccountService;
import io.appkeys.core.service.AccountSettingsService;
import io.appkeys.core.service.AppKeysSettings;
import io.appkeys.core.service.AuditService;
import io.appkeys.core.service.AuthorizationService;
import io.appkeys.core.service.ExportService;
import io.appkeys.core.service.KeyService;
import io.appkeys.core.service.MeteredHasher;
import io.appkeys.core.service.ReadinessService;
import io.appkeys.core.service.RenewalService;
import io.appkeys.core.service.UserService;
import io.appkeys.core.service.authentication.AuthenticationService;
import io.appkeys.core.service.authentication.ChangeFollower;
import io.appkeys.core.service.authentication.ChangePropagation;
import io.appkeys.core.service.authentication.CredentialCache;
import io.appkeys.core.service.authentication.SignedTokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The key authority, assembled for an app that embeds it: {@link #builder()} chooses the parts (each has a
 * default: in-memory storage, Argon2id with OWASP's parameters, {@code SecureRandom} credentials, the system
 * clock), {@link #use} gives each use case by its port, and {@link #close()} writes the last noted key uses and
 * releases the storage. While it runs, a thread follows the store's change feed, so that changes made by other
 * processes sharing the store hold here too (see {@link Builder#followChanges}).
 *
 * <pre>{@code
 * try (AppKeys appKeys = AppKeys.builder().build()) {
 *     AuthenticateUseCase authentication = appKeys.use(AuthenticateUseCase.class);
 *     AuthenticationResult result = authentication.authenticate(appKey, appToken, clientAddress);
 * }
 * }</pre>
 */
public final class AppKeys implements AutoCloseable {

    private final Storage storage;
    private final AuthenticationService authentication;
    private final ChangeFollower follower;
    private final Map<Class<?>, Object> useCases;
    private final ScheduledExecutorService timer;

    private AppKeys(Builder builder) {
        this.storage = builder.storage;
        // the use cases that write instants see them to the microsecond, as every store keeps them, so that what
        // is read back equals what was written; authentication keeps the clock as given (it counts milliseconds,
        // which a clock ticking in microseconds cannot tell)
        Clock clock = Clock.tick(builder.clock, Duration.of(1, ChronoUnit.MICROS));
        AppKeysSettings settings = builder.settings;
        CredentialGenerator generator = builder.generator != null
                ? builder.generator
                : new SecureRandomCredentialGenerator(settings.appKeyPrefix());
        MeteredHasher hasher = new MeteredHasher(builder.hasher != null ? builder.hasher : new Argon2idHasher());
        CredentialCache cache = new CredentialCache(settings.cacheMaxEntries(), settings.cacheTtl());
        String name = UUID.randomUUID().toString(); // among the processes following the store's changes
        ChangePropagation changes =
                new ChangePropagation(cache, storage.changes(), clock, settings.propagationWait(), name);
        AccountService accounts = new AccountService(storage, clock);
        AccountSettingsService accountSettings = new AccountSettingsService(storage, clock, settings);
        UserService users = new UserService(storage, changes, clock);
        KeyService keys = new KeyService(storage, generator, hasher, changes, clock, settings);
        RenewalService renewals = new RenewalService(storage, generator, hasher, changes, clock, settings);
        AccessService access = new AccessService(storage, changes, clock);
        AuditService audit = new AuditService(storage);
        TokenSigner signer = builder.tokenSigner != null
                ? builder.tokenSigner
                : new Es256TokenSigner(
                        storage.signingKeys(),
                        sealingKey(builder.sealingKey),
                        builder.clock,
                        settings.tokenIssuer(),
                        settings.signingKeyRotation(),
                        settings.signedTokenLifetime());
        this.authentication = new AuthenticationService(storage, hasher, signer, cache, builder.clock, settings);
        SignedTokenService signedTokens =
                new SignedTokenService(authentication, cache, storage, signer, builder.clock, settings);
        this.useCases = Map.ofEntries(
                entry(CreateAccountUseCase.class, accounts),
                entry(FindAccountUseCase.class, accounts),
                entry(ListAccountsUseCase.class, accounts),
                entry(CheckReadinessUseCase.class, new ReadinessService(storage)),
                entry(GetAccountSettingsUseCase.class, accountSettings),
                entry(ChangeAccountSettingsUseCase.class, accountSettings),
                entry(AddUserUseCase.class, users),
                entry(RemoveUserUseCase.class, users),
                entry(GetUserUseCase.class, users),
                entry(ListUsersUseCase.class, users),
                entry(CreateAppKeyUseCase.class, keys),
                entry(ListAppKeysUseCase.class, keys),
                entry(ExportAppKeysUseCase.class, new ExportService(storage, clock, settings)),
                entry(GetAppKeyUseCase.class, keys),
                entry(GetKeyUsageUseCase.class, keys),
                entry(SetAppKeyActiveUseCase.class, keys),
                entry(SetAppKeyExpiryUseCase.class, keys),
                entry(SetAppKeyNetworksUseCase.class, keys),
                entry(SetAppKeyMetadataUseCase.class, keys),
                entry(DeleteAppKeyUseCase.class, keys),
                entry(RenewAppTokenUseCase.class, renewals),
                entry(FinishRenewalUseCase.class, renewals),
                entry(CancelRenewalUseCase.class, renewals),
                entry(DefineResourceUseCase.class, access),
                entry(ListResourcesUseCase.class, access),
                entry(CreateRoleUseCase.class, access),
                entry(ListRolesUseCase.class, access),
                entry(LinkRolesUseCase.class, access),
                entry(UnlinkRoleUseCase.class, access),
                entry(ListPrincipalRolesUseCase.class, access),
                entry(ActInAccountUseCase.class, access),
                entry(AuthenticateUseCase.class, authentication),
                entry(LoginUseCase.class, signedTokens),
                entry(PublicKeysUseCase.class, signedTokens),
                entry(AuthorizeUseCase.class, new AuthorizationService()),
                entry(ReadAuditLogUseCase.class, audit),
                entry(ReadRecentAuditLogUseCase.class, audit),
                entry(ReadMetricsUseCase.class, (ReadMetricsUseCase) () -> metrics(cache, hasher)));
        this.timer = builder.usageFlushEvery == null ? null : startUsageTimer(builder.usageFlushEvery);
        this.follower = builder.followChanges
                ? new ChangeFollower(storage.changes(), cache, builder.clock, settings.feedPollInterval(), name)
                : null;
        if (follower != null) {
            follower.start();
        }
    }

    private ReadMetricsUseCase.Metrics metrics(CredentialCache cache, MeteredHasher hasher) {
        return authentication.metrics(
                cache.size(),
                hasher.count(),
                hasher.time(),
                Optional.ofNullable(follower).map(ChangeFollower::lag));
    }

    /** The given sealing key, asked for once; or a new one for this instance. */
    private static Supplier<SealingKey> sealingKey(Supplier<SealingKey> given) {
        if (given == null) {
            SealingKey own = SealingKey.generate();
            return () -> own;
        }
        return given;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The use case behind {@code port}, one of {@link #useCases()}. */
    public <T> T use(Class<T> port) {
        Object useCase = useCases.get(port);
        if (useCase == null) {
            throw new IllegalArgumentException(port.getName() + " is not a use case of AppKeys");
        }
        return port.cast(useCase);
    }

    /** The port of every use case, each of which {@link #use} gives. */
    public Set<Class<?>> useCases() {
        return useCases.keySet();
    }

    /**
     * Writes the noted uses of keys now (last uses and hourly counts), and at most once an hour forgets counts older
     * than the usage retention; a timer does it regularly. Returns how many tokens' last uses it wrote.
     */
    public int flushUsage() {
        return authentication.maintainUsage();
    }

    /** Refused authentications by cause since start; {@link ReadMetricsUseCase} gives every count. */
    public Map<RejectionReason, Long> rejections() {
        return authentication.rejections();
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        authentication.close();
        storage.close();
    }

    private ScheduledExecutorService startUsageTimer(Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "appkeys-usage");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                authentication::maintainUsage, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Chooses the parts; every one has a default. */
    public static final class Builder {

        private Storage storage = new InMemoryStorage();
        private SecretHasher hasher;
        private CredentialGenerator generator;
        private Clock clock = Clock.systemUTC();
        private AppKeysSettings settings = AppKeysSettings.defaults();
        private Duration usageFlushEvery = Duration.ofSeconds(10);
        private boolean followChanges = true;
        private TokenSigner tokenSigner;
        private Supplier<SealingKey> sealingKey;

        private Builder() {}

        /** Where everything is kept; closed with the built instance. Default: in memory. */
        public Builder storage(Storage value) {
            this.storage = Objects.requireNonNull(value, "storage");
            return this;
        }

        /** How tokens are hashed. Default: Argon2id with OWASP's minimum parameters. */
        public Builder hasher(SecretHasher value) {
            this.hasher = Objects.requireNonNull(value, "hasher");
            return this;
        }

        /** Argon2id with these parameters. */
        public Builder argon2(Argon2Parameters parameters) {
            return hasher(new Argon2idHasher(parameters));
        }

        /** How appKeys and tokens are made. Default: {@code SecureRandom} with the settings' prefix. */
        public Builder generator(CredentialGenerator value) {
            this.generator = Objects.requireNonNull(value, "generator");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder settings(AppKeysSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** How often noted key uses are written; {@code null} for never (then call {@link #flushUsage()}). */
        public Builder usageFlushEvery(Duration value) {
            this.usageFlushEvery = value;
            return this;
        }

        /**
         * Whether to follow the store's change feed, so that a change made by another process sharing the store
         * holds here within the poll interval (by default, yes). A process that lives for one command, and
         * keeps no cache worth keeping fresh, may say no; then what it caches is trusted for the cache TTL.
         */
        public Builder followChanges(boolean value) {
            this.followChanges = value;
            return this;
        }

        /**
         * How signed tokens are signed and checked. Default: ES256, with signing keys kept in the storage, sealed
         * under the {@link #sealingKey}.
         */
        public Builder tokenSigner(TokenSigner value) {
            this.tokenSigner = Objects.requireNonNull(value, "tokenSigner");
            return this;
        }

        /**
         * The key that seals the signing keys kept in the storage; it must be kept outside the storage, and be the
         * same for every process sharing it. Default: a new one for this instance, which suits a storage no
         * other process signs tokens on (in memory, for one).
         */
        public Builder sealingKey(SealingKey value) {
            Objects.requireNonNull(value, "sealingKey");
            return sealingKey(() -> value);
        }

        /** The sealing key, found or made only when a token is first signed (a file, say). */
        public Builder sealingKey(Supplier<SealingKey> value) {
            this.sealingKey = Objects.requireNonNull(value, "sealingKey");
            return this;
        }

        public AppKeys build() {
            return new AppKeys(this);
        }
    }
}
