package io.appkeys.benchmarks;

import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Argon2idHasher;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.TokenHash;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.LinkRolesUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Authentication on a cache hit, on a miss, and after the cache's TTL (a pair verified before, confirmed by a
 * store read without hashing), and the Argon2id hash and verification themselves; OWASP's parameters, the
 * in-memory store, one thread. Sample mode gives the median and the tail of single calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class AuthenticateBenchmark {

    private AppKeys warm;
    private AppKeys cold;
    private AuthenticateUseCase warmAuthentication;
    private AuthenticateUseCase coldAuthentication;
    private String appKey;
    private String token;
    private String coldAppKey;
    private String coldToken;
    private Argon2idHasher hasher;
    private AppToken parsedToken;
    private TokenHash hash;

    @Setup
    public void setUp() {
        warm = AppKeys.builder()
                .argon2(Argon2Parameters.owasp())
                .usageFlushEvery(null)
                .build();
        warmAuthentication = warm.use(AuthenticateUseCase.class);
        CreatedAppKey key = newKey(warm);
        appKey = key.key().appKey().value();
        token = key.token().reveal();
        require(warmAuthentication.authenticate(appKey, token));

        // A cache that trusts nothing for long: every call reads the store again, but finds the hash it
        // verified before, so no Argon2.
        cold = AppKeys.builder()
                .argon2(Argon2Parameters.owasp())
                .usageFlushEvery(null)
                .settings(AppKeysSettings.defaults().withCacheTtl(Duration.ofNanos(1)))
                .build();
        coldAuthentication = cold.use(AuthenticateUseCase.class);
        CreatedAppKey coldKey = newKey(cold);
        coldAppKey = coldKey.key().appKey().value();
        coldToken = coldKey.token().reveal();
        require(coldAuthentication.authenticate(coldAppKey, coldToken));

        hasher = new Argon2idHasher(Argon2Parameters.owasp());
        parsedToken = AppToken.parse(token);
        hash = hasher.hash(parsedToken);
    }

    private static CreatedAppKey newKey(AppKeys appKeys) {
        return appKeys.use(CreateAppKeyUseCase.class).createAppKey(newMaster(appKeys), new Label("benchmark"));
    }

    private static Caller newMaster(AppKeys appKeys) {
        NewAccount account =
                new NewAccount(new AccountName("bench"), new Email("owner@bench.com"), Optional.empty(), "benchmark");
        return Caller.master(appKeys.use(CreateAccountUseCase.class).createAccount(account), "benchmark");
    }

    private static void require(AuthenticationResult result) {
        if (!(result instanceof AuthenticationResult.Authenticated)) {
            throw new IllegalStateException("expected the benchmark key to authenticate, got " + result);
        }
    }

    @TearDown
    public void tearDown() {
        warm.close();
        cold.close();
    }

    @Benchmark
    public AuthenticationResult authenticateCacheHit() {
        return warmAuthentication.authenticate(appKey, token);
    }

    @Benchmark
    public AuthenticationResult authenticateAfterTtl() {
        return coldAuthentication.authenticate(coldAppKey, coldToken);
    }

    /** A true miss: before each call the key is evicted (by a role change that links nothing). */
    @Benchmark
    public AuthenticationResult authenticateCacheMiss(Evicted evicted) {
        return evicted.authentication.authenticate(evicted.appKey, evicted.token);
    }

    /** A store whose key is evicted from the cache before every call. */
    @State(Scope.Benchmark)
    public static class Evicted {

        AppKeys appKeys;
        AuthenticateUseCase authentication;
        LinkRolesUseCase links;
        Caller master;
        String appKey;
        String token;

        @Setup
        public void setUp() {
            appKeys = AppKeys.builder()
                    .argon2(Argon2Parameters.owasp())
                    .usageFlushEvery(null)
                    .build();
            authentication = appKeys.use(AuthenticateUseCase.class);
            links = appKeys.use(LinkRolesUseCase.class);
            master = newMaster(appKeys);
            CreatedAppKey key = appKeys.use(CreateAppKeyUseCase.class).createAppKey(master, new Label("benchmark"));
            appKey = key.key().appKey().value();
            token = key.token().reveal();
        }

        @Setup(Level.Invocation)
        public void evict() {
            links.linkRoles(master, PrincipalRef.parse(appKey), Set.of());
        }

        @TearDown
        public void tearDown() {
            appKeys.close();
        }
    }

    @Benchmark
    public TokenHash argon2Hash() {
        return hasher.hash(parsedToken);
    }

    @Benchmark
    public Object argon2Verify() {
        return hasher.verify(parsedToken, hash);
    }
}
