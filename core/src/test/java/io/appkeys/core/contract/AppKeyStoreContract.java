package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.DuplicateAppKeyException;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.AppKeyStore}. */
public abstract class AppKeyStoreContract extends StorageContractSupport {

    @Test
    void insertedKey_isFoundByIdAndByAppKey_withItsToken() {
        Account account = newAccount();
        AppKey key = keyOf(account, at(1));
        IssuedToken token = token(at(1));
        storage.keys().insert(key, token);

        assertEquals(Optional.of(key), storage.keys().find(account.name(), key.id()));
        assertEquals(Optional.of(key), storage.keys().findByAppKey(key.appKey()));
        KeyCredentials credentials = new KeyCredentials(key.id(), token, Optional.empty());
        assertEquals(
                Optional.of(new StoredKey(key, credentials)), storage.keys().findWithCredentials(key.appKey()));
        assertEquals(Optional.of(credentials), storage.keys().credentials(key.id()));
    }

    @Test
    void anExpiry_isKeptAsGiven_andSetOrClearedLater() {
        Account account = newAccount();
        AppKey expiring = keyOf(account, at(1)).withExpiresIn(Optional.of(at(5)));
        storage.keys().insert(expiring, token(at(1)));
        assertEquals(Optional.of(expiring), storage.keys().findByAppKey(expiring.appKey()));

        assertTrue(storage.keys().setExpiry(expiring.id(), Optional.of(at(9))));
        assertEquals(
                Optional.of(at(9)),
                storage.keys().find(account.name(), expiring.id()).orElseThrow().expiresIn());
        assertFalse(storage.keys().setExpiry(expiring.id(), Optional.of(at(9))), "the same expiry changes nothing");

        assertTrue(storage.keys().setExpiry(expiring.id(), Optional.empty()));
        assertEquals(
                Optional.empty(),
                storage.keys()
                        .findWithCredentials(expiring.appKey())
                        .orElseThrow()
                        .key()
                        .expiresIn());
        assertFalse(storage.keys().setExpiry(AppKeyId.random(), Optional.of(at(9))), "no such key");
    }

    @Test
    void keyOfAnotherAccount_isNotFoundById() {
        Account account = newAccount();
        Account other = newAccount();
        AppKey key = newKey(account, at(1));

        assertEquals(Optional.empty(), storage.keys().find(other.name(), key.id()));
    }

    @Test
    void unknownKey_isNotFound() {
        Account account = newAccount();
        AppKey never = keyOf(account, at(1));

        assertEquals(Optional.empty(), storage.keys().find(account.name(), never.id()));
        assertEquals(Optional.empty(), storage.keys().findByAppKey(never.appKey()));
        assertEquals(Optional.empty(), storage.keys().findWithCredentials(never.appKey()));
        assertEquals(Optional.empty(), storage.keys().credentials(never.id()));
    }

    @Test
    void duplicateAppKey_isRejected_andTheFirstKeyStays() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        AppKey twin = new AppKey(
                AppKeyId.random(),
                account.name(),
                key.appKey(),
                key.label(),
                at(2),
                true,
                Optional.empty(),
                Optional.empty());

