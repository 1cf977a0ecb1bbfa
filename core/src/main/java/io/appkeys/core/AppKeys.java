package io.appkeys.core;

import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Argon2idHasher;
import io.appkeys.core.crypto.SecureRandomCredentialGenerator;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RejectionReason;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.domain.User;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.in.AddUserUseCase;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.AuthorizeUseCase;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.CreateRoleUseCase;
import io.appkeys.core.port.in.DefineResourceUseCase;
import io.appkeys.core.port.in.DeleteAppKeyUseCase;
import io.appkeys.core.port.in.FindAccountUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.GetAppKeyUseCase;
import io.appkeys.core.port.in.GetUserUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListAccountsUseCase;
import io.appkeys.core.port.in.ListAppKeysUseCase;
import io.appkeys.core.port.in.ListPrincipalRolesUseCase;
import io.appkeys.core.port.in.ListResourcesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.ListUsersUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.in.ReadAuditLogUseCase;
import io.appkeys.core.port.in.RemoveUserUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import io.appkeys.core.port.in.UnlinkRoleUseCase;
import io.appkeys.core.port.out.CredentialGenerator;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.Storage;
import io.appkeys.core.service.AccessService;
import io.appkeys.core.service.AccountService;
import io.appkeys.core.service.AppKeysSettings;
import io.appkeys.core.service.AuditService;
import io.appkeys.core.service.AuthenticationService;
import io.appkeys.core.service.CredentialCache;
import io.appkeys.core.service.KeyService;
import io.appkeys.core.service.RenewalService;
import io.appkeys.core.service.UserService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The key authority, assembled: every use case behind one object. Build it with {@link #builder()}; each part
 * not given gets its default (in-memory storage, Argon2id with OWASP's parameters, {@code SecureRandom}
 * credentials, the system clock). Close it to write the last noted key uses and release the storage.
 *
 * <pre>{@code
 * try (AppKeys appKeys = AppKeys.builder().build()) {
 *     Account acme = appKeys.createAccount(new NewAccount(new AccountName("acme"),
 *             new Email("owner@acme.com"), Optional.empty(), "my-app"));
 *     CreatedAppKey key = appKeys.createAppKey(Caller.master(acme, "my-app"), new Label("orders sync"));
 *     AuthenticationResult result = appKeys.authenticate(key.key().appKey().value(), key.token().reveal());
 * }
 * }</pre>
 */
public final class AppKeys
        implements CreateAccountUseCase,
                FindAccountUseCase,
                ListAccountsUseCase,
                AddUserUseCase,
                RemoveUserUseCase,
                GetUserUseCase,
                ListUsersUseCase,
                CreateAppKeyUseCase,
                ListAppKeysUseCase,
                GetAppKeyUseCase,
                SetAppKeyActiveUseCase,
                DeleteAppKeyUseCase,
                RenewAppTokenUseCase,
                FinishRenewalUseCase,
                CancelRenewalUseCase,
                DefineResourceUseCase,
                ListResourcesUseCase,
                CreateRoleUseCase,
                ListRolesUseCase,
                LinkRolesUseCase,
                UnlinkRoleUseCase,
                ListPrincipalRolesUseCase,
                AuthenticateUseCase,
                AuthorizeUseCase,
                ReadAuditLogUseCase,
                AutoCloseable {

    private final Storage storage;
    private final AccountService accounts;
    private final UserService users;
    private final KeyService keys;
    private final RenewalService renewals;
    private final AccessService access;
    private final AuthenticationService authentication;
    private final AuditService audit;
    private final ScheduledExecutorService timer;

    private AppKeys(Builder builder) {
        this.storage = builder.storage;
        Clock clock = builder.clock;
        AppKeysSettings settings = builder.settings;
        CredentialGenerator generator = Optional.ofNullable(builder.generator)
                .orElseGet(() -> new SecureRandomCredentialGenerator(settings.appKeyPrefix()));
        SecretHasher hasher = builder.hasher;
        CredentialCache cache = new CredentialCache(settings.cacheMaxEntries());
        this.accounts = new AccountService(storage, clock);
        this.users = new UserService(storage, clock);
        this.keys = new KeyService(storage, generator, hasher, cache, clock, settings);
        this.renewals = new RenewalService(storage, generator, hasher, cache, clock, settings);
        this.access = new AccessService(storage, cache, clock);
        this.authentication = new AuthenticationService(storage, hasher, cache, clock, settings);
        this.audit = new AuditService(storage);
        this.timer = builder.usageFlushEvery == null ? null : startUsageTimer(builder.usageFlushEvery);
    }

    public static Builder builder() {
        return new Builder();
    }

    private ScheduledExecutorService startUsageTimer(Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "appkeys-usage");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                authentication::flushUsage, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    /** Writes the noted last uses of keys now; a timer does it regularly. Returns how many keys it wrote. */
    public int flushUsage() {
        return authentication.flushUsage();
    }

    /** Refused authentications by cause since start, for metrics. */
    public Map<RejectionReason, Long> rejections() {
        return authentication.rejections();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        authentication.close();
        storage.close();
    }

    @Override
    public Account createAccount(NewAccount account) {
        return accounts.createAccount(account);
    }

    @Override
    public Optional<Account> findAccount(AccountName name) {
        return accounts.findAccount(name);
    }

    @Override
    public List<Account> listAccounts() {
        return accounts.listAccounts();
    }

    @Override
    public User addUser(Caller caller, Email email, Optional<PersonName> name) {
        return users.addUser(caller, email, name);
    }

    @Override
    public void removeUser(Caller caller, PrincipalRef user) {
        users.removeUser(caller, user);
    }

    @Override
    public User getUser(Caller caller, PrincipalRef user) {
        return users.getUser(caller, user);
    }

    @Override
    public Page<User> listUsers(Caller caller, PageRequest page) {
        return users.listUsers(caller, page);
    }

    @Override
    public long countUsers(Caller caller) {
        return users.countUsers(caller);
    }

    @Override
    public CreatedAppKey createAppKey(Caller caller, Label label) {
        return keys.createAppKey(caller, label);
    }

    @Override
    public Page<AppKey> listAppKeys(Caller caller, PageRequest page) {
        return keys.listAppKeys(caller, page);
    }

    @Override
    public AppKeyDetails getAppKey(Caller caller, KeyRef key) {
        return keys.getAppKey(caller, key);
    }

    @Override
    public AppKey setAppKeyActive(Caller caller, KeyRef key, boolean active) {
        return keys.setAppKeyActive(caller, key, active);
    }

    @Override
    public void deleteAppKey(Caller caller, KeyRef key) {
        keys.deleteAppKey(caller, key);
    }

    @Override
    public RenewedToken renewAppToken(Caller caller, KeyRef key) {
        return renewals.renewAppToken(caller, key);
    }

    @Override
    public TokenStatus finishRenewal(Caller caller, KeyRef key) {
        return renewals.finishRenewal(caller, key);
    }

    @Override
    public TokenStatus cancelRenewal(Caller caller, KeyRef key) {
        return renewals.cancelRenewal(caller, key);
    }

    @Override
    public Resource defineResource(Caller caller, Resource resource) {
        return access.defineResource(caller, resource);
    }

    @Override
    public List<Resource> listResources(Caller caller) {
        return access.listResources(caller);
    }

    @Override
    public Role createRole(Caller caller, RoleName name, Set<ResourceName> resources) {
        return access.createRole(caller, name, resources);
    }

    @Override
    public List<Role> listRoles(Caller caller) {
        return access.listRoles(caller);
    }

    @Override
    public void linkRoles(Caller caller, PrincipalRef principal, Set<RoleId> roles) {
        access.linkRoles(caller, principal, roles);
    }

    @Override
    public void unlinkRole(Caller caller, PrincipalRef principal, RoleId role) {
        access.unlinkRole(caller, principal, role);
    }

    @Override
    public List<Role> rolesOf(Caller caller, PrincipalRef principal) {
        return access.rolesOf(caller, principal);
    }

    @Override
    public AuthenticationResult authenticate(String appKey, String appToken, String source) {
        return authentication.authenticate(appKey, appToken, source);
    }

    @Override
    public Optional<AuthenticationResult> authenticateWithoutBlocking(String appKey, String appToken, String source) {
        return authentication.authenticateWithoutBlocking(appKey, appToken, source);
    }

    @Override
    public Decision authorize(Principal principal, ResourceName resource) {
        return authentication.authorize(principal, resource);
    }

    @Override
    public Page<AuditEntry> readAuditLog(Caller caller, PageRequest page) {
        return audit.readAuditLog(caller, page);
    }

    /** Chooses the parts; every one has a default. */
    public static final class Builder {

        private Storage storage = new InMemoryStorage();
        private SecretHasher hasher;
        private CredentialGenerator generator;
        private Clock clock = Clock.systemUTC();
        private AppKeysSettings settings = AppKeysSettings.defaults();
        private Duration usageFlushEvery = Duration.ofSeconds(10);

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

        public AppKeys build() {
            if (hasher == null) {
                hasher = new Argon2idHasher();
            }
            return new AppKeys(this);
        }
    }
}
