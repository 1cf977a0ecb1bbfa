package io.appkeys.adapter.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.TestServer;
import io.appkeys.adapter.persistence.TestDatabases;
import io.appkeys.core.domain.Account;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.Caller;
import io.appkeys.core.domain.CreatedAppKey;
import io.appkeys.core.domain.Email;
import io.appkeys.core.domain.Label;
import io.appkeys.core.domain.LicenseManager;
import io.appkeys.core.domain.PrincipalRef;
import io.appkeys.core.domain.Role;
import io.appkeys.core.domain.RoleName;
import io.appkeys.core.fixtures.AllUseCases;
import io.appkeys.core.port.in.NewAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console in a real chromium against the real server, as an operator uses it: sign in, create a key and
 * read its token once, link a role, renew and finish, deactivate, read the audit log, sign out; a key without
 * {@code ViewApiKeys} sees an error page; and with JavaScript off the console still reads. What a key can do is
 * checked where a gateway would check it, at {@code /api/authz/check}. The screenshots it leaves in
 * {@code appkeys.screenshots} are the ones docs/console.md shows ({@code -Dappkeys.screenshots=../docs/console}).
 */
class ConsoleBrowserTest {

    private static final String RESOURCE = "ViewApiKeys"; // granted by Owner (Admin Super)

    @TempDir
    static Path directory;

