package io.appkeys.adapter.http.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appkeys.adapter.http.TestServer;
import io.appkeys.adapter.persistence.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The browser fixture against the real server, before the console exists: chromium loads a page the server
 * serves, reads it, saves a screenshot of it and reads what the page logged. Needs chromium and chromedriver
 * ({@code apt-get install -y chromium chromium-driver}); skipped without them, unless
 * {@code APPKEYS_REQUIRE_CHROMIUM=1}.
 */
class BrowserSmokeTest {

    @TempDir
    static Path directory;

    private static Browser browser;
    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        server = new TestServer(TestDatabases.freshH2(directory));
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

    @Test
    void theHealthPage_readsUpInTheBrowser_andLeavesAScreenshot() throws IOException {
        browser.open(page("/health"));

        String text = browser.await(ExpectedConditions.presenceOfElementLocated(By.tagName("body")))
                .getText();
        Path screenshot = browser.screenshot("health");

        assertTrue(text.contains("\"status\":\"UP\""), text);
        assertTrue(Files.size(screenshot) > 0, screenshot::toString);
        assertEquals("PNG", new String(Files.readAllBytes(screenshot), 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void whatAPageLogs_canBeRead() {
        browser.open(page("/health"));

        ((JavascriptExecutor) browser.driver()).executeScript("console.error('appkeys smoke')");

        assertTrue(
                browser.console().stream()
                        .anyMatch(entry -> entry.getLevel().equals(Level.SEVERE)
                                && entry.getMessage().contains("appkeys smoke")),
                "the page's console.error");
    }

    /** The page on 127.0.0.1, whatever name the server gives itself. */
    private static URI page(String path) {
        return URI.create("http://127.0.0.1:" + server.uri().getPort() + path);
    }
}
