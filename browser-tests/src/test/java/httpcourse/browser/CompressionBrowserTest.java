package httpcourse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import httpcourse.spec.TemporaryFolders;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Step 17 in a real browser, as {@link BrowserTest} runs the steps before it. A page of its own
 * ({@link CompressionPage}), some 150 kB of UTF-8 text with a script, a style sheet and a picture:
 * Chromium says it accepts gzip, and step 17 sends the three text files compressed, in chunks, and
 * the picture as it is. Chromium talks to the server through a {@link WireTap}: the test reads the
 * answers as they went over the wire, takes the chunks apart and unzips them into the files' bytes;
 * the page shows that Chromium did the same (its text, the script that ran, the style that applied).
 * A reload revalidates the page with its compressed answer's own tag, W/"...-gzip": 304.
 */
@DisplayName("Step 17 in a real browser")
@ExtendWith(SharedChromium.class)
class CompressionBrowserTest extends BrowserPages {

    static final List<String> TEXT_FILES = List.of(CompressionPage.PATH.substring(1), CompressionPage.SCRIPT,
            CompressionPage.STYLE);

    @BeforeAll
    static void useTheSharedChromium(WebDriver sharedDriver) {
        driver = sharedDriver;
    }

    @Test
    @DisplayName("Step 17 sends Chromium a page, its script and its style gzip-compressed, in chunks, and its picture as it is")
    void step17CompressesText() throws Exception {
        Path work = CompressionPage.workingDirectory(); // htdocs with the page and its files: see CompressionPage
        Path htdocs = work.resolve("htdocs");
        try (StepServer server = StepServer.start("step17-compression", work); WireTap tap = new WireTap(server)) {
            load("step17-compressed", () -> driver.get(tap.url(CompressionPage.PATH)));
            assertThat(driver.getTitle()).as("the title of the page").isEqualTo(CompressionPage.TITLE);
            // What Chromium made of the bytes: the whole text (its last paragraph too), the script, the style.
            Map<?, ?> shown = (Map<?, ?>) script("return {text: document.getElementById('text').textContent,"
                    + " script: window.compressedScript || null,"
                    + " color: getComputedStyle(document.querySelector('h1')).color,"
                    + " pictureWidth: document.getElementById('picture').naturalWidth}");
            String text = (String) shown.get("text");
            String expected = CompressionPage.text();
            assertThat(text.length()).as("the length of the text Chromium shows (UTF-16 units)").isEqualTo(expected.length());
            assertThat(text).as("the end of the text Chromium shows").endsWith("\n" + CompressionPage.END);
            assertThat(sha256(text.getBytes(StandardCharsets.UTF_8))).as("the SHA-256 of the text Chromium shows")
                    .isEqualTo(sha256(expected.getBytes(StandardCharsets.UTF_8)));
            assertThat(shown.get("script")).as("what the script set, when it ran: its last statement").isEqualTo(
                    Map.of("greeting", CompressionPage.GREETING, "paragraphs", (long) CompressionPage.PARAGRAPHS));
            assertThat(shown.get("color")).as("the heading's colour, by the style sheet's last rule")
                    .isEqualTo(CompressionPage.COLOR);
            assertThat(shown.get("pictureWidth")).as("the width of the picture Chromium shows")
                    .isEqualTo((long) CompressionPage.PICTURE_SIDE);

            // The same on the wire: each text file's answer is compressed, in chunks, and its bytes,
            // the chunks put together and unzipped, are the file's.
            List<Answer> answers = answers(tap);
            answers.forEach(answer -> System.out.println("[browser]   " + answer));
            for (String name : TEXT_FILES) {
                Path file = htdocs.resolve(name);
                Answer answer = first(answers, "GET /" + name + " ");
                assertThat(answer.requestHeader("Accept-Encoding")).as("the Accept-Encoding of Chromium's request for %s", name)
                        .containsPattern("(?i)\\bgzip\\b");
                assertThat(answer.statusLine()).as("the answer to %s", name).isEqualTo("HTTP/1.1 200 OK");
                assertThat(answer.header("Content-Encoding")).as("its Content-Encoding, of %s", answer.head()).isEqualTo("gzip");
                assertThat(answer.header("Transfer-Encoding")).as("its Transfer-Encoding").isEqualTo("chunked");
                assertThat(answer.header("Vary")).as("its Vary").isEqualTo("Accept-Encoding");
                assertThat(answer.header("Content-Length")).as("its Content-Length (the length comes at the end)").isNull();
                assertThat(answer.header("Accept-Ranges")).as("its Accept-Ranges (a range of what?)").isNull();
                assertThat(answer.header("ETag")).as("its ETag: the file's, weak, for the compressed bytes")
                        .isEqualTo(gzipTag(file));
                assertThat(answer.complete()).as("whether its last, empty chunk came").isTrue();
                byte[] unzipped = gunzip(answer.body());
                assertThat(unzipped.length).as("the length of its body, unzipped").isEqualTo(Files.size(file));
                assertThat(sha256(unzipped)).as("the SHA-256 of its body, unzipped").isEqualTo(sha256(Files.readAllBytes(file)));
            }
            Path picture = htdocs.resolve(CompressionPage.PICTURE);
            Answer png = first(answers, "GET /" + CompressionPage.PICTURE + " ");
            assertThat(png.statusLine()).as("the answer to the picture").isEqualTo("HTTP/1.1 200 OK");
            assertThat(png.header("Content-Encoding")).as("its Content-Encoding (a PNG is compressed already)").isNull();
            assertThat(png.header("Transfer-Encoding")).as("its Transfer-Encoding").isNull();
            assertThat(png.header("Content-Length")).as("its Content-Length").isEqualTo(String.valueOf(Files.size(picture)));
            assertThat(png.header("Vary")).as("its Vary (another client may get another answer)").isEqualTo("Accept-Encoding");
            assertThat(png.body()).as("its body: the file's bytes").isEqualTo(Files.readAllBytes(picture));

            // Chromium's own account, its Performance API: the page came as the compressed bytes on the
            // wire (encodedBodySize: without the chunks' lengths, a transfer coding), which it unzipped.
            Answer page = first(answers, "GET " + CompressionPage.PATH + " ");
            Map<?, ?> loaded = navigationEntry();
            long pageSize = Files.size(htdocs.resolve(TEXT_FILES.getFirst()));
            System.out.printf("[browser] step17 page, as Chromium's Performance API tells it: encodedBodySize %s,"
                    + " decodedBodySize %s, transferSize %s%n", loaded.get("encodedBodySize"),
                    loaded.get("decodedBodySize"), loaded.get("transferSize"));
            assertThat(((Number) loaded.get("decodedBodySize")).longValue()).as("the page's decodedBodySize, of %s", loaded)
                    .isEqualTo(pageSize);
            assertThat(((Number) loaded.get("encodedBodySize")).longValue()).as("the page's encodedBodySize, of %s", loaded)
                    .isEqualTo(page.body().length);

            // The access log counts the bytes sent: the compressed ones (it writes its lines every second).
            String logged = BrowserTest.CLF_START + "\"GET " + CompressionPage.PATH + " HTTP/1\\.1\" 200 " + page.body().length;
            assertThat(waitFor(server::printed, lines -> lines.stream().anyMatch(line -> line.matches(logged)),
                    BrowserTest.LOG_FAIL_SAFE)).as("what step 17 logged").anyMatch(line -> line.matches(logged));

            // A reload: Chromium asks whether the page changed, with the compressed answer's tag.
            load("step17-reload", () -> driver.navigate().refresh());
            String reloadedText = (String) script("return document.getElementById('text').textContent");
            assertThat(sha256(reloadedText.getBytes(StandardCharsets.UTF_8))).as("the SHA-256 of the text after the reload")
                    .isEqualTo(sha256(expected.getBytes(StandardCharsets.UTF_8)));
            List<Answer> pageAnswers = answers(tap).stream()
                    .filter(answer -> answer.request().startsWith("GET " + CompressionPage.PATH + " ")).toList();
            assertThat(pageAnswers).as("the requests for the page, of %s", tap.connections()).hasSize(2);
            Answer revalidated = pageAnswers.getLast();
            String tag = gzipTag(htdocs.resolve(TEXT_FILES.getFirst()));
            assertThat(revalidated.requestHeader("If-None-Match")).as("the If-None-Match of the reload's request")
                    .isEqualTo(tag);
            assertThat(revalidated.statusLine()).as("the answer to the reload").isEqualTo("HTTP/1.1 304 Not Modified");
            assertThat(revalidated.header("ETag")).as("its ETag").isEqualTo(tag);
            assertThat(revalidated.header("Vary")).as("its Vary").isEqualTo("Accept-Encoding");
            report(server, tap);
        } finally {
            TemporaryFolders.delete(work);
        }
    }