    private static Browser browser;
    private static TestServer server;
    private static AllUseCases appKeys;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Account account;
    private Caller master;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        server = new TestServer(TestDatabases.freshH2(directory));
        appKeys = new AllUseCases(server.appKeys());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void anAccountOfItsOwn_andNoSession() {
        String name = "c" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        account = appKeys.createAccount(new NewAccount(
                new AccountName(name), new Email("owner@" + name + ".example"), Optional.empty(), "test"));
        master = Caller.master(account, "test");
        browser.open(page("/admin/sign-in"));
        browser.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void noPageBrokeItsPolicyOrItsScripts() {
        assertClean(browser);
    }

    @Test
    void anOperator_takesAKeyThroughItsLife_andTheTokenIsShownOnce() throws Exception {
        Pair admin = keyWithRoles("console admin", LicenseManager.OWNER, LicenseManager.USER_ADMINISTRATOR);

        browser.open(page("/admin"));
        heading("Sign in");
        browser.screenshot("console-sign-in");
        signIn(browser, admin);
        heading("Keys");
        browser.screenshot("console-keys");

        click(By.linkText("Create a key"));
        heading("Create a key");
        browser.driver().findElement(By.id("label")).sendKeys("throwaway example key");
        click(By.xpath("//button[normalize-space()='Create the key']"));
        heading("Key created");
        String token = shownToken();
        String appKey = browser.driver()
                .findElement(By.xpath("//dt[.='App key']/following-sibling::dd[1]/code"))
                .getText();
        assertTrue(text().contains("it is shown this once and cannot be shown again"), this::text);
        assertTrue(browser.driver().findElement(By.cssSelector("button.copy")).isDisplayed(), "the copy button");
        browser.screenshot("console-key-created");
        assertEquals(403, check(appKey, token), "a new key authenticates, but may do nothing");

        click(By.partialLinkText("Go to the key"));
        heading("throwaway example key");
        assertTokenNotShown(token);
        new Select(browser.driver().findElement(By.id("role"))).selectByVisibleText(LicenseManager.OWNER.value());
        click(By.xpath("//button[normalize-space()='Link']"));
        browser.await(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button[aria-label='Unlink the role " + LicenseManager.OWNER.value() + "']")));
        assertTokenNotShown(token);
        browser.screenshot("console-key");
        assertEquals(200, check(appKey, token), "Owner grants " + RESOURCE);

        click(By.xpath("//button[normalize-space()='Renew the token']"));
        heading("Token renewed");
        String renewed = shownToken();
        assertNotEquals(token, renewed);
        assertEquals(200, check(appKey, token), "both tokens work during the renewal");
        assertEquals(200, check(appKey, renewed));
        click(By.partialLinkText("Go to the key"));
        heading("throwaway example key");
        assertTokenNotShown(token, renewed);
        click(By.xpath("//button[starts-with(normalize-space(), 'Finish the renewal')]"));
        browser.await(
                ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='Renew the token']")));
        assertEquals(401, check(appKey, token), "the old token, once the renewal is finished");
        assertEquals(200, check(appKey, renewed));

        click(By.xpath("//button[starts-with(normalize-space(), 'Deactivate')]"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//dt[.='State']/following-sibling::dd[1]"), "Inactive"));
        assertEquals(401, check(appKey, renewed), "a deactivated key");

        click(By.linkText("Keys"));
        heading("Keys");
        assertTrue(text().contains("throwaway example key"), this::text);
        assertTokenNotShown(token, renewed);

        click(By.linkText("Audit log"));
        heading("Audit log");
        List<String> actions = browser.driver().findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.getText().contains(appKey))
                .map(row -> row.findElements(By.tagName("td")).get(2).getText())
                .toList();
        assertEquals(
                List.of("key deactivated", "renewal finished", "token renewed", "role linked", "key created"),
                actions,
                "newest first");
        assertTokenNotShown(token, renewed);
        browser.screenshot("console-audit");

        click(By.xpath("//button[normalize-space()='Sign out']"));
        heading("Sign in");
        for (String path : List.of("/admin/keys", "/admin/keys/new", "/admin/audit")) {
            browser.open(page(path));
            heading("Sign in");
            assertEquals(
                    "/admin/sign-in",
                    URI.create(browser.driver().getCurrentUrl()).getPath(),
                    path);
        }
    }

    @Test
    void aKeyWithoutViewApiKeys_seesAnErrorPage_notTheKeys() {
        Pair bare = newKey("no roles at all");
        newKey("someone else's label");

        browser.open(page("/admin/sign-in"));
        signIn(browser, bare);

        heading("Not allowed");
        assertTrue(text().contains("may not"), this::text);
        assertFalse(text().contains("someone else's label"), this::text);
        assertTrue(browser.driver().findElements(By.cssSelector("table")).isEmpty(), "no list of keys");
        assertTrue(browser.driver().findElements(By.linkText("Keys")).isEmpty(), "Keys is not offered");
        browser.screenshot("console-not-allowed");
    }

    @Test
    void withoutJavaScript_theConsoleStillSignsInAndReads() throws IOException {
        Pair admin = keyWithRoles("console admin", LicenseManager.OWNER, LicenseManager.USER_ADMINISTRATOR);
        Pair listed = keyWithRoles("read without scripts", LicenseManager.OWNER);

        try (Browser plain = Browser.withoutJavaScript()) {
            plain.open(page("/admin"));
            plain.await(ExpectedConditions.textToBe(By.tagName("h1"), "Sign in"));
            signIn(plain, admin);
            plain.await(ExpectedConditions.textToBe(By.tagName("h1"), "Keys"));
            assertTrue(plain.driver().getPageSource().contains(listed.appKey()), "the key list");

            plain.driver().findElement(By.linkText("read without scripts")).click();
            plain.await(ExpectedConditions.textToBe(By.tagName("h1"), "read without scripts"));
            String body = plain.driver().findElement(By.tagName("body")).getText();
            assertTrue(body.contains(listed.appKey()), body);
            assertTrue(body.contains(LicenseManager.OWNER.value()), body);
            assertClean(plain);
        }
    }

    private static void signIn(Browser in, Pair key) {
        in.driver().findElement(By.id("appKey")).sendKeys(key.appKey());
        in.driver().findElement(By.id("appToken")).sendKeys(key.appToken());
        in.driver()
                .findElement(By.xpath("//button[normalize-space()='Sign in']"))
                .click();
    }

    private static void click(By what) {
        browser.await(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private static void heading(String text) {
        browser.await(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private static String shownToken() {
        WebElement field = browser.driver().findElement(By.id("token"));
        String token = field.getDomProperty("value");
        assertTrue(token.matches("[A-Z]{128}"), "a token of 128 letters");
        return token;
    }

    private String text() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private static void assertTokenNotShown(String... tokens) {
        String source = browser.driver().getPageSource();
        for (String token : tokens) {
            assertFalse(
                    source.contains(token),
                    () -> "a token on " + browser.driver().getCurrentUrl());
        }
    }

    /** No CSP violation and no script error in what the pages logged; refused answers (403) are expected. */
    private static void assertClean(Browser in) {
        List<String> problems = in.console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of"))
                .toList();
        assertEquals(List.of(), problems, "what the pages logged");
    }

    /** The status {@code /api/authz/check} gives the pair for {@link #RESOURCE}, as a gateway would ask. */
    private static int check(String appKey, String appToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/authz/check?resource=" + RESOURCE))
                .header("X-VTEX-API-AppKey", appKey)
                .header("X-VTEX-API-AppToken", appToken)
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Pair newKey(String label) {
        CreatedAppKey created = appKeys.createAppKey(master, new Label(label));
        return new Pair(created.key().appKey().value(), created.token().reveal());
    }

    private Pair keyWithRoles(String label, RoleName... names) {
        Pair key = newKey(label);
        Set<RoleName> wanted = Set.of(names);
        appKeys.linkRoles(
                master,
                PrincipalRef.parse(key.appKey()),
                appKeys.listRoles(master).stream()
                        .filter(role -> wanted.contains(role.name()))
                        .map(Role::id)
                        .collect(Collectors.toSet()));
        return key;
    }

    /** The page on 127.0.0.1, whatever name the server gives itself. */
    private static URI page(String path) {
        return URI.create("http://127.0.0.1:" + server.uri().getPort() + path);
    }

    private record Pair(String appKey, String appToken) {

        @Override
        public String toString() {
            return "Pair[" + appKey + "]";
        }
    }
}
