package httpcourse.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import httpcourse.spec.TemporaryFolders;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Every step in a real browser: headless Chromium (see {@link Chromium}, one for the whole run:
 * {@link SharedChromium}). Each test compiles and starts its step's server as a separate process
 * (see {@link StepServer}), opens pages, clicks links, goes back, saves a screenshot of every page
 * to {@code browser-tests/target/screenshots/stepN-<page>.png}, and prints how long each page
 * took to load. The times are printed, never asserted: they depend on the machine. From step 5 on,
 * each test checks its step's lesson as a browser shows it; where the lesson lies on the wire
 * (steps 9 to 12, and 14), Chromium talks to the server through a {@link WireTap}, which counts the
 * connections and keeps the bytes that went over them. Step 15's test serves a page of its own, which
 * uploads with {@code fetch()} (see {@link UploadPage}). Step 16's test, an audio file that Chromium
 * loads and seeks in byte ranges, is in {@link RangesBrowserTest}; step 17's, a page whose text,
 * script and style come gzip-compressed, in {@link CompressionBrowserTest}.
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
@ExtendWith(SharedChromium.class)
@TestMethodOrder(MethodOrderer.MethodName.class) // step01 first: the output reads in course order
class BrowserTest extends BrowserPages {

    @BeforeAll
    static void useTheSharedChromium(WebDriver sharedDriver) {
        driver = sharedDriver;
    }

    @AfterAll
    static void printLoadTimes() {
        if (!loadTimes.isEmpty()) {
            System.out.println("[browser] Load times (wall clock around the Selenium call; "
                    + "navigation timing as measured by Chromium):");
            loadTimes.forEach(line -> System.out.println("[browser]   " + line));
        }
    }

    @Test
    @DisplayName("Step 1 shows Hello World")
    void step01ShowsHelloWorld() throws Exception {
        try (StepServer server = StepServer.start("step1-hello")) {
            load("step1-hello", () -> driver.get(server.url("/")));
            assertThat(bodyText()).as("the page of step 1").isEqualTo("Hello World");
            report(server);
        }
    }

