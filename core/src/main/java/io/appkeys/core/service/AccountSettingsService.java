package io.appkeys.core.service;

import io.appkeys.core.domain.AccessPolicy;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Durations;
import io.appkeys.core.domain.InvalidInputException;
import io.appkeys.core.port.in.ChangeAccountSettingsUseCase;
import io.appkeys.core.port.in.GetAccountSettingsUseCase;
import io.appkeys.core.port.out.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An account's settings: read by whoever may view its keys, changed by the master user or a holder of
 * {@code EditApiKeysSettings}, and audited.
 */
public final class AccountSettingsService implements GetAccountSettingsUseCase, ChangeAccountSettingsUseCase {

    private final Storage storage;
    private final Clock clock;
    private final Duration expirationPeriod;

    public AccountSettingsService(Storage storage, Clock clock, AppKeysSettings settings) {
        this.storage = storage;
        this.clock = clock;
        this.expirationPeriod = settings.renewalPeriod();
    }

    @Override
    public AccountSettings accountSettings(Caller caller) {
        AccessPolicy.require(caller, AccessPolicy::mayViewKeys, "view the account's settings");
        return storage.accounts().settings(caller.account());
    }

    @Override
    public AccountSettings changeAccountSettings(Caller caller, UnaryOperator<AccountSettings> change) {
        AccessPolicy.require(caller, AccessPolicy::mayEditKeySettings, "change the account's settings");
        return storage.transactions().inTransaction(() -> {
            AccountSettings settings = change.apply(storage.accounts().settingsForChange(caller.account()));
            if (settings.autoFinishAfter()
                    .filter(grace -> grace.compareTo(expirationPeriod) >= 0)
                    .isPresent()) {
                throw new InvalidInputException("renewals finish by themselves after "
                        + Durations.format(expirationPeriod) + " anyway: an automatic finish must come sooner, got "
                        + Durations.format(settings.autoFinishAfter().get()));
            }
            if (storage.accounts().saveSettings(caller.account(), settings)) {
                storage.audit()
                        .append(AuditEvent.by(
                                caller, clock.instant(), AuditAction.ACCOUNT_SETTINGS_CHANGED, describe(settings)));
            }
            return settings;
        });
    }

    private static String describe(AccountSettings settings) {
        return "maxKeyLifetime:" + format(settings.maxKeyLifetime()) + " renewTokensEvery:"
                + settings.renewEveryMonths() + "months autoFinishRenewalsAfter:" + format(settings.autoFinishAfter());
    }

    private static String format(Optional<Duration> duration) {
        return duration.map(Durations::format).orElse("off");
    }
}
