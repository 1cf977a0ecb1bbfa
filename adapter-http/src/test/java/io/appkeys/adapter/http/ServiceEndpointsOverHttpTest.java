package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.ACCOUNT;
import static io.appkeys.adapter.http.HttpStory.KEYS;
import static io.appkeys.adapter.http.HttpStory.LOGINS;
import static io.appkeys.adapter.http.HttpStory.ROLES;
import static io.appkeys.adapter.http.HttpStory.USERS;
import static io.appkeys.adapter.http.HttpStory.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.SharedServers.ServedStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The endpoints that are not the VTEX API: health, the OpenAPI document, and a 404 problem for any unknown route.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class ServiceEndpointsOverHttpTest extends OverHttp {

    ServiceEndpointsOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void health_isUpWithoutCredentials() {
        Reply health = http.get("/health", null);
        assertEquals(200, health.status(), health::toString);
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @Test
    void theOpenApiDocument_isServed_andDescribesEveryEndpoint() {
        Reply document = http.get("/openapi/appkeys-0.1.yml", null);
        assertEquals(200, document.status(), document::toString);
        for (String path : List.of(
                KEYS + ":",
                KEYS + "/{id}:",
                ACCOUNT + ":",
                USERS + ":",
                USERS + "/{userId}:",
                USERS + "/{userId}/roles:",
                USERS + "/{userId}/roles/{roleId}:",
                LOGINS + ":",
                ROLES + ":",
                "/api/vtexid/apikey/{appKey}/apitoken/renew:",
                "/api/vtexid/apikey/{appKey}/apitoken/finish-renewal:",
                "/api/vtexid/apikey/{appKey}/apitoken/cancel-renewal:",
                "/api/authz/check:",
                VtexIdController.LOGIN_PATH + ":",
                VtexIdController.VALIDATE_PATH + ":",
                JwksController.PATH + ":")) {
            assertTrue(document.body().contains("  " + path + "\n"), () -> "missing " + path);
        }
    }

    @Test
    void unknownRoutes_get404ProblemJson() {
        Reply reply = http.get("/api/nothing-here", tenant.admin);
        assertEquals(404, reply.status(), reply::toString);
        assertProblem(reply, 404);
    }
}
