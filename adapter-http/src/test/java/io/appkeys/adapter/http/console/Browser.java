package io.appkeys.adapter.http.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's headless chromium, driven by Selenium through the machine's chromedriver: Debian's {@code chromium}
 * and {@code chromium-driver}, or the programs {@code APPKEYS_CHROMIUM} and {@code APPKEYS_CHROMEDRIVER} name. Both
 * are given by path, so Selenium Manager never runs and nothing is downloaded. Nothing is installed here: without
 * them a test skips, or fails when {@code APPKEYS_REQUIRE_CHROMIUM=1} (as in {@code .ci/run}, which installs them).
 */
final class Browser implements AutoCloseable {

    static final Duration PAGE_LOAD = Duration.ofSeconds(15);
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Each command to chromedriver, so that a browser that hangs fails the test instead of the build. */
    private static final Duration COMMAND = Duration.ofSeconds(30);

    private static final String INSTALL =
            "chromium and chromedriver are needed for this test: apt-get install -y chromium chromium-driver";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path scratch;
    private final Path screenshots;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path scratch) {
        this.service = service;
        this.driver = driver;
        this.scratch = scratch;
        this.screenshots = Path.of(System.getProperty("appkeys.screenshots", "target/screenshots"));
    }

    /** Starts chromium; without it or its driver, the calling test is skipped, or failed where they are required. */
    static Browser start() throws IOException {
        return start(true);
    }

    /** Starts chromium with JavaScript off, as a reader who blocks scripts has it. */
    static Browser withoutJavaScript() throws IOException {
        return start(false);
    }

    private static Browser start(boolean javascript) throws IOException {
        Path chromium = program("APPKEYS_CHROMIUM", "/usr/bin/chromium");
        Path chromedriver = program("APPKEYS_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path scratch = Files.createTempDirectory("appkeys-chromium-");
        ChromeDriverService service = service(chromedriver, scratch);
        try {
            ChromeDriver driver = new ChromeDriver(
                    service,
                    options(chromium, javascript),
                    ClientConfig.defaultConfig().readTimeout(COMMAND));
            driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).implicitlyWait(Duration.ZERO);
            return new Browser(service, driver, scratch);
        } catch (RuntimeException e) {
            service.stop();
            delete(scratch);
            throw e;
        }
    }

    /**
     * chromedriver, logging to target/chromedriver.log rather than to the build's output. The browser's profile,
     * crash-report settings and singleton socket go to a scratch directory that {@link #close()} deletes, not to the
     * user's home and /tmp.
     */
    private static ChromeDriverService service(Path chromedriver, Path scratch) throws IOException {
        Path log = Path.of("target", "chromedriver.log");
        Files.createDirectories(log.getParent());
        String directory = scratch.toString();
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .withEnvironment(Map.of("TMPDIR", directory, "XDG_CONFIG_HOME", directory, "XDG_CACHE_HOME", directory))
                .withLogFile(log.toFile())
                .build();
    }

    /**
     * Headless, with a fixed window so that screenshots compare, and with every address but loopback sent to a
     * proxy that is not there: the browser's own background traffic (updates, metrics) reaches nothing, and a
     * page can load nothing from outside 127.0.0.1.
     */
    private static ChromeOptions options(Path chromium, boolean javascript) {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--disable-background-networking",
                "--disable-component-update",
                "--proxy-server=http://127.0.0.1:9");
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return options;
    }

    private static Path program(String variable, String debianPath) {
        Path program = Path.of(System.getenv().getOrDefault(variable, debianPath));
        if (!Files.isExecutable(program)) {
            String missing = INSTALL + " (no program at " + program + "; " + variable + " may name another)";
            if ("1".equals(System.getenv("APPKEYS_REQUIRE_CHROMIUM"))) {
                fail(missing + " (APPKEYS_REQUIRE_CHROMIUM=1)");
            }
            Assumptions.abort(missing);
        }
        return program;
    }

    /** Loads a page of the server under test and waits until it has loaded, at most {@link #PAGE_LOAD}. */
    void open(URI page) {
        if (!LOOPBACK.contains(page.getHost())) {
            throw new IllegalArgumentException("browser tests stay on this machine: " + page);
        }
        driver.get(page.toString());
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits at most {@link #WAIT} until the condition gives something other than null or false, and gives that. */
    <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** What pages wrote to the browser's console since the last call, with the level of each line. */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Saves what the window shows as {@code name.png} in {@code appkeys.screenshots} (target/screenshots). */
    Path screenshot(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a screenshot's name is a file name: " + name);
        }
        try {
            Files.createDirectories(screenshots);
            return Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the browser and its driver, the driver even when the browser does not answer, and deletes the scratch. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(scratch);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the browser's scratch directory " + directory, e);
        }
    }
}
