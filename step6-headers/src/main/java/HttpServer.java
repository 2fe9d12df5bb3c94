///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Step 6: step 5 with complete answers (Content-Length, Content-Type, Date), and a clear "no". */
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

    // The grammar of a request head (RFC 9112 §3 and §5), strictly: a request we cannot read for
    // sure gets 400 Bad Request, never a guess. A token (RFC 9110 §5.6.2) names a method or a header.
    static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    // method SP request-target SP HTTP-version: single spaces; the target is visible ASCII.
    static final Pattern REQUEST_LINE = Pattern.compile("(" + TOKEN + ") ([\\x21-\\x7E]+) (HTTP/\\d\\.\\d)");
    // Name:value, no space before the colon; the value holds no control byte but the tab.
    static final Pattern HEADER_LINE = Pattern.compile("(" + TOKEN + "):([\\t\\x20-\\x7E\\x80-\\xFF]*)");

    // A file server only sends: GET and HEAD. The other methods HTTP defines (RFC 9110 §9, and
    // PATCH, RFC 5789) get 405 Method Not Allowed; a method nobody defined gets 501 Not Implemented.
    static final Set<String> OTHER_KNOWN_METHODS =
            Set.of("POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    // What a file holds, told by its extension (the names come from IANA's media types registry).
    // Anything else is application/octet-stream: bytes, which a browser offers to save.
    static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("txt", "text/plain"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"));

    // IMF-fixdate (RFC 9110 §5.6.7): "Sun, 06 Nov 1994 08:49:37 GMT", always in GMT, always two
    // digits for the day. (DateTimeFormatter.RFC_1123_DATE_TIME writes "6 Nov": not this format.)
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

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

    /** Reads one request and answers it: with the file, or with an error that says why not. */
    static void serve(Socket client) throws IOException {
        Response response;
        boolean withBody = true;
        try {
            List<String> head = readHead(client);
            if (head.isEmpty()) {
                return; // the client connected and left without a word (browsers do this)
            }
            head.forEach(System.out::println);
            System.out.println(); // an empty line between requests
            Request request = parse(head);
            // HEAD asks for the head GET would get, and no body (RFC 9110 §9.3.2).
            withBody = !request.method().equals("HEAD");
            response = respond(request);
        } catch (HttpError error) {
            // A request we cannot serve still gets an answer, never a silently closed socket.
            response = errorResponse(error);
        }
        send(response, withBody, client.getOutputStream());
    }

    /**
     * Reads the request line and the header lines, up to the empty line that ends them, without
     * their line endings. No line at all: the client left without a word.
     */
    static List<String> readHead(Socket client) throws IOException, HttpError {
        InputStream in = new BufferedInputStream(new LimitedInput(client));
        List<String> head = new ArrayList<>();
        try {
            String requestLine = readLine(in);
            if ("".equals(requestLine)) {
                requestLine = readLine(in); // RFC 9112 §2.2: ignore an empty line before the request
            }
            if (requestLine == null) {
                return head;
            }
            head.add(requestLine);
            if (requestLine.isEmpty()) {
                return head; // two empty lines, and no request line: parse answers 400
            }
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                head.add(line);
            }
            return head;
        } catch (HeadTooLarge e) {
            // Too long before the request line ended: the target is too long (RFC 9112 §3).
            // Too long later: the header lines are (RFC 6585 §5).
            throw head.isEmpty()
                    ? new HttpError("414 URI Too Long", "the request line is longer than " + HEAD_SIZE_LIMIT + " bytes")
                    : new HttpError("431 Request Header Fields Too Large",
                            "the request head is longer than " + HEAD_SIZE_LIMIT + " bytes");
        }
    }

    /**
     * One line of the head, up to LF, without its line ending: CRLF, or a bare LF, which RFC 9112
     * §2.2 lets a server accept. Any other CR stays in the line (and makes it malformed). Null at
     * the end of the input.
     */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                return line.isEmpty() ? null : line.toString();
            }
            line.append((char) b); // ISO-8859-1: each byte is one char, nothing lost or guessed
        }
        int last = line.length() - 1;
        return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
    }

    /** Reads the head's lines as the grammar says, or throws the error that says what is wrong. */
    static Request parse(List<String> head) throws HttpError {
        Matcher requestLine = REQUEST_LINE.matcher(head.get(0));
        if (!requestLine.matches()) {
            throw new HttpError("400 Bad Request", "the request line is not METHOD TARGET HTTP/x.y");
        }
        String version = requestLine.group(3);
        // HTTP/1.x: this server reads 1.0 and 1.1, and a later 1.x as 1.1 (RFC 9110 §2.5).
        if (!version.startsWith("HTTP/1.")) {
            throw new HttpError("505 HTTP Version Not Supported", "this server speaks HTTP/1.0 and HTTP/1.1");
        }
        Map<String, String> headers = new HashMap<>();
        for (String line : head.subList(1, head.size())) {
            Matcher header = HEADER_LINE.matcher(line);
            if (!header.matches()) {
                throw new HttpError("400 Bad Request", "a header line is not Name: value");
            }
            // Names are case-insensitive (RFC 9110 §5.1); spaces around the value are not part of
            // it; a field sent twice is one list, its values joined with commas (§5.3).
            String name = header.group(1).toLowerCase(Locale.ROOT);
            headers.merge(name, header.group(2).strip(), (first, next) -> first + ", " + next);
        }
        // Every HTTP/1.1 request names the host it is for, exactly once (RFC 9112 §3.2).
        String host = headers.get("host");
        if (!version.equals("HTTP/1.0") && (host == null || host.contains(","))) {
            throw new HttpError("400 Bad Request", "an HTTP/1.1 request needs one Host header");
        }
        return new Request(requestLine.group(1), requestLine.group(2), headers);
    }

    /** The answer to a request we could read: the file it names, or why not. */
    static Response respond(Request request) throws IOException, HttpError {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw OTHER_KNOWN_METHODS.contains(request.method())
                    ? new HttpError("405 Method Not Allowed", "this server only sends files", "Allow: GET, HEAD")
                    : new HttpError("501 Not Implemented", "this server does not know that method");
        }
        Path file = fileOf(request.target());
        if (!isServable(file)) {
            throw new HttpError("404 Not Found", "there is no such file");
        }
        // Read afresh for every request, as bytes: the page goes out exactly as stored.
        byte[] body = Files.readAllBytes(file);
        // Content-Length counts bytes, not characters: "é" is one character and two bytes in UTF-8.
        return new Response("200 OK",
                List.of("Content-Type: " + contentType(file, body), "Content-Length: " + body.length), body);
    }

    /** The file the target names in htdocs: "/ipsum.html" is htdocs/ipsum.html, and "/" is index.html. */
    static Path fileOf(String target) throws HttpError {
        String path = target.equals("/") ? "/index.html" : target;
        try {
            // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
            return Path.of("htdocs" + path).normalize();
        } catch (InvalidPathException e) {
            // A name this system cannot hold (Windows refuses ? * : < > | in file names): no such file.
            throw new HttpError("404 Not Found", "there is no such file");
        }
    }

    /** Only a regular file we may read that really lies inside htdocs: no "..", no link may lead out. */
    static boolean isServable(Path file) throws IOException {
        // toRealPath() follows every link: where the file really is. startsWith compares whole
        // folder names, so "htdocs-private" is not inside "htdocs".
        return Files.isRegularFile(file) && Files.isReadable(file)
                && file.toRealPath().startsWith(HTDOCS.toRealPath());
    }

    /**
     * The media type of a file, from its extension. A text type says charset=utf-8 only when that
     * is true: when the bytes are valid UTF-8. Otherwise it says no charset, and the browser guesses.
     */
    static String contentType(Path file, byte[] body) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
        return type.startsWith("text/") && isUtf8(body) ? type + "; charset=utf-8" : type;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            // A new decoder reports malformed bytes, instead of replacing them with "?" or "\uFFFD".
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** An error's answer: a short text that says why. */
    static Response errorResponse(HttpError error) {
        return textResponse(error.status, error.status + ": " + error.getMessage(), error.headers);
    }

    /** A short plain-text answer: the text, its exact length in bytes, and what it is. */
    static Response textResponse(String status, String text, List<String> extraHeaders) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> headers = new ArrayList<>(extraHeaders);
        headers.add("Content-Type: text/plain; charset=utf-8");
        headers.add("Content-Length: " + body.length);
        return new Response(status, headers, body);
    }

    /** The status line, Date, the other headers, the empty line, then the body (none for HEAD). */
    static void send(Response response, boolean withBody, OutputStream out) throws IOException {
        // Still HTTP/1.0: like an HTTP/1.0 server, this one closes the connection after each answer.
        StringBuilder head = new StringBuilder("HTTP/1.0 " + response.status() + "\r\n");
        // An origin server with a clock sends the time of its answer (RFC 9110 §6.6.1).
        head.append("Date: ").append(HTTP_DATE.format(Instant.now())).append("\r\n");
        for (String header : response.headers()) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (withBody) {
            out.write(response.body());
        }
    }

    /** A request line, read: "GET /ipsum.html HTTP/1.1"; and its headers, by lower-case name. */
    record Request(String method, String target, Map<String, String> headers) {
    }

    /** An answer: "200 OK", its header lines (but Date, which send adds), and its body. */
    record Response(String status, List<String> headers, byte[] body) {
    }

    /** A request answered with an error: its status, why (for the body), and any header it needs. */
    static final class HttpError extends Exception {
        final String status;
        final List<String> headers;

        HttpError(String status, String why, String... headers) {
            super(why);
            this.status = status;
            this.headers = List.of(headers);
        }
    }

    /** The request head did not end within HEAD_SIZE_LIMIT bytes. */
    static final class HeadTooLarge extends IOException {
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
            if (millisLeft <= 0) {
                throw new IOException("Request head not complete within " + HEAD_TIME_LIMIT.toSeconds() + " s");
            }
            if (bytesLeft <= 0) {
                throw new HeadTooLarge(); // answered with 414 or 431: see readHead
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
