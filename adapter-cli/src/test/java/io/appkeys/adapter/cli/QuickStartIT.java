package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start as a user types it: the packaged server running on the embedded store, and the
 * packaged CLI changing keys in a second "terminal". A change the CLI confirms holds on the running server
 * for the very next request, with no wait in between: the server follows the store's change feed, and the
 * CLI returns once the server has applied its change.
 */
class QuickStartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path serverJar = Path.of(System.getProperty("appkeys.server.jar", "target/missing-server.jar"));
    private final Path cliJar = Path.of(System.getProperty("appkeys.cli.jar", "target/missing.jar"));
    private final Path home =
            Path.of("target", "cli-it-homes", UUID.randomUUID().toString()).toAbsolutePath();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PackagedServer server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withTheServerRunning_whatTheCliChangesHoldsOnTheNextRequest() throws Exception {
        assertTrue(Files.isRegularFile(cliJar), "package the CLI first: " + cliJar);
        server = PackagedServer.start(serverJar, home);
        PackagedCli cli = new PackagedCli(cliJar, home);

        succeeds(cli.run("", "account", "create", "acme", "--master-email", "owner@acme.com"));
        JsonNode key = JSON.readTree(
                succeeds(cli.run("", "key", "create", "--account", "acme", "--label", "orders sync", "--json")));
        String appKey = key.get("appKey").asText();
        String appToken = key.get("appToken").asText();
        assertEquals(403, listKeys(appKey, appToken), "no role yet; and now the server has the key in its cache");

        succeeds(cli.run("", "role", "grant", cli.ownerRoleId("acme"), "--to", appKey, "--account", "acme"));
        assertEquals(200, listKeys(appKey, appToken), "right after role grant");

        succeeds(cli.run("", "key", "deactivate", appKey, "--account", "acme"));
        assertEquals(401, listKeys(appKey, appToken), "right after key deactivate");

        succeeds(cli.run("", "key", "activate", appKey, "--account", "acme"));
        assertEquals(200, listKeys(appKey, appToken), "right after key activate");
    }

    private static String succeeds(Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        return result.out();
    }

    /** The README's curl: the account's keys, with the pair in VTEX's headers. */
    private int listKeys(String appKey, String appToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/vlm/appkeys"))
                .header("X-VTEX-API-AppKey", appKey)
                .header("X-VTEX-API-AppToken", appToken)
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
