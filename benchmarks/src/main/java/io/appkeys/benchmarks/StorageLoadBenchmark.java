package io.appkeys.benchmarks;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.Cursor;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.PageRequest;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Loads keys through the storage port and measures, at 10,000, 100,000 and 1,000,000 keys: lookup by appKey
 * (the authentication read) and the first and a deep page of one account holding up to 100,000 keys.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.appkeys.benchmarks.StorageLoadBenchmark h2 [total]
 * java -cp benchmarks/target/benchmarks.jar io.appkeys.benchmarks.StorageLoadBenchmark \
 *     'jdbc:postgresql://127.0.0.1:5432/test?user=postgres' [total]
 * </pre>
 *
 * PostgreSQL runs in a schema of its own, dropped at the end; H2 in a temporary file, deleted at the end.
 */
public final class StorageLoadBenchmark {

    private static final int BIG_ACCOUNT_MAX = 100_000;
    private static final int FILLER_ACCOUNT_SIZE = 10_000;
    private static final int BATCH = 1_000;
    private static final int LOOKUPS = 20_000;
    private static final int PAGE_READS = 300;
    private static final int PAGE_SIZE = 100;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Storage storage;
    private final Random random = new Random(42);
    private final List<String> appKeys = new ArrayList<>();
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private final List<Cursor> bigAccountCursors = new ArrayList<>();
    private final Account big;
    private final List<Account> fillers = new ArrayList<>();
    private long created;
    private long loadNanos;

    private StorageLoadBenchmark(Storage storage) {
        this.storage = storage;
        this.big = account("bigaccount");
    }

    public static void main(String[] args) throws Exception {
        String target = args.length > 0 ? args[0] : "h2";
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        if (target.equals("h2")) {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("appkeys-bench");
            try (Storage storage = Databases.open(DatabaseSettings.of("jdbc:h2:file:" + dir.resolve("bench")))) {
                new StorageLoadBenchmark(storage).run("H2 (file, embedded)", total);
            } finally {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } else {
            String schema = "appkeys_bench_" + Long.toUnsignedString(new Random().nextLong(), 36);
            execute(target, "CREATE SCHEMA " + schema);
            String url = target + (target.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            try (Storage storage = Databases.open(DatabaseSettings.of(url))) {
                new StorageLoadBenchmark(storage).run("PostgreSQL", total);
            } finally {
                execute(target, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void run(String name, int total) {
        System.out.printf("%s, %s%n", name, Runtime.version());
        System.out.println("| keys | load time (cumulative) | lookup p50 | lookup p99 | first page p50 | first page p99"
                + " | deep page p50 | deep page p99 | deep page depth |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int size : new int[] {10_000, 100_000, total}) {
            if (size > total || size <= created) {
                continue;
            }
            loadTo(size);
            measure();
        }
    }

    private void loadTo(int size) {
        long start = System.nanoTime();
        while (created < size) {
            int count = (int) Math.min(BATCH, size - created);
            List<Runnable> inserts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Account owner = bigAccountCursors.size() < BIG_ACCOUNT_MAX ? big : filler();
                inserts.add(insert(owner));
            }
            storage.transactions().run(() -> inserts.forEach(Runnable::run));
        }
        loadNanos += System.nanoTime() - start;
    }

    private Account filler() {
        long inFillers = created - bigAccountCursors.size();
        if (inFillers % FILLER_ACCOUNT_SIZE == 0) {
            fillers.add(account("filler" + fillers.size()));
        }
        return fillers.get(fillers.size() - 1);
    }

    private Runnable insert(Account owner) {
        created++;
        Instant at = T0.plusNanos(created * 1_000);
        AppKeyName name = AppKeyName.of("vtexappkey", owner.name(), suffix());
        while (!taken.add(name.value())) {
            name = AppKeyName.of("vtexappkey", owner.name(), suffix()); // six letters collide now and then
        }
        AppKey key = new AppKey(
                AppKeyId.random(),
                owner.name(),
                name,
                new Label("key " + created),
                at,
                true,
                Optional.empty(),
                Optional.empty());
        appKeys.add(key.appKey().value());
        if (owner == big) {
            bigAccountCursors.add(Cursor.at(at, key.id().value()));
        }
        TokenHash hash = new TokenHash("$argon2id$v=19$m=19456,t=2,p=1$" + letters(22) + "$" + letters(43));
        return () -> storage.keys().insert(key, new IssuedToken(hash, at));
    }

    private void measure() {
        for (int i = 0; i < 2_000; i++) {
            lookup();
        }
        long[] lookups = sample(LOOKUPS, this::lookup);
        long[] first = sample(PAGE_READS, () -> storage.keys().list(big.name(), PageRequest.first(PAGE_SIZE)));
        int depth = bigAccountCursors.size() - PAGE_SIZE - 1;
        Cursor deep = bigAccountCursors.get(depth);
        long[] deepPages = sample(
                PAGE_READS,
                () -> storage.keys()
                        .list(big.name(), PageRequest.first(PAGE_SIZE).next(deep)));
        System.out.printf(
                Locale.ROOT,
                "| %,d | %.1f s | %s | %s | %s | %s | %s | %s | %,d |%n",
                created,
                loadNanos / 1e9,
                ms(lookups, 50),
                ms(lookups, 99),
                ms(first, 50),
                ms(first, 99),
                ms(deepPages, 50),
                ms(deepPages, 99),
                depth + 1);
    }

    private Object lookup() {
        String appKey = appKeys.get(random.nextInt(appKeys.size()));
        return storage.keys().findWithCredentials(new AppKeyName(appKey)).orElseThrow();
    }

    private static long[] sample(int count, Supplier<Object> call) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String ms(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.3f ms", sorted[index] / 1e6);
    }

    private Account account(String name) {
        Account account = new Account(
                UUID.randomUUID(), new AccountName(name), UserId.random(), new Email("owner@" + name + ".com"), T0);
        storage.transactions().run(() -> {
            storage.accounts().insert(account);
            storage.users()
                    .insert(new User(
                            account.masterUserId(), account.name(), account.masterEmail(), Optional.empty(), T0));
        });
        return account;
    }

    private String suffix() {
        return letters(AppKeyName.SUFFIX_LENGTH);
    }

    private String letters(int count) {
        char[] letters = new char[count];
        for (int i = 0; i < count; i++) {
            letters[i] = (char) ('A' + random.nextInt(26));
        }
        return new String(letters);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute(sql);
        }
    }
}
