package io.appkeys.core.port.out;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AccountSettings;
import java.util.List;
import java.util.Optional;

/** Stores accounts. */
public interface AccountStore {

    /**
     * Adds the account, with {@link AccountSettings#DEFAULTS} as its settings.
     *
     * @throws io.appkeys.core.domain.ConflictException when an account of that name exists
     */
    void insert(Account account);

    Optional<Account> find(AccountName name);

    /** Every account, by name. */
    List<Account> list();

    /** The account's settings; {@link AccountSettings#DEFAULTS} for an account that is not stored. */
    AccountSettings settings(AccountName name);

    /**
     * {@link #settings}, held against concurrent changes until the transaction ends: call it in the transaction that
     * changes them, so that two changes of different settings at once both hold.
     */
    AccountSettings settingsForChange(AccountName name);

    /**
     * Replaces the account's settings.
     *
     * @return whether they changed; false when they were those already
     * @throws io.appkeys.core.domain.NotFoundException when the account is not stored
     */
    boolean saveSettings(AccountName name, AccountSettings settings);
}
