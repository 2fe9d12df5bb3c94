///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Step 3: a web server that answers with the file the request asks for.
 *
 * Run it from the repository root with {@code java step3-routing/src/main/java/HttpServer.java}
 * and open http://localhost:8000/ in a browser.
 */
public class HttpServer {

    static final int DEFAULT_PORT = 8000;

    // Loopback: only programs on this computer can connect. Use "0.0.0.0" to let other
    // computers in, but only once you trust every byte the server sends back.
    static final String HOST = "127.0.0.1";

    // How long we wait for the next bytes of a request. Long enough for a person who types
    // a request by hand in nc or telnet, short enough that a silent client goes away.
    static final int READ_TIMEOUT_MILLIS = 30_000;

    // A real request head is a few hundred bytes; anything larger is not worth reading.
    static final int MAX_HEAD_BYTES = 8192;

    // The web root: the folder htdocs in the working directory (run from the repository root).
    static final Path HTDOCS = Path.of("htdocs");

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        if (!Files.isDirectory(HTDOCS)) {
            System.err.println("No htdocs folder in " + HTDOCS.toAbsolutePath().getParent()
                    + ": run the server from the repository root.");
            System.exit(1);
        }
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName(HOST))) {
            System.out.println("Listening on port " + server.getLocalPort() + " ...");
            while (true) {
                Socket client = server.accept();
                // One thread per connection: a client that connects and stays silent (browsers
                // do this) cannot keep everybody else waiting.
                new Thread(() -> serve(client)).start();
            }
        }
    }

    /** Reads one request, answers it and closes the connection, whatever happens. */
    static void serve(Socket client) {
        try (client) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String request = readRequestHead(new BufferedInputStream(client.getInputStream()));
            if (request.isEmpty()) {
                System.out.println("(a connection closed without sending anything)");
                return;
            }
            System.out.print(request);
            respond(request, client.getOutputStream());
        } catch (IOException | RuntimeException e) {
            // Only this connection failed: say why and keep serving the others.
            System.out.println("Connection closed after an error:");
            e.printStackTrace(System.out);
        }
    }

    /**
     * Reads the request line and the headers, up to the empty line that ends them.
     * TCP delivers a stream of bytes, not messages: the head may arrive in several pieces,
     * so we read until we see the empty line (or the client stops sending).
     */
    static String readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lineLength = 0;
        for (int b = in.read(); b != -1; b = in.read()) {
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("Request head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                if (lineLength == 0) {
                    break; // an empty line: the head is complete
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
        // HTTP heads are plain ASCII; ISO-8859-1 turns each byte into exactly one char.
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends the status line, the empty line that ends the (header-less) head, then the body. */
    static void respond(String request, OutputStream out) throws IOException {
        String path = requestedPath(request);
        // Read afresh for every request, as bytes: the page goes out exactly as stored.
        // A missing file throws here: this connection closes without an answer (step 4 fixes it).
        byte[] page = Files.readAllBytes(Path.of("htdocs" + path));
        out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(page);
    }

    /** The path is the second word of the request line: "GET /ipsum.html HTTP/1.0". */
    static String requestedPath(String request) {
        String requestLine = request.lines().findFirst().orElse("");
        String[] words = requestLine.split(" ");
        if (words.length < 2) {
            throw new IllegalArgumentException("No path in the request line: " + requestLine);
        }
        String path = words[1];
        return path.equals("/") ? "/index.html" : path;
    }
}
