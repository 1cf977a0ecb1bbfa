package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PersonName;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Resource;
import io.appkeys.core.domain.ResourceName;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.User;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's roles and users pages through a real HTTP client: what an access administrator sees and does. */
class ConsoleAccessOverHttpTest {

    private static final Pattern INPUT_ID =
            Pattern.compile("<(?:input|select|textarea)(?![^>]*type=\"hidden\")[^>]*" + " id=\"([^\"]+)\"");

    @TempDir
    static Path directory;

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = new TestServer(TestDatabases.freshH2(directory));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAccessAdministrator_seesEveryRoleAndResource_andCreatesACustomRole_thatAKeyCanBeGiven() {
        Tenant tenant = Tenant.create(server.appKeys());
        tenant.appKeys.defineResource(
                tenant.master, new Resource(new ResourceName("orders.read"), "Orders", "Reading"));
        Credentials worker = tenant.newKey("orders worker");
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        Reply roles = browser.get("/admin/roles");
        assertEquals(200, roles.status(), roles.body());
        assertTrue(roles.body().contains("Owner (Admin Super)"), roles.body());
        assertTrue(roles.body().contains("User Administrator - RESTRICTED"), roles.body());
        assertTrue(roles.body().contains("<td>Predefined</td>"), roles.body());
        assertTrue(roles.body().contains("<code>EditApiKeys, Save_User, ViewApiKeys</code>"), roles.body());
        assertTrue(roles.body().contains("<code>orders.read</code></th><td>Orders</td><td>Reading</td>"), roles.body());
        everyInputIsLabelled(roles.body());

        Reply created = browser.submit(
                "/admin/roles", "/admin/roles", Map.of("name", "Order readers", "resource.orders.read", "on"));
        assertEquals(303, created.status(), created.body());
        assertEquals("/admin/roles", created.header("Location"));
        String after = browser.get("/admin/roles").body();
        assertTrue(after.contains("<th scope=\"row\">Order readers</th>\n      <td>Custom</td>"), after);
        Role role = tenant.appKeys.listRoles(tenant.master).stream()
                .filter(r -> r.name().value().equals("Order readers"))
                .findFirst()
                .orElseThrow();
        assertEquals(java.util.Set.of(new ResourceName("orders.read")), role.resources());

        String keyPage = "/admin/keys/" + worker.id();
        assertTrue(browser.get(keyPage)
                .body()
                .contains("<option value=\"" + role.id().value() + "\">Order readers"));
        assertEquals(
                403, http.get("/api/authz/check?resource=orders.read", worker).status(), "not before the link");
        Reply linked = browser.submit(
                keyPage, keyPage + "/roles", Map.of("role", role.id().toString()));
        assertEquals(303, linked.status(), linked.body());
        assertTrue(browser.get(keyPage).body().contains("Unlink the role Order readers"));
        assertEquals(
                200, http.get("/api/authz/check?resource=orders.read", worker).status());
    }

    @Test
    void aRoleOfAResourceTheAccountLacks_orWithoutAName_isRefusedWithAPageThatSaysWhy() {
        Tenant tenant = Tenant.create(server.appKeys());
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);
        int before = tenant.appKeys.listRoles(tenant.master).size();

