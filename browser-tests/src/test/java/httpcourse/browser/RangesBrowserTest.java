package httpcourse.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import httpcourse.spec.TemporaryFolders;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Step 16 in a real browser, as {@link BrowserTest} runs the steps before it (its own class: that
 * one is long enough). A page of its own ({@link MediaPage}) has an audio element: Chromium asks for
 * the file with {@code Range: bytes=0-}, and for a later range when the page seeks near the end.
 * Chromium talks to the server through a {@link WireTap}: the ranges asked for and the answers'
 * Content-Range are on the wire, where no page can see them.
 */
@DisplayName("Step 16 in a real browser")
@ExtendWith(SharedChromium.class)
class RangesBrowserTest extends BrowserPages {

    // Fail-safes for a busy machine: Chromium reads the header of a local file and seeks in well under a second.
    static final Duration MEDIA_FAIL_SAFE = Duration.ofSeconds(60);
    // Where the page seeks to: 2 s before the end, far beyond what preload="metadata" has read.
    static final double SEEK_TO = MediaPage.SECONDS - 2;

    @BeforeAll
    static void useTheSharedChromium(WebDriver sharedDriver) {
        driver = sharedDriver;
    }

    @Test
    @DisplayName("Step 16 serves an audio file in ranges: Chromium loads it from bytes=0-, then seeks near its end")
    void step16SeeksInAnAudioFile() throws Exception {
        Path work = MediaPage.workingDirectory(); // htdocs with the page and the WAV file: see MediaPage
        long length = Files.size(work.resolve("htdocs").resolve(MediaPage.NAME));
        String fileRequest = "GET /" + MediaPage.NAME + " HTTP/1.1";
        try (StepServer server = StepServer.start("step16-ranges", work); WireTap tap = new WireTap(server)) {
            load("step16-media", () -> driver.get(tap.url(MediaPage.PATH)));
            assertThat(driver.getTitle()).as("the title of the media page").isEqualTo(MediaPage.TITLE);
            MediaPage.Player loaded = waitFor(MediaPage::player, player -> player.sawOrFailed("loadedmetadata"),
                    MEDIA_FAIL_SAFE);
            assertThat(loaded.error()).as("the audio element's error, of %s", loaded).isNull();
            assertThat(loaded.events()).as("the audio element's events").contains("loadedmetadata");
            assertThat(loaded.duration()).as("the duration Chromium read in the WAV header")
                    .isCloseTo(MediaPage.SECONDS, offset(0.01));
            // Its first request: all of the file, as a range (Step 15 answers 200, without Content-Range).
            Exchange first = exchanges(tap).stream().filter(exchange -> exchange.request().startsWith(fileRequest))
                    .findFirst().orElseThrow(() -> new AssertionError("no request for the file: " + tap.exchanges()));
            assertThat(first.header("Range")).as("the Range of Chromium's first request: %s", first)
                    .isEqualTo("bytes=0-");
            assertThat(first.statusLine()).as("the answer to it").isEqualTo("HTTP/1.1 206 Partial Content");
            assertThat(first.header("Content-Range")).as("its Content-Range")
                    .isEqualTo("bytes 0-" + (length - 1) + "/" + length);

            script(MediaPage.SEEK, SEEK_TO);
            MediaPage.Player seeked = waitFor(MediaPage::player,
                    player -> player.sawOrFailed("seeked") && !player.seeking(), MEDIA_FAIL_SAFE);
            screenshot("step16-seeked");
            System.out.printf("[browser] step16: duration %.1f s, seeked to %.1f s; readyState %d; events %s%n",
                    seeked.duration(), seeked.currentTime(), seeked.readyState(), seeked.events());
            exchanges(tap).forEach(exchange -> System.out.println("[browser]   " + exchange));
            assertThat(seeked.error()).as("the audio element's error, of %s", seeked).isNull();
            assertThat(seeked.events()).as("the audio element's events").containsSubsequence("seeking", "seeked");
            assertThat(seeked.currentTime()).as("where the seek led").isCloseTo(SEEK_TO, offset(0.1));
            assertThat(seeked.readyState()).as("the readyState after the seek: the data there has come")
                    .isGreaterThanOrEqualTo(2); // HAVE_CURRENT_DATA
            // The seek's request: a range near the end, which Chromium had not read (a server without
            // ranges sends the file from its start again).
            long seekedByte = MediaPage.HEADER_BYTES
                    + (long) (SEEK_TO - 10) * MediaPage.SAMPLE_RATE * MediaPage.BYTES_PER_SAMPLE;
            List<Exchange> later = exchanges(tap).stream().filter(exchange -> exchange.request().startsWith(fileRequest))
                    .filter(exchange -> exchange.rangeStart() >= seekedByte).toList();
            assertThat(later).as("the requests for a range from byte %d on, of %s", seekedByte, tap.connections())
                    .isNotEmpty();
            for (Exchange exchange : later) {
                assertThat(exchange.statusLine()).as("the answer to %s (a 304: Chromium had those bytes in its cache,"
                        + " the file is too small)", exchange.header("Range"))
                        .isEqualTo("HTTP/1.1 206 Partial Content");
                assertThat(exchange.header("Content-Range")).as("its Content-Range")
                        .isEqualTo("bytes " + exchange.rangeStart() + "-" + exchange.lastByte(length) + "/" + length);
            }
            // The access log says 206 too, with the bytes of a seek's range (it writes its lines every second).
            String logged = BrowserTest.CLF_START + "\"" + fileRequest + "\" 206 (" + later.stream()
                    .map(exchange -> String.valueOf(exchange.lastByte(length) - exchange.rangeStart() + 1))
                    .collect(Collectors.joining("|")) + ")";
            assertThat(waitFor(server::printed, lines -> lines.stream().anyMatch(line -> line.matches(logged)),
                    BrowserTest.LOG_FAIL_SAFE)).as("what step 16 logged").anyMatch(line -> line.matches(logged));
            report(server);
            tap.connections().forEach(connection -> System.out.printf("[browser]   %,d bytes came on %s%n",
                    connection.received().length(), connection));
        } finally {
            TemporaryFolders.delete(work);
        }
    }

