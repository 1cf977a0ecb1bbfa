package io.appkeys.core.port.in;

import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.Caller;
import java.util.function.UnaryOperator;

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
    default AccountSettings changeAccountSettings(Caller caller, AccountSettings settings) {
        return changeAccountSettings(caller, current -> settings);
    }

    /**
     * Changes the settings by {@code change}, applied to those in force in the same transaction: how a change of
     * some settings leaves the others as they are, without the caller having to read them first.
     *
     * @throws io.appkeys.core.domain.InvalidInputException as above, or as {@code change} throws
     */
    AccountSettings changeAccountSettings(Caller caller, UnaryOperator<AccountSettings> change);
}
