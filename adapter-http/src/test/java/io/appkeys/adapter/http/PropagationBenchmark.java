package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.Change;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.out.ChangeFeed.Entry;
import io.appkeys.core.port.out.Storage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How long a key change takes to hold in another process: from the change's commit to the first request that
 * process refuses (for a deactivation) or accepts again (for the activation that follows), over many changes.
 *
 * <ul>
 *   <li>{@code h2}: the packaged CLI changes a key on the embedded store while the packaged server, started
 *       on that store, answers {@code GET /api/authz/check} for it (the README's quick start);
 *   <li>{@code pg}: two packaged servers on one PostgreSQL schema; the change is made through server A over
 *       HTTP, and server B answers the checks.
 * </ul>
 *
 * <p>The commit time is the time recorded with the change in the store's change feed, taken by the process
 * that made it before its transaction began: each figure is an upper bound, transaction included. A request's
 * time is when it was sent; a check is sent every 2 ms. The servers run with production
 * Argon2 and a throttle high enough that the repeated refusals of the one key never turn into 429s.
 *
 * <p>Usage, from {@code src/test/bench/propagation.sh}:
 * {@code PropagationBenchmark h2 <server.jar> <cli.jar> <work dir> [changes]} or
 * {@code PropagationBenchmark pg <server.jar> <postgres url> <work dir> [changes]}.
 */
public final class PropagationBenchmark {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final AccountName ACCOUNT = new AccountName("bench");

    private final Path work;
    private final Path serverJar;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> servers = new ArrayList<>();

    private PropagationBenchmark(Path work, Path serverJar) {
        this.work = work;
        this.serverJar = serverJar;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !Set.of("h2", "pg").contains(args[0])) {
            System.err.println("usage: PropagationBenchmark h2 <server.jar> <cli.jar> <work dir> [changes]\n"
                    + "       PropagationBenchmark pg <server.jar> <postgres url> <work dir> [changes]");
            System.exit(2);
        }
        int changes = args.length > 4 ? Integer.parseInt(args[4]) : 100;
        PropagationBenchmark benchmark = new PropagationBenchmark(Path.of(args[3]), Path.of(args[1]));
        try {
            if (args[0].equals("h2")) {
                benchmark.cliToServerOnH2(Path.of(args[2]), changes);
            } else {
                benchmark.serverToServerOnPostgres(args[2], changes);
            }
        } finally {
            benchmark.stopServers();
        }
    }

    private void cliToServerOnH2(Path cliJar, int changes) throws Exception {
        Path home = work.resolve("home");
        DatabaseSettings store = DatabaseSettings.embedded(home);
        Keys keys = setUp(store);
        Map<String, String> environment = Map.of("APPKEYS_HOME", home.toString());
        URI server = startServer("server", environment);
        try (Storage feed = Databases.open(store)) { // through the server's process, as the CLI does
            measure("h2, CLI -> server", changes, feed, server, keys, active -> cli(cliJar, home, active, keys));
        }
    }

    private void serverToServerOnPostgres(String postgresUrl, int changes) throws Exception {
        String schema =
                "appkeys_bench_" + Long.toUnsignedString(UUID.randomUUID().getMostSignificantBits(), 36);
        execute(postgresUrl, "CREATE SCHEMA " + schema);
        try {
            DatabaseSettings store = DatabaseSettings.of(
                    postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            Keys keys = setUp(store);
            Map<String, String> environment = Map.of("APPKEYS_DB_URL", store.url());
            URI first = startServer("server-a", environment);
            URI second = startServer("server-b", environment);
            try (Storage feed = Databases.open(store)) {
                measure(
                        "PostgreSQL, server A -> server B",
                        changes,
                        feed,
                        second,
                        keys,
                        active -> setActiveOver(first, active, keys));
            }
            stopServers();
        } finally {
            execute(postgresUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** The changing of the observed key's state by another process; returns when that process does. */
    @FunctionalInterface
    private interface KeyChange {
        void make(boolean active) throws Exception;
    }

    private void measure(String what, int changes, Storage store, URI observer, Keys keys, KeyChange change)
            throws Exception {
        check(observer, keys.observed(), 200); // warm in the observer's cache
        long cursor = store.changes().latest();
        List<Long> refused = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            for (boolean active : new boolean[] {false, true}) {
                CompletableFuture<Void> made = CompletableFuture.runAsync(() -> {
                    try {
                        change.make(active);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Instant seen = firstAnswer(observer, keys.observed(), active ? 200 : 401);
                made.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                Entry committed = changeOf(store, cursor, keys.observed().appKey());
                cursor = committed.sequence();
                (active ? accepted : refused)
                        .add(Duration.between(committed.at(), seen).toNanos() / 1_000);
            }
        }
        String report = what + ", " + changes + " deactivations and as many activations\n"
                + "  first refusal after the commit:        " + summary(refused) + "\n"
                + "  first acceptance after the activation: " + summary(accepted) + "\n";
        System.out.print(report);
        Files.writeString(
                work.resolve("propagation.txt"),
                report + "refusals (µs): " + refused + "\nacceptances (µs): " + accepted + "\n");
    }

    /**
     * When the first request that got {@code status} was sent. A request is sent every 2 ms without waiting for
     * the answers before it (a refusal is answered only after the refusal time), so the figure is as fine for
     * refusals as for acceptances.
     */
    private Instant firstAnswer(URI server, Pair pair, int status) throws Exception {
        HttpRequest request = checkRequest(server, pair);
        List<Sent> sent = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            sent.add(new Sent(Instant.now(), http.sendAsync(request, HttpResponse.BodyHandlers.discarding())));
            for (int i = 0; i < sent.size(); i++) {
                CompletableFuture<HttpResponse<Void>> answer = sent.get(i).answer();
                if (answer.isDone() && answer.get().statusCode() == status) {
                    for (Sent earlier : sent.subList(0, i + 1)) { // one sent before may get it too, later
                        if (earlier.answer()
                                        .get(DEADLINE.toSeconds(), TimeUnit.SECONDS)
                                        .statusCode()
                                == status) {
                            return earlier.at();
                        }
                    }
                }
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no " + status + " within " + DEADLINE);
    }

    private record Sent(Instant at, CompletableFuture<HttpResponse<Void>> answer) {}

    /** The change to {@code appKey} committed after {@code cursor}, the first found. */
    private static Entry changeOf(Storage store, long cursor, String appKey) {
        for (Entry entry : store.changes().after(cursor, 100).entries()) {
            if (entry.change().kind() == Change.Kind.KEY
                    && entry.change().subject().equals(appKey)) {
                return entry;
            }
        }
        throw new IllegalStateException("no change of " + appKey + " after " + cursor);
    }

    private static String summary(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentile(sorted, 50) / 1000.0,
                percentile(sorted, 90) / 1000.0,
                percentile(sorted, 99) / 1000.0,
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The observed key, holding the Owner role, and an admin key to change it with over HTTP. */
    private record Keys(String id, Pair observed, Pair admin) {}

    private record Pair(String appKey, String appToken) {}

    private static Keys setUp(DatabaseSettings store) {
        try (AllUseCases appKeys = new AllUseCases(AppKeys.builder()
                .storage(Databases.open(store))
                .argon2(Argon2Parameters.owasp())
                .usageFlushEvery(null)
                .followChanges(false)
                .build())) {
            Account account = appKeys.createAccount(
                    new NewAccount(ACCOUNT, new Email("owner@bench.example"), Optional.empty(), "benchmark"));
            Caller master = Caller.master(account, "benchmark");
            Role owner = appKeys.listRoles(master).stream()
                    .filter(role -> role.name().equals(LicenseManager.OWNER))
                    .findFirst()
                    .orElseThrow();
            CreatedAppKey observed = appKeys.createAppKey(master, new Label("observed"));
            CreatedAppKey admin = appKeys.createAppKey(master, new Label("admin"));
            for (CreatedAppKey key : List.of(observed, admin)) {
                appKeys.linkRoles(master, new PrincipalRef.ByAppKey(key.key().appKey()), Set.of(owner.id()));
            }
            return new Keys(observed.key().id().toString(), pair(observed), pair(admin));
        }
    }

    private static Pair pair(CreatedAppKey key) {
        return new Pair(key.key().appKey().value(), key.token().reveal());
    }

    private void cli(Path cliJar, Path home, boolean active, Keys keys) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        cliJar.toString(),
                        "key",
                        active ? "activate" : "deactivate",
                        keys.observed().appKey(),
                        "--account",
                        ACCOUNT.value())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve("cli.log").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("APPKEYS_"));
        builder.environment().put("APPKEYS_HOME", home.toString());
        Process process = builder.start();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the CLI failed; see " + work.resolve("cli.log"));
        }
    }

    private void setActiveOver(URI server, boolean active, Keys keys) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/vlm/appkeys/" + keys.id()))
                .header("X-VTEX-API-AppKey", keys.admin().appKey())
                .header("X-VTEX-API-AppToken", keys.admin().appToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"isActive\":" + active + "}"))
                .timeout(DEADLINE)
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("PUT isActive=" + active + " answered " + status);
        }
    }

    private static HttpRequest checkRequest(URI server, Pair pair) {
        return HttpRequest.newBuilder(server.resolve("/api/authz/check?resource=ViewApiKeys"))
                .header("X-VTEX-API-AppKey", pair.appKey())
                .header("X-VTEX-API-AppToken", pair.appToken())
                .timeout(DEADLINE)
                .build();
    }

    private void check(URI server, Pair pair, int expected) throws IOException, InterruptedException {
        int status = http.send(checkRequest(server, pair), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != expected) {
            throw new IllegalStateException("expected " + expected + " from " + server + ", got " + status);
        }
    }

    private URI startServer(String name, Map<String, String> store) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        serverJar.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("APPKEYS_"));
        environment.putAll(new HashMap<>(store));
        environment.put("APPKEYS_PORT", Integer.toString(port));
        environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        environment.put("APPKEYS_THROTTLE_MAX_FAILURES", "1000000");
        environment.put("APPKEYS_ACCESS_LOG_LEVEL", "OFF");
        servers.add(builder.start());
        URI uri = URI.create("http://127.0.0.1:" + port);
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return uri;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not start; see " + work.resolve(name + ".log"));
    }

    private void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        servers.clear();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute(sql);
        }
    }
}
