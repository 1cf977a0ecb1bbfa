package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.DuplicateAppKeyException;
import io.appkeys.core.domain.Durations;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenAge;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.GetKeyUsageUseCase;
import io.appkeys.core.port.in.KeyFilter;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.SetAppKeyExpiryUseCase;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import io.appkeys.core.port.out.AppKeyStore.DueFilter;
import io.appkeys.core.port.out.AppKeyStore.KeyQuery;
import io.appkeys.core.port.out.CredentialGenerator;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.Storage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * App keys: created without roles, listed without tokens, switched on and off, given an expiry, networks and
 * metadata, deleted.
 */
public final class KeyService
        implements CreateAppKeyUseCase,
                GetKeyUsageUseCase,
                SetAppKeyExpiryUseCase,
                ListAppKeysUseCase,
                GetAppKeyUseCase,
                SetAppKeyActiveUseCase,
                SetAppKeyNetworksUseCase,
                SetAppKeyMetadataUseCase,
                DeleteAppKeyUseCase {

    /** Collisions of six random letters within one account are rare; this many in a row means a bug. */
    private static final int MAX_NAME_ATTEMPTS = 10;

    private final Storage storage;
    private final AccountScope scope;
    private final CredentialGenerator generator;
    private final SecretHasher hasher;
    private final ChangeListener changes;
    private final Clock clock;
    private final AppKeysSettings settings;

    public KeyService(
            Storage storage,
            CredentialGenerator generator,
            SecretHasher hasher,
            ChangeListener changes,
            Clock clock,
            AppKeysSettings settings) {
        this.storage = storage;
        this.scope = new AccountScope(storage);
        this.generator = generator;
        this.hasher = hasher;
        this.changes = changes;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public CreatedAppKey createAppKey(Caller caller, Label label, Optional<Instant> expiresIn) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeys, "create app keys");
        Instant now = clock.instant();
        requireFuture(expiresIn, now);
        Optional<Instant> expires =
                storage.accounts().settings(caller.account()).expiryFor(expiresIn, now);
        AppToken token = generator.newAppToken();
        IssuedToken issued = new IssuedToken(hasher.hash(token), now);
        for (int attempt = 1; ; attempt++) {
            AppKey key = new AppKey(
                    AppKeyId.random(),
                    caller.account(),
                    generator.newAppKey(caller.account()),
                    label,
                    issued.createdIn(),
                    true,
                    Optional.empty(),
                    expires);
            try {
                storage.transactions().run(() -> {
                    storage.keys().insert(key, issued);
                    storage.audit()
                            .append(AuditEvent.by(
                                    caller,
                                    issued.createdIn(),
                                    AuditAction.KEY_CREATED,
                                    "appkey:" + key.appKey() + " label:" + label
                                            + expires.map(at -> " expires:" + at)
                                                    .orElse("")));
                });
                return new CreatedAppKey(key, token);
            } catch (DuplicateAppKeyException e) {
                if (attempt == MAX_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Page<ListedAppKey> listAppKeys(Caller caller, PageRequest page, KeyFilter filter) {
        AccessPolicy.require(caller, AccessPolicy::mayViewKeys, "view app keys");
        Instant now = clock.instant();
        int months = storage.accounts().settings(caller.account()).renewEveryMonths();
        Optional<DueFilter> due = filter.due()
                ? Optional.of(new DueFilter(TokenAge.dueIfIssuedBy(now, months), now, settings.renewalPeriod()))
                : Optional.empty();
        return storage.keys()
                .list(caller.account(), page, new KeyQuery(filter.label(), filter.active(), due))
                .map(stored -> new ListedAppKey(
                        stored.key(),
                        TokenStatus.of(stored.key(), stored.credentials(), now, settings.renewalPeriod(), months)));
    }

    @Override
    public AppKeyDetails getAppKey(Caller caller, KeyRef ref) {
        AccessPolicy.require(caller, AccessPolicy::mayViewKeys, "view app keys");
        AppKey key = scope.key(caller.account(), ref);
        KeyCredentials credentials = storage.keys().credentials(key.id()).orElseThrow(() -> notFound(ref, caller));
        int months = storage.accounts().settings(caller.account()).renewEveryMonths();
        return new AppKeyDetails(
                key,
                TokenStatus.of(key, credentials, clock.instant(), settings.renewalPeriod(), months),
                storage.roles().rolesOf(caller.account(), key.id()));
    }

    @Override
    public KeyUsage keyUsage(Caller caller, KeyRef ref, int hours) {
        AccessPolicy.require(caller, AccessPolicy::mayViewKeys, "view app keys");
        if (hours < 1 || hours > GetKeyUsageUseCase.MAX_HOURS) {
            throw new InvalidInputException(
                    "hours must be between 1 and " + GetKeyUsageUseCase.MAX_HOURS + ", got " + hours);
        }
        AppKey key = scope.key(caller.account(), ref);
        Instant thisHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = hoursUpTo(thisHour, hours);
        Instant day = hoursUpTo(thisHour, 24);
        Instant week = hoursUpTo(thisHour, 7 * 24);
        List<KeyUsage.Hour> counted = storage.keys().uses(key.id(), from.isBefore(week) ? from : week);
        return new KeyUsage(
                counted.stream().filter(hour -> !hour.start().isBefore(from)).toList(),
                usesSince(counted, day),
                usesSince(counted, week));
    }

    /** The start of the first of {@code hours} hours that end with the one starting at {@code last}. */
    private static Instant hoursUpTo(Instant last, int hours) {
        return last.minus(Duration.ofHours(hours - 1L));
    }

    private static long usesSince(List<KeyUsage.Hour> counted, Instant from) {
        return counted.stream()
                .filter(hour -> !hour.start().isBefore(from))
                .mapToLong(KeyUsage.Hour::uses)
                .sum();
    }

    @Override
    public AppKey setAppKeyExpiry(Caller caller, KeyRef ref, Optional<Instant> expiresIn) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeys, "set the expiry of app keys");
        Instant now = clock.instant();
        requireFuture(expiresIn, now);
        AccountSettings account = storage.accounts().settings(caller.account());
        if (expiresIn.isEmpty() && account.maxKeyLifetime().isPresent()) {
            throw new InvalidInputException("the account's keys live at most "
                    + Durations.format(account.maxKeyLifetime().get()) + ": a key cannot be set to never expire");
        }
        Optional<Instant> expires = account.expiryFor(expiresIn, now);
        return change(
                caller,
                ref,
                now,
                key -> storage.keys().setExpiry(key.id(), expires),
                AuditAction.KEY_EXPIRY_SET,
                "expires:" + expires.map(Instant::toString).orElse("never"),
                key -> key.withExpiresIn(expires));
    }

    private static void requireFuture(Optional<Instant> expiresIn, Instant now) {
        if (expiresIn.isPresent() && !expiresIn.get().isAfter(now)) {
            throw new InvalidInputException("an expiry must be in the future, got " + expiresIn.get());
        }
    }

    @Override
    public AppKey setAppKeyNetworks(Caller caller, KeyRef ref, AllowedNetworks networks) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeys, "restrict app keys");
        return change(
                caller,
                ref,
                clock.instant(),
                key -> storage.keys().setNetworks(key.id(), networks),
                AuditAction.KEY_NETWORKS_SET,
                "networks:" + (networks.anywhere() ? "anywhere" : networks.toString()),
                key -> key.withNetworks(networks));
    }

    @Override
    public AppKey setAppKeyMetadata(Caller caller, KeyRef ref, Optional<KeyMetadata> metadata) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeys, "set the metadata of app keys");
        return change(
                caller,
                ref,
                clock.instant(),
                key -> storage.keys().setMetadata(key.id(), metadata),
                AuditAction.KEY_METADATA_SET,
                "metadata:"
                        + metadata.map(m -> m.json().getBytes(StandardCharsets.UTF_8).length + "bytes")
                                .orElse("none"),
                key -> key.withMetadata(metadata));
    }

    @Override
    public AppKey setAppKeyActive(Caller caller, KeyRef ref, boolean active) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeys, active ? "activate app keys" : "deactivate app keys");
        return change(
                caller,
                ref,
                clock.instant(),
                key -> storage.keys().setActive(key.id(), active),
                active ? AuditAction.KEY_ACTIVATED : AuditAction.KEY_DEACTIVATED,
                "",
                key -> key.withActive(active));
    }

    /**
     * Makes one change to a key that every process must apply: {@code write} it (false when the key was that way
     * already, perhaps just now by a concurrent call that audited it), audit it, and record it in the change feed,
     * in one transaction; then wait for the other processes.
     */
    private AppKey change(
            Caller caller,
            KeyRef ref,
            Instant now,
            Predicate<AppKey> write,
            AuditAction action,
            String detail,
            UnaryOperator<AppKey> changed) {
        Optional<AppKey> done = storage.transactions().inTransaction(() -> {
            AppKey key = scope.key(caller.account(), ref);
            if (!write.test(key)) {
                return Optional.empty();
            }
            String target = "appkey:" + key.appKey() + (detail.isEmpty() ? "" : " " + detail);
            storage.audit().append(AuditEvent.by(caller, now, action, target));
            changes.record(Change.of(key.appKey()), now);
            return Optional.of(changed.apply(key));
        });
        if (done.isEmpty()) {
            return scope.key(caller.account(), ref);
        }
        changes.committed(Change.of(done.get().appKey()));
        return done.get();
    }

    @Override
    public AppKey deleteAppKey(Caller caller, KeyRef ref) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeys, "delete app keys");
        Instant now = clock.instant();
        AppKey deleted = storage.transactions().inTransaction(() -> {
            AppKey key = scope.key(caller.account(), ref);
            storage.roles().unlinkAll(caller.account(), key.id());
            if (!storage.keys().delete(key.id())) {
                throw notFound(ref, caller);
            }
            storage.audit().append(AuditEvent.by(caller, now, AuditAction.KEY_DELETED, "appkey:" + key.appKey()));
            changes.record(Change.of(key.appKey()), now);
            return key;
        });
        changes.committed(Change.of(deleted.appKey()));
        return deleted;
    }

    private static NotFoundException notFound(KeyRef ref, Caller caller) {
        return new NotFoundException("app key " + ref + " not found in account " + caller.account());
    }
}
