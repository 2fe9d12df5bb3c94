package httpcourse.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import httpcourse.spec.ServerProcess;

/**
 * A relay on the loopback between Chromium and a step's server, to see what no page can show:
 * how many connections Chromium opened, which are still open, and the bytes that went over each
 * one. It passes every byte on as it comes, and passes a half close (the end of one direction)
 * and a reset on too, so the browser sees the server's behaviour, just one hop further.
 */
final class WireTap implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final List<Tapped> connections = new CopyOnWriteArrayList<>();

    /** Starts relaying a new local port to {@code server}'s port. */
    WireTap(StepServer server) throws IOException {
        this.serverPort = server.port();
        this.listener = new ServerSocket(0, 50, InetAddress.getByName(ServerProcess.HOST));
        Thread.ofVirtual().start(this::acceptAll);
    }

    /** The address of a page through the tap, for Chromium. */
    String url(String path) {
        return "http://" + ServerProcess.HOST + ":" + listener.getLocalPort() + path;
    }

    /** Every connection opened so far, in the order Chromium opened them. */
    List<Tapped> connections() {
        return List.copyOf(connections);
    }

    /** The requests and answers of every connection, in the order the connections opened. */
    List<String> exchanges() {
        return connections.stream().flatMap(connection -> connection.exchanges().stream()).toList();
    }

    /** Whether some connection carried {@code requestLine} ("GET /favicon.ico HTTP/1.1") and its answer. */
    boolean answered(String requestLine) {
        return exchanges().stream().anyMatch(exchange -> exchange.startsWith(requestLine + " -> HTTP/"));
    }

    /** The connections the server has not ended yet (a browser may keep its side open for long). */
    List<Tapped> open() {
        return connections.stream().filter(Tapped::isOpen).toList();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                try {
                    Tapped tapped = new Tapped(browser, new Socket(ServerProcess.HOST, serverPort));
                    connections.add(tapped);
                    tapped.relay();
                } catch (IOException refused) {
                    browser.close(); // the server refused: so does the tap
                }
            } catch (IOException closed) {
                // the tap was closed: the loop ends
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Tapped tapped : connections) {
            tapped.closeBoth();
        }
    }

    /** One connection: the browser's socket, the one to the server, and what went over them. */
    static final class Tapped {
        private final Socket browser;
        private final Socket server;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CountDownLatch relaysDone = new CountDownLatch(2);
        private volatile boolean serverEnded;
        private volatile boolean reset;

        Tapped(Socket browser, Socket server) {
            this.browser = browser;
            this.server = server;
        }

        private void relay() {
            Thread.ofVirtual().start(() -> copy(browser, server, sent));
            Thread.ofVirtual().start(() -> {
                copy(server, browser, received);
                serverEnded = true;
            });
        }

        /** Copies one direction until its end, which it passes on; a reset resets the other side too. */
        private void copy(Socket from, Socket to, ByteArrayOutputStream record) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    synchronized (record) {
                        record.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                }
                to.shutdownOutput();
            } catch (IOException reset) {
                resetBoth();
            } finally {
                relaysDone.countDown();
                if (relaysDone.getCount() == 0) {
                    closeBoth();
                }
            }
        }

        private void resetBoth() {
            reset = true;
            for (Socket socket : List.of(browser, server)) {
                try {
                    socket.setSoLinger(true, 0); // close() then sends a reset, not an orderly end
                } catch (SocketException alreadyClosed) {
                    // nothing to reset
                }
            }
            closeBoth();
        }

        private void closeBoth() {
            for (Socket socket : List.of(browser, server)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }

        /** Whether the server has not ended this connection yet: neither closed nor reset it. */
        boolean isOpen() {
            return !serverEnded;
        }

        /** What the browser sent on this connection so far, as text (ISO-8859-1: one char per byte). */
        String sent() {
            synchronized (sent) {
                return sent.toString(StandardCharsets.ISO_8859_1);
            }
        }

        /** What the server answered on this connection so far, as text (ISO-8859-1: one char per byte). */
        String received() {
            synchronized (received) {
                return received.toString(StandardCharsets.ISO_8859_1);
            }
        }

        /** The request lines the browser sent on this connection: "GET /ipsum.html HTTP/1.1". */
        List<String> requestLines() {
            // Not anchored to a line's start: a POST's body ends with no line break, right before the next request.
            return REQUEST_LINE.matcher(sent()).results().map(match -> match.group(1)).toList();
        }

        /** The status lines the server answered on this connection: "HTTP/1.1 200 OK". */
        List<String> statusLines() {
            return STATUS_LINE.matcher(received()).results().map(match -> match.group(1)).toList();
        }

        /**
         * Each request line with the status line of its answer, "GET / HTTP/1.1 -> HTTP/1.1 200 OK"
         * (a connection's answers come in the order of its requests), or with "no answer".
         */
        List<String> exchanges() {
            List<String> requests = requestLines();
            List<String> answers = statusLines();
            return IntStream.range(0, requests.size())
                    .mapToObj(i -> requests.get(i) + " -> " + (i < answers.size() ? answers.get(i) : "no answer"))
                    .toList();
        }

        private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+ /\\S* HTTP/\\d\\.\\d)\r\n");
        private static final Pattern STATUS_LINE = Pattern.compile("(HTTP/\\d\\.\\d \\d{3} [^\r\n]*)\r\n");

        @Override
        public String toString() {
            return "connection from port " + browser.getPort() + ": " + exchanges()
                    + (reset ? ", reset" : isOpen() ? ", open" : ", ended by the server");
        }
    }
}
