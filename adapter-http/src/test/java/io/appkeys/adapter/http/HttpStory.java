package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The VTEX paths the HTTP tests call, and what they read from, or require of, the replies. */
final class HttpStory {

    static final String KEYS = "/api/vlm/appkeys";
    static final String ACCOUNT = "/api/vlm/account";
    static final String USERS = "/api/license-manager/users";
    static final String LOGINS = "/api/license-manager/site/pvt/logins/list/paged";
    static final String ROLES = "/api/license-manager/site/pvt/roles/list/paged";

    private HttpStory() {}

    /** The reply is a problem+json document of VTEX's shape, with {@code status} and the same text twice. */
    static void assertProblem(Reply reply, int status) {
        assertAll(
                () -> assertEquals(ProblemJson.PROBLEM.toString(), reply.contentType(), reply::toString),
                () -> VtexSchemas.assertMatches("problem", reply),
                () -> assertEquals(status, reply.json().get("status").asInt()),
                () -> assertEquals(
                        reply.json().get("detail").asText(),
                        reply.json().get("Message").asText()));
    }

    /** The credentials in a 200 reply to a key creation. */
    static Credentials credentialsOf(Reply created) {
        assertEquals(200, created.status(), created::toString);
        JsonNode key = created.json();
        return new Credentials(
                key.get("id").asText(),
                key.get("appKey").asText(),
                key.get("appToken").asText());
    }

    static List<String> appKeysIn(JsonNode array) {
        return values(array, "appKey");
    }

    static List<String> values(JsonNode array, String member) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(item -> item.get(member).asText())
                .collect(Collectors.toList());
    }
}
