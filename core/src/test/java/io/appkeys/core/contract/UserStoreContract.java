package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.ConflictException;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.ListedUser;
import io.appkeys.core.domain.NumberedPage;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.domain.UserListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.appkeys.core.port.out.UserStore}. */
public abstract class UserStoreContract extends StorageContractSupport {

    private User newUser(Account account, String local, Instant createdIn) {
        User user = new User(
                UserId.random(),
                account.name(),
                new Email(local + "@example.com"),
                Optional.of(new PersonName("Name of " + local)),
                createdIn);
        storage.users().insert(user);
        return user;
    }

    @Test
    void insertedUser_isFoundByIdAndByEmail() {
        Account account = newAccount();
        User user = newUser(account, "ana", at(1));

        assertEquals(Optional.of(user), storage.users().find(account.name(), user.id()));
        assertEquals(Optional.of(user), storage.users().findByEmail(account.name(), user.email()));
    }

    @Test
    void userWithoutName_keepsNoName() {
        Account account = newAccount();
        User user =
                new User(UserId.random(), account.name(), new Email("nameless@example.com"), Optional.empty(), at(1));
        storage.users().insert(user);

        assertEquals(Optional.of(user), storage.users().find(account.name(), user.id()));
    }

    @Test
    void usersOfAnotherAccount_areNotFound() {
        Account account = newAccount();
        Account other = newAccount();
        User user = newUser(account, "ana", at(1));

        assertEquals(Optional.empty(), storage.users().find(other.name(), user.id()));
        assertEquals(Optional.empty(), storage.users().findByEmail(other.name(), user.email()));
    }

    @Test
    void sameEmailTwiceInOneAccount_isConflict_butFineInAnother() {
        Account account = newAccount();
        Account other = newAccount();
        newUser(account, "ana", at(1));

        assertThrows(ConflictException.class, () -> newUser(account, "ana", at(2)));
        newUser(other, "ana", at(2));
        assertEquals(
                2, storage.users().page(account.name(), new NumberedPage(1, 1)).total());
    }

    @Test
    void list_pagesThroughUsersInCreationOrder() {
        Account account = newAccount();
        List<User> expected = new ArrayList<>(
                storage.users().list(account.name(), PageRequest.first()).items());
        for (int i = 0; i < 5; i++) {
            expected.add(newUser(account, "user" + i, at(10 + i)));
        }

        assertEquals(expected, readAll(account, 2));
        assertEquals(
                6, storage.users().page(account.name(), new NumberedPage(1, 1)).total());
    }

    @Test
    void aNumberedPage_marksTheMasterUser_andCountsTheWholeAccount() {
        Account account = newAccount();
        List<User> added = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            added.add(newUser(account, "user" + i, at(10 + i)));
        }

        UserListing first = storage.users().page(account.name(), new NumberedPage(1, 2));
        UserListing last = storage.users().page(account.name(), new NumberedPage(3, 2));
        UserListing beyond = storage.users().page(account.name(), new NumberedPage(9, 2));

        assertEquals(5, first.total());
        assertEquals(
                List.of(true, false),
                first.users().stream().map(ListedUser::master).toList());
        assertEquals(account.masterUserId(), first.users().get(0).user().id());
        assertEquals(added.get(0), first.users().get(1).user());
        assertEquals(
                List.of(added.get(3)),
                last.users().stream().map(ListedUser::user).toList());
        assertEquals(new UserListing(List.of(), 5), beyond);
    }

    @Test
    void list_withEqualCreationTimes_returnsEachUserOnce() {
        Account account = newAccount();
        for (int i = 0; i < 7; i++) {
            newUser(account, "same" + i, at(5));
        }

        List<User> all = readAll(account, 3);

        assertEquals(8, all.size());
        assertEquals(8, all.stream().map(User::id).distinct().count());
    }

    @Test
    void delete_removesOnlyThatUser() {
        Account account = newAccount();
        Account other = newAccount();
        User user = newUser(account, "ana", at(1));
        User kept = newUser(account, "bob", at(2));

        assertFalse(storage.users().delete(other.name(), user.id()));
        assertTrue(storage.users().delete(account.name(), user.id()));
        assertFalse(storage.users().delete(account.name(), user.id()));
        assertEquals(Optional.empty(), storage.users().find(account.name(), user.id()));
        assertEquals(Optional.of(kept), storage.users().find(account.name(), kept.id()));
    }

    private List<User> readAll(Account account, int pageSize) {
        List<User> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<User> page = storage.users().list(account.name(), request);
            assertTrue(page.items().size() <= pageSize);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            request = request.next(page.next().get());
        }
    }
}
