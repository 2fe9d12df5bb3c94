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

/** Step 1: a web server that answers every request with "Hello World". */
public class HttpServer {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
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
        out.write("HTTP/1.0 200 OK\r\n\r\nHello World".getBytes(StandardCharsets.US_ASCII));
    }
}
