package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.AuditAction;
import io.appkeys.core.domain.AuditEntry;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.fixtures.AllUseCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process is killed ({@code kill -9}) during a burst of creates, deletes and role links, three times,
 * and restarted on the same store: every change it confirmed (200 or 204) is there after each restart, nothing
 * it confirmed as deleted came back, and nothing is torn (each key and link is there exactly when its audit row
 * is). On the embedded H2 store, the default, and on PostgreSQL.
 */
class CrashTest {

    private static final int KILLS = 3;
    private static final int CLIENTS = 6;

    @TempDir
    Path temp;

    @Test
    void theEmbeddedStore_losesNothingItConfirmed_whenTheServerIsKilled() throws Exception {
        Path home = temp.resolve("home");
        crashAndCheck(DatabaseSettings.embedded(home), Map.of("APPKEYS_HOME", home.toString()));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_VARIABLE, matches = ".+")
    void postgres_losesNothingItConfirmed_whenTheServerIsKilled() throws Exception {
        DatabaseSettings postgres = TestDatabases.freshPostgres().orElseThrow();
        try {
            crashAndCheck(
                    postgres,
                    Map.of(
                            "APPKEYS_DB_URL",
                            postgres.url(),
                            "APPKEYS_HOME",
                            temp.resolve("home").toString()));
        } finally {
            TestDatabases.dropPostgres(postgres);
        }
    }

    private void crashAndCheck(DatabaseSettings store, Map<String, String> environment) throws Exception {
        Tenant tenant;
        try (AppKeys setup = AppKeys.builder()
                .storage(Databases.open(store))
                .argon2(Argon2Parameters.fast())
                .build()) {
            tenant = Tenant.create(setup);
        }
        int owner;
        try (AllUseCases read = open(store)) {
            owner = read.listRoles(tenant.master).get(0).id().value();
        }
        Confirmed confirmed = new Confirmed();
        Random random = new Random();
        for (int kill = 1; kill <= KILLS; kill++) {
            try (ServerProcess server = ServerProcess.start(environment, temp.resolve("server-" + kill + ".log"))) {
                assertConfirmedChangesArePresent(new Http(server.uri()), tenant, confirmed, server);
                burstThenKill(server, new Http(server.uri()), tenant, owner, confirmed, 300 + random.nextInt(900));
            }
            assertTrue(confirmed.changes() > 0, "the burst confirmed changes before the kill");
        }
        try (ServerProcess server = ServerProcess.start(environment, temp.resolve("server-last.log"))) {
            assertConfirmedChangesArePresent(new Http(server.uri()), tenant, confirmed, server);
        }
        try (AllUseCases after = open(store)) {
            assertNothingTorn(after, tenant);
        }
    }

    private static AllUseCases open(DatabaseSettings store) {
        return new AllUseCases(AppKeys.builder()
                .storage(Databases.open(store))
                .argon2(Argon2Parameters.fast())
                .usageFlushEvery(null)
                .build());
    }

