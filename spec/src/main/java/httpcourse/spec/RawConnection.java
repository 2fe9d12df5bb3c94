package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection the spec keeps open across several writes and reads, as slow, silent and
 * hostile clients do: half a request now and the rest later, a byte per second, or a head
 * that never ends. Raw bytes both ways, like {@link RawHttpClient}.
 */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final Duration responseTimeout;
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final long opened = System.nanoTime();
    // Bytes received after the response readResponse returned: the start of the next one.
    private byte[] pending = new byte[0];
    // The last response readResponse returned.
    private byte[] lastResponse = new byte[0];
    // What the server sent while dripUntilClosed dripped: an answer to a head that never came whole.
    private final ByteArrayOutputStream dripped = new ByteArrayOutputStream();

    RawConnection(Socket socket, Duration responseTimeout) {
        this.socket = socket;
        this.responseTimeout = responseTimeout;
        try {
            socket.setTcpNoDelay(true); // each write leaves at once, as its own segment
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the system's receive buffer of this connection to about {@code bytes} (Linux doubles it),
     * instead of letting it grow with the traffic: a small one keeps what the client has not read with
     * the server; a large one lets the client read at full speed.
     */
    public void setReceiveBuffer(int bytes) {
        try {
            socket.setReceiveBufferSize(bytes);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends these bytes (ISO-8859-1 text: one char per byte) and keeps the connection open. */
    public RawConnection send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            sent.write(bytes);
            return this;
        } catch (IOException e) {
            throw new CutWhileSending("the server closed the connection while the client was still sending ("
                    + e.getMessage() + "). Sent so far:\n" + VisibleBytes.render(sent.toByteArray()), e);
        }
    }

    /** The server closed the connection before the client had sent what it meant to. */
    static final class CutWhileSending extends RuntimeException {
        CutWhileSending(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Sends these bytes, as {@link #send} does; false when the server has closed the connection. */
    public boolean trySend(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            socket.getOutputStream().write(bytes);
            sent.write(bytes);
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    /**
     * Reads until the server closes the connection (or the response timeout): the whole answer.
     * Then closes this side too, as a client does once the server has closed its own.
     */
    public Exchange readUntilClosed() {
        return readUntilClosed(responseTimeout);
    }

    /** The same, waiting up to {@code failSafe} rather than the response timeout. */
    public Exchange readUntilClosed(Duration failSafe) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.writeBytes(pending);
        pending = new byte[0];
        Exchange.Ending ending = SocketReads.untilClosed(socket, received, failSafe);
        if (ending == Exchange.Ending.CLOSED) {
            close();
        }
        return new Exchange(sent.toByteArray(), received.toByteArray(), ending,
                Duration.ofNanos(System.nanoTime() - opened));
    }

    /**
     * Reads the answer to {@code request} as an HTTP/1.1 client does ({@link ResponseReader}): its
     * head, then its body by its Content-Length; on to the close when the connection ends with it.
     * What comes after it is kept for the next call: the answer to the next request.
     *
     * @return what was sent on this connection so far, and this response
     */
    public Exchange readResponse(String request) {
        ResponseReader reader = new ResponseReader(socket, pending, responseTimeout);
        Exchange.Ending ending = reader.read(request);
        pending = reader.rest();
        lastResponse = reader.response();
        return new Exchange(sent.toByteArray(), reader.response(), ending, Duration.ofNanos(System.nanoTime() - opened));
    }

    /** Sends a request and reads its answer: {@link #send}, then {@link #readResponse}. */
    public Exchange exchange(String request) {
        send(request);
        return readResponse(request);
    }

    /**
     * Reads what has come, into {@code buffer}, waiting up to the response timeout for something:
     * the count, or -1 at the end of the connection.
     *
     * @throws SocketTimeoutException when nothing came in time
     * @throws IOException            when the connection was reset
     */
    int readSome(byte[] buffer) throws IOException {
        if (pending.length > 0) {
            int count = Math.min(buffer.length, pending.length);
            System.arraycopy(pending, 0, buffer, 0, count);
            pending = Arrays.copyOfRange(pending, count, pending.length);
            return count;
        }
        socket.setSoTimeout((int) responseTimeout.toMillis());
        return socket.getInputStream().read(buffer);
    }

    /**
     * Waits up to {@code wait} for bytes, without blocking longer: true when some came (or the
     * connection ended), false when the server sent nothing.
     */
    public boolean sendsSomethingWithin(Duration wait) {
        if (pending.length > 0) {
            return true;
        }
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            int b = socket.getInputStream().read();
            if (b != -1) {
                pending = new byte[] {(byte) b};
            }
            return true;
        } catch (SocketTimeoutException nothing) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Sends {@code prefix}, then {@code filler} over and over, up to {@code limit} bytes in all,
     * as long as the server takes them. Returns how many bytes went out before the server closed
     * the connection: {@code limit} when it never did. A write that stays blocked longer than
     * {@code failSafe} (a server that stopped reading without closing) ends the sending too, as
     * does a sending that lasts ten times as long: a slow server is not cut off while it reads.
     */
    public long sendWithoutEnd(String prefix, byte filler, long limit, Duration failSafe) {
        return sendWithoutEnd(prefix, new byte[] {filler}, limit, failSafe);
    }

    /** The same, with a pattern repeated over and over: "X: y\r\n", lines without end. */
    public long sendWithoutEnd(String prefix, byte[] pattern, long limit, Duration failSafe) {
        byte[] chunk = new byte[64 * 1024 / pattern.length * pattern.length];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = pattern[i % pattern.length];
        }
        long written = 0;
        AtomicLong lastWrite = new AtomicLong(System.nanoTime());
        Thread watchdog = closeWhenStuck(lastWrite, failSafe, failSafe.multipliedBy(10));
        try {
            OutputStream out = socket.getOutputStream();
            byte[] start = prefix.getBytes(StandardCharsets.ISO_8859_1);
            out.write(start);
            written += start.length;
            sent.write(start);
            while (written < limit) {
                int length = (int) Math.min(chunk.length, limit - written);
                out.write(chunk, 0, length);
                written += length;
                lastWrite.set(System.nanoTime());
            }
            return written;
        } catch (IOException closedByServer) {
            return written;
        } finally {
            watchdog.interrupt();
        }
    }

    /**
     * Sends {@code text} one byte at a time, a byte per {@code pause}, until the server closes
     * the connection or {@code failSafe} has passed. Returns how long the server let it go on,
     * or null when it was still open at the end; what the server sent meanwhile, {@link #dripped()}.
     */
    public Duration dripUntilClosed(String text, Duration pause, Duration failSafe) {
        long deadline = System.nanoTime() + failSafe.toNanos();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            socket.setSoTimeout((int) pause.toMillis()); // the wait for the server's close is the pause
            for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % bytes.length) {
                out.write(bytes[i]);
                sent.write(bytes[i]);
                try {
                    int answered = in.read();
                    if (answered == -1) {
                        return since(opened);
                    }
                    dripped.write(answered);
                    in.transferTo(dripped); // the answer's rest, before another byte sent makes a reset
                    return since(opened);
                } catch (SocketTimeoutException stillOpen) {
                    // the pause is over: the next byte
                }
            }
            return null;
        } catch (IOException closedByServer) {
            return since(opened); // reset, or the write failed: closed either way
        }
    }

    /** What the server sent while {@link #dripUntilClosed} dripped. */
    public byte[] dripped() {
        return dripped.toByteArray();
    }

    /**
     * Reads the first {@code count} bytes of the answer, or fewer if the server closes the
     * connection or the response timeout passes first; never the rest.
     */
    public byte[] readFirst(int count) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.writeBytes(pending); // a byte that sendsSomethingWithin took
        pending = new byte[0];
        long deadline = System.nanoTime() + responseTimeout.toNanos();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            while (received.size() < count) {
                long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (millisLeft <= 0) {
                    break;
                }
                socket.setSoTimeout((int) millisLeft);
                int n = in.read(buffer, 0, Math.min(buffer.length, count - received.size()));
                if (n == -1) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (IOException timedOutOrReset) {
            // what came so far is the answer
        }
        return received.toByteArray();
    }

    /** Waits up to {@code failSafe} for the server to close this (silent) connection. */
    public Duration awaitClosed(Duration failSafe) {
        try {
            socket.setSoTimeout((int) failSafe.toMillis());
            while (socket.getInputStream().read() != -1) {
                // a silent client gets nothing; if anything comes, wait for the close all the same
            }
            return since(opened);
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (IOException reset) {
            return since(opened);
        }
    }

    /** The last response {@link #readResponse} returned: none before the first. */
    public byte[] lastResponse() {
        return lastResponse.clone();
    }

    /** Every byte sent on this connection so far. */
    public byte[] sentSoFar() {
        return sent.toByteArray();
    }

    /** How long ago the connection was opened. */
    public Duration age() {
        return since(opened);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    /**
     * Closes the socket once no write has ended for {@code blocked} since {@code lastWrite}, or once
     * {@code whole} has passed, to unblock a write the server never reads; unless interrupted first,
     * when the sending ended in time.
     */
    private Thread closeWhenStuck(AtomicLong lastWrite, Duration blocked, Duration whole) {
        long end = System.nanoTime() + whole.toNanos();
        Thread watchdog = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long deadline = Math.min(lastWrite.get() + blocked.toNanos(), end);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    close();
                    return;
                }
                Pause.sleep(Duration.ofNanos(left).plusMillis(1));
            }
        }, "raw-connection-fail-safe");
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
