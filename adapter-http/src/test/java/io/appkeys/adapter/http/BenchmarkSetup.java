package io.appkeys.adapter.http;

import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.adapter.persistence.Databases;
import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AllowedNetworks;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.KeyMetadata;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.port.in.SetAppKeyMetadataUseCase;
import io.appkeys.core.port.in.SetAppKeyNetworksUseCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares the store for the wrk benchmark (src/test/bench/run.sh), through core as an operator would: an
 * account {@code bench}, a key holding the Owner role whose pair goes to {@code valid.txt}, another restricted to
 * networks that include 127.0.0.1 and carrying metadata, whose pair goes to {@code restricted.txt}, and for the flood
 * {@code wrong-same.txt} (well-formed wrong tokens for that key) and {@code wrong-other.txt} (well-formed wrong
 * tokens for other keys of the account, and for appKeys that do not exist); for the refusal figures
 * {@code wrong-existing.txt} (wrong tokens for existing keys other than the valid one) and {@code unknown.txt}
 * (appKeys that do not exist, in the account and in accounts that do not exist). Production Argon2.
 *
 * <p>Usage: {@code BenchmarkSetup <output directory>}, with {@code APPKEYS_HOME} naming the store.
 */
public final class BenchmarkSetup {

    private static final int OTHER_KEYS = 50;
    private static final int WRONG_TOKENS = 500;
    private static final int UNKNOWN_KEYS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchmarkSetup() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        try (AllUseCases appKeys = new AllUseCases(AppKeys.builder()
                .storage(Databases.open(DatabaseSettings.fromEnvironment(System.getenv())))
                .argon2(Argon2Parameters.owasp())
                .usageFlushEvery(null)
                .build())) {
            Account account = appKeys.createAccount(new NewAccount(
                    new AccountName("bench"), new Email("owner@bench.example"), Optional.empty(), "benchmark"));
            Caller master = Caller.master(account, "benchmark");
            Role owner = appKeys.listRoles(master).stream()
                    .filter(r -> r.name().equals(LicenseManager.OWNER))
                    .findFirst()
                    .orElseThrow();
            CreatedAppKey valid = appKeys.createAppKey(master, new Label("benchmark"));
            appKeys.linkRoles(master, new PrincipalRef.ByAppKey(valid.key().appKey()), Set.of(owner.id()));
            Files.writeString(
                    out.resolve("valid.txt"),
                    valid.key().appKey() + " " + valid.token().reveal() + "\n");

            CreatedAppKey restricted = appKeys.createAppKey(master, new Label("restricted"));
            appKeys.linkRoles(master, new PrincipalRef.ByAppKey(restricted.key().appKey()), Set.of(owner.id()));
            appKeys.use(SetAppKeyNetworksUseCase.class)
                    .setAppKeyNetworks(
                            master,
                            KeyRef.of(restricted.key().id()),
                            AllowedNetworks.parse("10.0.0.0/8, 192.168.0.0/16, 2001:db8::/32, 127.0.0.0/8"));
            appKeys.use(SetAppKeyMetadataUseCase.class)
                    .setAppKeyMetadata(
                            master,
                            KeyRef.of(restricted.key().id()),
                            Optional.of(KeyMetadata.of("{\"owner\":\"orders team\",\"plan\":\"gold\","
                                    + "\"environment\":\"production\",\"limits\":{\"rps\":500,\"burst\":1000},"
                                    + "\"tags\":[\"checkout\",\"orders\",\"internal\"],\"contact\":"
                                    + "\"orders-oncall@bench.example\"}")));
            Files.writeString(
                    out.resolve("restricted.txt"),
                    restricted.key().appKey() + " " + restricted.token().reveal() + "\n");

            List<String> same = new ArrayList<>();
            for (int i = 0; i < WRONG_TOKENS; i++) {
                same.add(valid.key().appKey() + " " + wrongToken());
            }
            Files.write(out.resolve("wrong-same.txt"), same);

            List<String> others = new ArrayList<>();
            for (int i = 0; i < OTHER_KEYS; i++) {
                others.add(appKeys.createAppKey(master, new Label("other " + i))
                        .key()
                        .appKey()
                        .value());
                others.add("vtexappkey-bench-" + letters(6));
            }
            List<String> other = new ArrayList<>();
            for (int i = 0; i < WRONG_TOKENS; i++) {
                other.add(others.get(i % others.size()) + " " + wrongToken());
            }
            Files.write(out.resolve("wrong-other.txt"), other);

            List<String> existing = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < UNKNOWN_KEYS; i++) {
                existing.add(others.get(2 * (i % OTHER_KEYS)) + " " + wrongToken());
                unknown.add("vtexappkey-"
                        + (i % 2 == 0 ? "bench" : "nosuch" + letters(4).toLowerCase(Locale.ROOT)) + "-" + letters(6)
                        + " " + wrongToken());
            }
            Files.write(out.resolve("wrong-existing.txt"), existing);
            Files.write(out.resolve("unknown.txt"), unknown);
            System.out.println("benchmark store ready: " + valid.key().appKey() + ", " + others.size()
                    + " other appKeys (half of them unknown)");
        }
    }

    /** A token of the right shape and checksum that no key has: it costs the server a full check. */
    private static String wrongToken() {
        return AppToken.fromBody(letters(AppToken.BODY_LENGTH)).reveal();
    }

    private static String letters(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }
}
