package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.DuplicateAppKeyException;
import io.appkeys.core.domain.IpRange;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.KeyCredentials;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyUsage;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.TokenSlot;
import io.appkeys.core.port.out.AppKeyStore.DueFilter;
import io.appkeys.core.port.out.AppKeyStore.HourOfUse;
import io.appkeys.core.port.out.AppKeyStore.KeyQuery;
import io.appkeys.core.port.out.AppKeyStore.StoredKey;
import io.appkeys.core.port.out.AppKeyStore.TokenUse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

        Page<StoredKey> page = storage.keys().list(account.name(), PageRequest.first());

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
        storage.keys().startRenewal(key.id(), token(at(2)), Optional.empty());

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

        storage.keys().startRenewal(key.id(), next, Optional.empty());
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
        storage.keys().startRenewal(key.id(), token(at(2)), Optional.empty());

        assertTrue(storage.keys().cancelRenewal(key.id()));

        assertEquals(before, storage.keys().credentials(key.id()).orElseThrow());
        assertFalse(storage.keys().cancelRenewal(key.id()));
    }

    @Test
    void secondRenewalWhilePending_isConflict() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        IssuedToken first = token(at(2));
        storage.keys().startRenewal(key.id(), first, Optional.empty());

        assertThrows(
                ConflictException.class, () -> storage.keys().startRenewal(key.id(), token(at(3)), Optional.empty()));
        assertEquals(
                Optional.of(first),
                storage.keys().credentials(key.id()).orElseThrow().pending());
    }

    @Test
    void renewalOfUnknownKey_isNotFound() {
        assertThrows(
                NotFoundException.class,
                () -> storage.keys().startRenewal(AppKeyId.random(), token(at(1)), Optional.empty()));
    }

    @Test
    void concurrentRenewals_exactlyOneWins() throws Exception {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        int wins = concurrently(8, i -> {
            try {
                storage.keys().startRenewal(key.id(), token(at(2 + i)), Optional.empty());
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
        storage.keys().startRenewal(key.id(), pending, Optional.empty());
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

        storage.keys().recordUse(Map.of(use(key, at(1)), later, new TokenUse(AppKeyId.random(), at(1)), later));
        assertEquals(
                Optional.of(later),
                storage.keys().find(account.name(), key.id()).orElseThrow().lastUsedIn());
        assertEquals(Optional.of(later), currentOf(key).lastUsedIn());

        storage.keys().recordUse(Map.of(use(key, at(1)), at(50)));
        assertEquals(
                Optional.of(later),
                storage.keys().find(account.name(), key.id()).orElseThrow().lastUsedIn());
        assertEquals(Optional.of(later), currentOf(key).lastUsedIn());
    }

    @Test
    void recordUse_duringARenewal_keepsEachTokensLastUse_andFinishKeepsTheNewOnes() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        storage.keys().startRenewal(key.id(), token(at(2)), Optional.empty());

        storage.keys().recordUse(Map.of(use(key, at(1)), at(10)));
        storage.keys().recordUse(Map.of(use(key, at(2)), at(20), use(key, at(1)), at(15)));
        storage.keys().recordUse(Map.of(use(key, at(2)), at(18))); // older: ignored

        KeyCredentials tokens = storage.keys().credentials(key.id()).orElseThrow();
        assertEquals(Optional.of(at(15)), tokens.current().lastUsedIn());
        assertEquals(Optional.of(at(20)), tokens.pending().orElseThrow().lastUsedIn());
        assertEquals(
                Optional.of(at(20)),
                storage.keys().find(account.name(), key.id()).orElseThrow().lastUsedIn());

        assertTrue(storage.keys().finishRenewal(key.id()));
        assertEquals(Optional.of(at(20)), currentOf(key).lastUsedIn());

        storage.keys().recordUse(Map.of(use(key, at(1)), at(30))); // the old token, noted before the finish
        assertEquals(Optional.of(at(20)), currentOf(key).lastUsedIn());
        assertEquals(
                Optional.of(at(30)),
                storage.keys().find(account.name(), key.id()).orElseThrow().lastUsedIn());
    }

    @Test
    void addUses_addsToEachHour_skipsKeysNoLongerStored_andReadsBackInOrder() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        AppKey other = newKey(account, at(2));
        Instant ten = Instant.parse("2026-03-01T10:00:00Z");
        Instant eleven = ten.plus(Duration.ofHours(1));

        storage.keys()
                .addUses(Map.of(
                        new HourOfUse(key.id(), eleven), 3L,
                        new HourOfUse(key.id(), ten), 2L,
                        new HourOfUse(other.id(), ten), 7L,
                        new HourOfUse(AppKeyId.random(), ten), 5L));
        storage.keys().addUses(Map.of(new HourOfUse(key.id(), ten), 40L));

        assertEquals(
                List.of(new KeyUsage.Hour(ten, 42), new KeyUsage.Hour(eleven, 3)),
                storage.keys().uses(key.id(), ten));
        assertEquals(List.of(new KeyUsage.Hour(eleven, 3)), storage.keys().uses(key.id(), eleven));
        assertEquals(List.of(new KeyUsage.Hour(ten, 7)), storage.keys().uses(other.id(), ten));

        assertTrue(storage.keys().delete(key.id()));
        assertEquals(List.of(), storage.keys().uses(key.id(), ten));
        assertEquals(List.of(new KeyUsage.Hour(ten, 7)), storage.keys().uses(other.id(), ten));
    }

    @Test
    void forgetUsesBefore_forgetsOnlyOlderHours() {
        AppKey key = newKey(newAccount(), at(1));
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        Instant kept = old.plus(Duration.ofHours(1));
        storage.keys().addUses(Map.of(new HourOfUse(key.id(), old), 1L, new HourOfUse(key.id(), kept), 2L));

        assertTrue(storage.keys().forgetUsesBefore(kept) >= 1);
        assertEquals(List.of(new KeyUsage.Hour(kept, 2)), storage.keys().uses(key.id(), old));
    }

    @Test
    void aNewRenewal_startsUnused_andCancelDropsItsUse() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        storage.keys().startRenewal(key.id(), token(at(2)), Optional.empty());
        storage.keys().recordUse(Map.of(use(key, at(2)), at(5)));

        assertTrue(storage.keys().cancelRenewal(key.id()));
        storage.keys().startRenewal(key.id(), token(at(6)), Optional.empty());

        KeyCredentials tokens = storage.keys().credentials(key.id()).orElseThrow();
        assertEquals(Optional.empty(), tokens.pending().orElseThrow().lastUsedIn());
        assertEquals(Optional.empty(), tokens.current().lastUsedIn());
    }

    @Test
    void anAutomaticFinish_isKeptWithTheRenewal_andGoesWithIt() {
        Account account = newAccount();
        AppKey key = newKey(account, at(1));
        storage.keys().startRenewal(key.id(), token(at(2)), Optional.of(at(500)));

        assertEquals(
                Optional.of(at(500)),
                storage.keys().credentials(key.id()).orElseThrow().autoFinishIn());
        assertEquals(
                Optional.of(at(500)),
                storage.keys().credentials(key.id()).orElseThrow().currentExpiresIn(Duration.ofDays(30)));

        assertTrue(storage.keys().finishRenewal(key.id()));
        assertEquals(
                Optional.empty(),
                storage.keys().credentials(key.id()).orElseThrow().autoFinishIn());
    }

    @Test
    void list_ofDueKeys_holdsThoseWhoseTokenInForceWasIssuedByTheCut() {
        Account account = newAccount();
        Duration period = Duration.ofSeconds(100);
        AppKey old = newKey(account, at(1));
        AppKey young = newKey(account, at(50));
        AppKey renewing = newKey(account, at(2)); // old token, renewal pending: still due
        storage.keys().startRenewal(renewing.id(), token(at(60)), Optional.empty());
        AppKey renewed = newKey(account, at(3)); // its renewal ended by itself at 45 + 100: the new token is young
        storage.keys().startRenewal(renewed.id(), token(at(45)), Optional.empty());
        AppKey finished = newKey(account, at(4)); // finished by itself at 120: the new token (70) is young
        storage.keys().startRenewal(finished.id(), token(at(70)), Optional.of(at(120)));
        AppKey boundary = newKey(account, at(40)); // issued exactly at the cut

        DueFilter due = new DueFilter(at(40), at(150), period);
        List<AppKeyId> listed = ids(account, new KeyQuery(Optional.empty(), Optional.empty(), Optional.of(due)));

        assertEquals(List.of(old.id(), renewing.id(), boundary.id()), listed);
        assertFalse(listed.contains(young.id()));
        assertFalse(listed.contains(renewed.id()));
        assertFalse(listed.contains(finished.id()));
    }

    @Test
    void list_byLabel_holdsTheKeysWhoseLabelContainsIt_ignoringCase() {
        Account account = newAccount();
        AppKey sync = newKey(account, at(1), "Orders Sync");
        newKey(account, at(2), "Billing");
        AppKey export = newKey(account, at(3), "nightly orders-export");
        AppKey shouting = newKey(account, at(4), "ORDERS");
        newKey(newAccount(), at(5), "orders of another account");

        assertEquals(List.of(sync.id(), export.id(), shouting.id()), ids(account, labelled("oRdErS")));
        assertEquals(List.of(export.id()), ids(account, labelled("ORDERS-EXP")));
        assertEquals(List.of(), ids(account, labelled("invoices")));
    }

    @Test
    void list_byLabel_takesWildcardsAndTheEscapeCharacterLiterally() {
        Account account = newAccount();
        AppKey percent = newKey(account, at(1), "50% off");
        newKey(account, at(2), "500 off");
        AppKey underscore = newKey(account, at(3), "a_b");
        newKey(account, at(4), "axb");
        AppKey backslash = newKey(account, at(5), "back\\slash");
        AppKey bang = newKey(account, at(6), "back!slash");
        AppKey quote = newKey(account, at(7), "it's [x]");

        assertEquals(List.of(percent.id()), ids(account, labelled("50%")));
        assertEquals(List.of(percent.id()), ids(account, labelled("%")));
        assertEquals(List.of(underscore.id()), ids(account, labelled("a_b")));
        assertEquals(List.of(underscore.id()), ids(account, labelled("_")));
        assertEquals(List.of(backslash.id()), ids(account, labelled("\\")));
        assertEquals(List.of(bang.id()), ids(account, labelled("!")));
        assertEquals(List.of(bang.id()), ids(account, labelled("k!s")));
        assertEquals(List.of(quote.id()), ids(account, labelled("'s [x]")));
    }

    @Test
    void list_byActive_holdsOnlyTheActive_orOnlyTheInactiveKeys() {
        Account account = newAccount();
        AppKey first = newKey(account, at(1));
        AppKey off = newKey(account, at(2));
        AppKey third = newKey(account, at(3));
        storage.keys().setActive(off.id(), false);

        assertEquals(
                List.of(first.id(), third.id()),
                ids(account, new KeyQuery(Optional.empty(), Optional.of(true), Optional.empty())));
        assertEquals(
                List.of(off.id()), ids(account, new KeyQuery(Optional.empty(), Optional.of(false), Optional.empty())));
    }

    @Test
    void list_dueWithLabelAndActive_holdsTheKeysThatMeetEveryCondition() {
        Account account = newAccount();
        AppKey oldOrders = newKey(account, at(1), "orders sync");
        newKey(account, at(2), "billing"); // due, another label
        newKey(account, at(50), "orders export"); // not due
        AppKey oldOrdersOff = newKey(account, at(3), "Orders backup"); // due, inactive
        storage.keys().setActive(oldOrdersOff.id(), false);
        DueFilter due = new DueFilter(at(40), at(60), Duration.ofSeconds(100));

        assertEquals(
                List.of(oldOrders.id(), oldOrdersOff.id()),
                ids(account, new KeyQuery(Optional.of("ORDERS"), Optional.empty(), Optional.of(due))));
        assertEquals(
                List.of(oldOrders.id()),
                ids(account, new KeyQuery(Optional.of("orders"), Optional.of(true), Optional.of(due))));
        assertEquals(
                List.of(oldOrdersOff.id()),
                ids(account, new KeyQuery(Optional.of("orders"), Optional.of(false), Optional.of(due))));
    }

    @Test
    void pagingThroughAFilteredList_returnsEveryMatchExactlyOnce_inCreationOrder() {
        Account account = newAccount();
        List<AppKeyId> matches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // pairs share a creation time, and runs of keys that do not match lie between matches
            AppKey key = newKey(account, at(i / 2), i % 3 == 0 ? "Match " + i : "other " + i);
            if (i % 3 == 0) {
                matches.add(key.id());
            }
        }
        newKey(newAccount(), at(0), "match elsewhere");

        for (int pageSize : new int[] {1, 2, 3, 7}) {
            List<AppKey> read = readAll(account, labelled("match"), pageSize);
            List<AppKeyId> ids = read.stream().map(AppKey::id).toList();
            assertEquals(matches.size(), ids.size(), "page size " + pageSize);
            assertEquals(Set.copyOf(matches), Set.copyOf(ids), "page size " + pageSize);
            for (int i = 1; i < read.size(); i++) {
                assertFalse(read.get(i).createdIn().isBefore(read.get(i - 1).createdIn()), "creation order");
            }
        }
    }

    @Test
    void networksAndMetadata_areKeptAsGiven_setAndClearedLater() {
        Account account = newAccount();
        AllowedNetworks networks = AllowedNetworks.parse("203.0.113.0/24, 2001:db8::/32, 198.51.100.7");
        KeyMetadata metadata =
                KeyMetadata.of("{\"owner\": \"billing\", \"plan\": [\"gold\", 3], \"note\": \"caf\u00e9\"}");
        AppKey key = keyOf(account, at(1)).withNetworks(networks).withMetadata(Optional.of(metadata));
        storage.keys().insert(key, token(at(1)));

        AppKey found = storage.keys().find(account.name(), key.id()).orElseThrow();
        assertEquals(key, found);
        assertEquals(networks, found.networks());
        assertEquals(metadata.json(), found.metadata().orElseThrow().json());
        assertEquals(
                key,
                storage.keys().findWithCredentials(key.appKey()).orElseThrow().key());

        AllowedNetworks other = AllowedNetworks.parse("10.0.0.0/8");
        assertTrue(storage.keys().setNetworks(key.id(), other));
        assertFalse(storage.keys().setNetworks(key.id(), other));
        assertTrue(storage.keys().setMetadata(key.id(), Optional.empty()));
        assertFalse(storage.keys().setMetadata(key.id(), Optional.empty()));
        assertEquals(
                key.withNetworks(other).withMetadata(Optional.empty()),
                storage.keys().find(account.name(), key.id()).orElseThrow());

        assertTrue(storage.keys().setNetworks(key.id(), AllowedNetworks.ANYWHERE));
        assertFalse(storage.keys().setNetworks(key.id(), AllowedNetworks.ANYWHERE));
        assertTrue(storage.keys().setMetadata(key.id(), Optional.of(metadata)));
        assertEquals(
                key.withNetworks(AllowedNetworks.ANYWHERE),
                storage.keys().find(account.name(), key.id()).orElseThrow());
        assertFalse(storage.keys().setNetworks(AppKeyId.random(), other));
        assertFalse(storage.keys().setMetadata(AppKeyId.random(), Optional.of(metadata)));
    }

    @Test
    void theLargestNetworksAndMetadata_fit() {
        Account account = newAccount();
        List<IpRange> ranges = new ArrayList<>();
        for (int i = 0; i < AllowedNetworks.MAX_RANGES; i++) {
            ranges.add(IpRange.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:" + Integer.toHexString(0xff00 + i) + "/128"));
        }
        String big = "{\"x\":\"" + "\u00e9".repeat((KeyMetadata.MAX_BYTES - 8) / 2) + "\"}";
        AppKey key = keyOf(account, at(1))
                .withNetworks(AllowedNetworks.of(ranges))
                .withMetadata(Optional.of(KeyMetadata.of(big)));

        storage.keys().insert(key, token(at(1)));

        assertEquals(key, storage.keys().find(account.name(), key.id()).orElseThrow());
    }

    private TokenUse use(AppKey key, Instant issuedIn) {
        return new TokenUse(key.id(), issuedIn);
    }

    private IssuedToken currentOf(AppKey key) {
        return storage.keys().credentials(key.id()).orElseThrow().current();
    }

    /** A stored key of the account, created at {@code createdIn}, with that label. */
    private AppKey newKey(Account account, Instant createdIn, String label) {
        AppKey random = keyOf(account, createdIn);
        AppKey key = new AppKey(
                random.id(),
                account.name(),
                random.appKey(),
                new Label(label),
                createdIn,
                true,
                Optional.empty(),
                Optional.empty());
        storage.keys().insert(key, token(createdIn));
        return key;
    }

    private static KeyQuery labelled(String part) {
        return new KeyQuery(Optional.of(part), Optional.empty(), Optional.empty());
    }

    /** The ids of the account's keys that meet the query, all on a first page. */
    private List<AppKeyId> ids(Account account, KeyQuery query) {
        Page<StoredKey> page = storage.keys().list(account.name(), PageRequest.first(), query);
        assertEquals(Optional.empty(), page.next());
        return page.items().stream().map(stored -> stored.key().id()).toList();
    }

    private List<AppKey> readAll(Account account, int pageSize) {
        return readAll(account, KeyQuery.ALL, pageSize);
    }

    private List<AppKey> readAll(Account account, KeyQuery query, int pageSize) {
        List<AppKey> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<StoredKey> page = storage.keys().list(account.name(), request, query);
            assertTrue(page.items().size() <= pageSize);
            page.items().forEach(stored -> all.add(stored.key()));
            if (page.next().isEmpty()) {
                return all;
            }
            request = request.next(page.next().get());
        }
    }
}
