package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Reads one response from a connection that may carry more, as an HTTP/1.1 client does
 * (RFC 9112 §6.3): the head up to its empty line, then the body by its chunks or its Content-Length;
 * none after HEAD, nor for 1xx, 204 and 304; up to the close when there is neither. When the
 * response says "Connection: close", or the caller knows the connection ends with it, it reads
 * on to the close: bytes sent after the body show. The whole response must come within the
 * response timeout; bytes that belong to the next response stay for it ({@link #rest()}).
 */
final class ResponseReader {

    private final Socket socket;
    private final Duration timeout;
    private final Duration quiet; // null, or how long the wait for the close lasts after a byte (LeftOpen)
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private byte[] rest = new byte[0];

    /** @param start bytes already received on this connection, not yet read as a response */
    ResponseReader(Socket socket, byte[] start, Duration timeout) {
        this(socket, start, timeout, null);
    }

    /** @param quiet when the wait for the close ends once bytes came ({@link LeftOpen}); null: at the timeout only */
    ResponseReader(Socket socket, byte[] start, Duration timeout, Duration quiet) {
        this.socket = socket;
        this.timeout = timeout;
        this.quiet = quiet;
        received.writeBytes(start);
    }

    /**
     * Reads the answer to {@code request}: its method tells whether the answer has a body (not
     * for HEAD); the request and the answer tell whether the connection ends with it (RFC 9112
     * §9.3): it does when either says "close", or for HTTP/1.0, unless both say "keep-alive".
     *
     * @return KEPT_OPEN when the response was complete and the connection may carry more;
     *         CLOSED or RESET when the server ended it; NOT_CLOSED when the time was up first
     */
    Exchange.Ending read(String request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            int headEnd;
            while ((headEnd = headEnd(received.toByteArray())) < 0) {
                Exchange.Ending ending = readMore(deadline);
                if (ending != null) {
                    return ending;
                }
            }
            HttpResponse head = HttpResponse.parse(Arrays.copyOf(received.toByteArray(), headEnd));
            long length = bodyLength(head, request.split(" ", 2)[0]);
            if (length == UNTIL_CLOSE || !persists(request, head)) {
                return readToTheEnd(deadline);
            }
            if (length == CHUNKED) {
                while ((length = Codings.chunksEnd(received.toByteArray(), headEnd)) < 0) {
                    if (length == Codings.MALFORMED) {
                        return readToTheEnd(deadline); // no end to find: whatever comes is the answer
                    }
                    Exchange.Ending ending = readMore(deadline);
                    if (ending != null) {
                        return ending;
                    }
                }
                length -= headEnd;
            }
            while (received.size() < headEnd + length) {
                Exchange.Ending ending = readMore(deadline);
                if (ending != null) {
                    return ending;
                }
            }
            byte[] all = received.toByteArray();
            rest = Arrays.copyOfRange(all, (int) (headEnd + length), all.length);
            received.reset();
            received.write(all, 0, (int) (headEnd + length));
            return Exchange.Ending.KEPT_OPEN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response's bytes. */
    byte[] response() {
        return received.toByteArray();
    }

    /** Bytes received after the response: the start of the next one. */
    byte[] rest() {
        return rest;
    }

    /** Reads up to the close: whatever comes, after the body too, is part of the answer. */
    private Exchange.Ending readToTheEnd(long deadline) throws IOException {
        while (true) {
            Exchange.Ending ending = readMore(deadline, true);
            if (ending != null) {
                return ending;
            }
        }
    }

    /** Reads what comes; null when something came, otherwise how the connection ended. */
    private Exchange.Ending readMore(long deadline) throws IOException {
        return readMore(deadline, false);
    }

    /** {@code toTheClose}: only the close is awaited now, and {@link #quiet} may end the wait. */
    private Exchange.Ending readMore(long deadline, boolean toTheClose) throws IOException {
        long millisLeft = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (millisLeft <= 0) {
            return Exchange.Ending.NOT_CLOSED;
        }
        byte[] buffer = new byte[8192];
        try {
            socket.setSoTimeout((int) SocketReads.readTimeout(millisLeft, received.size(), toTheClose ? quiet : null));
            InputStream in = socket.getInputStream();
            int n = in.read(buffer);
            if (n == -1) {
                return Exchange.Ending.CLOSED;
            }
            received.write(buffer, 0, n);
            return null;
        } catch (SocketTimeoutException e) {
            return Exchange.Ending.NOT_CLOSED;
        } catch (SocketException e) {
            return Exchange.Ending.RESET;
        }
    }

    /** Where the body starts, after the head's empty line ({@link HttpResponse.HeadEnd}); -1 before. */
    static int headEnd(byte[] bytes) {
        HttpResponse.HeadEnd end = HttpResponse.HeadEnd.in(new String(bytes, StandardCharsets.ISO_8859_1));
        return end.found() ? end.body() : -1;
    }

    /** {@link #bodyLength}: the body ends with the connection. */
    static final long UNTIL_CLOSE = -1;
    /** {@link #bodyLength}: the body comes in chunks, and ends with the last one (RFC 9112 §7.1). */
    static final long CHUNKED = -2;

    /** The body's length (RFC 9112 §6.3); UNTIL_CLOSE or CHUNKED when no length is given. */
    static long bodyLength(HttpResponse head, String method) {
        String code = head.code();
        if (method.equals("HEAD") || code.startsWith("1") || code.equals("204") || code.equals("304")) {
            return 0;
        }
        if (Codings.isChunked(head)) {
            return CHUNKED; // Transfer-Encoding wins over Content-Length
        }
        String length = head.value("Content-Length");
        return length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : -1;
    }

    /** Whether the connection carries more after this answer to {@code request}. */
    static boolean persists(String request, HttpResponse answer) {
        if (Requests.asksToClose(request) || says(answer, "close")) {
            return false;
        }
        return Requests.isHttp11(request) || says(answer, "keep-alive");
    }

    /** Whether the answer's Connection field lists {@code option}. */
    static boolean says(HttpResponse answer, String option) {
        return answer.values("Connection").stream().anyMatch(value -> HttpResponse.hasOption(value, option));
    }
}
