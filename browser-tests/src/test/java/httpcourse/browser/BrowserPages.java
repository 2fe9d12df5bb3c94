package httpcourse.browser;

import static httpcourse.browser.Chromium.PAGE_LOAD_FAIL_SAFE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import httpcourse.spec.Pause;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What {@link BrowserTest}'s tests do with Chromium, apart from what each checks: load a page and
 * time it, click, wait, save a screenshot, read the navigation timing. The tests read top to
 * bottom; the how of each action is here.
 */
abstract class BrowserPages {

    static final Path SCREENSHOTS = StepServer.REPO.resolve("browser-tests/target/screenshots");
    // A fail-safe: step 12 stops within its grace period of 5 s, and at once with no answer under way.
    static final Duration STOP_FAIL_SAFE = Duration.ofSeconds(30);
    // Chromium asks for the icon after every site's first page: the wait ends at its answer, and a busy
    // core may delay that by seconds (the connection tests then count a second connection).
    static final Duration ICON_FAIL_SAFE = Duration.ofSeconds(30);
    // The text of a page Chromium shows for a 405, whatever else the server writes.
    static final String NOT_ALLOWED = "Method Not Allowed";

    static WebDriver driver;
    static final List<String> loadTimes = new ArrayList<>();

    static void indexIpsumAndBack(String step, UnaryOperator<String> url) throws IOException {
        indexIpsumAndBack(step, url, () -> { });
    }

    /** The same through a tap, once Chromium's own request for the site's icon has passed. */
    static void indexIpsumAndBack(String step, WireTap tap) throws IOException {
        indexIpsumAndBack(step, tap::url, () -> letTheIconRequestPass(tap));
    }

    static void indexIpsumAndBack(String step, UnaryOperator<String> url, Runnable afterTheIndex)
            throws IOException {
        load(step + "-index", () -> driver.get(url.apply("/")));
        assertIndexPage();
        afterTheIndex.run();
        load(step + "-ipsum", () -> clickAndWaitForTitle("Ipsum", "Ipsum!"));
        assertThat(heading()).as("the heading after clicking Ipsum").isEqualTo("Ipsum!");
        load(step + "-back", () -> {
            driver.navigate().back();
            new WebDriverWait(driver, PAGE_LOAD_FAIL_SAFE).until(ExpectedConditions.titleIs("Hello World!"));
        });
        assertIndexPage();
    }

    /**
     * After a site's first page, Chromium asks for /favicon.ico on its own, once (a 404 is
     * remembered). Waits until that request was answered (for a fail-safe time at most: a Chromium
     * that asks for no icon only costs the wait), so that the next page never finds the connection
     * busy with it and opens another: the connection tests count connections.
     */
    static void letTheIconRequestPass(WireTap tap) {
        waitFor(() -> tap.answered("GET /favicon.ico HTTP/1.1"), Boolean::booleanValue, ICON_FAIL_SAFE);
    }

    static void clickAndWaitForTitle(String link, String title) {
        driver.findElement(By.linkText(link)).click();
        // The click starts a navigation; wait for the new page, not just for the click.
        new WebDriverWait(driver, PAGE_LOAD_FAIL_SAFE).until(ExpectedConditions.titleIs(title));
    }

    /**
     * Adds a form to the page, as a site's search or login form, and submits it: Chromium POSTs
     * "answer=42" to {@code action}. Then waits until the page is another document.
     */
    static void submitAForm(String action) {
        script("window.beforeTheForm = true;"
                + "const form = document.createElement('form');"
                + "form.method = 'post'; form.action = arguments[0];"
                + "const field = document.createElement('input');"
                + "field.name = 'answer'; field.value = '42'; form.append(field);"
                + "document.body.append(form); form.submit();", action);
        new WebDriverWait(driver, PAGE_LOAD_FAIL_SAFE).ignoring(StaleElementReferenceException.class)
                .until(d -> script("return document.readyState === 'complete' && window.beforeTheForm === undefined"));
    }

    /** The page is the answer to an error: its status, as Chromium got it, and a text a visitor can read. */
    static void assertErrorPage(int status, String text) {
        assertThat(((Number) navigationEntry().get("responseStatus")).intValue())
                .as("the status Chromium got (the Performance API's responseStatus)").isEqualTo(status);
        assertThat(documentContentType()).as("the type Chromium took the page for").isEqualTo("text/plain");
        assertThat(bodyText()).as("the text Chromium shows").contains(text);
    }

    /**
     * Runs one navigation, prints how long it took, and saves a screenshot of the page it
     * led to. Two measures: the wall clock around the Selenium call (includes Selenium's own
     * round trips), and the browser's Navigation Timing, from the start of the navigation to
     * the last byte of the response and to the end of the page's load event.
     */
    static void load(String page, Runnable navigation) throws IOException {
        long start = System.nanoTime();
        navigation.run();
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        String line = String.format("%-16s %5d ms wall clock, %s", page, wallMillis, navigationTiming());
        loadTimes.add(line);
        System.out.println("[browser] " + line);
        screenshot(page);
    }

    /** Saves a screenshot of the page as it is now, as {@code target/screenshots/<page>.png}. */
    static void screenshot(String page) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(page + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The current document's Navigation Timing entry, in milliseconds since its navigation
     * started. A page that Back restores from the back/forward cache keeps its old entry (and
     * sends no request): a marker left in the page's JavaScript state tells those apart.
     */
    static String navigationTiming() {
        Object timing = script("const restored = window.seenByBrowserTests === true;"
                + "window.seenByBrowserTests = true;"
                + "const n = performance.getEntriesByType('navigation')[0];"
                + "return [restored, n ? n.responseStatus : -1, n ? n.responseEnd : -1, n ? n.loadEventEnd : -1];");
        List<?> values = (List<?>) timing;
        if (Boolean.TRUE.equals(values.get(0))) {
            return "restored from the back/forward cache (no request to the server)";
        }
        return String.format("status %s, navigation timing: response %.0f ms, load event %.0f ms", values.get(1),
                ((Number) values.get(2)).doubleValue(), ((Number) values.get(3)).doubleValue());
    }

    /** The current document's navigation entry of the Performance API, as a map. */
    static Map<?, ?> navigationEntry() {
        return (Map<?, ?>) script("return performance.getEntriesByType('navigation')[0].toJSON()");
    }

    /** Prints what the server received, to show what a browser sends besides the page requests. */
    static void report(StepServer server) {
        System.out.println("[browser] " + server.requestsSeen());
    }

    static void report(StepServer server, WireTap tap) {
        report(server);
        tap.connections().forEach(connection -> System.out.println("[browser]   " + connection));
    }

    /** Asks {@code value} again every 20 ms until it is {@code done}, for at most {@code failSafe}. */
    static <T> T waitFor(Supplier<T> value, Predicate<T> done, Duration failSafe) {
        long deadline = System.nanoTime() + failSafe.toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(20));
            current = value.get();
        }
        return current;
    }

    static void assertIndexPage() {
        assertThat(driver.getTitle()).as("the title of the index page").isEqualTo("Hello World!");
        assertThat(heading()).as("the heading of the index page").isEqualTo("Hello World!");
    }

    static String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The media type Chromium took the current document for (from Content-Type, or its own guess). */
    static String documentContentType() {
        return (String) script("return document.contentType");
    }

    static Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Runs a script that ends when it calls its last argument, and returns what it gave that call. */
    static Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    static String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }
}
