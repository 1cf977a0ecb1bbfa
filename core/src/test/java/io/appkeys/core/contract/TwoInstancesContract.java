package io.appkeys.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.AuthenticationResult.Authenticated;
import io.appkeys.core.domain.AuthenticationResult.Rejected;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.LoginResult.LoggedIn;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.domain.User;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.fixtures.CountingStorage;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import io.appkeys.core.port.out.Storage;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two independent {@code AppKeys} on one store, as two processes sharing a database: every kind of change
 * made through one is enforced by the other, which had the key warm in its cache. The tests wait for the
 * effect with a deadline and assert no timing.
 */
public abstract class TwoInstancesContract {

    /** A process other than both instances: the one that changed a role's resources (no use case does yet). */
    private static final String ORIGIN = "a-role-editor";

    private static final long DEADLINE_MILLIS = 10_000;

    private AllUseCases first;
    private AllUseCases second;
    private CountingStorage secondsStore;
    private Caller master;

    /** A new connection to the one store of the class; each instance gets its own. */
    protected abstract Storage openStore();

    @BeforeEach
    void startTwo() {
        first = new AllUseCases(instance(openStore()));
        secondsStore = new CountingStorage(openStore());
        second = new AllUseCases(instance(secondsStore));
        AccountName name = new AccountName("t" + Long.toString(System.nanoTime(), 36));
        Account account = first.createAccount(
                new NewAccount(name, new Email("owner@" + name + ".com"), Optional.empty(), "test"));
        master = Caller.master(account, "test");
    }

    private static AppKeys instance(Storage storage) {
        return AppKeys.builder()
                .storage(storage)
                .argon2(Argon2Parameters.fast())
                .usageFlushEvery(null)
                .build();
    }

    @AfterEach
    void stopBoth() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aKeyDeactivatedThroughOne_isRefusedByTheOther_andAcceptedAgainOnceActivated() {
        CreatedAppKey key = warmKey();

        first.setAppKeyActive(master, ref(key), false);
        eventually("the other refuses the deactivated key", () -> rejected(key));

        first.setAppKeyActive(master, ref(key), true);
        eventually("the other accepts the key again", () -> authenticated(key));
    }

    @Test
    void aKeyRestrictedThroughOne_isRefusedByTheOtherFromElsewhere_andAcceptedOnceTheRestrictionIsLifted() {
        CreatedAppKey key = warmKey(); // the other authenticates it from an address it does not know

        first.use(SetAppKeyNetworksUseCase.class)
                .setAppKeyNetworks(master, ref(key), AllowedNetworks.parse("203.0.113.0/24"));
        eventually("the other refuses the key from outside its networks", () -> rejected(key));

        first.use(SetAppKeyNetworksUseCase.class).setAppKeyNetworks(master, ref(key), AllowedNetworks.ANYWHERE);
        eventually("the other accepts the key again", () -> authenticated(key));
    }

    @Test
    void aKeyDeletedThroughOne_isRefusedByTheOther() {
        CreatedAppKey key = warmKey();

        first.deleteAppKey(master, ref(key));

        eventually("the other refuses the deleted key", () -> rejected(key));
    }

    @Test
    void aRenewalFinishedThroughOne_endsTheOldTokenInTheOther() {
        CreatedAppKey key = warmKey();
        String renewed = first.renewAppToken(master, ref(key)).newToken().reveal();
        eventually("the other accepts the new token", () -> authenticated(key, renewed));
        assertInstanceOf(Authenticated.class, second.authenticate(appKey(key), token(key)), "the old one, meanwhile");

        first.finishRenewal(master, ref(key));

        eventually("the other refuses the old token", () -> rejected(key));
        assertInstanceOf(Authenticated.class, second.authenticate(appKey(key), renewed));
    }

    @Test
    void aRenewalCancelledThroughOne_endsTheNewTokenInTheOther() {
        CreatedAppKey key = warmKey();
        String renewed = first.renewAppToken(master, ref(key)).newToken().reveal();
        eventually("the other accepts the new token", () -> authenticated(key, renewed));

        first.cancelRenewal(master, ref(key));

        eventually(
                "the other refuses the new token", () -> second.authenticate(appKey(key), renewed) instanceof Rejected);
        assertInstanceOf(Authenticated.class, second.authenticate(appKey(key), token(key)));
    }

    @Test
    void rolesLinkedAndUnlinkedThroughOne_grantAndDenyInTheOther() {
        CreatedAppKey key = warmKey();
        RoleId owner = ownerRole();
        assertFalse(allowed(key), "a new key may do nothing");

        first.linkRoles(master, PrincipalRef.parse(appKey(key)), Set.of(owner));
        eventually("the other grants what the role grants", () -> allowed(key));

        first.unlinkRole(master, PrincipalRef.parse(appKey(key)), owner);
        eventually("the other denies it again", () -> !allowed(key));
    }