    /** A request's head and its answer's head ("" if none came), as they went over the wire. */
    record Exchange(String request, String answer) {

        String statusLine() {
            return answer.lines().findFirst().orElse("no answer");
        }

        /** The value of a header of the request or else of the answer, or null. */
        String header(String name) {
            Matcher header = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \t]*(.*?)[ \t]*\r?$")
                    .matcher(request + answer);
            return header.find() ? header.group(1) : null;
        }

        /** The first and last byte of "Range: bytes=first-last" (-1 for none). */
        long rangeStart() {
            return rangeBound(1);
        }

        long rangeEnd() {
            return rangeBound(2);
        }

        /** The last byte of the range in a file of {@code length} bytes: its end, or the file's. */
        long lastByte(long length) {
            return rangeEnd() < 0 ? length - 1 : Math.min(rangeEnd(), length - 1);
        }

        private long rangeBound(int group) {
            Matcher range = RANGE.matcher(String.valueOf(header("Range")));
            return range.matches() && !range.group(group).isEmpty() ? Long.parseLong(range.group(group)) : -1;
        }

        private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

        @Override
        public String toString() {
            return request.lines().findFirst().orElse("") + " (Range: " + header("Range") + ") -> " + statusLine()
                    + " (Content-Range: " + header("Content-Range") + ")";
        }
    }

    /**
     * The exchanges of every connection through the tap. A GET has no body: the requests are the
     * heads Chromium sent; an answer's head starts with its status line (its body is WAV samples,
     * which hold no such line).
     */
    static List<Exchange> exchanges(WireTap tap) {
        return tap.connections().stream().flatMap(connection -> {
            List<String> requests = List.of(connection.sent().split("(?<=\r\n\r\n)"));
            List<String> answers = ANSWER_HEAD.matcher(connection.received()).results().map(MatchResult::group).toList();
            return IntStream.range(0, requests.size()).mapToObj(i -> new Exchange(requests.get(i),
                    i < answers.size() ? answers.get(i) : ""));
        }).toList();
    }

    private static final Pattern ANSWER_HEAD = Pattern.compile("HTTP/1\\.1 \\d{3} [^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n");
}
