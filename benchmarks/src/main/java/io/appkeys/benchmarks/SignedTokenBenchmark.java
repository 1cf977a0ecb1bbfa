package io.appkeys.benchmarks;

import io.appkeys.core.AppKeys;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.crypto.Es256TokenSigner;
import io.appkeys.core.crypto.SealingKey;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppKeyName;
import io.appkeys.core.domain.AuthenticationResult;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LoginResult;
import io.appkeys.core.domain.SignedToken;
import io.appkeys.core.domain.TokenClaims;
import io.appkeys.core.memory.InMemoryStorage;
import io.appkeys.core.port.in.AuthenticateUseCase;
import io.appkeys.core.port.in.CreateAccountUseCase;
import io.appkeys.core.port.in.CreateAppKeyUseCase;
import io.appkeys.core.port.in.LoginUseCase;
import io.appkeys.core.port.in.NewAccount;
import io.appkeys.core.service.AppKeysSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signed tokens: checking one as a request does (from the cache; and with the cache trusting nothing, so the
 * signature is verified and the store read on every call), the ES256 signature verification alone, and
 * signing. In-memory store, one thread, sample mode for the median and the tail of single calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SignedTokenBenchmark {

    private AppKeys warm;
    private AppKeys cold;
    private AuthenticateUseCase warmAuthentication;
    private AuthenticateUseCase coldAuthentication;
    private String warmToken;
    private String coldToken;
    private Es256TokenSigner signer;
    private SignedToken signed;
    private TokenClaims claims;

    @Setup
    public void setUp() {
        warm = AppKeys.builder()
                .argon2(Argon2Parameters.owasp())
                .usageFlushEvery(null)
                .build();
        warmAuthentication = warm.use(AuthenticateUseCase.class);
        warmToken = login(warm);
        require(warmAuthentication.authenticate(warmAuthentication.attemptToken(warmToken, "")));

        // a cache that trusts nothing for long: every call verifies the signature and reads the store
        cold = AppKeys.builder()
                .argon2(Argon2Parameters.owasp())
                .usageFlushEvery(null)
                .settings(AppKeysSettings.defaults().withCacheTtl(Duration.ofNanos(1)))
                .build();
        coldAuthentication = cold.use(AuthenticateUseCase.class);
        coldToken = login(cold);
        require(coldAuthentication.authenticate(coldAuthentication.attemptToken(coldToken, "")));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        signer = new Es256TokenSigner(
                new InMemoryStorage().signingKeys(),
                SealingKey::generate,
                Clock.systemUTC(),
                "appkeys",
                Duration.ofDays(30),
                Duration.ofHours(24));
        claims = new TokenClaims(
                UUID.randomUUID(),
                AppKeyId.random(),
                new AppKeyName("vtexappkey-bench-ABCDEF"),
                now.minus(Duration.ofDays(1)),
                now,
                now.plus(Duration.ofHours(24)));
        signed = signer.sign(claims);
    }

    private static String login(AppKeys appKeys) {
        NewAccount account =
                new NewAccount(new AccountName("bench"), new Email("owner@bench.com"), Optional.empty(), "benchmark");
        Caller master = Caller.master(appKeys.use(CreateAccountUseCase.class).createAccount(account), "benchmark");
        CreatedAppKey key = appKeys.use(CreateAppKeyUseCase.class).createAppKey(master, new Label("benchmark"));
        AuthenticateUseCase authentication = appKeys.use(AuthenticateUseCase.class);
        LoginResult result = appKeys.use(LoginUseCase.class)
                .login(authentication.attempt(
                        key.key().appKey().value(), key.token().reveal(), ""));
        return ((LoginResult.LoggedIn) result).token().reveal();
    }

    private static void require(AuthenticationResult result) {
        if (!(result instanceof AuthenticationResult.Authenticated)) {
            throw new IllegalStateException("expected the benchmark token to authenticate, got " + result);
        }
    }

    @TearDown
    public void tearDown() {
        warm.close();
        cold.close();
    }

    /** A request's check of a token checked before: read, digest, cache. */
    @Benchmark
    public AuthenticationResult authenticateCacheHit() {
        return warmAuthentication.authenticate(warmAuthentication.attemptToken(warmToken, ""));
    }

    /** A request's check with nothing trusted from memory: signature, claims, one (in-memory) store read. */
    @Benchmark
    public AuthenticationResult authenticateUncached() {
        return coldAuthentication.authenticate(coldAuthentication.attemptToken(coldToken, ""));
    }

    /** The ES256 verification and the claims' checks alone. */
    @Benchmark
    public Optional<TokenClaims> verifySignature() {
        return signer.verify(signed, Instant.now());
    }

    @Benchmark
    public SignedToken sign() {
        return signer.sign(claims);
    }
}
