package httpcourse.browser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import httpcourse.spec.TemporaryFolders;

/**
 * Step 16's page: an {@code <audio>} element whose file, a WAV of a few MB made here (PCM: a RIFF
 * header, then the samples; no network, no encoder), Chromium loads in ranges: it asks for
 * {@code Range: bytes=0-}, reads the header (preload="metadata": no more than that), and on a seek
 * near the end asks for a later range. The page notes the element's events in {@code window.mediaEvents}.
 * The page and the file are written into the htdocs of a working directory of the test's own.
 */
final class MediaPage {

    /** The page's URL path, and the file its audio element plays, next to it in htdocs. */
    static final String PATH = "/seek.html";
    static final String NAME = "tone.wav";
    static final String TITLE = "Seek";

    // 16-bit mono at 8000 Hz: 16 000 bytes a second; 600 s, 9.6 MB. Chromium reads a few MB ahead at
    // most, and keeps what it read in its cache: a seek into a small file (500 kB) finds its bytes
    // there, and only revalidates them (a range with If-None-Match: 304). Into a large one, it asks for them.
    static final int SAMPLE_RATE = 8000;
    static final int BYTES_PER_SAMPLE = 2;
    static final int SECONDS = 600;
    static final int HEADER_BYTES = 44;

    private MediaPage() {
    }

    /** The bytes of the WAV file: its 44-byte header (RIFF, "fmt ", "data"), then a quiet 440 Hz tone. */
    static byte[] wav() {
        int dataBytes = SAMPLE_RATE * BYTES_PER_SAMPLE * SECONDS;
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(HEADER_BYTES - 8 + dataBytes).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16) // the size of the format chunk for PCM
                .putShort((short) 1) // PCM
                .putShort((short) 1) // one channel
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * BYTES_PER_SAMPLE) // samples and bytes a second
                .putShort((short) BYTES_PER_SAMPLE).putShort((short) (8 * BYTES_PER_SAMPLE)); // per frame; bits
        wav.put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < SAMPLE_RATE * SECONDS; i++) {
            wav.putShort((short) (2000 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE)));
        }
        return wav.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A new working directory for step 16: htdocs with the page and the WAV file, nothing else.
     * Delete it with {@link TemporaryFolders#delete} (or it goes when the JVM exits).
     */
    static Path workingDirectory() throws IOException {
        Path work = TemporaryFolders.create("browser-tests-step16-");
        Path htdocs = Files.createDirectories(work.resolve("htdocs"));
        Files.writeString(htdocs.resolve(PATH.substring(1)), HTML, StandardCharsets.UTF_8);
        Files.write(htdocs.resolve(NAME), wav());
        return work;
    }

    /** The state of the audio element, as the page gives it (a JavaScript object, as Selenium returns it). */
    record Player(List<String> events, long readyState, double duration, double currentTime, boolean seeking,
                  String error) {

        static final String SCRIPT = "const p = document.getElementById('player');"
                + "return {events: window.mediaEvents, readyState: p.readyState, duration: p.duration,"
                + " currentTime: p.currentTime, seeking: p.seeking,"
                + " error: p.error ? p.error.code + ': ' + p.error.message : null};";

        static Player of(Object fromThePage) {
            Map<?, ?> state = (Map<?, ?>) fromThePage;
            List<String> events = ((List<?>) state.get("events")).stream().map(String::valueOf).toList();
            return new Player(events, ((Number) state.get("readyState")).longValue(),
                    number(state.get("duration")), number(state.get("currentTime")),
                    (Boolean) state.get("seeking"), (String) state.get("error"));
        }

        // NaN (a duration not known yet) comes as null: Selenium has no NaN.
        private static double number(Object value) {
            return value == null ? Double.NaN : ((Number) value).doubleValue();
        }

        /** Whether the element has seen {@code event}, or failed (then waiting longer is no use). */
        boolean sawOrFailed(String event) {
            return events.contains(event) || events.contains("error") || error != null;
        }
    }

    /** The audio element's state now. */
    static Player player() {
        return Player.of(BrowserPages.script(Player.SCRIPT));
    }

    /** Seeks to the second the first argument gives. */
    static final String SEEK = "document.getElementById('player').currentTime = arguments[0];";

    // Every event of the audio element shows in the page (for the screenshot), and in window.mediaEvents.
    private static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>%s</title>
            </head>
            <body>
            <h1>%s</h1>
            <p>A tone of %d s, <code>%s</code>: Chromium asks for its bytes in ranges, and one more range to seek.</p>
            <audio id="player" src="%s" preload="metadata" controls></audio>
            <pre><output id="events">loading ...</output></pre>
            <script>
            const player = document.getElementById('player');
            window.mediaEvents = [];
            for (const type of ['loadedmetadata', 'loadeddata', 'seeking', 'seeked', 'error']) {
              player.addEventListener(type, () => {
                mediaEvents.push(type);
                document.getElementById('events').textContent = mediaEvents.join(', ') + ': at '
                    + player.currentTime.toFixed(1) + ' s of ' + player.duration.toFixed(1) + ' s';
              });
            }
            </script>
            </body>
            </html>
            """.formatted(TITLE, TITLE, SECONDS, NAME, NAME);
}
