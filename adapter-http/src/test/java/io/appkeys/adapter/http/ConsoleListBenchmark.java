package io.appkeys.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleId;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.ListRolesUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.in.SetAppKeyActiveUseCase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * How long the console takes to render the key list of an account with 10,000 keys (issue 14: under 200 ms on
 * the server). One account is filled through core's {@link CreateAppKeyUseCase}, as an operator would fill it
 * (each key's token hashed, with Argon2id at 64 KiB and one pass, as the tests' servers use), its keys created
 * over the last 180 days so that about half are due for renewal; then the server is started in this process on
 * that store, a key holding Owner and User Administrator signs in, and three pages are each fetched
 * {@value #RUNS} times after {@value #WARM_UP} unmeasured fetches: {@code GET /admin/keys} (the first page, 50
 * rows), the 100th page (reached by following the "Next page" links), and {@code GET /admin/keys?due=on}.
 * Each is measured twice: once as is, and once with a write to another account's key before every request,
 * since H2 answers a query repeated with the same parameters from its last result until a table changes, and
 * a live server writes (last uses, new keys) all the time.
 *
 * <p>Two times per request: the client's, from sending to the last byte of the body over 127.0.0.1 (an upper
 * bound of the server's, with the client in the same process), and the access log's, from the server's first
 * filter to its response filter: the session's authentication, the store's query and the controller. jte's
 * template is rendered while the answer is written, after that filter, so it is in the client's figure only.
 *
 * <p>Usage (from the repository root; nothing is installed into the local Maven repository):
 *
 * <pre>
 * ./mvnw -o -q -pl adapter-http -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/console-bench.cp
 * java -cp adapter-http/target/test-classes:adapter-http/target/classes:$(cat /tmp/console-bench.cp) \
 *     -Dlogback.configurationFile=adapter-http/target/classes/logback.xml -DAPPKEYS_LOG_LEVEL=WARN \
 *     io.appkeys.adapter.http.ConsoleListBenchmark [keys (10000)]
 * </pre>
 */
public final class ConsoleListBenchmark {

    private static final int RUNS = 50;
    private static final int WARM_UP = 50;
    private static final int DEEP_PAGE = 100;
    private static final Duration SPREAD = Duration.ofDays(180);
    private static final Pattern NEXT = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Next page</a>");
    private static final Pattern ROW = Pattern.compile("<td><a href=\"/admin/keys/[0-9a-f-]{36}\">");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LinkedBlockingQueue<Long> accessMicros = new LinkedBlockingQueue<>();
    private final URI server;
    private String cookie = "";

