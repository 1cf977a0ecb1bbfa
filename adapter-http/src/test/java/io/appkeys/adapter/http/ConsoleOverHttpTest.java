package io.appkeys.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.crypto.Argon2Parameters;
import io.appkeys.core.domain.AppToken;
import io.appkeys.core.domain.KeyRef;
import io.appkeys.core.domain.LicenseManager;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin console through a real HTTP client: sessions, their cookie, CSRF, the CSP, and what each key sees. */
class ConsoleOverHttpTest {

    @TempDir
    static Path directory;

    private static TestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = new TestServer(TestDatabases.freshH2(directory), Map.of("appkeys.trusted-proxies", "127.0.0.1/32"));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutASession_everyPageLeadsToSignIn() {
        for (String path : List.of("/admin", "/admin/keys", "/admin/keys/new")) {
            Reply reply = new ConsoleClient(http).get(path);
            assertEquals(303, reply.status(), path);
            assertEquals("/admin/sign-in", reply.header("Location"), path);
        }
        Reply page = new ConsoleClient(http).get("/admin/sign-in");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<label for=\"appToken\">App token</label>"), page.body());
    }

    @Test
    void aSignInThatFindsTheServerTooBusy_isToldSo_ratherThanThatThePairIsWrong(@TempDir Path own) throws Exception {
        Argon2Parameters production = Argon2Parameters.owasp();
        Map<String, Object> oneHashAtATime = Map.of(
                "appkeys.argon2-memory-kib",
                production.memoryKib(),
                "appkeys.argon2-iterations",
                production.iterations(),
                "appkeys.hashing-concurrency",
                1,
                "appkeys.hashing-max-wait",
                "1ms",
                "appkeys.throttle-max-failures",
                100_000);
        ExecutorService browsers = Executors.newFixedThreadPool(6);
        try (TestServer busy = new TestServer(TestDatabases.freshH2(own), oneHashAtATime)) {
            Tenant tenant = Tenant.create(busy.appKeys());
            Http client = new Http(busy.uri());
            Reply tooBusy = null;
            for (int round = 0; round < 10 && tooBusy == null; round++) {
                List<Future<Reply>> signIns = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    // a wrong token each, so every one is checked in full
                    Map<String, String> pair = Map.of("appKey", tenant.admin.appKey(), "appToken", randomToken());
                    signIns.add(browsers.submit(() -> new ConsoleClient(client).post("/admin/sign-in", pair)));
                }
                for (Future<Reply> signIn : signIns) {
                    Reply reply = signIn.get(30, TimeUnit.SECONDS);
                    if (reply.status() == 503) {
                        tooBusy = reply;
                    } else {
                        assertEquals(401, reply.status(), reply::toString);
                    }
                }
            }

            assertNotNull(tooBusy, "six sign-ins at once, one Argon2 at a time, each waiting at most 1 ms");
            assertTrue(tooBusy.body().contains("too busy to check the pair"), tooBusy::toString);
            assertFalse(tooBusy.body().contains("do not sign in"), tooBusy::toString);
            assertNotNull(tooBusy.header("Retry-After"), tooBusy::toString);
            assertEquals(null, tooBusy.header("Set-Cookie"), tooBusy::toString);
        } finally {
            browsers.shutdownNow();
        }
    }

    private static String randomToken() {
        StringBuilder body = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < AppToken.BODY_LENGTH; i++) {
            body.append((char) ('A' + random.nextInt(26)));
        }
        return AppToken.fromBody(body.toString()).reveal();
    }

    @Test
    void signingIn_setsAStrictHttpOnlyCookie_securedBehindTls_andSigningOutClearsIt() {
        Tenant tenant = Tenant.create(server.appKeys());
        ConsoleClient browser = new ConsoleClient(http);
        Reply signedIn = browser.signIn(tenant.admin);
        assertEquals(303, signedIn.status(), signedIn.body());
        assertEquals("/admin/keys", signedIn.header("Location"));
        String cookie = signedIn.header("Set-Cookie");
        assertTrue(cookie.startsWith(ConsoleSession.COOKIE + "="), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/admin"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP from the client itself: " + cookie);
        assertFalse(cookie.contains(tenant.admin.appToken()), cookie);

        Reply overTls = http.sendRaw(
                "POST",
                "/admin/sign-in",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-Proto", "https"),
                "appKey=" + tenant.admin.appKey() + "&appToken=" + tenant.admin.appToken());
        assertTrue(overTls.header("Set-Cookie").contains("Secure"), overTls.header("Set-Cookie"));

        assertEquals(200, browser.get("/admin/keys").status());
        Reply signedOut = browser.submit("/admin/keys", "/admin/sign-out", Map.of());
        assertEquals(303, signedOut.status());
        assertTrue(signedOut.header("Set-Cookie").contains("Max-Age=0"), signedOut.header("Set-Cookie"));
        assertEquals(303, browser.get("/admin/keys").status());
    }

    @Test
    void aWrongPair_isRefusedWithThePage_andNoCookie() {
        Tenant tenant = Tenant.create(server.appKeys());
        Reply refused = new ConsoleClient(http).signIn(tenant.admin.withToken("WRONG"));
        assertEquals(401, refused.status());
        assertTrue(refused.body().contains("do not sign in"), refused.body());
        assertTrue(refused.headers().allValues("Set-Cookie").isEmpty());
    }

    /**
     * What a browser sends with a form of a page under {@code Referrer-Policy: no-referrer}: {@code Origin: null}. The
     * pages use {@code same-origin}, so that a browser sends their own origin, which the server accepts.
     */
    @Test
    void aFormPostedWithTheConsolesOwnOrigin_isAccepted_andThePagesSendNoReferrerElsewhere() {
        Tenant tenant = Tenant.create(server.appKeys());
        Reply page = new ConsoleClient(http).get("/admin/sign-in");
        assertEquals("same-origin", page.header("Referrer-Policy"));

        Reply signedIn = http.sendRaw(
                "POST",
                "/admin/sign-in",
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Origin",
                        "http://127.0.0.1:" + server.uri().getPort()),
                "appKey=" + tenant.admin.appKey() + "&appToken=" + tenant.admin.appToken());
        assertEquals(303, signedIn.status(), signedIn::toString);
    }

    @Test
    void aRefusedSignIn_looksTheSameWhateverTheCause() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials inactive = tenant.keyWithRoles("inactive", LicenseManager.OWNER);
        server.appKeys()
                .use(io.appkeys.core.port.in.SetAppKeyActiveUseCase.class)
                .setAppKeyActive(tenant.master, KeyRef.parse(inactive.id()), false);
        List<Reply> refusals = List.of(
                new ConsoleClient(http).signIn(tenant.admin.withToken("WRONG")),
                new ConsoleClient(http)
                        .signIn(new Credentials("", "vtexappkey-nobody-ABCDEF", tenant.admin.appToken())),
                new ConsoleClient(http).signIn(inactive),
                new ConsoleClient(http).signIn(new Credentials("", "", "")));
        for (Reply refused : refusals) {
            assertEquals(401, refused.status(), refused::toString);
            assertEquals(refusals.get(0).body(), refused.body());
            assertTrue(refused.headers().allValues("Set-Cookie").isEmpty());
        }
    }

    @Test
    void everyConsoleAnswer_carriesTheStrictContentSecurityPolicy_andTheAssetsAreServedHere() {
        ConsoleClient browser = new ConsoleClient(http);
        Reply page = browser.get("/admin/sign-in");
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);

        long bytes = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        Matcher assets =
                Pattern.compile("(?:href|src)=\"(/admin/assets/[^\"]+)\"").matcher(page.body());
        int count = 0;
        while (assets.find()) {
            Reply asset = browser.get(assets.group(1));
            assertEquals(200, asset.status(), assets.group(1));
            bytes += asset.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            count++;
        }
        assertEquals(3, count, "the stylesheet, htmx and the console's script");
        assertTrue(bytes < 100 * 1024, "the first load of /admin is " + bytes + " bytes");
        assertFalse(page.body().matches("(?s).*(?:src|href)=\"(?:https?:)?//.*"), "nothing from another origin");
    }

    @Test
    void creatingAKey_showsItsTokenOnce_andNoLaterPageHoldsIt() {
        Tenant tenant = Tenant.create(server.appKeys());
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        Reply created = browser.submit("/admin/keys/new", "/admin/keys", Map.of("label", "billing job"));
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control"));
        Matcher token = Pattern.compile("<textarea id=\"token\"[^>]*>([A-Z]+)</textarea>")
                .matcher(created.body());
        assertTrue(token.find(), created.body());
        assertTrue(created.body().contains("shown this once"), created.body());
        Matcher id = Pattern.compile("href=\"/admin/keys/([0-9a-f-]{36})\"").matcher(created.body());
        assertTrue(id.find());

        for (String later : List.of("/admin/keys", "/admin/keys/" + id.group(1), "/admin/keys?label=billing")) {
            Reply page = browser.get(later);
            assertEquals(200, page.status(), later);
            assertTrue(page.body().contains("billing job"), later);
            assertFalse(page.body().contains(token.group(1)), later);
        }
        assertEquals(200, http.get("/api/vlm/appkeys", tenant.admin).status());
    }

    @Test
    void theKeyList_isNarrowedByLabelStateAndDue_andPaged() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials billing = tenant.newKey("Billing 50% job");
        Credentials stopped = tenant.newKey("billing stopped");
        tenant.newKey("search");
        server.appKeys()
                .use(io.appkeys.core.port.in.SetAppKeyActiveUseCase.class)
                .setAppKeyActive(tenant.master, KeyRef.parse(stopped.id()), false);
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        String byLabel = browser.get("/admin/keys?label=BILLING").body();
        assertTrue(byLabel.contains(billing.appKey()) && byLabel.contains(stopped.appKey()), byLabel);
        assertFalse(byLabel.contains(">search<"), byLabel);
        assertTrue(byLabel.contains("value=\"BILLING\""), "the filter stays filled in");
        String literal = browser.get("/admin/keys?label=50%25").body();
        assertTrue(literal.contains(billing.appKey()) && !literal.contains(stopped.appKey()), literal);
        String inactive =
                browser.get("/admin/keys?label=billing&state=inactive").body();
        assertTrue(inactive.contains(stopped.appKey()) && !inactive.contains(billing.appKey()), inactive);
        String active = browser.get("/admin/keys?state=active").body();
        assertTrue(active.contains(billing.appKey()) && !active.contains(stopped.appKey()), active);
        assertTrue(browser.get("/admin/keys?due=on").body().contains("No key matches."), "new tokens are not due");

        for (int i = 0; i <= ConsoleKeysController.PAGE_SIZE; i++) {
            tenant.newKey("bulk " + i);
        }
        String first = browser.get("/admin/keys?label=bulk").body();
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertTrue(next.find(), "a full page links to the next");
        String second = browser.get(next.group(1).replace("&amp;", "&")).body();
        assertTrue(second.contains(">bulk 50<") && !second.contains(">bulk 0<"), second);
        assertFalse(second.contains("rel=\"next\""), "the last page links nowhere");
    }

    @Test
    void aChangeWithoutTheSessionsFormToken_isRefused_andNothingChanges() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials other = tenant.newKey("other");
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);

        Reply missing = browser.post("/admin/keys", Map.of("label", "forged"));
        assertEquals(403, missing.status());
        Reply wrong = browser.post("/admin/keys/" + other.id() + "/active", Map.of("active", "false", "csrf", "x"));
        assertEquals(403, wrong.status());
        assertFalse(browser.get("/admin/keys").body().contains("forged"));
        assertTrue(server.appKeys()
                .use(io.appkeys.core.port.in.GetAppKeyUseCase.class)
                .getAppKey(tenant.master, KeyRef.parse(other.id()))
                .key()
                .active());
    }

    @Test
    void everyChangeTheConsoleTakes_requiresTheFormToken() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials other = tenant.newKey("other");
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(tenant.admin);
        List<UriRouteInfo<?, ?>> posts = server.bean(Router.class)
                .uriRoutes()
                .filter(route -> route.getHttpMethod() == HttpMethod.POST)
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/admin"))
                .filter(route -> !route.getUriMatchTemplate().toString().equals("/admin/sign-in"))
                .toList();
        assertTrue(posts.size() >= 9, posts::toString);
        for (UriRouteInfo<?, ?> route : posts) {
            String path = route.getUriMatchTemplate()
                    .expand(Map.of(
                            "id",
                            other.id(),
                            "role",
                            tenant.roleId(LicenseManager.OWNER).value()));
            Reply reply = browser.post(path, Map.of("label", "x", "active", "false", "role", "1"));
            assertEquals(403, reply.status(), route::toString);
            assertTrue(reply.body().contains("form token"), path);
        }
    }

    @Test
    void aKeyWithoutViewApiKeys_seesAnErrorPage_notData() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials admin = tenant.admin;
        Credentials bare = tenant.newKey("bare"); // no roles: it signs in, and may see nothing
        tenant.newKey("secret label");
        ConsoleClient browser = new ConsoleClient(http);
        assertEquals(303, browser.signIn(bare).status());

        Reply keys = browser.get("/admin/keys");
        assertEquals(403, keys.status());
        assertTrue(keys.body().contains("Not allowed"), keys.body());
        assertFalse(keys.body().contains("secret label"), keys.body());
        assertFalse(keys.body().contains(admin.appKey()), keys.body());
        assertFalse(keys.body().contains("href=\"/admin/keys\""), "the Keys part is not offered");
        assertEquals(403, browser.get("/admin/keys/" + admin.id()).status());
    }

    @Test
    void theSessionEnds_whenItsSignedTokenExpires() throws InterruptedException {
        try (TestServer shortLived = new TestServer(
                TestDatabases.freshH2(directory.resolve("short")), Map.of("appkeys.signed-token-lifetime", "2s"))) {
            Http client = new Http(shortLived.uri());
            Tenant tenant = Tenant.create(shortLived.appKeys());
            ConsoleClient browser = new ConsoleClient(client);
            Reply signedIn = browser.signIn(tenant.admin);
            assertTrue(signedIn.header("Set-Cookie").matches(".*Max-Age=[12];.*"), signedIn.header("Set-Cookie"));
            assertEquals(200, browser.get("/admin/keys").status());
            Thread.sleep(2_500); // the token's 2 s lifetime, and a margin
            Reply after = browser.get("/admin/keys");
            assertEquals(303, after.status());
            assertEquals("/admin/sign-in", after.header("Location"));
        }
    }

    @Test
    void deactivatingTheSignedInKey_endsItsSession() {
        Tenant tenant = Tenant.create(server.appKeys());
        Credentials operator = tenant.keyWithRoles("operator", LicenseManager.OWNER);
        ConsoleClient browser = new ConsoleClient(http);
        browser.signIn(operator);
        assertEquals(200, browser.get("/admin/keys").status());

        server.appKeys()
                .use(io.appkeys.core.port.in.SetAppKeyActiveUseCase.class)
                .setAppKeyActive(tenant.master, KeyRef.parse(operator.id()), false);
        Reply after = browser.get("/admin/keys");
        assertEquals(303, after.status());
        assertEquals("/admin/sign-in", after.header("Location"));
    }
}
