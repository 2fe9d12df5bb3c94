package httpcourse.browser;

import static httpcourse.browser.Chromium.PAGE_LOAD_FAIL_SAFE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every step in a real browser: headless Chromium (see {@link Chromium}). Each test starts its
 * step's server as a separate process (see {@link StepServer}), opens pages, clicks a link,
 * goes back, saves a screenshot of every page to
 * {@code browser-tests/target/screenshots/stepN-<page>.png}, and prints how long each page
 * took to load. The times are printed, never asserted: they depend on the machine.
 *
 * <p>Chromium runs without network prediction: it opens no connection in advance, so a step
 * that serves one connection at a time (steps 1 to 4) never waits for an unused one, and the
 * tests always behave the same. Step 5's test opens a silent connection on purpose.
 *
 * <p>Where Chromium is missing, the tests are skipped with a message (and fail instead when
 * the environment variable {@code CI} is {@code true}: CI must install it).
 * For example {@code ./mvnw test -Dbrowser.chromium=/nonexistent} shows the "skipped" path.
 */
@DisplayName("Every step in a real browser")
@TestMethodOrder(MethodOrderer.MethodName.class) // step1 first: the output reads in course order
class BrowserTest {

    static final Path SCREENSHOTS = StepServer.REPO.resolve("browser-tests/target/screenshots");
    // A fail-safe: step 9 stops within its grace period of 5 s, and at once with no answer under way.
    static final Duration STOP_FAIL_SAFE = Duration.ofSeconds(30);

    static Chromium chromium;
    static WebDriver driver;
    static final List<String> loadTimes = new ArrayList<>();

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = Chromium.start(false);
        driver = chromium.driver;
    }

    @AfterAll
    static void stopChromium() throws IOException {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
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

    @Test
    @DisplayName("Step 5 shows its pages while a silent connection stays open")
    void step5ServesBesideASilentConnection() throws Exception {
        try (StepServer server = StepServer.start("step5-many-clients");
             Socket silent = server.openSilentConnection()) {
            // Steps 1 to 4 would serve the silent connection first, and the page would wait for ever.
            indexIpsumAndBack("step5", server);
            report(server);
        }
    }

    @Test
    @DisplayName("Step 6 shows a PNG as a picture, and a .txt as text in UTF-8")
    void step6ShowsEachFileAsItsType() throws Exception {
        try (StepServer server = StepServer.start("step6-headers")) {
            indexIpsumAndBack("step6", server);
            // Step 5 sends no Content-Type: Chromium guesses, and reads the text in the wrong charset.
            load("step6-png", () -> driver.get(server.url("/logo.png")));
            assertThat(documentContentType()).as("the type Chromium took /logo.png for").isEqualTo("image/png");
            assertThat(script("return document.images.length === 1 ? document.images[0].naturalWidth : -1"))
                    .as("the width of the picture Chromium shows").isEqualTo(64L);
            load("step6-txt", () -> driver.get(server.url("/notes.txt")));
            assertThat(documentContentType()).as("the type Chromium took /notes.txt for").isEqualTo("text/plain");
            assertThat(bodyText()).as("the text Chromium shows, é, 世界 and ✓ included")
                    .isEqualTo(Files.readString(StepServer.REPO.resolve("htdocs/notes.txt"), StandardCharsets.UTF_8).strip());
            report(server);
        }
    }

    @Test
    @DisplayName("Step 7 redirects a folder to its index.html, and answers a reload with 304 Not Modified")
    void step7RedirectsAFolderAndRevalidates() throws Exception {
        try (StepServer server = StepServer.start("step7-urls")) {
            load("step7-folder", () -> driver.get(server.url("/guide")));
            assertThat(driver.getCurrentUrl()).as("where /guide led").isEqualTo(server.url("/guide/"));
            assertThat(heading()).as("the heading of guide/index.html").isEqualTo("Guide");
            // The page came with Last-Modified: on a reload, Chromium asks whether it changed.
            load("step7-reload", () -> driver.navigate().refresh());
            assertThat(heading()).as("the heading after the reload").isEqualTo("Guide");
            assertThat(server.printed()).as("what the server printed: the reload's request head")
                    .anyMatch(line -> line.startsWith("If-Modified-Since: "));
            load("step7-back-link", () -> {
                driver.findElement(By.linkText("Back to the start")).click();
                new WebDriverWait(driver, PAGE_LOAD_FAIL_SAFE).until(ExpectedConditions.titleIs("Hello World!"));
            });
            assertIndexPage();
            report(server);
        }
    }

    @Test
    @DisplayName("Step 8: Chromium loads every page over one connection")
    void step8LoadsEveryPageOverOneConnection() throws Exception {
        try (StepServer server = StepServer.start("step8-keep-alive")) {
            indexIpsumAndBack("step8", server);
            load("step8-folder", () -> driver.get(server.url("/guide/")));
            assertThat(heading()).as("the heading of guide/index.html").isEqualTo("Guide");
            load("step8-txt", () -> driver.get(server.url("/notes.txt")));
            // Step 8 logs each request after the client's address and port: one port, one connection.
            List<String> logged = server.printed().stream().filter(line -> line.matches("\\S+:\\d+ [A-Z]+ .*")).toList();
            assertThat(logged).as("the requests step 8 logged").hasSizeGreaterThanOrEqualTo(4);
            assertThat(logged.stream().map(line -> line.split(" ", 2)[0]).distinct().toList())
                    .as("the client addresses (and ports) of those requests: %s", logged).hasSize(1);
            report(server);
        }
    }

    @Test
    @DisplayName("Step 9 logs Chromium's requests in the Common Log Format, and stops on SIGTERM while Chromium keeps its connection")
    void step9StopsWhileChromiumKeepsItsConnection() throws Exception {
        try (StepServer server = StepServer.start("step9-graceful-stop")) {
            indexIpsumAndBack("step9", server);
            assertThat(server.printed()).as("what step 9 logged")
                    .anyMatch(line -> line.matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /ipsum\\.html HTTP/1\\.1\" 200 \\d+"));
            // Chromium keeps its connection open, idle, for the next page: the stop closes it, and exits.
            long start = System.nanoTime();
            Integer status = server.stop("TERM", STOP_FAIL_SAFE);
            System.out.printf("[browser] step9 stopped on SIGTERM in %d ms, exit status %s%n",
                    (System.nanoTime() - start) / 1_000_000, status);
            assertThat(status).as("the exit status after SIGTERM").isZero();
            assertThat(server.printed()).as("what step 9 printed last").last().isEqualTo("Stopped.");
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

    /** The media type Chromium took the current document for (from Content-Type, or its own guess). */
    private static String documentContentType() {
        return (String) script("return document.contentType");
    }

    private static Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    private static String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }
}
