package httpcourse.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every step in a real browser: headless Chromium, driven through chromedriver by Selenium.
 * Each test starts its step's server as a separate process (see {@link StepServer}), opens
 * pages, clicks a link, goes back, saves a screenshot of every page to
 * {@code browser-tests/target/screenshots/stepN-<page>.png}, and prints how long each page
 * took to load. The times are printed, never asserted: they depend on the machine.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} packages. Where they are
 * missing, the tests are skipped with a message (and fail instead when the environment
 * variable {@code CI} is {@code true}: CI must install them).
 *
 * <p>System properties (pass them to Maven with {@code -D}):
 * <ul>
 *   <li>{@code browser.chromium}: the Chromium binary, default {@code /usr/bin/chromium};</li>
 *   <li>{@code browser.chromedriver}: the chromedriver binary, default {@code /usr/bin/chromedriver}.</li>
 * </ul>
 * For example {@code ./mvnw test -Dbrowser.chromium=/nonexistent} shows the "skipped" path.
 */
@DisplayName("Every step in a real browser")
@TestMethodOrder(MethodOrderer.MethodName.class) // step1 first: the output reads in course order
class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = StepServer.REPO.resolve("browser-tests/target/screenshots");

    // Only a fail-safe against a page that never finishes loading: no test expects it to be reached.
    static final Duration PAGE_LOAD_FAIL_SAFE = Duration.ofSeconds(20);

    static WebDriver driver;
    static Path profile;
    static final List<String> loadTimes = new ArrayList<>();

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

    @BeforeAll
    static void startChromium() throws IOException {
        requireBrowser();
        // A new, empty profile: no cache, cookies or history from an earlier run.
        profile = Files.createTempDirectory("browser-tests-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
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
        // The driver's path, given explicitly: otherwise Selenium Manager would try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_FAIL_SAFE);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        try {
            if (driver != null) {
                driver.quit(); // closes Chromium, then stops chromedriver
            }
        } finally {
            // Fail-safe: anything this JVM started that still runs (a Chromium that did not quit).
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            deleteProfile();
            if (!loadTimes.isEmpty()) {
                System.out.println("[browser] Load times (wall clock around the Selenium call; "
                        + "navigation timing as measured by Chromium):");
                loadTimes.forEach(line -> System.out.println("[browser]   " + line));
            }
        }
    }

    @Test
    @DisplayName("Step 1 shows Hello World")
    void step1ShowsHelloWorld() throws Exception {
        try (StepServer server = StepServer.start("step1-hello")) {
            load("step1-hello", () -> driver.get(server.url("/")));
            assertThat(bodyText()).as("the page of step 1").isEqualTo("Hello World");
            report(server);
        }
    }

    @Test
    @DisplayName("Step 2 shows the index page whatever the path")
    void step2ShowsTheIndexPageWhateverThePath() throws Exception {
        try (StepServer server = StepServer.start("step2-index")) {
            load("step2-index", () -> driver.get(server.url("/")));
            assertIndexPage();
            load("step2-anything", () -> driver.get(server.url("/anything.html")));
            assertIndexPage();
            report(server);
        }
    }

    @Test
    @DisplayName("Step 3 shows the index page, follows the Ipsum link, and goes back")
    void step3FollowsTheIpsumLinkAndBack() throws Exception {
        try (StepServer server = StepServer.start("step3-routing")) {
            indexIpsumAndBack("step3", server);
            report(server);
        }
    }

    @Test
    @DisplayName("Step 4 shows the index page, follows the Ipsum link, and goes back")
    void step4FollowsTheIpsumLinkAndBack() throws Exception {
        try (StepServer server = StepServer.start("step4-404")) {
            indexIpsumAndBack("step4", server);
            report(server);
        }
    }

    @Test
    @DisplayName("Step 4 shows File Not Found for /hello.html")
    void step4ShowsFileNotFoundForAMissingPage() throws Exception {
        try (StepServer server = StepServer.start("step4-404")) {
            load("step4-not-found", () -> driver.get(server.url("/hello.html")));
            assertThat(bodyText()).as("the answer to /hello.html").isEqualTo("File Not Found");
            report(server);
        }
    }

    /** Index page, click "Ipsum", then the browser's Back button: what a visitor does. */
    private static void indexIpsumAndBack(String step, StepServer server) throws IOException {
        load(step + "-index", () -> driver.get(server.url("/")));
        assertIndexPage();
        load(step + "-ipsum", () -> {
            driver.findElement(By.linkText("Ipsum")).click();
            // The click starts a navigation; wait for the new page, not just for the click.
            new WebDriverWait(driver, PAGE_LOAD_FAIL_SAFE).until(ExpectedConditions.titleIs("Ipsum!"));
        });
        assertThat(heading()).as("the heading after clicking Ipsum").isEqualTo("Ipsum!");
        load(step + "-back", () -> {
            driver.navigate().back();
            new WebDriverWait(driver, PAGE_LOAD_FAIL_SAFE).until(ExpectedConditions.titleIs("Hello World!"));
        });
        assertIndexPage();
    }

    /**
     * Runs one navigation, prints how long it took, and saves a screenshot of the page it
     * led to. Two measures: the wall clock around the Selenium call (includes Selenium's own
     * round trips), and the browser's Navigation Timing, from the start of the navigation to
     * the last byte of the response and to the end of the page's load event.
     */
    private static void load(String page, Runnable navigation) throws IOException {
        long start = System.nanoTime();
        navigation.run();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        String line = String.format("%-16s %5d ms wall clock, %s", page, wallMillis, navigationTiming());
        loadTimes.add(line);
        System.out.println("[browser] " + line);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(page + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The current document's Navigation Timing entry, in milliseconds since its navigation
     * started. A page that Back restores from the back/forward cache keeps its old entry (and
     * sends no request): a marker left in the page's JavaScript state tells those apart.
     */
    private static String navigationTiming() {
        Object timing = ((JavascriptExecutor) driver).executeScript(
                "const restored = window.seenByBrowserTests === true;"
                        + "window.seenByBrowserTests = true;"
                        + "const n = performance.getEntriesByType('navigation')[0];"
                        + "return [restored, n ? n.responseEnd : -1, n ? n.loadEventEnd : -1];");
        List<?> values = (List<?>) timing;
        if (Boolean.TRUE.equals(values.get(0))) {
            return "restored from the back/forward cache (no request to the server)";
        }
        return String.format("navigation timing: response %.0f ms, load event %.0f ms",
                ((Number) values.get(1)).doubleValue(), ((Number) values.get(2)).doubleValue());
    }

    /** Prints what the server received, to show what a browser sends besides the page requests. */
    private static void report(StepServer server) {
        System.out.println("[browser] " + server.requestsSeen());
    }

    private static void assertIndexPage() {
        assertThat(driver.getTitle()).as("the title of the index page").isEqualTo("Hello World!");
        assertThat(heading()).as("the heading of the index page").isEqualTo("Hello World!");
    }

    private static String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private static String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Skips the tests where Chromium is missing; on CI, fails instead, since CI must install it. */
    private static void requireBrowser() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
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

    private static void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