        assertThrows(DuplicateAppKeyException.class, () -> storage.keys().insert(twin, token(at(2))));
        assertEquals(Optional.of(key), storage.keys().findByAppKey(key.appKey()));
        assertEquals(Optional.empty(), storage.keys().find(account.name(), twin.id()));
    }

    @Test
    void list_pagesThroughKeysInCreationOrder_andCountsThem() {
        Account account = newAccount();
        Account other = newAccount();
        List<AppKey> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(newKey(account, at(10 - i).plusSeconds(3L * i * i)));
            newKey(other, at(i));
        }
        expected.sort((a, b) -> a.createdIn().compareTo(b.createdIn()));

        assertEquals(expected, readAll(account, 3));
        assertEquals(7, storage.keys().count(account.name()));
    }

    @Test
    void list_withEqualCreationTimes_returnsEachKeyOnce() {
        Account account = newAccount();
        for (int i = 0; i < 9; i++) {
            newKey(account, at(1));
        }

        List<AppKey> all = readAll(account, 4);

        assertEquals(9, all.size());
        assertEquals(9, all.stream().map(AppKey::id).distinct().count());
    }

    @Test
    void emptyAccount_listsNothing() {
        Account account = newAccount();

        Page<AppKey> page = storage.keys().list(account.name(), PageRequest.first());

        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void setActive_changesOnlyTheFlag() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));

        assertTrue(storage.keys().setActive(key.id(), false));
        assertEquals(Optional.of(key.withActive(false)), storage.keys().find(account.name(), key.id()));
        assertFalse(storage.keys().setActive(key.id(), false));
        assertTrue(storage.keys().setActive(key.id(), true));
        assertEquals(Optional.of(key), storage.keys().find(account.name(), key.id()));
        assertFalse(storage.keys().setActive(AppKeyId.random(), false));
    }

    @Test
    void concurrentDeactivations_exactlyOneChangesTheKey() throws Exception {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));

        assertEquals(1, concurrently(8, i -> storage.keys().setActive(key.id(), false)));
        assertFalse(storage.keys().find(account.name(), key.id()).orElseThrow().active());
    }

    @Test
    void delete_removesTheKeyAndItsTokens() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        storage.keys().startRenewal(key.id(), token(at(2)));

        assertTrue(storage.keys().delete(key.id()));

        assertEquals(Optional.empty(), storage.keys().findByAppKey(key.appKey()));
        assertEquals(Optional.empty(), storage.keys().credentials(key.id()));
        assertFalse(storage.keys().delete(key.id()));
    }

    @Test
    void renewal_addsAPendingToken_andFinishMakesItCurrent() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        IssuedToken current = storage.keys().credentials(key.id()).orElseThrow().current();
        IssuedToken next = token(at(2));

        storage.keys().startRenewal(key.id(), next);
        assertEquals(
                new KeyCredentials(key.id(), current, Optional.of(next)),
                storage.keys().credentials(key.id()).orElseThrow());

        assertTrue(storage.keys().finishRenewal(key.id()));
        assertEquals(
                new KeyCredentials(key.id(), next, Optional.empty()),
                storage.keys().credentials(key.id()).orElseThrow());
        assertFalse(storage.keys().finishRenewal(key.id()));
    }

    @Test
    void cancelRenewal_dropsThePendingToken() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        KeyCredentials before = storage.keys().credentials(key.id()).orElseThrow();
        storage.keys().startRenewal(key.id(), token(at(2)));

        assertTrue(storage.keys().cancelRenewal(key.id()));

        assertEquals(before, storage.keys().credentials(key.id()).orElseThrow());
        assertFalse(storage.keys().cancelRenewal(key.id()));
    }

    @Test
    void secondRenewalWhilePending_isConflict() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        IssuedToken first = token(at(2));
        storage.keys().startRenewal(key.id(), first);

        assertThrows(ConflictException.class, () -> storage.keys().startRenewal(key.id(), token(at(3))));
        assertEquals(
                Optional.of(first),
                storage.keys().credentials(key.id()).orElseThrow().pending());
    }

    @Test
    void renewalOfUnknownKey_isNotFound() {
        assertThrows(NotFoundException.class, () -> storage.keys().startRenewal(AppKeyId.random(), token(at(1))));
    }

    @Test
    void concurrentRenewals_exactlyOneWins() throws Exception {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        int wins = concurrently(8, i -> {
            try {
                storage.keys().startRenewal(key.id(), token(at(2 + i)));
                return true;
            } catch (ConflictException e) {
                return false;
            }
        });

        assertEquals(1, wins);
        assertTrue(storage.keys().credentials(key.id()).orElseThrow().pending().isPresent());
    }

    @Test
    void replaceHash_onlyReplacesTheExpectedHash() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        IssuedToken current = storage.keys().credentials(key.id()).orElseThrow().current();
        TokenHash upgraded = hash();

        assertFalse(storage.keys().replaceHash(key.id(), TokenSlot.CURRENT, hash(), upgraded));
        assertFalse(storage.keys().replaceHash(key.id(), TokenSlot.PENDING, current.hash(), upgraded));
        assertTrue(storage.keys().replaceHash(key.id(), TokenSlot.CURRENT, current.hash(), upgraded));

        assertEquals(
                new IssuedToken(upgraded, current.createdIn()),
                storage.keys().credentials(key.id()).orElseThrow().current());
    }

    @Test
    void replaceHash_ofThePendingToken() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        IssuedToken pending = token(at(2));
        storage.keys().startRenewal(key.id(), pending);
        TokenHash upgraded = hash();

        assertTrue(storage.keys().replaceHash(key.id(), TokenSlot.PENDING, pending.hash(), upgraded));

        assertEquals(
                Optional.of(new IssuedToken(upgraded, pending.createdIn())),
                storage.keys().credentials(key.id()).orElseThrow().pending());
    }

    @Test
    void recordUse_onlyMovesLastUseForward() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        Instant later = at(100);

        storage.keys().recordUse(Map.of(key.id(), later, AppKeyId.random(), later));
        assertEquals(
                Optional.of(later),
                storage.keys().find(account.name(), key.id()).orElseThrow().lastUsedIn());

        storage.keys().recordUse(Map.of(key.id(), at(50)));
        assertEquals(
                Optional.of(later),
                storage.keys().find(account.name(), key.id()).orElseThrow().lastUsedIn());
    }

    private List<AppKey> readAll(Account account, int pageSize) {
        List<AppKey> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<AppKey> page = storage.keys().list(account.name(), request);
            assertTrue(page.items().size() <= pageSize);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            request = request.next(page.next().get());
        }
    }
}
