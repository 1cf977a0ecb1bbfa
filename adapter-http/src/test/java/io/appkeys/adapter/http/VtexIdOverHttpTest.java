package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.appkeys.adapter.http.SharedServers.ServedStore;
import io.appkeys.core.domain.LicenseManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VTEX ID over HTTP: a key pair exchanged for a signed token ({@code apptoken/login}), the token accepted as the
 * {@code VtexIdclientAutCookie} header or cookie wherever a pair is, checked by {@code credential/validate}, and
 * its public keys published; in VTEX's shapes.
 */
@MethodSource("io.appkeys.adapter.http.SharedServers#all")
class VtexIdOverHttpTest extends OverHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOGIN = VtexIdController.LOGIN_PATH;
    private static final String VALIDATE = VtexIdController.VALIDATE_PATH;
    private static final String CHECK = "/api/authz/check?resource=ViewApiKeys";

    VtexIdOverHttpTest(ServedStore served) {
        super(served);
    }

    @Test
    void aValidPair_getsASignedToken_thatActsAsThePair_asAHeaderAndAsACookie() {
        Credentials key = tenant.keyWithRoles("signed", LicenseManager.OWNER);
        long before = Instant.now().getEpochSecond();

        Reply login = login(key.appKey(), key.appToken(), "");

        assertEquals(200, login.status(), login::toString);
        VtexSchemas.assertMatches("apptoken-login", login);
        assertEquals("no-store", login.header("Cache-Control"));
        long expires = login.json().get("expires").asLong();
        assertTrue(expires >= before + 24 * 3600 - 1 && expires <= Instant.now().getEpochSecond() + 24 * 3600);
        String token = login.json().get("token").asText();

        for (Map<String, String> carrying : List.of(
                Map.of(RequestCredentials.SIGNED_TOKEN, token),
                Map.of("Cookie", RequestCredentials.SIGNED_TOKEN + "=" + token))) {
            Reply listed = http.send("GET", KEYS, carrying, null);
            assertEquals(200, listed.status(), listed::toString);
            for (int i = 0; i < 2; i++) { // checked, then answered from the cache before routing
                Reply checked = http.send("GET", CHECK, carrying, null);
                assertEquals(200, checked.status(), checked::toString);
                assertEquals(key.appKey(), checked.header(AuthzController.PRINCIPAL_HEADER));
            }
            Reply otherAccount = http.send("GET", CHECK + "&an=someoneelse", carrying, null);
            assertEquals(403, otherAccount.status(), otherAccount::toString);
        }
        assertEquals(
                200, login(key.appKey(), key.appToken(), "?an=" + tenant.name()).status());
    }

    @Test
    void everyKindOfBadPair_getsOneAndTheSameFailure() {
        Credentials key = tenant.keyWithRoles("bad", LicenseManager.OWNER);
        Credentials inactive = tenant.newKey("inactive");
        assertEquals(
                200,
                http.put(KEYS + "/" + inactive.id(), tenant.admin, "{\"isActive\":false}")
                        .status());
        String otherToken = tenant.newKey("donor").appToken();

        List<Reply> failures = new ArrayList<>();
        failures.add(login(key.appKey(), otherToken, "")); // wrong token
        failures.add(login("vtexappkey-" + tenant.name() + "-NOSUCH", key.appToken(), "")); // unknown key
        failures.add(login(inactive.appKey(), inactive.appToken(), "")); // inactive key
        failures.add(login(key.appKey(), "not a token", "")); // malformed
        failures.add(http.send("POST", LOGIN, Map.of(), "{}")); // nothing
        failures.add(login(key.appKey(), key.appToken(), "?an=someoneelse")); // a valid pair, for another account

        for (Reply failure : failures) {
            assertEquals(401, failure.status(), failure::toString);
            VtexSchemas.assertMatches("apptoken-login-failed", failure);
            assertEquals(failures.get(0).body(), failure.body());
            assertEquals(failures.get(0).header("Content-Type"), failure.header("Content-Type"));
        }
        Reply notJson = http.send("POST", LOGIN, Map.of(), "[1]");
        assertEquals(400, notJson.status(), notJson::toString);
    }

    @Test
    void validate_saysWhichKeyAValidTokenStandsFor_and401ForAnyOther() {
        Credentials key = tenant.keyWithRoles("validated", LicenseManager.OWNER);
        String token =
                login(key.appKey(), key.appToken(), "").json().get("token").asText();

        Reply valid = validate(token);

        assertEquals(200, valid.status(), valid::toString);
        VtexSchemas.assertMatches("credential-validate", valid);
        assertEquals(key.id(), valid.json().get("id").asText());
        assertEquals(key.appKey(), valid.json().get("user").asText());
        assertEquals(tenant.name(), valid.json().get("account").asText());

        for (String wrong : List.of("", "abc", tampered(token), token + "x", key.appToken())) {
            Reply refused = validate(wrong);
            assertEquals(401, refused.status(), refused::toString);
            VtexSchemas.assertMatches("credential-validate-failed", refused);
        }
        assertEquals(
                401,
                http.send("POST", VALIDATE + "?an=someoneelse", Map.of(), body("token", token))
                        .status());

        assertEquals(
                200,
                http.put(KEYS + "/" + key.id(), tenant.admin, "{\"isActive\":false}")
                        .status());
        assertEquals(401, validate(token).status(), "a deactivated key's token");
        assertEquals(
                401,
                http.send("GET", CHECK, Map.of(RequestCredentials.SIGNED_TOKEN, token), null)
                        .status());
    }

    @Test
    void aTokenCarriesTheKeysCurrentRoles_notACopy() {
        Credentials key = tenant.newKey("no roles yet");
        String token =
                login(key.appKey(), key.appToken(), "").json().get("token").asText();
        Map<String, String> carrying = Map.of(RequestCredentials.SIGNED_TOKEN, token);
        assertEquals(403, http.send("GET", CHECK, carrying, null).status(), "a new key may do nothing");

        tenant.grant(key, LicenseManager.OWNER);

        assertEquals(200, http.send("GET", CHECK, carrying, null).status());
    }

    @Test
    void thePublicKeys_arePublished_asAJwkSet_withoutAPrivatePart() throws Exception {
        Credentials key = tenant.newKey("jwks");
        String token =
                login(key.appKey(), key.appToken(), "").json().get("token").asText();
        String keyId = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
                .get("kid")
                .asText();

        Reply jwks = http.send("GET", JwksController.PATH, Map.of(), null);

        assertEquals(200, jwks.status(), jwks::toString);
        assertTrue(jwks.header("Content-Type").startsWith(JwksController.JWK_SET), jwks::toString);
        boolean found = false;
        for (JsonNode published : jwks.json().get("keys")) {
            assertFalse(published.has("d"), "no private part");
            assertEquals("EC", published.get("kty").asText());
            found |= published.get("kid").asText().equals(keyId);
        }
        assertTrue(found, "the key that signed the token is published");
    }

    private Reply login(String appKey, String appToken, String query) {
        ObjectNode body = JSON.createObjectNode().put("appkey", appKey).put("apptoken", appToken);
        return http.send("POST", LOGIN + query, Map.of(), body.toString());
    }

    private Reply validate(String token) {
        return http.send("POST", VALIDATE, Map.of(), body("token", token));
    }

    private static String body(String member, String value) {
        return JSON.createObjectNode().put(member, value).toString();
    }

    /** The token with one claim changed and its signature kept. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = claims.replace("\"exp\":", "\"exp\":9");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }
}
