package io.appkeys.benchmarks;

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
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.FinishRenewalUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.in.RenewAppTokenUseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Key creation and renewal throughput on the embedded H2 store, before and after the durability fix, side by
 * side in one run: "before" is H2's own write delay (a URL that sets {@code WRITE_DELAY=500}, H2's default,
 * which the store used to run with), "after" is the store's default (each commit written and forced to disk
 * before it is confirmed), and between them a URL with {@code WRITE_DELAY=0}: written at once, not synced
 * (enough for a killed process, not for a crash of the machine). Each is measured with OWASP's Argon2 parameters (what a user gets) and with cheap
 * ones (which leave the store's own cost in view), by one client and by four at once, in alternating rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.appkeys.benchmarks.DurabilityBenchmark [rounds]
 * </pre>
 */
public final class DurabilityBenchmark {

    private static final Map<String, String> MODES = new LinkedHashMap<>();

    static {
        MODES.put("before (WRITE_DELAY=500, no sync)", ";WRITE_DELAY=500");
        MODES.put("written on commit, not synced (WRITE_DELAY=0)", ";WRITE_DELAY=0");
        MODES.put("after (written and synced on commit)", "");
    }

    private DurabilityBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, String> mode : MODES.entrySet()) {
                for (String hashing : List.of("OWASP", "cheap")) {
                    Argon2Parameters argon2 =
                            hashing.equals("OWASP") ? Argon2Parameters.owasp() : Argon2Parameters.fast();
                    int operations = hashing.equals("OWASP") ? 60 : 400;
                    for (int clients : new int[] {1, 4}) {
                        String name = mode.getKey() + ", Argon2 " + hashing + ", " + clients + " client(s)";
                        double[] rates = measure(mode.getValue(), argon2, operations, clients);
                        results.computeIfAbsent(name + ": creates/s", k -> new ArrayList<>())
                                .add(rates[0]);
                        results.computeIfAbsent(name + ": renewals/s", k -> new ArrayList<>())
                                .add(rates[1]);
                        System.out.printf(
                                Locale.ROOT,
                                "round %d  %-80s creates %8.1f/s  renewals %8.1f/s%n",
                                round,
                                name,
                                rates[0],
                                rates[1]);
                    }
                }
            }
        }
        System.out.println();
        System.out.println("medians of " + rounds + " rounds:");
        results.forEach((name, values) -> System.out.printf(
                Locale.ROOT,
                "  %-100s %8.1f%n",
                name,
                values.stream().sorted().toList().get(values.size() / 2)));
    }

    /** Creates, then renews (renew and finish) the keys; returns creations and renewals per second. */
    private static double[] measure(String urlSuffix, Argon2Parameters argon2, int operations, int clients)
            throws Exception {
        Path home = Files.createTempDirectory("appkeys-durability");
        DatabaseSettings store = DatabaseSettings.of("jdbc:h2:file:" + home.resolve("bench") + urlSuffix);
        try (AppKeys appKeys = AppKeys.builder()
                .storage(Databases.open(store))
                .argon2(argon2)
                .usageFlushEvery(null)
                .build()) {
            CreateAppKeyUseCase keys = appKeys.use(CreateAppKeyUseCase.class);
            RenewAppTokenUseCase renewals = appKeys.use(RenewAppTokenUseCase.class);
            FinishRenewalUseCase finishes = appKeys.use(FinishRenewalUseCase.class);
            Account account = appKeys.use(CreateAccountUseCase.class)
                    .createAccount(new NewAccount(
                            new AccountName("bench"), new Email("ops@bench.example"), Optional.empty(), "bench"));
            Caller master = Caller.master(account, "bench");
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<CreatedAppKey> created = new ArrayList<>();
                long start = System.nanoTime();
                for (Future<CreatedAppKey> future :
                        submit(pool, operations, i -> keys.createAppKey(master, new Label("key " + i)))) {
                    created.add(future.get());
                }
                double creates = operations / seconds(start);
                start = System.nanoTime();
                for (Future<CreatedAppKey> future : submit(pool, operations, i -> {
                    KeyRef key = KeyRef.of(created.get(i).key().id());
                    renewals.renewAppToken(master, key);
                    finishes.finishRenewal(master, key);
                    return created.get(i);
                })) {
                    future.get();
                }
                return new double[] {creates, operations / seconds(start)};
            } finally {
                pool.shutdown();
            }
        } finally {
            delete(home);
        }
    }

    private static List<Future<CreatedAppKey>> submit(
            ExecutorService pool, int count, java.util.function.IntFunction<CreatedAppKey> work) {
        List<Future<CreatedAppKey>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> work.apply(index)));
        }
        return futures;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