    @Test
    void aRenewalStartedThroughOne_makesTheOtherReadTheKeyAgain() {
        CreatedAppKey key = warmKey();
        int before = secondsStore.calls();
        assertInstanceOf(Authenticated.class, second.authenticate(appKey(key), token(key)));
        assertEquals(before, secondsStore.calls(), "warm: answered from the cache");

        first.renewAppToken(master, ref(key)); // the old token now ends with the renewal period

        eventually("the other reads the key again", () -> {
            int calls = secondsStore.calls();
            second.authenticate(appKey(key), token(key));
            return secondsStore.calls() > calls;
        });
    }

    @Test
    void rolesLinkedToAndUnlinkedFromAUser_andAUserRemoved_areAppliedByTheOther() {
        User user = first.addUser(master, new Email("gone@example.com"), Optional.empty());
        PrincipalRef ref = PrincipalRef.parse(user.id().toString());
        Change change = Change.of(master.account(), user.id());

        // no credential of a user is cached anywhere yet: the other has applied each change once it says so
        first.linkRoles(master, ref, Set.of(ownerRole()));
        appliedByTheOther(change);
        first.unlinkRole(master, ref, ownerRole());
        appliedByTheOther(change);
        first.removeUser(master, ref);
        appliedByTheOther(change);
    }

    /** Waits until the other instance says it has applied the latest change, which must be {@code change}. */
    private void appliedByTheOther(Change change) {
        long latest = secondsStore.changes().latest();
        assertEquals(
                change,
                secondsStore.changes().after(latest - 1, 1).entries().get(0).change(),
                "the latest change recorded");
        eventually(
                "the other has applied change " + latest,
                () -> secondsStore
                                .changes()
                                .appliedByAll(Instant.now().minusSeconds(5), "nobody")
                                .orElse(0)
                        >= latest);
    }

    @Test
    void aSignedTokenFromOne_standsForItsKeyInTheOther_untilTheKeyIsDeactivatedThroughOne() {
        CreatedAppKey key = warmKey();
        AuthenticateUseCase firstAuthentication = first.use(AuthenticateUseCase.class);
        LoggedIn loggedIn = assertInstanceOf(
                LoggedIn.class,
                first.use(LoginUseCase.class).login(firstAuthentication.attempt(appKey(key), token(key), "")));
        AuthenticateUseCase other = second.use(AuthenticateUseCase.class);
        String token = loggedIn.token().reveal();
        assertInstanceOf(Authenticated.class, other.authenticate(other.attemptToken(token, "")));

        first.setAppKeyActive(master, ref(key), false);

        eventually(
                "the other refuses the key's signed token",
                () -> other.authenticate(other.attemptToken(token, "")) instanceof Rejected);
    }

    @Test
    void aRoleWhoseResourcesChanged_makesTheOtherReadItsKeysAgain() {
        CreatedAppKey key = warmKey();
        int before = secondsStore.calls();
        assertInstanceOf(Authenticated.class, second.authenticate(appKey(key), token(key)));
        assertEquals(before, secondsStore.calls(), "warm: answered from the cache");

        // no use case edits a role yet; its change is recorded as one would be
        Storage store = openStore();
        try {
            store.transactions()
                    .run(() -> store.changes().append(Change.of(master.account(), ownerRole()), Instant.now(), ORIGIN));
        } finally {
            store.close();
        }

        eventually("the other reads the key again", () -> {
            int calls = secondsStore.calls();
            second.authenticate(appKey(key), token(key));
            return secondsStore.calls() > calls;
        });
    }

    private RoleId ownerRole() {
        return first.listRoles(master).stream()
                .filter(role -> role.name().equals(LicenseManager.OWNER))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A key, verified once by the other instance, so that the other holds it in its cache. */
    private CreatedAppKey warmKey() {
        CreatedAppKey key = first.createAppKey(master, new Label("shared"));
        assertInstanceOf(Authenticated.class, second.authenticate(appKey(key), token(key)));
        return key;
    }

    private boolean authenticated(CreatedAppKey key) {
        return authenticated(key, token(key));
    }

    private boolean authenticated(CreatedAppKey key, String token) {
        return second.authenticate(appKey(key), token) instanceof Authenticated;
    }

    private boolean rejected(CreatedAppKey key) {
        return second.authenticate(appKey(key), token(key)) instanceof Rejected;
    }

    private boolean allowed(CreatedAppKey key) {
        AuthenticationResult result = second.authenticate(appKey(key), token(key));
        return result instanceof Authenticated ok
                && second.authorize(ok.principal(), LicenseManager.VIEW_API_KEYS)
                        .allowed();
    }

    private static KeyRef ref(CreatedAppKey key) {
        return KeyRef.of(key.key().id());
    }

    private static String appKey(CreatedAppKey key) {
        return key.key().appKey().value();
    }

    private static String token(CreatedAppKey key) {
        return key.token().reveal();
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + DEADLINE_MILLIS + " ms: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what);
            }
        }
    }
}
