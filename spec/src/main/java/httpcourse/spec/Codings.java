package httpcourse.spec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The codings of step 17's answers, read as a client reads them: the chunked transfer coding
 * (RFC 9112 §7.1), which frames a body whose length the server did not know when it started,
 * and the gzip content coding (RFC 9110 §8.4.1.3, RFC 1952), which compresses it. Every reading
 * says what is wrong where it fails, for the hint.
 */
public final class Codings {

    /** {@link #chunksEnd}: the chunks cannot be read, and have no end to find. */
    static final long MALFORMED = -2;

    // A chunk's size in hex, maybe extensions (";name=value"), then CRLF (or a bare LF, read leniently).
    private static final Pattern SIZE_LINE = Pattern.compile("([0-9A-Fa-f]{1,15})[ \\t]*(;[^\\r\\n]*)?\\r?\\n");

    private Codings() {
    }

    /** What a client makes of a body: the bytes it reads, or what stops it, and where. */
    public record Decoded(byte[] bytes, String problem) {
        boolean ok() {
            return problem == null;
        }

        static Decoded failed(String problem) {
            return new Decoded(null, problem);
        }
    }

    /** Whether the response's body is chunked: chunked is its last transfer coding (RFC 9112 §6.3). */
    static boolean isChunked(HttpResponse response) {
        List<String> codings = response.values("Transfer-Encoding");
        return !codings.isEmpty() && codings.getLast().strip().toLowerCase(Locale.ROOT).matches("(.*,)?[ \\t]*chunked");
    }

    /** Whether the response says Content-Encoding: gzip (or x-gzip, its old name). */
    static boolean isGzip(HttpResponse response) {
        String coding = response.value("Content-Encoding");
        return coding != null && (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip"));
    }

    /** Whether bytes start as every gzip stream does: 1f 8b. */
    static boolean startsAsGzip(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    /** Whether the response's body, its chunks joined when chunked, starts as gzip does: it is compressed. */
    static boolean looksGzipped(HttpResponse response) {
        return startsAsGzip(isChunked(response) ? dechunk(response.body()).bytes() : response.body());
    }

    /**
     * Where chunks that start at {@code start} end, after the last chunk and its trailer; -1 while
     * they have not all come, MALFORMED when they cannot be read.
     */
    static long chunksEnd(byte[] bytes, int start) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = start;
        while (true) {
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                return text.length() - at > 64 ? MALFORMED : -1;
            }
            Matcher size = SIZE_LINE.matcher(text.substring(at, lineEnd + 1));
            if (!size.matches()) {
                return MALFORMED;
            }
            long length = Long.parseLong(size.group(1), 16);
            at = lineEnd + 1;
            if (length == 0) {
                return trailerEnd(text, at);
            }
            if (text.length() < at + length + 2) {
                return -1;
            }
            at += (int) length;
            at += text.startsWith("\r\n", at) ? 2 : text.startsWith("\n", at) ? 1 : 0;
            if (at == lineEnd + 1 + length) {
                return MALFORMED; // no line end after the chunk's bytes: its size is wrong
            }
        }
    }

    /** After the last chunk: trailer lines up to an empty one. */
    private static long trailerEnd(String text, int at) {
        while (true) {
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                return -1;
            }
            if (text.substring(at, lineEnd).replace("\r", "").isEmpty()) {
                return lineEnd + 1;
            }
            at = lineEnd + 1;
        }
    }

    /** The body as a client reads it: its chunks joined, when chunked; then gunzipped, when gzip. */
    public static Decoded decode(HttpResponse response) {
        Decoded framed = isChunked(response) ? dechunk(response.body()) : new Decoded(response.body(), null);
        return framed.ok() && isGzip(response) ? gunzip(framed.bytes()) : framed;
    }

    /** The chunks' bytes, joined; or what is wrong with the chunks. */
    public static Decoded dechunk(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int at = 0;
        for (int chunk = 1; ; chunk++) {
            int lineEnd = text.indexOf('\n', at);
            String line = lineEnd < 0 ? text.substring(at) : text.substring(at, lineEnd + 1);
            Matcher size = SIZE_LINE.matcher(line);
            if (!size.matches()) {
                return Decoded.failed(at >= text.length()
                        ? "the body ends after " + (chunk - 1) + " chunk(s), without the last chunk, \"0\\r\\n\\r\\n\""
                        : "chunk " + chunk + " (at byte " + at + " of the body) starts with "
                                + visible(line.substring(0, Math.min(line.length(), 20))) + ", not its size"
                                + " in hex followed by \\r\\n");
            }
            long length = Long.parseLong(size.group(1), 16);
            at = lineEnd + 1;
            if (length == 0) {
                return trailerEnd(text, at) == text.length() ? new Decoded(joined.toByteArray(), null)
                        : Decoded.failed("after the last chunk (0), the body does not end with an empty line, \\r\\n");
            }
            if (text.length() < at + length) {
                return Decoded.failed("chunk " + chunk + " says " + length + " bytes (hex " + size.group(1)
                        + "), but only " + (text.length() - at) + " came");
            }
            joined.write(body, at, (int) length);
            at += (int) length;
            if (!text.startsWith("\r\n", at)) {
                return Decoded.failed("chunk " + chunk + " says " + length + " bytes (hex " + size.group(1)
                        + "), and \\r\\n does not follow them: its size is not its length");
            }
            at += 2;
        }
    }

    /** The bytes gzip compressed; or what is wrong with them. */
    public static Decoded gunzip(byte[] compressed) {
        if (compressed.length >= 2 && (compressed[0] & 0xFF) == 0x78) {
            return Decoded.failed("the body starts with " + HexFormat.of().formatHex(compressed, 0, 2) + ", a zlib"
                    + " stream (Deflater's, or DeflaterOutputStream's), which is Content-Encoding: deflate; gzip"
                    + " starts with 1f 8b (GZIPOutputStream)");
        }
        if (!startsAsGzip(compressed)) {
            return Decoded.failed("the body does not start with 1f 8b, as every gzip stream does: it starts with "
                    + visible(new String(Arrays.copyOf(compressed, Math.min(compressed.length, 16)),
                    StandardCharsets.ISO_8859_1)));
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new Decoded(in.readAllBytes(), null);
        } catch (EOFException cut) {
            return Decoded.failed("the gzip stream stops before its end: its last block and its 8-byte trailer"
                    + " (CRC-32 and length) are missing. GZIPOutputStream writes them in finish() or close(), before"
                    + " the last chunk");
        } catch (ZipException corrupt) {
            return Decoded.failed("the gzip stream is corrupt (" + corrupt.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text with CR, LF and other control bytes visible, in quotes: "2a\\r\\n". */
    private static String visible(String text) {
        StringBuilder shown = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            shown.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c < 0x20 || c >= 0x7F ? String.format("\\x%02X", (int) c)
                    : String.valueOf(c));
        }
        return shown.append('"').toString();
    }
}