    private ConsoleListBenchmark(URI server) {
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path work = Files.createTempDirectory("appkeys-console-bench");
        DatabaseSettings store =
                DatabaseSettings.of("jdbc:h2:file:" + work.toAbsolutePath().resolve("store"));
        long filling = System.nanoTime();
        Credentials admin = fill(store, keys);
        System.out.printf(
                Locale.ROOT,
                "%d keys made through core in %.1f s, in %s (deleted at the end)%n",
                keys,
                (System.nanoTime() - filling) / 1e9,
                work);
        Logger access = (Logger) LoggerFactory.getLogger(ShippedLogback.ACCESS);
        try (TestServer running = new TestServer(store)) {
            ConsoleListBenchmark benchmark = new ConsoleListBenchmark(running.uri());
            benchmark.listen(access);
            benchmark.signIn(admin);
            String deep = benchmark.followNext(ConsoleKeysController.KEYS, DEEP_PAGE);
            System.out.println("| page | rows | client p50 | client p95 | server (access log) p50 | server p95 |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            Runnable nothing = () -> {};
            Runnable write = benchmark.writer(running.appKeys());
            benchmark.measure("`GET /admin/keys` (first page)", ConsoleKeysController.KEYS, nothing);
            benchmark.measure("page " + DEEP_PAGE + " (keyset cursor)", deep, nothing);
            benchmark.measure("`GET /admin/keys?due=on`", ConsoleKeysController.KEYS + "?due=on", nothing);
            benchmark.measure("`GET /admin/keys` (first page), after a write", ConsoleKeysController.KEYS, write);
            benchmark.measure("page " + DEEP_PAGE + ", after a write", deep, write);
            benchmark.measure("`GET /admin/keys?due=on`, after a write", ConsoleKeysController.KEYS + "?due=on", write);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The account {@code bench} with {@code count} keys besides the admin key, whose pair is returned. */
    private static Credentials fill(DatabaseSettings store, int count) throws Exception {
        Instant now = Instant.now();
        Instant oldest = now.minus(SPREAD);
        ThreadLocal<Instant> moment = new ThreadLocal<>();
        try (AppKeys appKeys = AppKeys.builder()
                .storage(Databases.open(store))
                .argon2(new Argon2Parameters(64, 1, 1))
                .clock(new Moments(moment))
                .usageFlushEvery(null)
                .followChanges(false)
                .build()) {
            moment.set(oldest.minusSeconds(60));
            Account account = appKeys.use(CreateAccountUseCase.class)
                    .createAccount(new NewAccount(
                            new AccountName("bench"), new Email("owner@bench.example"), Optional.empty(), "benchmark"));
            Caller master = Caller.master(account, "benchmark");
            CreateAppKeyUseCase creating = appKeys.use(CreateAppKeyUseCase.class);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> made = new ArrayList<>();
                long step = SPREAD.toMillis() / count;
                for (int i = 0; i < count; i++) {
                    Instant at = oldest.plusMillis(step * i);
                    String label = String.format(Locale.ROOT, "service %05d", i);
                    made.add(threads.submit(() -> {
                        moment.set(at);
                        creating.createAppKey(master, new Label(label));
                    }));
                }
                for (Future<?> one : made) {
                    one.get();
                }
            } finally {
                threads.shutdown();
            }
            moment.set(now);
            CreatedAppKey admin = creating.createAppKey(master, new Label("console admin"));
            Set<RoleId> roles = appKeys.use(ListRolesUseCase.class).listRoles(master).stream()
                    .filter(role -> role.name().equals(LicenseManager.OWNER)
                            || role.name().equals(LicenseManager.USER_ADMINISTRATOR))
                    .map(Role::id)
                    .collect(Collectors.toSet());
            appKeys.use(LinkRolesUseCase.class)
                    .linkRoles(master, new PrincipalRef.ByAppKey(admin.key().appKey()), roles);
            return new Credentials(
                    admin.key().id().toString(),
                    admin.key().appKey().value(),
                    admin.token().reveal());
        }
    }

    /** A clock that tells each filling thread the instant it was given, so keys are made across the spread. */
    private static final class Moments extends Clock {

        private final ThreadLocal<Instant> moment;

        Moments(ThreadLocal<Instant> moment) {
            this.moment = moment;
        }

        @Override
        public Instant instant() {
            Instant at = moment.get();
            return at != null ? at : Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Turns the access log on, into this benchmark only: each line's duration in microseconds. */
    private void listen(Logger access) {
        AppenderBase<ILoggingEvent> durations = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getKeyValuePairs() != null) {
                    event.getKeyValuePairs().stream()
                            .filter(pair -> pair.key.equals("micros"))
                            .forEach(pair -> accessMicros.add(((Number) pair.value).longValue()));
                }
            }
        };
        durations.start();
        access.detachAndStopAllAppenders();
        access.setAdditive(false);
        access.addAppender(durations);
        access.setLevel(Level.INFO);
    }

    private void signIn(Credentials admin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(Console.SIGN_IN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "appKey=" + encode(admin.appKey()) + "&appToken=" + encode(admin.appToken())))
                .build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher set = Pattern.compile(ConsoleSession.COOKIE + "=([^;]+)")
                .matcher(reply.headers().firstValue("Set-Cookie").orElse(""));
        if (reply.statusCode() != 303 || !set.find()) {
            throw new IllegalStateException("sign-in answered " + reply.statusCode());
        }
        cookie = ConsoleSession.COOKIE + "=" + set.group(1);
    }

    /** The path of page {@code page} of the list, reached as a person would: by its "Next page" links. */
    private String followNext(String first, int page) throws Exception {
        String path = first;
        for (int at = 1; at < page; at++) {
            Matcher next = NEXT.matcher(get(path).body());
            if (!next.find()) {
                System.out.println("the list ends at page " + at + "; measuring that one");
                return path;
            }
            path = next.group(1).replace("&amp;", "&");
        }
        return path;
    }

    /**
     * A change to a key of another account, made through the server's core between two measured requests: the
     * store cannot then answer a list from its last result of the same query, as it can when nothing was written.
     */
    private Runnable writer(AppKeys running) {
        String name = "w" + Long.toString(System.nanoTime(), 36);
        Account other = running.use(CreateAccountUseCase.class)
                .createAccount(new NewAccount(
                        new AccountName(name), new Email("owner@" + name + ".example"), Optional.empty(), "bench"));
        Caller master = Caller.master(other, "benchmark");
        CreatedAppKey key = running.use(CreateAppKeyUseCase.class).createAppKey(master, new Label("toggled"));
        SetAppKeyActiveUseCase activating = running.use(SetAppKeyActiveUseCase.class);
        boolean[] active = {true};
        return () -> {
            active[0] = !active[0];
            activating.setAppKeyActive(master, KeyRef.of(key.key().id()), active[0]);
        };
    }

    private void measure(String what, String path, Runnable before) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            before.run();
            get(path);
        }
        accessMicros.clear();
        List<Long> client = new ArrayList<>();
        List<Long> logged = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            before.run();
            accessMicros.clear();
            long sent = System.nanoTime();
            HttpResponse<String> reply = get(path);
            client.add((System.nanoTime() - sent) / 1_000);
            Long micros = accessMicros.poll(5, TimeUnit.SECONDS);
            if (micros == null) {
                throw new IllegalStateException("no access-log line for " + path);
            }
            logged.add(micros);
            rows = count(ROW.matcher(reply.body()));
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s |%n",
                what,
                rows,
                ms(percentile(client, 50)),
                ms(percentile(client, 95)),
                ms(percentile(logged, 50)),
                ms(percentile(logged, 95)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .header("Cookie", cookie)
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return reply;
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static int count(Matcher matcher) {
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
