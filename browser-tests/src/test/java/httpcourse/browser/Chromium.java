package httpcourse.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import httpcourse.spec.TemporaryFolders;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven through chromedriver by Selenium, with a new empty profile, ready
 * for the browser tests and the probe. Needs Debian's {@code chromium} and {@code chromium-driver}.
 *
 * <p>System properties (pass them to Maven with {@code -D}):
 * <ul>
 *   <li>{@code browser.chromium}: the Chromium binary, default {@code /usr/bin/chromium};</li>
 *   <li>{@code browser.chromedriver}: the chromedriver binary, default {@code /usr/bin/chromedriver}.</li>
 * </ul>
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    // Only a fail-safe against a page that never finishes loading: no test expects it to be reached.
    static final Duration PAGE_LOAD_FAIL_SAFE = Duration.ofSeconds(20);

    // selenium-chrome-driver comes without DevTools bindings, which these tests do not use:
    // silence the warning that says so for every new Chromium version. (A field, because
    // java.util.logging forgets the level of a logger that nobody references.)
    static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        // If Maven is stopped in the middle of a test, the JVM still ends the browser (each
        // server has a hook of its own): every process this JVM started is one of ours.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
    }

    final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts Chromium.
     *
     * @param networkPrediction whether Chromium may open connections in advance ("preconnect"),
     *                          in case the page needs them. The browser tests turn it off: steps
     *                          1 to 4 serve one connection at a time, and an unused connection
     *                          opened in advance would make their pages wait (step 5's lesson).
     */
    static Chromium start(boolean networkPrediction) throws IOException {
        requireInstalled();
        // A new, empty profile: no cache, cookies or history from an earlier run.
        Path profile = TemporaryFolders.create("browser-tests-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",                       // the sandbox does not work as root (CI, containers)
                "--disable-gpu",                      // no graphics card on a CI machine
                "--no-first-run",
                // Chromium talks to Google's servers in the background (updates, sync, field
                // trials). Without these, on a machine with no internet it keeps retrying.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1024,640",             // the size of the screenshots
                "--user-data-dir=" + profile);
        if (!networkPrediction) {
            // Settings > Privacy > "Preload pages": 2 means never, no connection opened in advance.
            options.setExperimentalOption("prefs", Map.of("net.network_prediction_options", 2));
        }
        // The driver's path, given explicitly: otherwise Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_FAIL_SAFE);
        return new Chromium(driver, profile);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit(); // closes Chromium, then stops chromedriver
        } finally {
            // Fail-safe: anything this JVM started that still runs (a Chromium that did not quit).
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            TemporaryFolders.delete(profile);
        }
    }

    /** Skips the tests where Chromium is missing; on CI, fails instead, since CI must install it. */
    static void requireInstalled() {
        List<String> missing = Stream.of(BINARY, DRIVER)
                .filter(path -> !Files.isExecutable(path))
                .map(Path::toString)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true, but the browser tests cannot run: missing " + missing
                    + ". CI must install them first (.ci/install-browser runs apt-get install -y chromium chromium-driver)");
        }
        String message = "Browser tests skipped: missing " + missing + ".\n"
                + "To run them: sudo apt-get install chromium chromium-driver, then ./mvnw test";
        // Printed as well: Maven's summary counts skipped tests but does not say why.
        System.out.println("\n*** " + message.replace("\n", "\n*** ") + "\n");
        Assumptions.abort(message);
    }
}