    /** Clients create, delete and link as fast as they can; the server is killed {@code killAfterMillis} in. */
    private static void burstThenKill(
            ServerProcess server, Http http, Tenant tenant, int owner, Confirmed confirmed, long killAfterMillis)
            throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                Random random = new Random();
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        change(http, tenant, owner, confirmed, random);
                    }
                } catch (UncheckedIOException | IllegalStateException serverGone) {
                    // the kill: this request was not confirmed, and the client stops
                }
            });
        }
        Thread.sleep(killAfterMillis);
        server.kill();
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "every client stopped after the kill");
    }

    private static void change(Http http, Tenant tenant, int owner, Confirmed confirmed, Random random) {
        Optional<Credentials> some = confirmed.anyLiveKey(random);
        int choice = some.isEmpty() ? 0 : random.nextInt(3);
        if (choice == 0) {
            Reply created = http.post(HttpStory.KEYS, tenant.admin, "{\"label\":\"burst\"}");
            if (created.status() == 200) {
                confirmed.created(HttpStory.credentialsOf(created));
            }
        } else if (choice == 1) {
            confirmed.deleting(some.get());
            Reply deleted = http.delete(HttpStory.KEYS + "/" + some.get().id(), tenant.admin);
            if (deleted.status() == 204) {
                confirmed.deleted(some.get());
            }
        } else {
            Reply linked =
                    http.put(HttpStory.USERS + "/" + some.get().appKey() + "/roles", tenant.admin, "[" + owner + "]");
            if (linked.status() == 204) {
                confirmed.linked(some.get());
            }
        }
    }

    private static void assertConfirmedChangesArePresent(
            Http http, Tenant tenant, Confirmed confirmed, ServerProcess server) {
        Reply list = http.get(HttpStory.KEYS, tenant.admin);
        assertEquals(200, list.status(), () -> list + "\n" + server.log());
        Set<String> present = new HashSet<>(HttpStory.appKeysIn(list.json()));
        List<String> lost = new ArrayList<>();
        for (Credentials key : confirmed.live()) {
            if (!present.contains(key.appKey())) {
                lost.add("created " + key.appKey());
            } else if (confirmed.isLinked(key)
                    && !linkedRoles(http, tenant, key).contains("Owner (Admin Super)")) {
                lost.add("linked " + key.appKey());
            }
        }
        for (Credentials key : confirmed.gone()) {
            if (present.contains(key.appKey())) {
                lost.add("deleted " + key.appKey());
            } else if (http.get(HttpStory.KEYS, key).status() != 401) {
                lost.add("deleted, yet its token works: " + key.appKey());
            }
        }
        assertEquals(
                List.of(),
                lost,
                () -> confirmed.changes() + " confirmed changes, these lost; server log:\n" + server.log());
    }

    private static Set<String> linkedRoles(Http http, Tenant tenant, Credentials key) {
        Reply roles = http.get(HttpStory.USERS + "/" + key.appKey() + "/roles", tenant.admin);
        assertEquals(200, roles.status(), roles::toString);
        return StreamSupport.stream(roles.json().spliterator(), false)
                .map(role -> role.get("name").asText())
                .collect(Collectors.toSet());
    }

    /** Each key is there exactly when its creation is audited and its deletion is not; likewise each link. */
    private static void assertNothingTorn(AllUseCases store, Tenant tenant) {
        List<AuditEntry> audit = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            var read = store.readAuditLog(tenant.master, page);
            audit.addAll(read.items());
            if (read.next().isEmpty()) {
                break;
            }
            page = page.next(read.next().get());
        }
        Map<String, List<AuditAction>> byKey = new HashMap<>();
        audit.forEach(entry -> targetKey(entry)
                .ifPresent(appKey -> byKey.computeIfAbsent(appKey, key -> new ArrayList<>())
                        .add(entry.event().action())));
        Set<String> present = new HashSet<>();
        var keys = store.listAppKeys(tenant.master, PageRequest.first(PageRequest.MAX_LIMIT));
        keys.items().forEach(key -> present.add(key.appKey().value()));
        List<String> torn = new ArrayList<>();
        byKey.forEach((appKey, actions) -> {
            boolean audited = actions.contains(AuditAction.KEY_CREATED) && !actions.contains(AuditAction.KEY_DELETED);
            if (audited != present.contains(appKey)) {
                torn.add(appKey + " present=" + present.contains(appKey) + " audit=" + actions);
            }
            if (present.contains(appKey)) {
                boolean linked = !store.rolesOf(tenant.master, io.appkeys.core.domain.PrincipalRef.parse(appKey))
                        .isEmpty();
                if (linked != actions.contains(AuditAction.ROLE_LINKED)) {
                    torn.add(appKey + " linked=" + linked + " audit=" + actions);
                }
            }
        });
        present.stream()
                .filter(appKey -> !byKey.containsKey(appKey))
                .forEach(appKey -> torn.add(appKey + " present without an audit row"));
        assertEquals(List.of(), torn);
    }

    private static Optional<String> targetKey(AuditEntry entry) {
        String target = entry.event().target();
        if (!target.startsWith("appkey:")) {
            return Optional.empty();
        }
        int end = target.indexOf(' ');
        return Optional.of(target.substring("appkey:".length(), end < 0 ? target.length() : end));
    }

    /** What the server confirmed, across kills. */
    private static final class Confirmed {

        private final Map<String, Credentials> live = new ConcurrentHashMap<>();
        private final Map<String, Credentials> gone = new ConcurrentHashMap<>();
        private final Set<String> linked = ConcurrentHashMap.newKeySet();

        void created(Credentials key) {
            live.put(key.appKey(), key);
        }

        /**
         * A delete is under way: until it is confirmed the key may or may not be there (the kill may come after
         * its commit and before its answer), so it is no longer checked either way, nor changed again.
         */
        void deleting(Credentials key) {
            live.remove(key.appKey());
        }

        void deleted(Credentials key) {
            gone.put(key.appKey(), key);
        }

        void linked(Credentials key) {
            linked.add(key.appKey());
        }

        boolean isLinked(Credentials key) {
            return linked.contains(key.appKey());
        }

        Optional<Credentials> anyLiveKey(Random random) {
            List<Credentials> keys = List.copyOf(live.values());
            return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(random.nextInt(keys.size())));
        }

        List<Credentials> live() {
            return List.copyOf(live.values());
        }

        List<Credentials> gone() {
            return List.copyOf(gone.values());
        }

        int changes() {
            return live.size() + gone.size() + linked.size();
        }
    }

    /** The server as its own process, on the test's classpath, killed or stopped by the test. */
    static final class ServerProcess implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final URI uri;

        private ServerProcess(Process process, Path log, URI uri) {
            this.process = process;
            this.log = log;
            this.uri = uri;
        }

        static ServerProcess start(Map<String, String> environment, Path log) throws IOException {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Server.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("APPKEYS_"));
            builder.environment().putAll(environment);
            builder.environment().put("APPKEYS_PORT", Integer.toString(port));
            builder.environment().put("APPKEYS_ARGON2_MEMORY_KIB", "64");
            builder.environment().put("APPKEYS_ARGON2_ITERATIONS", "1");
            builder.environment().put("APPKEYS_ACCESS_LOG_LEVEL", "OFF");
            builder.environment().put("APPKEYS_REFUSAL_TIME", "1ms"); // this test is about what is kept, not when
            ServerProcess server = new ServerProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port));
            server.awaitHealthy();
            return server;
        }

        URI uri() {
            return uri;
        }

        /** {@code kill -9}: the JVM gets no chance to close anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private void awaitHealthy() {
            Http http = new Http(uri);
            for (int attempt = 0; attempt < 240; attempt++) {
                try {
                    if (http.get("/health", null).status() == 200) {
                        return;
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                if (!process.isAlive()) {
                    break;
                }
                sleep(250);
            }
            process.destroyForcibly();
            throw new AssertionError("the server did not start:\n" + log());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
