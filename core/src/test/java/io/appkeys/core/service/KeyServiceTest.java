package io.appkeys.core.service;

import static io.appkeys.core.fixtures.World.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyDetails;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Decision;
import io.appkeys.core.domain.ForbiddenException;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.ListedAppKey;
import io.appkeys.core.domain.NotFoundException;
import io.appkeys.core.domain.Page;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.Principal;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.fixtures.MutableClock;
import io.appkeys.core.fixtures.World;
import io.appkeys.core.port.in.KeyFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyServiceTest {

    private final World world = new World();

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void createdKey_hasAVtexShapedAppKey_aWellFormedToken_andNoRoles() {
        CreatedAppKey created = world.newKey("orders sync");

        AppKey key = created.key();
        assertTrue(key.appKey().value().matches("vtexappkey-acme-[A-Z]{6}"));
        assertTrue(AppToken.isWellFormed(created.token().reveal()));
        assertEquals(new Label("orders sync"), key.label());
        assertEquals(MutableClock.START, key.createdIn());
        assertTrue(key.active());
        assertEquals(Optional.empty(), key.lastUsedIn());
        assertEquals(
                List.of(), world.appKeys.getAppKey(world.master, ref(created)).roles());
    }

    @Test
    void onlyTheHashOfTheToken_isKept() {
        CreatedAppKey created = world.newKey("orders sync");

        String stored = world.storage
                .keys()
                .credentials(created.key().id())
                .orElseThrow()
                .current()
                .hash()
                .value();

        assertTrue(stored.startsWith("$argon2id$"));
        assertFalse(stored.contains(created.token().reveal()));
    }

    @Test
    void configuredPrefix_namesNewKeys() {
        try (World custom = new World(AppKeysSettings.defaults().withAppKeyPrefix("mykey"))) {
            assertTrue(custom.newKey("x").key().appKey().value().matches("mykey-acme-[A-Z]{6}"));
        }
    }

    @Test
    void newKey_authenticates_butIsDeniedEverything_untilARoleIsLinked() {
        CreatedAppKey created = world.newKey("fresh");
        Principal principal = assertInstanceOf(AuthenticationResult.Authenticated.class, world.authenticate(created))
                .principal();

        for (Resource resource : LicenseManager.resources()) {
            assertEquals(Decision.DENIED, world.appKeys.authorize(principal, resource.name()));
        }
        Caller asKey = new Caller(principal, "test");
        assertThrows(ForbiddenException.class, () -> world.appKeys.listAppKeys(asKey, PageRequest.first()));
        assertThrows(ForbiddenException.class, () -> world.appKeys.createAppKey(asKey, new Label("more")));

        Role owner = role(LicenseManager.OWNER);
        world.appKeys.linkRoles(
                world.master, new PrincipalRef.ByAppKey(created.key().appKey()), Set.of(owner.id()));

        Principal after = assertInstanceOf(AuthenticationResult.Authenticated.class, world.authenticate(created))
                .principal();
        assertEquals(Decision.ALLOWED, world.appKeys.authorize(after, LicenseManager.VIEW_API_KEYS));
        assertEquals(Decision.DENIED, world.appKeys.authorize(after, LicenseManager.SAVE_USER));
    }

    @Test
    void list_pagesThroughTheAccountsKeys_inCreationOrder() {
        List<AppKey> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            world.clock.advance(java.time.Duration.ofSeconds(1));
            created.add(world.newKey("key " + i).key());
        }
        world.account("globex");

        Page<AppKey> first = world.appKeys.listAppKeys(world.master, PageRequest.first(3));
        Page<AppKey> second = world.appKeys.listAppKeys(
                world.master, PageRequest.first(3).next(first.next().get()));

        assertEquals(created.subList(0, 3), first.items());
        assertEquals(created.subList(3, 5), second.items());
        assertEquals(Optional.empty(), second.next());
    }

    @Test
    void viewers_mayListAndRead_butNotCreate() {
        CreatedAppKey viewer = world.keyWithRole(LicenseManager.USER_ADMINISTRATOR);
        Role viewOnly =
                world.appKeys.createRole(world.master, new RoleName("Viewer"), Set.of(LicenseManager.VIEW_API_KEYS));
        CreatedAppKey onlyViews = world.newKey("views");
        world.appKeys.linkRoles(
                world.master, new PrincipalRef.ByAppKey(onlyViews.key().appKey()), Set.of(viewOnly.id()));
        Caller caller = world.callerOf(onlyViews);

        assertEquals(
                2,
                world.appKeys.listAppKeys(caller, PageRequest.first()).items().size());
        assertEquals(viewer.key(), world.appKeys.getAppKey(caller, ref(viewer)).key());
        assertThrows(ForbiddenException.class, () -> world.appKeys.createAppKey(caller, new Label("no")));
        assertThrows(ForbiddenException.class, () -> world.appKeys.setAppKeyActive(caller, ref(viewer), false));
        assertThrows(ForbiddenException.class, () -> world.appKeys.deleteAppKey(caller, ref(viewer)));
    }

    @Test
    void list_withAFilter_pagesThroughTheMatchingKeysOnly() {
        AppKey sync = keyCreatedLater("Orders sync");
        keyCreatedLater("billing");
        keyCreatedLater("billing again");
        AppKey export = keyCreatedLater("nightly ORDERS export");
        CreatedAppKey backup = world.newKey("orders backup");
        world.appKeys.setAppKeyActive(world.master, ref(backup), false);
        KeyFilter filter = KeyFilter.ALL.withLabel("orders").withActive(true);

        // pages of one hold a match each: the store filters before it pages, the service does not filter a page
        Page<ListedAppKey> first = world.appKeys.listAppKeys(world.master, PageRequest.first(1), filter);
        Page<ListedAppKey> second = world.appKeys.listAppKeys(
                world.master, PageRequest.first(1).next(first.next().orElseThrow()), filter);

        assertEquals(List.of(sync), keysOf(first));
        assertEquals(List.of(export), keysOf(second));
        assertEquals(Optional.empty(), second.next());
        assertEquals(
                List.of(backup.key().id()),
                keysOf(world.appKeys.listAppKeys(world.master, PageRequest.first(), filter.withActive(false))).stream()
                        .map(AppKey::id)
                        .toList());
    }

    @Test
    void listingWithAFilter_stillNeedsTheViewPermission() {
        CreatedAppKey withoutRoles = world.newKey("orders");
        Caller caller = world.callerOf(withoutRoles);
        KeyFilter filter = KeyFilter.DUE.withLabel("orders").withActive(true);

        assertThrows(ForbiddenException.class, () -> world.appKeys.listAppKeys(caller, PageRequest.first(), filter));
    }

    @Test
    void saveUser_mayManageKeys() {
        Caller admin = world.callerOf(world.keyWithRole(LicenseManager.USER_ADMINISTRATOR));

        CreatedAppKey made = world.appKeys.createAppKey(admin, new Label("made by admin"));
        world.appKeys.setAppKeyActive(admin, ref(made), false);
        world.appKeys.deleteAppKey(admin, ref(made));

        assertThrows(NotFoundException.class, () -> world.appKeys.getAppKey(admin, ref(made)));
    }

    @Test
    void deactivated_keyFailsAuthentication_andActivationBringsItBack() {
        CreatedAppKey created = world.newKey("switch");
        assertInstanceOf(AuthenticationResult.Authenticated.class, world.authenticate(created));

        AppKey off = world.appKeys.setAppKeyActive(world.master, ref(created), false);
        assertFalse(off.active());
        assertInstanceOf(AuthenticationResult.Rejected.class, world.authenticate(created));

        world.appKeys.setAppKeyActive(world.master, KeyRef.of(created.key().appKey()), true);
        assertInstanceOf(AuthenticationResult.Authenticated.class, world.authenticate(created));
        assertEquals(
                List.of(AuditAction.KEY_CREATED, AuditAction.KEY_DEACTIVATED, AuditAction.KEY_ACTIVATED),
                actionsAbout(created));
    }

    @Test
    void settingTheSameState_changesNothing_andIsNotAudited() {
        CreatedAppKey created = world.newKey("same");

        world.appKeys.setAppKeyActive(world.master, ref(created), true);

        assertEquals(List.of(AuditAction.KEY_CREATED), actionsAbout(created));
    }

    @Test
    void deletedKey_isGone_failsAuthentication_andLosesItsRoles() {
        CreatedAppKey created = world.keyWithRole(LicenseManager.OWNER);
        assertInstanceOf(AuthenticationResult.Authenticated.class, world.authenticate(created));

        world.appKeys.deleteAppKey(world.master, ref(created));

        assertInstanceOf(AuthenticationResult.Rejected.class, world.authenticate(created));
        assertThrows(NotFoundException.class, () -> world.appKeys.getAppKey(world.master, ref(created)));
        assertEquals(
                List.of(),
                world.storage.roles().rolesOf(world.acme.name(), created.key().id()));
        assertThrows(NotFoundException.class, () -> world.appKeys.deleteAppKey(world.master, ref(created)));
    }

    @Test
    void keysOfAnotherAccount_areNotFound_byIdOrByAppKey() {
        CreatedAppKey ours = world.newKey("ours");
        Caller globex = Caller.master(world.account("globex"), "test");

        assertThrows(NotFoundException.class, () -> world.appKeys.getAppKey(globex, ref(ours)));
        assertThrows(
                NotFoundException.class,
                () -> world.appKeys.getAppKey(globex, KeyRef.of(ours.key().appKey())));
        assertThrows(NotFoundException.class, () -> world.appKeys.setAppKeyActive(globex, ref(ours), false));
        assertThrows(NotFoundException.class, () -> world.appKeys.deleteAppKey(globex, ref(ours)));
        assertTrue(world.appKeys.getAppKey(world.master, ref(ours)).key().active());
    }

    @Test
    void unknownKey_isNotFound() {
        KeyRef missing = KeyRef.of(new AppKeyName("vtexappkey-acme-NOSUCH"));

        assertThrows(NotFoundException.class, () -> world.appKeys.getAppKey(world.master, missing));
    }

    @Test
    void details_showTheTokenStatusAndRoles_withoutAnyToken() {
        CreatedAppKey created = world.keyWithRole(LicenseManager.OWNER);

        AppKeyDetails details = world.appKeys.getAppKey(world.master, ref(created));

        assertEquals(MutableClock.START, details.tokens().tokenCreatedIn());
        assertEquals(Optional.empty(), details.tokens().newTokenCreatedIn());
        assertEquals(List.of(role(LicenseManager.OWNER)), details.roles());
        assertFalse(details.toString().contains(created.token().reveal()));
    }

    @Test
    void customResources_areGrantedThroughCustomRoles() {
        ResourceName ordersRead = new ResourceName("orders.read");
        world.appKeys.defineResource(world.master, new Resource(ordersRead, "Orders", "Orders API"));
        Role reader = world.appKeys.createRole(world.master, new RoleName("Orders reader"), Set.of(ordersRead));
        CreatedAppKey created = world.newKey("orders");
        world.appKeys.linkRoles(
                world.master, new PrincipalRef.ByAppKey(created.key().appKey()), Set.of(reader.id()));

        Principal principal = world.callerOf(created).principal();

        assertEquals(Decision.ALLOWED, world.appKeys.authorize(principal, ordersRead));
        assertEquals(Decision.DENIED, world.appKeys.authorize(principal, new ResourceName("orders.write")));
    }

    private AppKey keyCreatedLater(String label) {
        world.clock.advance(java.time.Duration.ofSeconds(1));
        return world.newKey(label).key();
    }

    private static List<AppKey> keysOf(Page<ListedAppKey> page) {
        return page.items().stream().map(ListedAppKey::key).toList();
    }

    private Role role(RoleName name) {
        return world.appKeys.listRoles(world.master).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<AuditAction> actionsAbout(CreatedAppKey key) {
        return world.appKeys.readAuditLog(world.master, PageRequest.first()).items().stream()
                .filter(entry ->
                        entry.event().target().contains(key.key().appKey().value()))
                .map(entry -> entry.event().action())
                .toList();
    }
}
