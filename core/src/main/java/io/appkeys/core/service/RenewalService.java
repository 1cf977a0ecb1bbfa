package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.RenewedToken;
import io.appkeys.core.domain.TokenStatus;
import io.appkeys.core.port.in.CancelRenewalUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import io.appkeys.core.port.out.CredentialGenerator;
import io.appkeys.core.port.out.SecretHasher;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Two-phase token renewal, as VTEX's: renew issues a new token and both work; finish drops the old one;
 * cancel drops the new one. One renewal at a time; an unfinished one ends by itself after the period.
 */
public final class RenewalService implements RenewAppTokenUseCase, FinishRenewalUseCase, CancelRenewalUseCase {

    private final Storage storage;
    private final AccountScope scope;
    private final CredentialGenerator generator;
    private final SecretHasher hasher;
    private final ChangeListener changes;
    private final Clock clock;
    private final Duration period;

    public RenewalService(
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
        this.period = settings.renewalPeriod();
    }

    @Override
    public RenewedToken renewAppToken(Caller caller, KeyRef ref) {
        AppKey key = renewable(caller, ref, "renew");
        if (credentials(caller, key).renewalPendingAt(clock.instant(), period)) {
            throw pendingAlready(key);
        }
        AccountSettings account = storage.accounts().settings(caller.account());
        AppToken token = generator.newAppToken();
        IssuedToken issued = new IssuedToken(hasher.hash(token), clock.instant());
        KeyCredentials renewed = storage.transactions().inTransaction(() -> {
            KeyCredentials stored = credentials(caller, key);
            if (stored.renewalPendingAt(issued.createdIn(), period)) {
                throw pendingAlready(key);
            }
            if (stored.pending().isPresent()) {
                storage.keys().finishRenewal(key.id()); // it ended by itself; make that so in the store
            }
            Optional<Instant> autoFinish = account.autoFinishAfter()
                    .map(issued.createdIn()::plus)
                    .filter(issued.createdIn().plus(period)::isAfter);
            storage.keys().startRenewal(key.id(), issued, autoFinish);
            storage.audit()
                    .append(AuditEvent.by(
                            caller,
                            issued.createdIn(),
                            AuditAction.TOKEN_RENEWED,
                            "appkey:" + key.appKey()
                                    + autoFinish.map(at -> " finishes:" + at).orElse("")));
            changes.record(Change.of(key.appKey()), issued.createdIn());
            return credentials(caller, key);
        });
        changes.committed(Change.of(key.appKey()));
        return new RenewedToken(
                key,
                token,
                TokenStatus.of(key, renewed, issued.createdIn(), period, account.renewEveryMonths()),
                period);
    }

    @Override
    public TokenStatus finishRenewal(Caller caller, KeyRef ref) {
        AppKey key = renewable(caller, ref, "finish renewals");
        return end(caller, key, AuditAction.RENEWAL_FINISHED);
    }

    @Override
    public TokenStatus cancelRenewal(Caller caller, KeyRef ref) {
        AppKey key = renewable(caller, ref, "cancel renewals");
        return end(caller, key, AuditAction.RENEWAL_CANCELLED);
    }

    private TokenStatus end(Caller caller, AppKey key, AuditAction action) {
        Instant now = clock.instant();
        TokenStatus status = storage.transactions().inTransaction(() -> {
            boolean ended = credentials(caller, key).renewalPendingAt(now, period)
                    && (action == AuditAction.RENEWAL_FINISHED
                            ? storage.keys().finishRenewal(key.id())
                            : storage.keys().cancelRenewal(key.id()));
            if (!ended) {
                throw new NotFoundException("no renewal is pending for appKey " + key.appKey());
            }
            storage.audit().append(AuditEvent.by(caller, now, action, "appkey:" + key.appKey()));
            changes.record(Change.of(key.appKey()), now);
            int months = storage.accounts().settings(caller.account()).renewEveryMonths();
            return TokenStatus.of(key, credentials(caller, key), now, period, months);
        });
        changes.committed(Change.of(key.appKey()));
        return status;
    }

    /** Resolves the key and checks the caller may renew it: never with the key's own credential. */
    private AppKey renewable(Caller caller, KeyRef ref, String action) {
        if (!caller.principal().isMaster() && !caller.principal().holds(LicenseManager.RENEW_API_TOKEN)) {
            throw new ForbiddenException(caller.principal().describe() + " may not " + action + " tokens");
        }
        AppKey key = scope.key(caller.account(), ref);
        if (!AccessPolicy.mayRenew(caller.principal(), key.id())) {
            throw new ForbiddenException("an app key may not " + action + " its own token; use another credential");
        }
        return key;
    }

    private static ConflictException pendingAlready(AppKey key) {
        return new ConflictException(
                "a renewal is already pending for appKey " + key.appKey() + "; finish or cancel it first");
    }

    private KeyCredentials credentials(Caller caller, AppKey key) {
        return storage.keys()
                .credentials(key.id())
                .orElseThrow(() ->
                        new NotFoundException("app key " + key.appKey() + " not found in account " + caller.account()));
    }
}
