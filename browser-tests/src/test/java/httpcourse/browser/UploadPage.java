package httpcourse.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import httpcourse.spec.TemporaryFolders;

/**
 * Step 15's page: it uploads a file with {@code fetch()} (PUT), then reads it back (GET) and
 * compares the bytes, in the browser. The page must come from step 15's server, whose origin the
 * uploads go to: it is written into the htdocs of a working directory of the test's own (a copy of
 * the repository's htdocs), so the test never writes into the repository's htdocs, and sees on the
 * disk exactly what the server wrote.
 *
 * <p>The bytes are no text: every byte value 0..255 (NUL, CR, LF, and bytes that are no UTF-8),
 * then {@link #TEXT} in UTF-8. A server that read the body as text, or stopped at a CRLF, changes them.
 */
final class UploadPage {

    /** The page's URL path, and the file it uploads, in htdocs/uploads. */
    static final String PATH = "/upload.html";
    static final String NAME = "every-byte.bin";
    static final String TEXT = "Grüße, café, 世界, ✓, 🙂";
    static final String TITLE = "Upload";

    private UploadPage() {
    }

    /** What the page uploads first: every byte value 0..255, then {@link #TEXT} in UTF-8. */
    static byte[] everyByte() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) {
            bytes.write(i);
        }
        bytes.writeBytes(TEXT.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** What the page uploads in place of it: the same bytes, last first. */
    static byte[] reversed() {
        byte[] bytes = everyByte();
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A new working directory for step 15: a copy of the repository's htdocs, with the upload
     * page in it. No htdocs/uploads: the server makes it when it starts. Delete it with
     * {@link TemporaryFolders#delete} (or it goes when the JVM exits).
     */
    static Path workingDirectory() throws IOException {
        Path work = StepServer.copyOfHtdocs("browser-tests-step15-");
        Files.writeString(work.resolve("htdocs").resolve(PATH.substring(1)), HTML, StandardCharsets.UTF_8);
        return work;
    }

    /**
     * The result of one round trip, as the page gives it (a JavaScript object, as Selenium
     * returns it): the PUT's status and Location, the GET's status and Content-Type, and the
     * bytes sent and received, in hexadecimal.
     */
    record RoundTrip(long putStatus, String location, long getStatus, String contentType, String sent,
                     String received, boolean same) {

        static RoundTrip of(Object fromThePage) {
            Map<?, ?> result = (Map<?, ?>) fromThePage;
            if (result.get("error") != null) {
                throw new AssertionError("the page's upload failed: " + result.get("error"));
            }
            return new RoundTrip(((Number) result.get("putStatus")).longValue(), (String) result.get("location"),
                    ((Number) result.get("getStatus")).longValue(), (String) result.get("contentType"),
                    (String) result.get("sent"), (String) result.get("received"), (Boolean) result.get("same"));
        }
    }

    /** The script that runs the second round trip, in place of the first file, and returns its result. */
    static final String REPLACE = "const done = arguments[arguments.length - 1];"
            + "roundTrip(reversed(everyByte())).then(done, e => done({error: String(e)}));";

    // The first round trip runs when the page has loaded: its result shows in the page, and
    // data-done on <output> says it is there. Each GET asks the server, never the cache.
    private static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>%s</title>
            </head>
            <body>
            <h1>%s</h1>
            <p>This page uploads <code>/uploads/%s</code> with <code>fetch()</code>, reads it back, and compares.</p>
            <pre><output id="result">uploading ...</output></pre>
            <script>
            const url = '/uploads/%s';
            const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
            function everyByte() {
              const text = new TextEncoder().encode('%s');
              const bytes = new Uint8Array(256 + text.length);
              for (let i = 0; i < 256; i++) bytes[i] = i;
              bytes.set(text, 256);
              return bytes;
            }
            const reversed = bytes => bytes.slice().reverse();
            async function roundTrip(bytes) {
              const put = await fetch(url, {method: 'PUT', body: bytes,
                  headers: {'Content-Type': 'application/octet-stream'}});
              await put.arrayBuffer();
              const get = await fetch(url, {cache: 'no-store'});
              const received = new Uint8Array(await get.arrayBuffer());
              const same = received.length === bytes.length && received.every((b, i) => b === bytes[i]);
              const result = {putStatus: put.status, location: put.headers.get('Location'), getStatus: get.status,
                  contentType: get.headers.get('Content-Type'), sent: hex(bytes), received: hex(received), same};
              document.getElementById('result').textContent = 'PUT ' + put.status + ', GET ' + get.status + ': '
                  + received.length + ' bytes back, ' + (same ? 'the same' : 'NOT the same') + ' as the '
                  + bytes.length + ' sent';
              return result;
            }
            window.firstRoundTrip = roundTrip(everyByte()).catch(e => ({error: String(e)}))
                .then(result => { document.getElementById('result').dataset.done = 'true'; return result; });
            </script>
            </body>
            </html>
            """.formatted(TITLE, TITLE, NAME, NAME, TEXT);
}
