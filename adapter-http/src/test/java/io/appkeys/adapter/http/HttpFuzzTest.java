package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.LicenseManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Arbitrary requests (methods, paths with arbitrary segments, query parameters, headers, credentials and
 * bodies, well formed or not) against a server on each store: no answer is a 5xx (the store is up), and a
 * request that is refused changes nothing the account holds.
 */
class HttpFuzzTest {

    private static final List<Target> TARGETS = new ArrayList<>();

    @BeforeContainer
    static void start() {
        Map<String, Object> settings =
                Map.of("appkeys.refusal-time", "1ms", "appkeys.throttle-max-failures", 1_000_000);
        TARGETS.add(new Target(
                TestDatabases.freshH2(
                        Path.of("target", "http-fuzz", UUID.randomUUID().toString())),
                settings));
        TestDatabases.freshPostgres().ifPresent(postgres -> TARGETS.add(new Target(postgres, settings)));
    }

    @AfterContainer
    static void stop() {
        TARGETS.forEach(Target::close);
        TARGETS.clear();
    }

    @Property(tries = 400)
    void anyRequest_getsNo5xx_andARefusedOneChangesNothing(@ForAll("requests") Fuzzed request) {
        for (Target target : TARGETS) {
            State before = State.of(target.tenant);

            Reply reply = target.send(request);

            assertTrue(reply.status() < 500, () -> target + ": " + request + " -> " + reply);
            if (reply.status() >= 400) {
                assertEquals(
                        before,
                        State.of(target.tenant),
                        () -> target + ": refused, yet changed: " + request + " -> " + reply);
            }
        }
    }

