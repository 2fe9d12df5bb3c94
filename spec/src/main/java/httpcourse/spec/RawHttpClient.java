package httpcourse.spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The only hand-made HTTP client of the course: it sends exact bytes and reads exact bytes,
 * because the point is to see what really travels on the wire. No parsing, no fixing up.
 */
public final class RawHttpClient {

    private final String host;
    private final int port;
    private final Duration responseTimeout;
    private final LeftOpen leftOpen;

    public RawHttpClient(String host, int port, Duration responseTimeout) {
        this(host, port, responseTimeout, new LeftOpen());
    }

    /** @param leftOpen whether the server left a connection open before: this client's, or that of its last start */
    RawHttpClient(String host, int port, Duration responseTimeout, LeftOpen leftOpen) {
        this.host = host;
        this.port = port;
        this.responseTimeout = responseTimeout;
        this.leftOpen = leftOpen;
    }

    /** A client of the same server, started again on {@code port}: it remembers a connection left open. */
    RawHttpClient onPort(int port) {
        return new RawHttpClient(host, port, responseTimeout, leftOpen);
    }

    /** Sends the request in one write and reads until the server closes the connection. */
    public Exchange send(byte[] request) {
        return sendInPieces(List.of(request), Duration.ZERO);
    }

    /** Sends the request in several writes, pausing between them: TCP may deliver it like that. */
    public Exchange sendInPieces(List<byte[]> pieces, Duration pause) {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long start = System.nanoTime();
        Duration quiet = leftOpen.quiet();
        Exchange.Ending ending;
        try (Socket socket = connect()) {
            socket.setTcpNoDelay(true); // each piece leaves as its own segment
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    Pause.sleep(pause);
                }
                out.write(pieces.get(i));
                out.flush();
                sent.write(pieces.get(i));
            }
            ending = SocketReads.untilClosed(socket, received, responseTimeout, quiet);
        } catch (ConnectException e) {
            ending = Exchange.Ending.REFUSED;
            pieces.forEach(sent::writeBytes); // what it would have sent, for the report
        } catch (SocketException e) {
            ending = Exchange.Ending.RESET; // reset while we were still writing
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        leftOpen.noteEnding(ending, received.size());
        return new Exchange(sent.toByteArray(), received.toByteArray(), ending,
                Duration.ofNanos(System.nanoTime() - start), quiet != null);
    }

    /**
     * Sends the request in one write and reads one answer as an HTTP/1.1 client does: by its
     * Content-Length, then on to the close only when it says "Connection: close" or the request
     * expects a close (HTTP/1.0 without keep-alive). See {@link ResponseReader}.
     */
    public Exchange sendAndReadAnswer(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        long start = System.nanoTime();
        try (Socket socket = connect()) {
            socket.setTcpNoDelay(true);
            try {
                socket.getOutputStream().write(request);
            } catch (SocketException e) {
                return new Exchange(request, new byte[0], Exchange.Ending.RESET, Duration.ofNanos(System.nanoTime() - start));
            }
            Duration quiet = leftOpen.quiet();
            ResponseReader reader = new ResponseReader(socket, new byte[0], responseTimeout, quiet);
            Exchange.Ending ending = reader.read(text);
            leftOpen.noteEnding(ending, reader.response().length);
            return new Exchange(request, reader.response(), ending, Duration.ofNanos(System.nanoTime() - start),
                    quiet != null);
        } catch (ConnectException e) {
            return new Exchange(request, new byte[0], Exchange.Ending.REFUSED, Duration.ZERO);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects and closes at once without sending a byte, as browsers and load tools do.
     *
     * @throws ConnectException when nothing accepts connections
     */
    public void connectAndClose() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().flush();
        }
    }

    /**
     * Connects and resets the connection at once, before sending a byte: the server's first read fails.
     *
     * @throws ConnectException when nothing accepts connections
     */
    public void connectAndReset() throws IOException {
        try (Socket socket = connect()) {
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        }
    }

    /**
     * Whether something accepts connections on {@code address}, at this client's port: the
     * server under test, when it listens on every address instead of only on 127.0.0.1.
     */
    public boolean acceptsConnectionsOn(InetAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) responseTimeout.toMillis());
            return true;
        } catch (IOException refusedOrUnreachable) {
            return false;
        }
    }

    /**
     * Sends a request and vanishes at once with a reset, never reading the answer.
     *
     * @throws ConnectException when nothing accepts connections
     */
    public void sendAndVanish(byte[] request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request);
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        }
    }

    /**
     * Opens a connection to write and read at the pace of the check: the caller closes it.
     *
     * @throws ConnectException when nothing accepts connections
     */
    public RawConnection open() throws IOException {
        return new RawConnection(connect(), responseTimeout);
    }

    /**
     * The same, giving up after {@code connectTimeout}: when the system's queue of connections
     * waiting for accept() is full, it lets a new connection wait.
     *
     * @throws java.net.SocketTimeoutException when the connection did not complete in time
     */
    public RawConnection open(Duration connectTimeout) throws IOException {
        return new RawConnection(connect(connectTimeout), responseTimeout);
    }

    /** The same, from {@code local}, one of this computer's addresses: a client the server tells apart from itself. */
    public RawConnection openFrom(InetAddress local) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress(host, port), (int) responseTimeout.toMillis());
            socket.setSoTimeout((int) responseTimeout.toMillis());
            return new RawConnection(socket, responseTimeout);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Whether this computer can send from {@code local}: Linux and Windows answer on all of 127/8, macOS not. */
    public static boolean canSendFrom(InetAddress local) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            return true;
        } catch (IOException notThisComputersAddress) {
            return false;
        }
    }

    private Socket connect() throws IOException {
        return connect(responseTimeout);
    }

    private Socket connect(Duration connectTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) responseTimeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
