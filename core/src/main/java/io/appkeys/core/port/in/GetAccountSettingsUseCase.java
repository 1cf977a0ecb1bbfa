package io.appkeys.core.port.in;

import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.Caller;

/** Reads the settings of the caller's account: key lifetime, renewal cadence, automatic finish of renewals. */
public interface GetAccountSettingsUseCase {

    AccountSettings accountSettings(Caller caller);
}
