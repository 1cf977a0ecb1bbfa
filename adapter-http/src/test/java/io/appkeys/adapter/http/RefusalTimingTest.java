package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.AppKeyId;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.KeyRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal takes as long whatever its cause, with production Argon2: for each cause, the two-sample
 * Kolmogorov-Smirnov statistic between its refusal times and a wrong token's stays below the critical value
 * at a significance of 0.001. Without the hold the statistic is 1: an unknown key was refused in about 2 ms and
 * a wrong token in about 25, and no two times overlapped. The test compares distributions; it asserts no time.
 */
class RefusalTimingTest {

    private static final int SAMPLES = 30;
    private static final int WARM_UP = 5;
    /** c(0.001) = sqrt(-ln(0.0005) / 2): two samples of n differ at that level when D exceeds c * sqrt(2 / n). */
    private static final double CRITICAL = Math.sqrt(-Math.log(0.0005) / 2) * Math.sqrt(2.0 / SAMPLES);

    @TempDir
    Path directory;

    @Test
    void unknownInactiveMalformedAndWrongPairs_areRefusedInTheSameTime() {
        Argon2Parameters production = Argon2Parameters.owasp();
        Map<String, Object> settings = Map.of(
                "appkeys.argon2-memory-kib", production.memoryKib(),
                "appkeys.argon2-iterations", production.iterations(),
                "appkeys.throttle-max-failures", 100_000);
        try (TestServer server = new TestServer(TestDatabases.freshH2(directory), settings)) {
            Tenant tenant = Tenant.create(server.appKeys());
            Credentials active = tenant.newKey("active");
            Credentials inactive = tenant.newKey("inactive");
            tenant.appKeys.setAppKeyActive(tenant.master, KeyRef.of(AppKeyId.parse(inactive.id())), false);
            String wrongToken =
                    AppToken.fromBody("W".repeat(AppToken.BODY_LENGTH)).reveal();
            Map<String, Credentials> causes = new LinkedHashMap<>();
            causes.put("wrong token", active.withToken(wrongToken));
            causes.put("unknown key", new Credentials("", "vtexappkey-" + tenant.name() + "-ZZZZZZ", wrongToken));
            causes.put("unknown account", new Credentials("", "vtexappkey-nosuchaccount-ZZZZZZ", wrongToken));
            causes.put("inactive key", inactive);
            causes.put("malformed", new Credentials("", "not-an-appkey", "short"));

            Map<String, List<Double>> times = measure(new Http(server.uri()), causes);

            List<Double> wrong = times.get("wrong token");
            times.forEach((cause, sample) -> {
                double d = kolmogorovSmirnov(sample, wrong);
                assertTrue(
                        d < CRITICAL,
                        cause + " vs wrong token: D = " + d + " (critical " + CRITICAL + ");" + " medians "
                                + median(sample) + " and " + median(wrong) + " ms");
            });
        }
    }

    /** Refusal times in milliseconds by cause, the causes taken in a new random order each round. */
    private static Map<String, List<Double>> measure(Http http, Map<String, Credentials> causes) {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        causes.keySet().forEach(cause -> times.put(cause, new ArrayList<>()));
        List<String> order = new ArrayList<>(causes.keySet());
        Random random = new Random(42);
        for (int round = 0; round < WARM_UP + SAMPLES; round++) {
            Collections.shuffle(order, random);
            for (String cause : order) {
                long start = System.nanoTime();
                Reply reply = http.get("/api/vlm/appkeys", causes.get(cause));
                double millis = (System.nanoTime() - start) / 1e6;
                assertEquals(401, reply.status(), () -> cause + " -> " + reply);
                if (round >= WARM_UP) {
                    times.get(cause).add(millis);
                }
            }
        }
        return times;
    }

    /** The largest distance between the two samples' empirical distribution functions. */
    static double kolmogorovSmirnov(List<Double> a, List<Double> b) {
        List<Double> x = a.stream().sorted().toList();
        List<Double> y = b.stream().sorted().toList();
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.size() && j < y.size()) {
            double next = Math.min(x.get(i), y.get(j));
            while (i < x.size() && x.get(i) <= next) {
                i++;
            }
            while (j < y.size() && y.get(j) <= next) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.size() - (double) j / y.size()));
        }
        return d;
    }

    private static double median(List<Double> sample) {
        List<Double> sorted = sample.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
