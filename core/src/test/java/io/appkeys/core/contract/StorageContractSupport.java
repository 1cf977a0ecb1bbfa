package io.appkeys.core.contract;

import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKey;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.IssuedToken;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.domain.User;
import io.appkeys.core.domain.UserId;
import io.appkeys.core.port.out.Storage;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every storage contract test shares. The class that runs the contracts gives the storage through a
 * {@link StorageUnderTest} it registers; a storage may be shared between tests, so each test works in accounts
 * of its own with fresh random names and never assumes an empty store.
 */
public abstract class StorageContractSupport {

    private static final SecureRandom RANDOM = new SecureRandom();
    protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

    protected Storage storage;

    @BeforeEach
    void useStorage(Storage given) {
        storage = given;
    }

    protected static AccountName randomAccountName() {
        StringBuilder name = new StringBuilder("t");
        for (int i = 0; i < 15; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return new AccountName(name.toString());
    }

    protected static String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }

    /** A new account with its master user, stored. */
    protected Account newAccount() {
        AccountName name = randomAccountName();
        Account account =
                new Account(UUID.randomUUID(), name, UserId.random(), new Email("owner@" + name + ".com"), T0);
        storage.transactions().run(() -> {
            storage.accounts().insert(account);
            storage.users().insert(new User(account.masterUserId(), name, account.masterEmail(), Optional.empty(), T0));
        });
        return account;
    }

    protected static AppKey keyOf(Account account, Instant createdIn) {
        return new AppKey(
                AppKeyId.random(),
                account.name(),
                AppKeyName.of("vtexappkey", account.name(), letters(6)),
                new Label("label " + letters(4)),
                createdIn,
                true,
                Optional.empty(),
                Optional.empty());
    }

    protected static IssuedToken token(Instant createdIn) {
        return new IssuedToken(hash(), createdIn);
    }

    protected static TokenHash hash() {
        return new TokenHash("$argon2id$v=19$m=64,t=1,p=1$" + letters(22) + "$" + letters(43));
    }

    /** A stored key of the account, created at {@code createdIn}. */
    protected AppKey newKey(Account account, Instant createdIn) {
        AppKey key = keyOf(account, createdIn);
        storage.keys().insert(key, token(createdIn));
        return key;
    }

    /**
     * Runs {@code work} on {@code threads} threads at once, each in a transaction of its own, and counts the
     * calls that answered true: how many of them report that they changed something.
     */
    protected int concurrently(int threads, IntPredicate work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return storage.transactions().inTransaction(() -> work.test(index));
                }));
            }
            start.countDown();
            int changed = 0;
            for (Future<Boolean> outcome : outcomes) {
                changed += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return changed;
        } finally {
            pool.shutdown();
        }
    }

    protected static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0).truncatedTo(ChronoUnit.MICROS);
    }
}
