package io.appkeys.core.port.in;

import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.Caller;

/**
 * Replaces the settings of the caller's account. They apply from then on: a new maximum lifetime to keys created
 * or given an expiry afterwards, an automatic finish to renewals started afterwards, a cadence to every token's
 * age at once.
 */
public interface ChangeAccountSettingsUseCase {

    /**
     * The settings now in force.
     *
     * @throws io.appkeys.core.domain.InvalidInputException when the automatic finish is not shorter than the
     *     expiration period of renewals
     */
    AccountSettings changeAccountSettings(Caller caller, AccountSettings settings);
}