        Reply unknown =
                browser.submit("/admin/roles", "/admin/roles", Map.of("name", "Ghosts", "resource.nothing.here", "on"));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("resource nothing.here does not exist"), unknown.body());
        Reply nameless = browser.submit("/admin/roles", "/admin/roles", Map.of("name", " "));
        assertEquals(400, nameless.status(), nameless.body());
        assertTrue(nameless.body().contains("role name"), nameless.body());
        assertEquals(before, tenant.appKeys.listRoles(tenant.master).size());
    }

    @Test
    void anAccessAdministrator_addsAUser_andRemovesIt_afterConfirming() {
        Tenant tenant = Tenant.create(server.appKeys());
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        Reply users = browser.get("/admin/users");
        assertEquals(200, users.status(), users.body());
        assertTrue(users.body().contains("owner@" + tenant.name() + ".example"), users.body());
        assertTrue(users.body().contains("Master user of the account: cannot be removed"), users.body());
        everyInputIsLabelled(users.body());

        Reply added =
                browser.submit("/admin/users", "/admin/users", Map.of("email", "Ana@Example.com", "name", "Ana Lima"));
        assertEquals(303, added.status(), added.body());
        assertEquals("/admin/users", added.header("Location"));
        String list = browser.get("/admin/users").body();
        assertTrue(list.contains("<th scope=\"row\">ana@example.com</th>\n      <td>Ana Lima</td>"), list);
        Matcher remove = Pattern.compile(
                        "href=\"(/admin/users/[0-9a-f-]{36}/remove)\" aria-label=\"Remove the user ana@example.com\"")
                .matcher(list);
        assertTrue(remove.find(), list);

        Reply asked = browser.get(remove.group(1));
        assertEquals(200, asked.status(), asked.body());
        assertTrue(asked.body().contains("<h1>Remove ana@example.com?</h1>"), asked.body());
        assertTrue(asked.body().contains("also unlinks every role it holds"), asked.body());
        assertEquals(
                1,
                tenant.appKeys.listUsers(tenant.master, new io.appkeys.core.domain.NumberedPage(1, 10)).users().stream()
                        .filter(u -> u.user().email().value().equals("ana@example.com"))
                        .count(),
                "asking removes nothing");

        Reply removed = browser.submit(remove.group(1), remove.group(1), Map.of());
        assertEquals(303, removed.status(), removed.body());
        assertEquals("/admin/users", removed.header("Location"));
        assertFalse(browser.get("/admin/users").body().contains("ana@example.com"));
    }

    @Test
    void addingAUserTwice_orRemovingTheMasterUser_isRefusedWithAPageThatSaysWhy() {
        Tenant tenant = Tenant.create(server.appKeys());
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);
        browser.submit("/admin/users", "/admin/users", Map.of("email", "bo@example.com", "name", ""));

        Reply twice = browser.submit("/admin/users", "/admin/users", Map.of("email", "bo@example.com"));
        assertEquals(409, twice.status(), twice.body());
        assertTrue(twice.body().contains("already has a user bo@example.com"), twice.body());
        Reply malformed = browser.submit("/admin/users", "/admin/users", Map.of("email", "not an email"));
        assertEquals(400, malformed.status(), malformed.body());

        String master = tenant.account.masterUserId().toString();
        Reply forced = browser.submit("/admin/users", "/admin/users/" + master + "/remove", Map.of());
        assertEquals(409, forced.status(), forced.body());
        assertTrue(forced.body().contains("is the master user"), forced.body());
    }

    @Test
    void theUsersList_isPaged_fiftyAtATime() {
        Tenant tenant = Tenant.create(server.appKeys());
        for (int i = 0; i < 55; i++) {
            tenant.appKeys.addUser(
                    tenant.master, new Email("user" + i + "@example.com"), Optional.of(new PersonName("User " + i)));
        }
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        String first = browser.get("/admin/users").body();
        assertTrue(first.contains("page 1 of 2, 56 in all"), first);
        assertEquals(50, count(first, "<th scope=\"row\">"));
        assertTrue(first.contains("<a href=\"/admin/users?page=2\" rel=\"next\">Next page</a>"), first);
        assertFalse(first.contains("rel=\"prev\""), first);
        String second = browser.get("/admin/users?page=2").body();
        assertEquals(6, count(second, "<th scope=\"row\">"));
        assertTrue(second.contains("user54@example.com"), second);
        assertTrue(second.contains("<a href=\"/admin/users?page=1\" rel=\"prev\">Previous page</a>"), second);
        assertFalse(second.contains("rel=\"next\""), second);
        assertEquals(400, browser.get("/admin/users?page=0").status());
    }

    @Test
    void theAuditLog_isReadNewestFirst_fiftyAtATime_andOlderEntriesFollowWithoutOverlap() {
        Tenant tenant = Tenant.create(server.appKeys());
        for (int i = 0; i < 55; i++) {
            tenant.appKeys.addUser(tenant.master, new Email("user" + i + "@example.com"), Optional.empty());
        }
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        String newest = browser.get("/admin/audit").body();
        List<String> first = auditTargets(newest);
        assertEquals(50, first.size(), newest);
        assertEquals("user:user54@example.com", first.get(0), "newest first");
        assertEquals("user:user5@example.com", first.get(49));
        assertFalse(newest.contains("Newest entries"), newest);
        Matcher older = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Older entries</a>")
                .matcher(newest);
        assertTrue(older.find(), newest);

        String next = browser.get(older.group(1)).body();
        List<String> second = auditTargets(next);
        assertTrue(next.contains("(older entries)"), next);
        assertTrue(next.contains("<a href=\"/admin/audit\">Newest entries</a>"), next);
        assertEquals(
                List.of("user:user4@example.com", "user:user3@example.com", "user:user2@example.com"),
                second.subList(0, 3),
                "the next older entries, none of the first page again");
        assertTrue(second.stream().noneMatch(first::contains), next);
        assertEquals(400, browser.get("/admin/audit?before=not-a-cursor").status());
    }

    /** The "On" column of each row of an audit page, top to bottom. */
    private static List<String> auditTargets(String page) {
        Matcher row = Pattern.compile("<td>[^<]*</td>\\s*<td><code>([^<]*)</code></td>\\s*<td>[^<]*</td>\\s*</tr>")
                .matcher(page);
        List<String> targets = new ArrayList<>();
        while (row.find()) {
            targets.add(row.group(1));
        }
        return targets;
    }

    @Test
    void aKeyWithoutSaveUser_isNotOfferedRolesOrUsers_andGetsTheErrorPageWhenItGoesThere() {
        Tenant tenant = Tenant.create(server.appKeys());
        User someone = tenant.appKeys.addUser(tenant.master, new Email("someone@example.com"), Optional.empty());
        Credentials owner = tenant.keyWithRoles("owner only", LicenseManager.OWNER);
        ConsoleClient browser = new ConsoleClient(http);
        assertEquals(303, browser.signIn(owner).status());

        String keys = browser.get("/admin/keys").body();
        assertFalse(keys.contains("href=\"/admin/roles\""), keys);
        assertFalse(keys.contains("href=\"/admin/users\""), keys);

        for (String path : List.of("/admin/roles", "/admin/users", "/admin/users/" + someone.id() + "/remove")) {
            Reply page = browser.get(path);
            assertEquals(403, page.status(), path);
            assertTrue(page.body().contains("Not allowed"), page.body());
            assertFalse(page.body().contains("User Administrator - RESTRICTED"), page.body());
            assertFalse(page.body().contains("someone@example.com"), page.body());
            assertFalse(page.body().contains("href=\"/admin/roles\""), page.body());
        }

        int roles = tenant.appKeys.listRoles(tenant.master).size();
        Reply role = browser.submit("/admin/keys", "/admin/roles", Map.of("name", "Mine", "resource.Save_User", "on"));
        assertEquals(403, role.status(), role.body());
        assertEquals(roles, tenant.appKeys.listRoles(tenant.master).size());
        Reply user = browser.submit("/admin/keys", "/admin/users", Map.of("email", "intruder@example.com"));
        assertEquals(403, user.status(), user.body());
        Reply remove = browser.submit("/admin/keys", "/admin/users/" + someone.id() + "/remove", Map.of());
        assertEquals(403, remove.status(), remove.body());
        assertEquals(
                someone,
                tenant.appKeys.getUser(
                        tenant.master, PrincipalRef.parse(someone.id().toString())));
    }

    @Test
    void noRolesOrUsersPage_holdsAToken() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials other = tenant.newKey("other");
        User someone = tenant.appKeys.addUser(tenant.master, new Email("someone@example.com"), Optional.empty());
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);
        String session = browser.cookie();
        assertFalse(session.isEmpty());

        for (String path : List.of("/admin/roles", "/admin/users", "/admin/users/" + someone.id() + "/remove")) {
            Reply page = browser.get(path);
            assertEquals(200, page.status(), path);
            assertEquals("no-store", page.header("Cache-Control"), path);
            for (String secret : List.of(tenant.admin.appToken(), other.appToken(), session)) {
                assertFalse(page.body().contains(secret), path);
            }
        }
    }

    /** Each visible field has a label that names it, so a screen reader and a keyboard user can tell them apart. */
    private static void everyInputIsLabelled(String page) {
        Matcher input = INPUT_ID.matcher(page);
        int fields = 0;
        while (input.find()) {
            assertTrue(page.contains("<label for=\"" + input.group(1) + "\">"), "no label for " + input.group(1));
            fields++;
        }
        assertTrue(fields > 0, page);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
