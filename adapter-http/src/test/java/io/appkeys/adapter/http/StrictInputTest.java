package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that no store could keep as it is, or that a lenient parser would guess at, is refused with a 400 in
 * our words and changes nothing, on every store; and a change made by many identical requests at once is
 * made, and audited, exactly once.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class StrictInputTest extends OverHttp {

    private static final String KEYS = HttpStory.KEYS;
    private static final String USERS = HttpStory.USERS;

    private final RawHttp raw;

    StrictInputTest(ServedStore served) {
        super(served);
        this.raw = new RawHttp(served.server().uri());
    }

    @Test
    void inputThatAStoreCannotKeep_orThatAParserWouldGuessAt_is400InOurWords_andChangesNothing() {
        String roles = USERS + "/" + tenant.admin.appKey() + "/roles";
        Map<String, Supplier<Reply>> bad = new LinkedHashMap<>();
        Map<String, String> says = new LinkedHashMap<>();
        bad.put("a role id too large for any number", () -> http.put(roles, tenant.admin, "[1e400]"));
        says.put("a role id too large for any number", "role ids must be whole numbers from 1 to 2147483647");
        bad.put("a role id with a fraction", () -> http.put(roles, tenant.admin, "[1.5]"));
        says.put("a role id with a fraction", "role ids must be whole numbers");
        bad.put("a NUL in an email", () -> http.post(USERS, tenant.admin, "{\"email\":\"ana\\u0000@acme.com\"}"));
        says.put("a NUL in an email", "email must not contain control characters");
        bad.put("a NUL in a user id", () -> http.get(USERS + "/ana%00@acme.com", tenant.admin));
        says.put("a NUL in a user id", "email must not contain control characters");
        bad.put("text after the JSON value", () -> http.post(KEYS, tenant.admin, "{\"label\":\"x\"}garbage"));
        says.put("text after the JSON value", "the request body holds more than one JSON value, or text after");
        bad.put("two JSON values", () -> http.post(KEYS, tenant.admin, "{\"label\":\"x\"}{\"label\":\"y\"}"));
        says.put("two JSON values", "the request body holds more than one JSON value, or text after");
        bad.put("a member named twice", () -> http.post(KEYS, tenant.admin, "{\"label\":\"a\",\"label\":\"b\"}"));
        says.put("a member named twice", "the request body names a member twice ('label')");
        bad.put("a lone surrogate", () -> http.post(KEYS, tenant.admin, "{\"label\":\"half \\ud800 a pair\"}"));
        says.put("a lone surrogate", "label must not contain an unpaired surrogate");
        bad.put("a body of spaces", () -> http.post(KEYS, tenant.admin, "   \n "));
        says.put("a body of spaces", "the request body is empty; it must be a JSON object");
        bad.put(
                "invalid UTF-8",
                () -> raw.send("POST", KEYS, withJson(Http.headers(tenant.admin)), new byte[] {
                    '{', '"', 'l', 'a', 'b', 'e', 'l', '"', ':', '"', (byte) 0xC3, '(', '"', '}'
                }));
        says.put("invalid UTF-8", "the request body is not valid UTF-8");
        bad.put(
                "a number of items that is not a number",
                () -> http.get(HttpStory.LOGINS + "?numItems=abc", tenant.admin));
        says.put("a number of items that is not a number", "numItems must be a whole number from 1 to 1000, got 'abc'");
        State before = State.of(tenant);

        List<String> wrong = new ArrayList<>();
        bad.forEach((what, call) -> {
            Reply reply = call.get();
            String detail = reply.status() == 400 ? reply.json().get("detail").asText() : "";
            if (!detail.startsWith(says.get(what))) {
                wrong.add(what + " -> " + reply);
            } else {
                HttpStory.assertProblem(reply, 400);
            }
        });

        assertEquals(List.of(), wrong);
        assertEquals(before, State.of(tenant));
    }

    @Test
    void aLabelThatEveryStoreKeeps_comesBackAsItWasSent() {
        String label = "Integração ✓ \uD83D\uDE80";
        Reply created = http.post(KEYS, tenant.admin, "{\"label\":\"" + label + "\"}");

        assertEquals(200, created.status(), created::toString);
        assertEquals(label, created.json().get("label").asText());
        assertTrue(
                HttpStory.values(http.get(KEYS, tenant.admin).json(), "label").contains(label));
    }

    @Test
    void manyIdenticalChangesAtOnce_takeEffectOnce_andAreAuditedOnce() throws Exception {
        Credentials key = tenant.newKey("target");
        int owner = tenant.roleId(LicenseManager.OWNER).value();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Reply>> links = new ArrayList<>();
            List<CompletableFuture<Reply>> deactivations = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                links.add(CompletableFuture.supplyAsync(
                        () -> http.put(USERS + "/" + key.appKey() + "/roles", tenant.admin, "[" + owner + "]"),
                        clients));
                deactivations.add(CompletableFuture.supplyAsync(
                        () -> http.put(KEYS + "/" + key.id(), tenant.admin, "{\"isActive\":false}"), clients));
            }
            links.forEach(reply -> assertEquals(204, reply.join().status(), reply.join()::toString));
            deactivations.forEach(reply -> assertEquals(200, reply.join().status(), reply.join()::toString));
        } finally {
            clients.shutdown();
        }

        List<AuditAction> actions = tenant.appKeys.readAuditLog(tenant.master, PageRequest.first(1000)).items().stream()
                .filter(entry -> entry.event().target().contains(key.appKey()))
                .map(AuditEntry::event)
                .map(event -> event.action())
                .toList();
        assertEquals(
                Set.of(AuditAction.KEY_CREATED, AuditAction.ROLE_LINKED, AuditAction.KEY_DEACTIVATED),
                Set.copyOf(actions));
        assertEquals(3, actions.size(), actions::toString);
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
