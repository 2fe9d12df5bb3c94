///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Step 5: step 4 for many clients at once, where a silent, slow or endless client stalls nobody. */
public class HttpServer {

    // The web root: the folder htdocs in the working directory (run from the repository root).
    static final Path HTDOCS = Path.of("htdocs");

    // Threads that serve clients, each one connection at a time. Clients that find them all
    // busy wait in the backlog, the queue of connections the system keeps for us until accepted.
    static final int THREADS = 100;
    static final int BACKLOG = 1000;

    // A request head must arrive whole within 10 s and 8 KiB: a silent, slow or endless client
    // cannot keep a thread longer than that, nor fill the memory.
    static final Duration HEAD_TIME_LIMIT = Duration.ofSeconds(10);
    static final int HEAD_SIZE_LIMIT = 8192;

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        if (!Files.isDirectory(HTDOCS)) {
            System.err.println("No htdocs folder in " + HTDOCS.toAbsolutePath().getParent()
                    + ": run the server from the repository root.");
            System.exit(1);
        }
        // Loopback (127.0.0.1): only programs on this computer can connect.
        ServerSocket server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress());
        System.out.println("Listening on port " + server.getLocalPort() + " ...");
        // Step 4's loop, run by many threads at once: while one waits for a slow client, the
        // others go on accepting and serving.
        for (int i = 0; i < THREADS; i++) {
            new Thread(() -> acceptForever(server)).start();
        }
    }

    static void acceptForever(ServerSocket server) {
        while (true) {
            try (Socket client = acceptNext(server)) {
                serve(client);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // Only this connection failed: say why, and go on with the next one. A file too
                // big for the memory fails too: the thread must not die of it (step 7 streams files).
                System.out.println("Connection failed: " + e);
            }
        }
    }

    /**
     * Waits for the next client; one thread at a time, as accept() takes them anyway. An accept
     * that fails never ends the server: the whole server pauses a moment, and tries again.
     */
    static synchronized Socket acceptNext(ServerSocket server) {
        while (true) {
            try {
                return server.accept();
            } catch (IOException e) {
                // For example "Too many open files": the process is full, not broken, and
                // connections close all the time. Pause (holding the lock: the other threads
                // wait too) instead of trying again in a tight loop.
                System.out.println("Accept failed: " + e);
                sleep(Duration.ofMillis(100));
            }
        }
    }

    static void serve(Socket client) throws IOException {
        String request = readHead(client);
        if (request.isEmpty()) {
            return; // the client connected and left without a word (browsers do this)
        }
        System.out.println(request); // the head, then an empty line between requests
        respond(request, client.getOutputStream());
    }

    /** Reads the request line and the headers, up to the empty line (TCP may cut them in pieces). */
    static String readHead(Socket client) throws IOException {
        // ISO-8859-1 turns each byte into exactly one char: nothing is lost or guessed.
        BufferedReader in = new BufferedReader(
                new InputStreamReader(new LimitedInput(client), StandardCharsets.ISO_8859_1));
        StringBuilder head = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    /** The status line, the empty line that ends the (header-less) head, then the body. */
    static void respond(String request, OutputStream out) throws IOException {
        // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
        Path file = Path.of("htdocs" + requestedPath(request)).normalize();
        if (!isServable(file)) {
            out.write("HTTP/1.0 404 Not Found\r\n\r\nFile Not Found".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        // Read afresh for every request, as bytes: the page goes out exactly as stored.
        byte[] page = Files.readAllBytes(file);
        out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(page);
    }

    /** The path is the second word of the request line: "GET /ipsum.html HTTP/1.0". */
    static String requestedPath(String request) {
        String requestLine = request.lines().findFirst().orElse("");
        String path = requestLine.split(" ")[1]; // no second word: an exception, no answer
        return path.equals("/") ? "/index.html" : path;
    }

    /** Only a regular file that really lies inside htdocs: no "..", no link may lead out. */
    static boolean isServable(Path file) throws IOException {
        // toRealPath() follows every link: where the file really is. startsWith compares whole
        // folder names, so "htdocs-private" is not inside "htdocs".
        return Files.isRegularFile(file) && file.toRealPath().startsWith(HTDOCS.toRealPath());
    }

    /**
     * The client's bytes, read under the two limits of a request head. A read timeout alone is
     * not enough: a client sending a byte every few seconds would never time out. And readLine
     * alone would gather a line without end in memory.
     */
    static final class LimitedInput extends FilterInputStream {
        private final Socket client;
        private final long deadline = System.nanoTime() + HEAD_TIME_LIMIT.toNanos();
        private int bytesLeft = HEAD_SIZE_LIMIT;

        LimitedInput(Socket client) throws IOException {
            super(client.getInputStream());
            this.client = client;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (millisLeft <= 0 || bytesLeft <= 0) {
                throw new IOException("Request head not complete within " + HEAD_TIME_LIMIT.toSeconds()
                        + " s and " + HEAD_SIZE_LIMIT + " bytes");
            }
            client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left
            int count = super.read(buffer, offset, Math.min(length, bytesLeft));
            bytesLeft -= Math.max(count, 0);
            return count;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
