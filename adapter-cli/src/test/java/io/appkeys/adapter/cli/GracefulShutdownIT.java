package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged server under load: it stops accepting, answers every request it had accepted (a refusal
 * held for three seconds included), writes the last key uses, and exits. Usage is only written at shutdown here
 * (the timer runs hourly), so the counts in the store must be exactly the successes the clients received: a
 * request the server served but did not deliver would be counted and not received. A keep-alive connection the
 * server closes while idle may cross a request on its way in; that request was never read, and is retried once.
 */
class GracefulShutdownIT {

    private static final Path CLI_JAR = Path.of(System.getProperty("appkeys.cli.jar", "target/missing.jar"));
    private static final Path SERVER_JAR =
            Path.of(System.getProperty("appkeys.server.jar", "target/missing-server.jar"));
    private static final int CLIENTS = 4;
    private static final String ACCOUNT = "acme";

    private final Path home =
            Path.of("target", "cli-it-homes", UUID.randomUUID().toString()).toAbsolutePath();
    private final PackagedCli cli = new PackagedCli(CLI_JAR, home);
    private PackagedServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sigterm_answersEveryAcceptedRequest_andWritesTheLastUses() throws Exception {
        assertTrue(Files.isRegularFile(CLI_JAR), "package the CLI first: " + CLI_JAR);
        cli.run("", "account", "create", ACCOUNT, "--master-email", "owner@acme.example")
                .ok();
        JsonNode viewer = cli.run("", "key", "create", "--account", ACCOUNT, "--label", "viewer", "--json")
                .json();
        String appKey = viewer.get("appKey").asText();
        String donorToken = cli.run("", "key", "create", "--account", ACCOUNT, "--label", "donor", "--json")
                .json()
                .get("appToken")
                .asText();
        cli.run("", "role", "grant", cli.ownerRoleId(ACCOUNT), "--to", appKey, "--account", ACCOUNT)
                .ok();
        server = PackagedServer.start(
                SERVER_JAR, home, Map.of("APPKEYS_REFUSAL_TIME", "3s", "APPKEYS_USAGE_FLUSH_EVERY", "1h"));

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest check = check(appKey, viewer.get("appToken").asText());
        LongAdder allowed = new LongAdder();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(clients.submit(() -> {
                boolean retrying = false;
                while (System.nanoTime() < deadline) {
                    try {
                        int status = http.send(check, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status == 200) {
                            allowed.increment();
                        } else {
                            failures.add("status " + status);
                        }
                        retrying = false;
                    } catch (ConnectException refused) {
                        return null; // not accepted: the server stopped listening
                    } catch (IOException e) {
                        if (retrying || !String.valueOf(e.getMessage()).contains("received no bytes")) {
                            failures.add(e.toString());
                            return null;
                        }
                        // the server closed this idle keep-alive connection as the request went out, before reading
                        // it (the count below shows it was never served): retried once, as HTTP/1.1 lets a GET be
                        retrying = true;
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1500); // under load
        CompletableFuture<HttpResponse<Void>> held =
                http.sendAsync(check(appKey, donorToken), HttpResponse.BodyHandlers.discarding());
        Thread.sleep(500); // the wrong token is being held: it is in flight

        int exit = server.terminate(Duration.ofSeconds(30));
        for (Future<?> client : running) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertEquals(143, exit, "ended by SIGTERM");
        assertEquals(List.of(), List.copyOf(failures), "no accepted request failed");
        assertEquals(401, held.get(10, TimeUnit.SECONDS).statusCode(), "the held refusal was answered");
        assertTrue(allowed.sum() > 0);
        JsonNode hours = cli.run("", "key", "usage", appKey, "--account", ACCOUNT, "--hours", "2", "--json")
                .json();
        long counted = 0;
        for (JsonNode hour : hours) {
            counted += hour.get("uses").asLong();
        }
        assertEquals(allowed.sum(), counted, "every success the clients received, and only those, was counted");
        JsonNode shown = cli.run("", "key", "show", appKey, "--account", ACCOUNT, "--json")
                .json();
        assertFalse(shown.get("lastUsedIn").isNull(), "the last use was written");
    }

    private HttpRequest check(String appKey, String appToken) {
        return HttpRequest.newBuilder(server.uri("/api/authz/check?resource=ViewApiKeys"))
                .header("X-VTEX-API-AppKey", appKey)
                .header("X-VTEX-API-AppToken", appToken)
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