    /** The weak tag step 17 gives a file's compressed bytes: W/"SIZE-MTIME-gzip", both in hexadecimal, the time in ns. */
    static String gzipTag(Path file) throws IOException {
        return "W/\"" + Long.toHexString(Files.size(file)) + "-"
                + Long.toHexString(Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS)) + "-gzip\"";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip, or cut short", e);
        }
    }

    static Answer first(List<Answer> answers, String requestStart) {
        return answers.stream().filter(answer -> answer.request().startsWith(requestStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer to " + requestStart + "...: " + answers));
    }

    /**
     * A request's head, and its answer as it went over the wire: the answer's head, and its body,
     * its chunks put together if it came in chunks (their number in {@code chunks}), as it came otherwise.
     */
    record Answer(String request, String head, byte[] body, int chunks, boolean complete) {

        String statusLine() {
            return head.lines().findFirst().orElse("");
        }

        /** The value of a header of the answer, or null. */
        String header(String name) {
            return header(head, name);
        }

        String requestHeader(String name) {
            return header(request, name);
        }

        private static String header(String head, String name) {
            Matcher header = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \t]*(.*?)[ \t]*\r?$").matcher(head);
            return header.find() ? header.group(1) : null;
        }

        @Override
        public String toString() {
            return request.lines().findFirst().orElse("") + " -> " + statusLine() + ", " + body.length + " bytes"
                    + (chunks > 0 ? " in " + chunks + " chunks" : "") + ", Content-Encoding: " + header("Content-Encoding")
                    + (complete ? "" : " (not complete)");
        }
    }

    /**
     * The answers on every connection through the tap, in order, each with its request (Chromium's
     * GETs have no body: the requests are the heads it sent). An answer's body ends where its
     * Content-Length or its last, empty chunk says; one not complete yet is the connection's last.
     */
    static List<Answer> answers(WireTap tap) {
        List<Answer> answers = new ArrayList<>();
        for (WireTap.Tapped connection : tap.connections()) {
            String[] requests = connection.sent().split("(?<=\r\n\r\n)");
            byte[] received = connection.received().getBytes(StandardCharsets.ISO_8859_1);
            int at = 0;
            for (int i = 0; i < requests.length && at < received.length; i++) {
                int headEnd = indexOf(received, "\r\n\r\n", at);
                if (headEnd < 0) {
                    break;
                }
                String head = new String(received, at, headEnd + 4 - at, StandardCharsets.ISO_8859_1);
                at = headEnd + 4;
                String length = Answer.header(head, "Content-Length");
                boolean noBody = requests[i].startsWith("HEAD ") || head.matches("(?s)HTTP/1\\.[01] (304|204|1\\d\\d) .*");
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                int chunks = 0;
                boolean complete = true;
                if (noBody) {
                    // nothing follows the head
                } else if ("chunked".equalsIgnoreCase(Answer.header(head, "Transfer-Encoding"))) {
                    complete = false;
                    while (true) {
                        int lineEnd = indexOf(received, "\r\n", at);
                        if (lineEnd < 0) {
                            break;
                        }
                        String sizeLine = new String(received, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                        int size = Integer.parseInt(sizeLine.replaceFirst(";.*", "").strip(), 16);
                        at = lineEnd + 2;
                        if (size == 0) { // the last chunk: no trailer from step 17, an empty line
                            complete = indexOf(received, "\r\n", at) == at;
                            at += 2;
                            break;
                        }
                        if (at + size + 2 > received.length) {
                            break;
                        }
                        body.write(received, at, size);
                        chunks++;
                        at += size + 2; // the chunk's bytes, then CRLF
                    }
                } else if (length != null) {
                    int size = (int) Math.min(Long.parseLong(length), received.length - at);
                    body.write(received, at, size);
                    complete = size == Long.parseLong(length);
                    at += size;
                }
                answers.add(new Answer(requests[i], head, body.toByteArray(), chunks, complete));
                if (!complete) {
                    break;
                }
            }
        }
        return answers;
    }

    private static int indexOf(byte[] bytes, String ascii, int from) {
        byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
