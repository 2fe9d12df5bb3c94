///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Step 3: a web server that answers with the file of htdocs that the request names. */
public class HttpServer {

    // The web root: the folder htdocs in the working directory (run from the repository root).
    static final Path HTDOCS = Path.of("htdocs");

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        if (!Files.isDirectory(HTDOCS)) {
            System.err.println("No htdocs folder in " + HTDOCS.toAbsolutePath().getParent()
                    + ": run the server from the repository root.");
            System.exit(1);
        }
        // Loopback (127.0.0.1): only programs on this computer can connect.
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("Listening on port " + server.getLocalPort() + " ...");
            while (true) {
                // One connection at a time: accept it, serve it, close it, then the next one.
                try (Socket client = server.accept()) {
                    serve(client);
                } catch (IOException | RuntimeException e) {
                    // Only this connection failed: say why, and go on with the next one.
                    System.out.println("Connection failed: " + e);
                }
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
                new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        StringBuilder head = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    /** The status line, the empty line that ends the (header-less) head, then the body. */
    static void respond(String request, OutputStream out) throws IOException {
        // Read afresh for every request, as bytes: the page goes out exactly as stored.
        // "htdocs" + "/ipsum.html", glued as text, as the article does. A missing file throws
        // here: the connection closes without an answer (step 4 fixes it).
        byte[] page = Files.readAllBytes(Path.of("htdocs" + requestedPath(request)));
        out.write("HTTP/1.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(page);
    }

    /** The path is the second word of the request line: "GET /ipsum.html HTTP/1.0". */
    static String requestedPath(String request) {
        String requestLine = request.lines().findFirst().orElse("");
        String path = requestLine.split(" ")[1]; // no second word: an exception, no answer
        return path.equals("/") ? "/index.html" : path;
    }
}
