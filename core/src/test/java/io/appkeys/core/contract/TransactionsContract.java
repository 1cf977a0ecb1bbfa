package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEvent;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.Transactions}: all or nothing, across every store. */
public abstract class TransactionsContract extends StorageContractSupport {

    private AuditEvent event(Account account) {
        return new AuditEvent(account.name(), at(1), "operator", AuditAction.KEY_CREATED, "appkey:x", "test");
    }

    @Test
    void committedWork_isKept_andItsResultReturned() {
        Account account = newAccount();
        AppKey key = keyOf(account, at(1));

        String result = storage.transactions().inTransaction(() -> {
            storage.keys().insert(key, token(at(1)));
            storage.audit().append(event(account));
            return "done";
        });

        assertEquals("done", result);
        assertEquals(Optional.of(key), storage.keys().findByAppKey(key.appKey()));
        assertEquals(
                1,
                storage.audit()
                        .list(account.name(), PageRequest.first())
                        .items()
                        .size());
    }

    @Test
    void failedWork_leavesNothingBehind_inAnyStore() {
        Account account = newAccount();
        AppKey key = keyOf(account, at(1));
        AppKey existing = newKey(account, at(1));
        User user = new User(UserId.random(), account.name(), new Email("ana@example.com"), Optional.empty(), at(1));

        assertThrows(
                IllegalStateException.class,
                () -> storage.transactions().run(() -> {
                    storage.keys().insert(key, token(at(1)));
                    storage.keys().setActive(existing.id(), false);
                    storage.keys().startRenewal(existing.id(), token(at(2)), Optional.empty());
                    storage.users().insert(user);
                    storage.audit().append(event(account));
                    throw new IllegalStateException("boom");
                }));

        assertEquals(Optional.empty(), storage.keys().findByAppKey(key.appKey()));
        assertEquals(Optional.of(existing), storage.keys().find(account.name(), existing.id()));
        assertEquals(
                Optional.empty(),
                storage.keys().credentials(existing.id()).orElseThrow().pending());
        assertEquals(Optional.empty(), storage.users().find(account.name(), user.id()));
        assertEquals(
                List.of(),
                storage.audit().list(account.name(), PageRequest.first()).items());
    }

    @Test
    void aConflictInsideWork_rollsBackTheWritesBeforeIt() {
        Account account = newAccount();
        AppKey existing = newKey(account, at(1));
        AppKey key = keyOf(account, at(2));

        assertThrows(
                ConflictException.class,
                () -> storage.transactions().run(() -> {
                    storage.keys().insert(key, token(at(2)));
                    storage.audit().append(event(account));
                    storage.keys().insert(existing, token(at(3)));
                }));

        assertEquals(Optional.empty(), storage.keys().findByAppKey(key.appKey()));
        assertEquals(
                List.of(),
                storage.audit().list(account.name(), PageRequest.first()).items());
    }

    @Test
    void nestedWork_joinsTheOuterTransaction() {
        Account account = newAccount();
        AppKey key = keyOf(account, at(1));

        assertThrows(
                IllegalStateException.class,
                () -> storage.transactions().run(() -> {
                    storage.transactions().run(() -> storage.keys().insert(key, token(at(1))));
                    throw new IllegalStateException("outer fails after inner finished");
                }));

        assertEquals(Optional.empty(), storage.keys().findByAppKey(key.appKey()));
    }
}
