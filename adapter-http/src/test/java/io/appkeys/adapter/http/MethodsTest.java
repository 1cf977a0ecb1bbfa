package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.appkeys.adapter.persistence.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint answers 405 to every method it does not serve, whether the caller's pair is cached or not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodsTest {

    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "FOO");

    @TempDir
    static Path directory;

    private TestServer server;
    private RawHttp raw;
    private Tenant tenant;

    @BeforeAll
    void start() {
        server = new TestServer(TestDatabases.freshH2(directory));
        raw = new RawHttp(server.uri());
        tenant = Tenant.create(server.appKeys());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Each endpoint, with the methods it serves; HEAD goes with GET. */
    private Map<String, Set<String>> endpoints() {
        Credentials key = tenant.newKey("target");
        String renewal = "/api/vtexid/apikey/" + key.appKey() + "/apitoken/";
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/vlm/appkeys", Set.of("GET", "POST"));
        endpoints.put("/api/vlm/appkeys/" + key.id(), Set.of("GET", "PUT", "DELETE"));
        endpoints.put("/api/vlm/account/appkeys/export?format=csv", Set.of("GET"));
        endpoints.put("/api/vlm/account", Set.of("GET"));
        endpoints.put("/api/vlm/account/settings", Set.of("GET", "PUT"));
        endpoints.put(renewal + "renew", Set.of("PATCH"));
        endpoints.put(renewal + "finish-renewal", Set.of("PATCH"));
        endpoints.put(renewal + "cancel-renewal", Set.of("PATCH"));
        endpoints.put("/api/license-manager/users", Set.of("POST"));
        endpoints.put("/api/license-manager/users/" + key.appKey(), Set.of("GET", "DELETE"));
        endpoints.put("/api/license-manager/users/" + key.appKey() + "/roles", Set.of("GET", "PUT"));
        endpoints.put("/api/license-manager/users/" + key.appKey() + "/roles/1", Set.of("DELETE"));
        endpoints.put("/api/license-manager/site/pvt/logins/list/paged", Set.of("GET"));
        endpoints.put("/api/license-manager/site/pvt/roles/list/paged", Set.of("GET"));
        endpoints.put("/api/authz/check?resource=ViewApiKeys", Set.of("GET"));
        endpoints.put("/health", Set.of("GET"));
        endpoints.put("/openapi/" + OpenApiController.DOCUMENT, Set.of("GET"));
        return endpoints;
    }

    @Test
    void aMethodThatAnEndpointDoesNotServe_is405_withOrWithoutACachedPair() {
        Credentials admin = tenant.admin;
        assertEquals(
                200,
                raw.send("GET", "/api/authz/check?resource=ViewApiKeys", Http.headers(admin), (String) null)
                        .status(),
                "the admin's pair is now cached");
        List<String> wrong = new ArrayList<>();
        endpoints().forEach((path, served) -> {
            for (String method : METHODS) {
                boolean serves = served.contains(method) || method.equals("HEAD") && served.contains("GET");
                if (serves) {
                    continue;
                }
                for (Credentials as : new Credentials[] {admin, null}) {
                    Reply reply = raw.send(method, path, Http.headers(as), (String) null);
                    if (reply.status() != 405) {
                        wrong.add(method + " " + path + (as == null ? "" : " (cached pair)") + " -> " + reply);
                    }
                }
            }
        });

        assertEquals(List.of(), wrong);
    }

    @Test
    void aRefused405_saysWhichMethodsTheEndpointServes_inOurWords() {
        Reply reply =
                raw.send("DELETE", "/api/authz/check?resource=ViewApiKeys", Http.headers(tenant.admin), (String) null);

        assertEquals(405, reply.status(), reply::toString);
        HttpStory.assertProblem(reply, 405);
        assertEquals(
                "this endpoint does not serve DELETE; it serves " + reply.header("Allow"),
                reply.json().get("detail").asText());
    }
}