    @Test
    @DisplayName("Step 2 shows the index page whatever the path")
    void step02ShowsTheIndexPageWhateverThePath() throws Exception {
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
    void step03FollowsTheIpsumLinkAndBack() throws Exception {
        try (StepServer server = StepServer.start("step3-routing")) {
            indexIpsumAndBack("step3", server::url);
            report(server);
        }
    }

    @Test
    @DisplayName("Step 4 follows the Ipsum link and back, and shows File Not Found for /hello.html")
    void step04FollowsTheIpsumLinkAndShowsFileNotFound() throws Exception {
        try (StepServer server = StepServer.start("step4-404")) {
            indexIpsumAndBack("step4", server::url);
            load("step4-not-found", () -> driver.get(server.url("/hello.html")));
            assertThat(bodyText()).as("the answer to /hello.html").isEqualTo("File Not Found");
            report(server);
        }
    }

    @Test
    @DisplayName("Step 5 shows its pages while a silent connection stays open")
    void step05ServesBesideASilentConnection() throws Exception {
        try (StepServer server = StepServer.start("step5-many-clients");
             Socket silent = server.openSilentConnection()) {
            // Steps 1 to 4 would serve the silent connection first, and the page would wait for ever.
            indexIpsumAndBack("step5", server::url);
            report(server);
        }
    }

    @Test
    @DisplayName("Step 6 shows a PNG as a picture, and a .txt as text in UTF-8")
    void step06ShowsEachFileAsItsType() throws Exception {
        try (StepServer server = StepServer.start("step6-complete-answers")) {
            indexIpsumAndBack("step6", server::url);
            // Step 5 sends no Content-Type: Chromium guesses, and reads the text in the wrong charset.
            load("step6-png", () -> driver.get(server.url("/logo.png")));
            assertThat(documentContentType()).as("the type Chromium took /logo.png for").isEqualTo("image/png");
            assertThat(script("return document.images.length === 1 ? document.images[0].naturalWidth : -1"))
                    .as("the width of the picture Chromium shows").isEqualTo(64L);
            load("step6-txt", () -> driver.get(server.url("/notes.txt")));
            assertThat(documentContentType()).as("the type Chromium took /notes.txt for").isEqualTo("text/plain");
            assertThat(bodyText()).as("the text Chromium shows, é, Ω and ✓ included")
                    .isEqualTo(Files.readString(StepServer.REPO.resolve("htdocs/notes.txt"), StandardCharsets.UTF_8).strip());
            report(server);
        }
    }

    @Test
    @DisplayName("Step 7 answers a form's POST with a 405 page, and a missing page with a 404 page, both shown as text")
    void step07ShowsItsErrorPages() throws Exception {
        try (StepServer server = StepServer.start("step7-clear-no")) {
            load("step7-index", () -> driver.get(server.url("/")));
            // Step 6 would answer the POST with the index page, as if it were a GET.
            load("step7-post", () -> submitAForm("/"));
            assertErrorPage(405, NOT_ALLOWED);
            load("step7-not-found", () -> driver.get(server.url("/hello.html")));
            assertErrorPage(404, "Not Found");
            report(server);
        }
    }

    @Test
    @DisplayName("Step 8 redirects a folder to its index.html, whose relative link then works")
    void step08RedirectsAFolder() throws Exception {
        try (StepServer server = StepServer.start("step8-urls")) {
            // Step 7 would answer /guide with 404: a folder is no file.
            load("step8-folder", () -> driver.get(server.url("/guide")));
            assertThat(driver.getCurrentUrl()).as("where /guide led").isEqualTo(server.url("/guide/"));
            assertThat(heading()).as("the heading of guide/index.html").isEqualTo("Guide");
            // "../index.html" is relative to /guide/: it leads to the start only after the redirect.
            load("step8-back-link", () -> clickAndWaitForTitle("Back to the start", "Hello World!"));
            assertIndexPage();
            report(server);
        }
    }

    @Test
    @DisplayName("Step 9 answers Chromium's reload with 304 Not Modified")
    void step09AnswersAReloadWith304() throws Exception {
        try (StepServer server = StepServer.start("step9-caching"); WireTap tap = new WireTap(server)) {
            load("step9-index", () -> driver.get(tap.url("/")));
            // The page came with Last-Modified: on a reload, Chromium asks whether it changed. (It
            // sends an ETag back only when the answer was HTTP/1.1: step 10's test sees If-None-Match.)
            load("step9-reload", () -> driver.navigate().refresh());
            assertIndexPage();
            // Step 8 would answer the reload with the whole page again.
            assertThat(tap.exchanges()).as("the requests and answers through the tap").containsSubsequence(
                    "GET / HTTP/1.1 -> HTTP/1.0 200 OK", "GET / HTTP/1.1 -> HTTP/1.0 304 Not Modified");
            WireTap.Tapped reload = tap.connections().stream()
                    .filter(connection -> connection.statusLines().contains("HTTP/1.0 304 Not Modified")).findFirst().orElseThrow();
            assertThat(reload.sent()).as("the reload's request").containsIgnoringCase("\r\nIf-Modified-Since: ");
            // Chromium's own account, its Performance API: the body came from its cache
            // (deliveryType), after a trip to the server (a revalidation's transferSize is 300 by the spec).
            Map<?, ?> reloaded = navigationEntry();
            assertThat(reloaded.get("deliveryType")).as("where the reload's body came from, of %s", reloaded)
                    .isEqualTo("cache");
            assertThat(((Number) reloaded.get("transferSize")).longValue())
                    .as("the reload's bytes over the network (0: no request at all), of %s", reloaded).isPositive();
            System.out.printf("[browser] step9 reload, as Chromium's Performance API tells it: type %s, deliveryType %s,"
                    + " transferSize %s%n", reloaded.get("type"), reloaded.get("deliveryType"), reloaded.get("transferSize"));
            report(server);
        }
    }

    @Test
    @DisplayName("Step 10 serves Chromium every page over one connection, and revalidates with the ETag")
    void step10LoadsEveryPageOverOneConnection() throws Exception {
        try (StepServer server = StepServer.start("step10-keep-alive"); WireTap tap = new WireTap(server)) {
            indexIpsumAndBack("step10", tap);
            load("step10-folder", () -> driver.get(tap.url("/guide/")));
            assertThat(heading()).as("the heading of guide/index.html").isEqualTo("Guide");
            load("step10-txt", () -> driver.get(tap.url("/notes.txt")));
            // An answer in HTTP/1.1 with an ETag: Chromium revalidates with it on a reload.
            load("step10-reload", () -> driver.navigate().refresh());
            List<WireTap.Tapped> connections = tap.connections();
            // Step 9 closes the connection after each answer: one connection per page.
            assertThat(connections).as("the connections Chromium opened").hasSize(1);
            WireTap.Tapped connection = connections.getFirst();
            assertThat(connection.requestLines()).as("the requests on that connection").containsSubsequence(
                    "GET / HTTP/1.1", "GET /ipsum.html HTTP/1.1", "GET /guide/ HTTP/1.1", "GET /notes.txt HTTP/1.1",
                    "GET /notes.txt HTTP/1.1");
            assertThat(connection.sent()).as("the reload's request").containsPattern("(?i)\r\nIf-None-Match: \"[^\"]+\"\r\n");
            assertThat(connection.exchanges()).as("the requests and answers on that connection")
                    .contains("GET /notes.txt HTTP/1.1 -> HTTP/1.1 304 Not Modified");
            report(server, tap);
        }
    }

    @Test
    @DisplayName("Step 11 answers a form's POST with 405 and keeps the connection for the next page")
    void step11KeepsTheConnectionAfterAPost() throws Exception {
        try (StepServer server = StepServer.start("step11-request-bodies"); WireTap tap = new WireTap(server)) {
            load("step11-index", () -> driver.get(tap.url("/")));
            letTheIconRequestPass(tap);
            // Step 10 reads no body: it must close the connection after its answer, with the body unread.
            load("step11-post", () -> submitAForm("/"));
            assertErrorPage(405, NOT_ALLOWED);
            load("step11-ipsum", () -> driver.get(tap.url("/ipsum.html")));
            assertThat(heading()).as("the heading of ipsum.html").isEqualTo("Ipsum!");
            List<WireTap.Tapped> connections = tap.connections();
            assertThat(connections).as("the connections Chromium opened").hasSize(1);
            assertThat(connections.getFirst().requestLines()).as("the requests on that connection")
                    .containsSubsequence("GET / HTTP/1.1", "POST / HTTP/1.1", "GET /ipsum.html HTTP/1.1");
            assertThat(connections.getFirst().sent()).as("what Chromium sent: the form's body, after the POST's head")
                    .contains("\r\n\r\nanswer=42");
            report(server, tap);
        }
    }

    @Test
    @DisplayName("Step 12 prints Chromium's requests, and stops on SIGTERM while Chromium keeps its connection")
    void step12StopsWhileChromiumKeepsItsConnection() throws Exception {
        try (StepServer server = StepServer.start("step12-graceful-stop"); WireTap tap = new WireTap(server)) {
            indexIpsumAndBack("step12", tap);
            assertThat(server.requestLines()).as("the request lines step 12 printed").contains("GET /ipsum.html HTTP/1.1");
            // Chromium keeps its connection open, idle, for the next page: the stop closes it, and exits.
            assertThat(tap.open()).as("the connections open before the stop: %s", tap.connections()).isNotEmpty();
            long start = System.nanoTime();
            Integer status = server.stop("TERM", STOP_FAIL_SAFE);
            System.out.printf("[browser] step12 stopped on SIGTERM in %d ms, exit status %s%n",
                    (System.nanoTime() - start) / 1_000_000, status);
            assertThat(status).as("the exit status after SIGTERM").isZero();
            assertThat(server.printed()).as("what step 12 printed last").last().isEqualTo("Stopped.");
            assertThat(waitFor(tap::open, List::isEmpty, STOP_FAIL_SAFE)).as("the connections open after the stop").isEmpty();
            report(server, tap);
        }
    }

    @Test
    @DisplayName("Step 13 writes an access log line for each of Chromium's requests")
    void step13LogsEachRequest() throws Exception {
        try (StepServer server = StepServer.start("step13-unattended")) {
            indexIpsumAndBack("step13", server::url);
            load("step13-not-found", () -> driver.get(server.url("/hello.html")));
            long ipsumBytes = Files.size(StepServer.REPO.resolve("htdocs/ipsum.html"));
            assertThat(server.printed()).as("what step 13 logged")
                    .anyMatch(line -> line.matches(CLF_START + "\"GET / HTTP/1\\.1\" (200 \\d+|304 -)"))
                    .anyMatch(line -> line.matches(CLF_START + "\"GET /ipsum\\.html HTTP/1\\.1\" 200 " + ipsumBytes))
                    .anyMatch(line -> line.matches(CLF_START + "\"GET /hello\\.html HTTP/1\\.1\" 404 \\d+"));
            report(server);
        }
    }

    // The start of a line in the Common Log Format: 127.0.0.1 - - [04/Dec/2026:19:30:04 +0000]
    // A fail-safe: steps 14 to 16 write the log lines they gathered every second.
    static final Duration LOG_FAIL_SAFE = Duration.ofSeconds(30);
    static final String CLF_START = "127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] ";

    @Test
    @DisplayName("Step 14's Server-Timing shows in Chromium's Performance API")
    void step14ServerTimingShowsInTheBrowser() throws Exception {
        try (StepServer server = StepServer.start("step14-tuned"); WireTap tap = new WireTap(server)) {
            load("step14-index", () -> driver.get(tap.url("/")));
            assertIndexPage();
            // The page's answer, as it went over the wire: the duration Chromium should show.
            String answer = tap.connections().getFirst().received();
            Matcher header = Pattern.compile("(?i)\r\nServer-Timing: app;dur=([0-9.]+)\r\n").matcher(answer);
            assertThat(header.find()).as("an app duration in the page's answer:\n%s", answer).isTrue();
            double sentMillis = Double.parseDouble(header.group(1));
            Object serverTiming = script("return performance.getEntriesByType('navigation')[0].serverTiming"
                    + ".map(t => ({name: t.name, duration: t.duration, description: t.description}))");
            System.out.println("[browser] step14 Server-Timing, as Chromium's Performance API tells it: " + serverTiming);
            assertThat((List<?>) serverTiming).as("the navigation's serverTiming").singleElement()
                    .satisfies(entry -> {
                        Map<?, ?> timing = (Map<?, ?>) entry;
                        assertThat(timing.get("name")).as("its name").isEqualTo("app");
                        assertThat(((Number) timing.get("duration")).doubleValue()).as("its duration in ms")
                                .isCloseTo(sentMillis, offset(0.001));
                    });
            report(server, tap);
        }
    }

    @Test
    @DisplayName("Step 15 takes a page's fetch() upload, new then replaced, byte for byte, and serves it back")
    void step15TakesAnUploadFromAPage() throws Exception {
        Path work = UploadPage.workingDirectory(); // a copy of htdocs, with the upload page: see UploadPage
        try (StepServer server = StepServer.start("step15-uploads", work)) {
            indexIpsumAndBack("step15", server::url);
            // The page uploads on its own once loaded; it says when its round trip is done.
            AtomicReference<Object> first = new AtomicReference<>();
            load("step15-upload", () -> {
                driver.get(server.url(UploadPage.PATH));
                first.set(asyncScript("window.firstRoundTrip.then(arguments[arguments.length - 1])"));
            });
            assertThat(driver.getTitle()).as("the title of the upload page").isEqualTo(UploadPage.TITLE);
            Path file = work.resolve("htdocs/uploads").resolve(UploadPage.NAME);
            String url = "/uploads/" + UploadPage.NAME;
            // Step 14 answers a PUT with 405 Method Not Allowed, and the GET with 404.
            UploadPage.RoundTrip created = UploadPage.RoundTrip.of(first.get());
            assertThat(created.putStatus()).as("the status of the PUT of a new file").isEqualTo(201);
            assertThat(created.location()).as("its Location").isEqualTo(url);
            assertRoundTrip(created, UploadPage.everyByte(), file);
            UploadPage.RoundTrip replaced = UploadPage.RoundTrip.of(asyncScript(UploadPage.REPLACE));
            assertThat(replaced.putStatus()).as("the status of the PUT that replaces the file").isEqualTo(204);
            assertRoundTrip(replaced, UploadPage.reversed(), file);
            try (Stream<Path> uploads = Files.list(file.getParent())) {
                assertThat(uploads.map(path -> path.getFileName().toString()))
                        .as("htdocs/uploads after both uploads: no part file left").containsExactly(UploadPage.NAME);
            }
            // Steps 14 and 15 write their log lines every second, not at once: wait for the last one.
            String replacedLine = CLF_START + "\"PUT " + url + " HTTP/1\\.1\" 204 -";
            assertThat(waitFor(server::printed, lines -> lines.stream().anyMatch(line -> line.matches(replacedLine)),
                    LOG_FAIL_SAFE)).as("what step 15 logged")
                    .anyMatch(line -> line.matches(CLF_START + "\"PUT " + url + " HTTP/1\\.1\" 201 \\d+"))
                    .anyMatch(line -> line.matches(replacedLine));
            report(server);
        } finally {
            TemporaryFolders.delete(work);
        }
    }

    /** The page sent {@code expected}, got the same back, and the server's file holds them. */
    private static void assertRoundTrip(UploadPage.RoundTrip roundTrip, byte[] expected, Path file) throws IOException {
        String bytes = UploadPage.hex(expected);
        assertThat(roundTrip.sent()).as("what the page sent, in hexadecimal").isEqualTo(bytes);
        assertThat(roundTrip.getStatus()).as("the status of the GET after the PUT").isEqualTo(200);
        assertThat(roundTrip.contentType()).as("the Content-Type of the GET").isEqualTo("application/octet-stream");
        assertThat(roundTrip.received()).as("what the page got back, in hexadecimal").isEqualTo(bytes);
        assertThat(roundTrip.same()).as("the page's own comparison").isTrue();
        assertThat(UploadPage.hex(Files.readAllBytes(file))).as("the file on the server's disk, in hexadecimal")
                .isEqualTo(bytes);
    }
}
