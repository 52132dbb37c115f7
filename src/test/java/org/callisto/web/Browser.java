package org.callisto.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven through Selenium, for tests that need a real browser.
 *
 * <p>Uses the Debian packages only ({@code apt-get install -y chromium chromium-driver}): the browser and driver paths
 * are given to Selenium, so Selenium Manager never runs and nothing is downloaded. When either is missing,
 * {@link #launch()} fails with a message saying what to install: browser tests are never skipped.
 *
 * <p>Each instance has its own fresh profile directory, removed by {@link #close()}. Host names other than the
 * loopback addresses resolve to nothing, so pages under test never reach the network and failed loads fail fast.
 *
 * <pre>{@code
 * try (Browser browser = Browser.launch()) {
 *     browser.open(uri);
 *     Object n = browser.script("return document.images.length");
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test thread per instance.
 */
public final class Browser implements AutoCloseable {
    /** The Debian Chromium binary; override with the system property {@code callisto.chromium}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("callisto.chromium", "/usr/bin/chromium"));
    /** The matching driver; override with the system property {@code callisto.chromedriver}. */
    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("callisto.chromedriver", "/usr/bin/chromedriver"));

    /** Held so that its level sticks: Debian's Chromium is often newer than the DevTools versions Selenium knows. */
    private static final Logger CDP_VERSION_LOGGER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOGGER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless browser, or fails with what to install when Chromium or its driver is missing. */
    public static Browser launch() {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        System.setProperty("SE_AVOID_STATS", "true"); // Selenium Manager is bypassed anyway; never report usage
        Path profile;
        try {
            profile = Files.createTempDirectory("callisto-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException("browser: cannot create a profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.DISMISS_AND_NOTIFY);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--mute-audio",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw new IllegalStateException("browser: cannot start " + CHROMIUM + " through " + CHROMEDRIVER, e);
        }
    }

    private static void requireExecutable(Path path, String debianPackage) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("browser: " + path + " not found; the browser tests need Debian's "
                    + "Chromium: apt-get install -y chromium chromium-driver (missing package: " + debianPackage
                    + ")");
        }
    }

    /** The Selenium driver, for anything this class does not wrap. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Loads {@code uri} and waits for its load event. */
    public void open(URI uri) {
        driver.get(uri.toString());
    }

    /**
     * Clicks an element that loads another page (a link, a form's button) and waits until that page has replaced
     * this one and finished loading, so what follows sees the new page however busy the machine is.
     */
    public void clickAndWait(org.openqa.selenium.WebElement element) {
        element.click();
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20));
        wait.until(d -> {
            try {
                element.isEnabled();
                return false; // still the old page
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true; // stale, or (a ChromeDriver variant) "node does not belong to the document"
            }
        });
        wait.until(d -> {
            try {
                return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
    }

    /** The URL of the page now shown. */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Runs {@code js} as the body of a function in the page and returns its result ({@code arguments} are given). */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Runs {@code js} as an asynchronous function body; it must call {@code arguments[arguments.length - 1]} with
     * the result.
     */
    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
