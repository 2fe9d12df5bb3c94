package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The uploads the upload checks ({@link UploadChecks}) send: PUT requests, framed by their
 * Content-Length or in chunks, under a new name each time, and bodies that hold every byte value,
 * so that a server that reads the body as text, or stops at a CR or LF, shows it.
 */
final class UploadRequests {

    private UploadRequests() {
    }

    /** A new name in /uploads/ for each check: a server that keeps a file from another check cannot pass. */
    static String newPath(String what) {
        return WebRoot.UPLOADS + what + "-" + HexFormat.of().formatHex(randomBytes(4)) + ".bin";
    }

    /** A PUT of {@code path}: {@code framing} is its header lines that frame the body, each with its CRLF. */
    static String put(String path, String framing, String body) {
        return "PUT " + path + " HTTP/1.1\r\nHost: localhost\r\n" + framing + "\r\n" + body;
    }

    static String putWithLength(String path, byte[] body) {
        return put(path, "Content-Length: " + body.length + "\r\n", latin1(body));
    }

    /** {@code size} bytes: every byte value (CR and LF among them), then random ones; never the same twice. */
    static byte[] content(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = 0; b < 256 && b < size; b++) {
            bytes.write(b);
        }
        bytes.writeBytes(randomBytes(Math.max(0, size - 256)));
        return bytes.toByteArray();
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The body as the ISO-8859-1 text RawConnection sends: one char per byte. */
    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The body in chunks of 64 KiB, each with its size in hex, then the last chunk. */
    static String chunks(byte[] body) {
        StringBuilder chunks = new StringBuilder();
        for (int from = 0; from < body.length; from += 64 * 1024) {
            int size = Math.min(64 * 1024, body.length - from);
            chunks.append(Integer.toHexString(size)).append("\r\n")
                    .append(latin1(Arrays.copyOfRange(body, from, from + size))).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }
}