    @Provide
    Arbitrary<Fuzzed> requests() {
        Arbitrary<String> served = Arbitraries.of(
                "GET /api/vlm/appkeys",
                "POST /api/vlm/appkeys",
                "PUT /api/vlm/appkeys/{}",
                "DELETE /api/vlm/appkeys/{}",
                "GET /api/vlm/account",
                "PATCH /api/vtexid/apikey/{}/apitoken/renew",
                "PATCH /api/vtexid/apikey/{}/apitoken/finish-renewal",
                "PATCH /api/vtexid/apikey/{}/apitoken/cancel-renewal",
                "POST /api/license-manager/users",
                "GET /api/license-manager/users/{}",
                "DELETE /api/license-manager/users/{}",
                "PUT /api/license-manager/users/{}/roles",
                "GET /api/license-manager/users/{}/roles",
                "DELETE /api/license-manager/users/{}/roles/{}",
                "GET /api/license-manager/site/pvt/logins/list/paged",
                "GET /api/license-manager/site/pvt/roles/list/paged",
                "GET /api/authz/check",
                "GET /health",
                "GET /openapi/{}");
        Arbitrary<String> anyOther = Combinators.combine(
                        Arbitraries.of(
                                "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get"),
                        Arbitraries.of(
                                "/api/vlm/appkeys",
                                "/api/vlm/appkeys/{}",
                                "/api/license-manager/users/{}/roles",
                                "/api/authz/check",
                                "/health",
                                "/{}",
                                "/api/{}",
                                "/api/vlm/{}/{}"))
                .as((method, path) -> method + " " + path);
        Arbitrary<String> endpoint =
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, served), net.jqwik.api.Tuple.of(1, anyOther));
        Arbitrary<List<String>> segments = segment().list().ofSize(2);
        Arbitrary<String> query = Combinators.combine(
                        Arbitraries.of("resource", "numItems", "pageNumber", "an", "x"), value())
                .as((name, value) -> name + "=" + value)
                .list()
                .ofMaxSize(3)
                .map(pairs -> String.join("&", pairs));
        Arbitrary<Credential> credential = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Credential.ADMIN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Credential.values())));
        Arbitrary<Map<String, String>> headers = Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .withChars('-', 'x')
                                .ofMinLength(1)
                                .ofMaxLength(20),
                        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40))
                .as(Map::entry)
                .list()
                .ofMaxSize(2)
                .map(entries -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    entries.forEach(entry -> map.put("X-" + entry.getKey(), entry.getValue()));
                    return map;
                });
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.just((byte[]) null),
                json().map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(60).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "text/plain",
                                "application/json; charset=ISO-8859-1",
                                "application/x-www-form-urlencoded",
                                "")));
        return Combinators.combine(endpoint, segments, query, credential, headers, body, contentType)
                .as((line, parts, parameters, as, extra, content, type) -> new Fuzzed(
                        line.split(" ")[0], line.split(" ")[1], parts, parameters, as, extra, content, type));
    }

    /** A path segment: one of the account's own names, or anything at all, percent-encoded or not. */
    private static Arbitrary<String> segment() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(Placeholder.values()).map(Placeholder::token)),
                net.jqwik.api.Tuple.of(3, value()),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "%00",
                                "%zz",
                                "..",
                                "%2F",
                                "%ff%fe",
                                "a%20b",
                                ";x=1",
                                "1e400",
                                "-1",
                                "0",
                                "2147483648",
                                "x".repeat(300))));
    }

    /** A query or path value: any text, encoded as a client would. */
    private static Arbitrary<String> value() {
        return Arbitraries.strings().all().ofMaxLength(30).map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** A body that is JSON, or nearly: objects with the members the API reads, arrays of numbers, fragments. */
    private static Arbitrary<String> json() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40).map(HttpFuzzTest::quote);
        Arbitrary<String> scalar = Arbitraries.oneOf(
                text,
                Arbitraries.of("true", "false", "null", "1", "-1", "1e400", "1.5", "99999999999999999999", "[]", "{}"),
                Placeholder.ROLE_ID.arbitrary());
        Arbitrary<String> member = Combinators.combine(
                        Arbitraries.of("label", "isActive", "email", "name", "x"), scalar)
                .as((name, value) -> quote(name) + ":" + value);
        Arbitrary<String> object = member.list().ofMaxSize(3).map(members -> "{" + String.join(",", members) + "}");
        Arbitrary<String> array = Arbitraries.oneOf(scalar, Placeholder.ROLE_ID.arbitrary())
                .list()
                .ofMaxSize(3)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> trailer = Arbitraries.of("", "", "", " ", "garbage", "{}", ",", "\u0000");
        return Combinators.combine(Arbitraries.oneOf(object, array, scalar), trailer)
                .as(String::concat);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate((char) c) && Math.random() < 0.5) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    /** Names a target fills in with its own: the account's keys, users and roles. */
    enum Placeholder {
        VICTIM_APP_KEY,
        VICTIM_ID,
        NO_ROLES_APP_KEY,
        USER_EMAIL,
        MASTER_EMAIL,
        ROLE_ID;

        String token() {
            return "@" + name() + "@";
        }

        Arbitrary<String> arbitrary() {
            return Arbitraries.just(token());
        }
    }

    enum Credential {
        ADMIN,
        NO_ROLES,
        WRONG_TOKEN,
        GARBAGE,
        NONE
    }

    record Fuzzed(
            String method,
            String path,
            List<String> segments,
            String query,
            Credential credential,
            Map<String, String> headers,
            byte[] body,
            String contentType) {

        @Override
        public String toString() {
            return method + " " + path + " " + segments + " ?" + query + " as " + credential + " " + headers + " ["
                    + contentType + "] " + (body == null ? "no body" : new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A server over one store, with an account whose names fill the placeholders. */
    private static final class Target implements AutoCloseable {

        private final DatabaseSettings store;
        private final TestServer server;
        private final RawHttp raw;
        private final Tenant tenant;
        private final Credentials victim;
        private final Credentials noRoles;
        private final String userEmail;

        Target(DatabaseSettings store, Map<String, Object> settings) {
            this.store = store;
            this.server = new TestServer(store, settings);
            this.raw = new RawHttp(server.uri());
            this.tenant = Tenant.create(server.appKeys());
            this.victim = tenant.keyWithRoles("victim", LicenseManager.USER_ADMINISTRATOR);
            this.noRoles = tenant.newKey("no roles");
            this.userEmail = "user@" + tenant.name() + ".example";
            assertEquals(
                    200,
                    new Http(server.uri())
                            .post(HttpStory.USERS, tenant.admin, "{\"email\":\"" + userEmail + "\"}")
                            .status());
        }

        Reply send(Fuzzed request) {
            String path = request.path();
            for (String segment : request.segments()) {
                path = path.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(fill(segment)));
            }
            if (!request.query().isEmpty()) {
                path += "?" + fill(request.query());
            }
            Map<String, String> headers = new LinkedHashMap<>(credentials(request.credential()));
            headers.putAll(request.headers());
            if (!request.contentType().isEmpty()) {
                headers.put("Content-Type", request.contentType());
            }
            byte[] body = request.body() == null
                    ? null
                    : fill(new String(request.body(), StandardCharsets.ISO_8859_1))
                            .getBytes(StandardCharsets.ISO_8859_1);
            return raw.send(request.method(), path, headers, body);
        }

        private String fill(String text) {
            return text.replace(Placeholder.VICTIM_APP_KEY.token(), victim.appKey())
                    .replace(Placeholder.VICTIM_ID.token(), victim.id())
                    .replace(Placeholder.NO_ROLES_APP_KEY.token(), noRoles.appKey())
                    .replace(Placeholder.USER_EMAIL.token(), userEmail)
                    .replace(
                            Placeholder.MASTER_EMAIL.token(),
                            tenant.account.masterEmail().value())
                    .replace(
                            Placeholder.ROLE_ID.token(),
                            Integer.toString(tenant.roleId(LicenseManager.OWNER).value()));
        }

        private Map<String, String> credentials(Credential credential) {
            return switch (credential) {
                case ADMIN -> Http.headers(tenant.admin);
                case NO_ROLES -> Http.headers(noRoles);
                case WRONG_TOKEN ->
                    Http.headers(tenant.admin.withToken(
                            AppToken.fromBody("F".repeat(AppToken.BODY_LENGTH)).reveal()));
                case GARBAGE -> Map.of("X-VTEX-API-AppKey", "vtexappkey-x", "X-VTEX-API-AppToken", "%00\u00ff");
                case NONE -> Map.of();
            };
        }

        @Override
        public void close() {
            server.close();
            if (store.isPostgres()) {
                TestDatabases.dropPostgres(store);
            }
        }

        @Override
        public String toString() {
            return store.isPostgres() ? "PostgreSQL" : "H2";
        }
    }
}
