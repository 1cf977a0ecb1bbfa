package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AccountSettings;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.AccountStore}. */
public abstract class AccountStoreContract extends StorageContractSupport {

    @Test
    void insertedAccount_isFoundByName() {
        Account account = newAccount();

        assertEquals(Optional.of(account), storage.accounts().find(account.name()));
    }

    @Test
    void unknownAccount_isNotFound() {
        assertEquals(Optional.empty(), storage.accounts().find(randomAccountName()));
    }

    @Test
    void secondAccountOfTheSameName_isConflict() {
        Account account = newAccount();
        Account twin = new Account(UUID.randomUUID(), account.name(), UserId.random(), new Email("other@x.com"), T0);

        assertThrows(ConflictException.class, () -> storage.accounts().insert(twin));
        assertEquals(Optional.of(account), storage.accounts().find(account.name()));
    }

    @Test
    void list_holdsEveryAccountByName() {
        Account first = newAccount();
        Account second = newAccount();

        List<Account> all = storage.accounts().list();

        assertTrue(all.containsAll(List.of(first, second)));
        List<String> names =
                all.stream().map(Account::name).map(AccountName::value).toList();
        assertEquals(names.stream().sorted().toList(), names);
    }

    @Test
    void aNewAccount_hasTheDefaultSettings_andAnUnknownOneToo() {
        Account account = newAccount();

        assertEquals(AccountSettings.DEFAULTS, storage.accounts().settings(account.name()));
        assertEquals(AccountSettings.DEFAULTS, storage.accounts().settings(randomAccountName()));
    }

    @Test
    void savedSettings_areReadBack_perAccount() {
        Account account = newAccount();
        Account other = newAccount();
        AccountSettings changed = new AccountSettings(
                Optional.of(Duration.ofDays(90)),
                6,
                Optional.of(Duration.ofDays(7).plusSeconds(1)));

        assertTrue(storage.accounts().saveSettings(account.name(), changed));
        assertFalse(storage.accounts().saveSettings(account.name(), changed));

        assertEquals(changed, storage.accounts().settings(account.name()));
        assertEquals(AccountSettings.DEFAULTS, storage.accounts().settings(other.name()));

        assertTrue(storage.accounts().saveSettings(account.name(), AccountSettings.DEFAULTS));
        assertEquals(AccountSettings.DEFAULTS, storage.accounts().settings(account.name()));
    }

    @Test
    void settingsOfAnUnknownAccount_areNotFound() {
        assertThrows(
                NotFoundException.class,
                () -> storage.accounts().saveSettings(randomAccountName(), AccountSettings.DEFAULTS));
    }

    @Test
    void settings_rollBackWithTheirTransaction() {
        Account account = newAccount();
        AccountSettings changed = AccountSettings.DEFAULTS.withRenewEveryMonths(6);

        assertThrows(
                IllegalStateException.class,
                () -> storage.transactions().run(() -> {
                    storage.accounts().saveSettings(account.name(), changed);
                    throw new IllegalStateException("rolled back");
                }));

        assertEquals(AccountSettings.DEFAULTS, storage.accounts().settings(account.name()));
    }

    @Test
    void changesReadForChange_neverLoseOneAnother() throws Exception {
        Account account = newAccount();
        int threads = 8;

        int changed = concurrently(threads, i -> {
            AccountSettings current = storage.accounts().settingsForChange(account.name());
            Duration lifetime = current.maxKeyLifetime().orElse(Duration.ZERO).plusSeconds(1);
            return storage.accounts().saveSettings(account.name(), current.withMaxKeyLifetime(Optional.of(lifetime)));
        });

        assertEquals(threads, changed);
        assertEquals(
                Optional.of(Duration.ofSeconds(threads)),
                storage.accounts().settings(account.name()).maxKeyLifetime(),
                "each change read the one before it");
    }
}
