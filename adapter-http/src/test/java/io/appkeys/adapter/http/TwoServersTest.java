package io.appkeys.adapter.http;

import static io.appkeys.adapter.http.HttpStory.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.appkeys.core.domain.LicenseManager;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two servers on one database, as a deployment of several behind a load balancer: a change made through one is
 * enforced by the other, which had the key warm in its cache. The test waits for the effect with a deadline and
 * asserts no timing.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.appkeys.adapter.http.TestStores#all")
class TwoServersTest {

    private static final long DEADLINE_MILLIS = 10_000;

    private final TestStores store;

    TwoServersTest(TestStores store) {
        this.store = store;
    }

    @AfterEach
    void drop() {
        store.drop();
    }

    @Test
    void aKeyDeactivatedThroughOneServer_isRefusedByTheOther_andAcceptedAgainOnceActivated() {
        try (TestServer first = new TestServer(store.settings());
                TestServer second = new TestServer(store.settings())) {
            Http one = new Http(first.uri());
            Http two = new Http(second.uri());
            Tenant tenant = Tenant.create(first.appKeys());
            Credentials key = tenant.keyWithRoles("shared", LicenseManager.OWNER);
            assertEquals(200, one.get(KEYS, key).status());
            assertEquals(200, two.get(KEYS, key).status(), "warm in the second server's cache");

            Reply deactivated = one.put(KEYS + "/" + key.id(), tenant.admin, "{\"isActive\":false}");
            assertEquals(200, deactivated.status(), deactivated::toString);
            eventually(401, () -> two.get(KEYS, key).status());

            Reply activated = one.put(KEYS + "/" + key.id(), tenant.admin, "{\"isActive\":true}");
            assertEquals(200, activated.status(), activated::toString);
            eventually(200, () -> two.get(KEYS, key).status());
        }
    }

    private static void eventually(int expected, IntSupplier status) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        int last = status.getAsInt();
        while (last != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still " + last + " after " + DEADLINE_MILLIS + " ms, not " + expected);
            }
            sleep();
            last = status.getAsInt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
