package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.LOGINS;
import static io.appkeys.adapter.http.HttpStory.ROLES;
import static io.appkeys.adapter.http.HttpStory.USERS;
import static io.appkeys.adapter.http.HttpStory.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Users and roles over HTTP, in VTEX's paged shapes; roles link to users and keys by any of their references.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class UsersAndRolesOverHttpTest extends OverHttp {

    UsersAndRolesOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void users_areCreatedFetchedListedAndDeleted() {
        Reply created = http.post(USERS, tenant.admin, "{\"name\":\"Jane\",\"email\":\"Jane@Example.com\"}");
        assertEquals(200, created.status(), created::toString);
        VtexSchemas.assertMatches("user", created);
        String id = created.json().get("id").asText();
        assertEquals("jane@example.com", created.json().get("email").asText());

        Reply byId = http.get(USERS + "/" + id, tenant.admin);
        assertEquals(200, byId.status(), byId::toString);
        VtexSchemas.assertMatches("user", byId);
        assertEquals("Jane", byId.json().get("name").asText());
        Reply byEmail = http.get(USERS + "/jane@example.com", tenant.admin);
        assertEquals(id, byEmail.json().get("id").asText());

        Reply nameless = http.post(USERS, tenant.admin, "{\"email\":\"joe@example.com\"}");
        assertEquals(200, nameless.status(), nameless::toString);
        VtexSchemas.assertMatches("user", nameless);

        Reply duplicate = http.post(USERS, tenant.admin, "{\"name\":\"Jane\",\"email\":\"jane@example.com\"}");
        assertEquals(409, duplicate.status(), duplicate::toString);

        Reply page = http.get(LOGINS + "?numItems=10&pageNumber=1", tenant.admin);
        assertEquals(200, page.status(), page::toString);
        VtexSchemas.assertMatches("logins-paged", page);
        List<String> emails = values(page.json().get("items"), "email");
        assertTrue(emails.containsAll(List.of("jane@example.com", "joe@example.com")), emails::toString);
        assertEquals(emails.size(), page.json().get("paging").get("total").asInt());

        Reply deleted = http.delete(USERS + "/" + id, tenant.admin);
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(404, http.get(USERS + "/" + id, tenant.admin).status());
        assertFalse(values(http.get(LOGINS, tenant.admin).json().get("items"), "email")
                .contains("jane@example.com"));
    }

    @Test
    void logins_arePagedInVtexShape() {
        for (int i = 1; i <= 3; i++) {
            assertEquals(
                    200,
                    http.post(USERS, tenant.admin, "{\"email\":\"u" + i + "@example.com\"}")
                            .status());
        }
        Reply first = http.get(LOGINS + "?numItems=2&pageNumber=1", tenant.admin);
        Reply second = http.get(LOGINS + "?numItems=2&pageNumber=2", tenant.admin);
        Reply past = http.get(LOGINS + "?numItems=2&pageNumber=9", tenant.admin);
        VtexSchemas.assertMatches("logins-paged", second);

        long total = first.json().get("paging").get("total").asLong();
        assertTrue(total >= 3, "total " + total);
        assertEquals(2, first.json().get("items").size());
        assertEquals(
                Map.of("page", 2, "perPage", 2, "total", (int) total, "pages", (int) ((total + 1) / 2)),
                paging(second.json()));
        assertEquals(0, past.json().get("items").size());
        List<String> both = new ArrayList<>(values(first.json().get("items"), "id"));
        both.addAll(values(second.json().get("items"), "id"));
        assertEquals(both.size(), Set.copyOf(both).size(), "pages overlap: " + both);
    }

    @Test
    void roles_areListedInVtexPagedShape() {
        Reply all = http.get(ROLES + "?numItems=100&pageNumber=1", tenant.admin);
        assertEquals(200, all.status(), all::toString);
        VtexSchemas.assertMatches("roles-paged", all);
        assertTrue(values(all.json().get("items"), "name")
                .containsAll(List.of(LicenseManager.OWNER.value(), LicenseManager.USER_ADMINISTRATOR.value())));

        Reply one = http.get(ROLES + "?numItems=1&pageNumber=2", tenant.admin);
        VtexSchemas.assertMatches("roles-paged", one);
        assertEquals(1, one.json().get("items").size());
        assertEquals(
                Map.of(
                        "page",
                        2,
                        "perPage",
                        1,
                        "total",
                        all.json().get("items").size(),
                        "pages",
                        all.json().get("items").size()),
                paging(one.json()));
    }

    @Test
    void roles_areLinkedByUserId_email_keyId_andAppKey_andUnlinked() {
        String userId = http.post(USERS, tenant.admin, "{\"email\":\"ops@example.com\"}")
                .json()
                .get("id")
                .asText();
        Credentials key = tenant.newKey("linked");
        int owner = tenant.roleId(LicenseManager.OWNER).value();

        for (String ref : List.of(userId, "ops@example.com", key.id(), key.appKey())) {
            String path = USERS + "/" + ref + "/roles";
            Reply linked = http.put(path, tenant.admin, "[" + owner + "]");
            assertEquals(204, linked.status(), () -> ref + " -> " + linked);
            Reply roles = http.get(path, tenant.admin);
            assertEquals(200, roles.status(), roles::toString);
            VtexSchemas.assertMatches("user-roles", roles);
            assertEquals(List.of(LicenseManager.OWNER.value()), values(roles.json(), "name"));

            Reply unlinked = http.delete(path + "/" + owner, tenant.admin);
            assertEquals(204, unlinked.status(), unlinked::toString);
            assertEquals(0, http.get(path, tenant.admin).json().size());
        }
    }

    private static Map<String, Integer> paging(JsonNode page) {
        JsonNode paging = page.get("paging");
        return Map.of(
                "page",
                paging.get("page").asInt(),
                "perPage",
                paging.get("perPage").asInt(),
                "total",
                paging.get("total").asInt(),
                "pages",
                paging.get("pages").asInt());
    }
}
