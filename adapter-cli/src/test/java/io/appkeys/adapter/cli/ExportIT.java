package io.appkeys.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An export of 100,000 keys streams in bounded memory: the packaged CLI writes it, and the packaged server serves it
 * over HTTP, each with a heap of 128 MB, of which the embedded store's own page cache takes about 30. Held whole,
 * the keys and their text would take more.
 */
class ExportIT {

    private static final int KEYS = 100_000;
    private static final String ACCOUNT = "bulk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path CLI_JAR = Path.of(System.getProperty("appkeys.cli.jar", "target/missing.jar"));
    private static final Path SERVER_JAR =
            Path.of(System.getProperty("appkeys.server.jar", "target/missing-server.jar"));
    private static final Path HOME =
            Path.of("target", "cli-it-homes", UUID.randomUUID().toString()).toAbsolutePath();

    private static JsonNode viewer;

    private final HttpClient http = HttpClient.newHttpClient();
    private PackagedServer server;

    /** One account with a key that may view keys, and 100,000 keys more, for both tests. */
    @BeforeAll
    static void seed() throws Exception {
        assertTrue(Files.isRegularFile(CLI_JAR), "package the CLI first: " + CLI_JAR);
        assertTrue(Files.isRegularFile(SERVER_JAR), "package the server first (adapter-http): " + SERVER_JAR);
        Files.createDirectories(HOME);
        cli(List.of(), "account", "create", ACCOUNT, "--master-email", "owner@bulk.example");
        JsonNode viewer = JSON.readTree(
                Files.readString(cli(List.of(), "key", "create", "--account", ACCOUNT, "--label", "viewer", "--json")));
        String owner = "";
        for (JsonNode role :
                JSON.readTree(Files.readString(cli(List.of(), "role", "list", "--account", ACCOUNT, "--json")))) {
            owner = role.get("name").asText().startsWith("Owner")
                    ? role.get("id").asText()
                    : owner;
        }
        cli(List.of(), "role", "grant", owner, "--to", viewer.get("appKey").asText(), "--account", ACCOUNT);
        // the keys themselves straight into the store, all at once: made one by one they would take minutes
        TestDatabases.execute(
                DatabaseSettings.embedded(HOME),
                "INSERT INTO app_keys (id, account, app_key, label, created_in, active, token_hash, token_created_in)"
                        + " SELECT RANDOM_UUID(), '" + ACCOUNT + "', CONCAT('vtexappkey-" + ACCOUNT + "-',"
                        + " CHAR(65 + MOD(X, 26)), CHAR(65 + MOD(X / 26, 26)), CHAR(65 + MOD(X / 676, 26)),"
                        + " CHAR(65 + MOD(X / 17576, 26)), CHAR(65 + MOD(X / 456976, 26)), 'Z'),"
                        + " CONCAT('bulk key ', X), DATEADD(SECOND, X, TIMESTAMP WITH TIME ZONE"
                        + " '2026-01-01 00:00:00+00'), TRUE, (SELECT token_hash FROM app_keys WHERE account = '"
                        + ACCOUNT + "'), TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                        + " FROM SYSTEM_RANGE(1, " + KEYS + ")");
        ExportIT.viewer = viewer;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCli_exportsEveryKey_asCsvAndJson_inA128MegabyteHeap() throws Exception {
        Path csv = cli(List.of("-Xmx128m"), "key", "export", "--account", ACCOUNT);
        Path json = cli(List.of("-Xmx128m"), "key", "export", "--account", ACCOUNT, "--format", "json");

        assertEquals(1 + KEYS + 1, lines(csv, ""), "a header and every key");
        assertEquals(KEYS + 1, lines(json, "{"));
        assertTrue(Files.readString(json).strip().endsWith("]"), "the array is closed");
    }

    @Test
    void theServer_streamsEveryKey_inA128MegabyteHeap() throws Exception {
        server = PackagedServer.start(SERVER_JAR, HOME, "-Xmx128m");
        HttpRequest export = HttpRequest.newBuilder(server.uri("/api/vlm/account/appkeys/export?format=json"))
                .header("X-VTEX-API-AppKey", viewer.get("appKey").asText())
                .header("X-VTEX-API-AppToken", viewer.get("appToken").asText())
                .timeout(Duration.ofMinutes(3))
                .build();

        HttpResponse<InputStream> response = http.send(export, HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        long objects = 0;
        String last = "";
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                objects += line.startsWith("{") ? 1 : 0;
                last = line.isBlank() ? last : line;
            }
        }
        assertEquals(KEYS + 1, objects);
        assertEquals("]", last);
        assertTrue(server.isAlive(), "the server is still up");
    }

    /** Runs the packaged CLI with {@code jvm} options; returns the file its standard output went to. */
    private static Path cli(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", CLI_JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(HOME, "out", ".txt");
        Path err = Files.createTempFile(HOME, "err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("APPKEYS_"));
        builder.environment().put("APPKEYS_HOME", HOME.toString());
        Process process = builder.start();
        process.getOutputStream().close(); // nothing on standard input
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the command ended");
        assertEquals(0, process.exitValue(), () -> String.join(" ", args) + ": " + read(err));
        return out;
    }

    private static long lines(Path file, String prefix) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix) && !line.isEmpty())
                    .count();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
