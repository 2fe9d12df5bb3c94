///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Step 8: step 7 in HTTP/1.1, where one connection carries request after request. */
public class HttpServer {

    // The web root: the folder htdocs in the working directory (run from the repository root).
    static final Path HTDOCS = Path.of("htdocs");
    // Where htdocs really is, links followed: found once, in main, rather than for every request.
    static Path htdocsRealPath;

    // Threads that serve clients, each one connection at a time. Clients that find them all
    // busy wait in the backlog, the queue of connections the system keeps for us until accepted.
    static final int THREADS = 100;
    static final int BACKLOG = 1000;
    // A connection kept open keeps its thread, even while it waits. When more than three quarters
    // of the threads are taken, every answer closes its connection, so that clients take turns.
    static final int BUSY_THREADS = THREADS * 3 / 4;
    static final AtomicInteger threadsServing = new AtomicInteger();

    // The log of requests: the standard output, written to directly (see log).
    static final OutputStream LOG = new FileOutputStream(FileDescriptor.out);

    // A request head must arrive whole within 10 s and 8 KiB: a silent, slow or endless client
    // cannot keep a thread longer than that, nor fill the memory. The 10 s count from the moment
    // the server waits for the request: on an open connection, from the previous answer, so an
    // idle connection is closed after 10 s. (The body, if any, must have come by then too.)
    static final Duration HEAD_TIME_LIMIT = Duration.ofSeconds(10);
    static final int HEAD_SIZE_LIMIT = 8192;
    // Files up to 64 KiB, most pages, are read whole into memory; larger ones are streamed.
    static final int SMALL_FILE_SIZE = 64 * 1024;
    // A file server has no use for a request's body: it reads and forgets it, so that the next
    // request starts at the right byte. A body above 1 MiB is not read: the connection closes.
    static final long BODY_SIZE_LIMIT = 1024 * 1024;
    // After 1000 requests (nginx's default), a connection closes: the client opens another one,
    // and takes its turn like everybody else.
    static final int REQUESTS_PER_CONNECTION = 1000;

    // The grammar of a request head (RFC 9112 §3 and §5), strictly: a request we cannot read for
    // sure gets 400 Bad Request, never a guess. A token (RFC 9110 §5.6.2) names a method or a header.
    static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    // method SP request-target SP HTTP-version: single spaces; the target is visible ASCII.
    static final Pattern REQUEST_LINE = Pattern.compile("(" + TOKEN + ") ([\\x21-\\x7E]+) (HTTP/\\d\\.\\d)");
    // Name:value, no space before the colon; the value holds no control byte but the tab.
    static final Pattern HEADER_LINE = Pattern.compile("(" + TOKEN + "):([\\t\\x20-\\x7E\\x80-\\xFF]*)");
    // A chunk's size, in hex, maybe followed by extensions (";name=value"), which nobody uses.
    static final Pattern CHUNK_SIZE_LINE = Pattern.compile("([0-9A-Fa-f]+)[ \\t]*(;[\\t\\x20-\\x7E]*)?");
    static final long CHUNKED = -1;
    // A whole URL as target, "http://localhost:8000/docs/", as clients send it to a proxy. A server
    // must accept it too (RFC 9112 §3.2.2): what follows the host is the usual path and query.
    static final Pattern ABSOLUTE_FORM = Pattern.compile("(?i)http://[^/?#]*/?(.*)");

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
        htdocsRealPath = HTDOCS.toRealPath();
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
                threadsServing.incrementAndGet();
                serve(client);
            } catch (IOException | RuntimeException e) {
                // Only this connection failed: say why, and go on with the next one. (Files are
                // streamed now: none is too big for the memory any more.)
                System.out.println("Connection failed: " + e);
            } finally {
                threadsServing.decrementAndGet();
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

    /**
     * Answers the requests of one connection, one after the other, in the order they came, until
     * the client closes it, asks for it to be closed, or a limit closes it (RFC 9112 §9.3).
     */
    static void serve(Socket client) throws IOException {
        client.setTcpNoDelay(true); // an answer leaves as soon as it is written: the client waits for it
        String clientAddress = client.getInetAddress().getHostAddress() + ":" + client.getPort();
        LimitedInput limited = new LimitedInput(client);
        // One buffer for the whole connection: it may already hold the next request, sent with
        // this one (pipelining). And the answers are written into a buffer, sent at once.
        InputStream in = new BufferedInputStream(limited);
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        for (int count = 1; ; count++) {
            limited.startRequest();
            if (!awaitRequest(in)) {
                return; // the client closed the connection, or left it idle too long
            }
            boolean keepOpen = serveRequest(in, out, clientAddress, count == REQUESTS_PER_CONNECTION);
            out.flush();
            if (!keepOpen) {
                closeGently(client, limited, in);
                return;
            }
        }
    }

    /**
     * Waits for the first byte of a request: false when the connection ends first, closed by the
     * client or idle for HEAD_TIME_LIMIT (browsers keep connections open, and leave them so).
     */
    static boolean awaitRequest(InputStream in) throws IOException {
        try {
            in.mark(1);
            boolean oneMore = in.read() != -1;
            in.reset();
            return oneMore;
        } catch (SocketTimeoutException idle) {
            return false;
        }
    }

    /**
     * Reads one request and answers it: with the file, or with an error that says why not. True
     * when the connection stays open for the next request.
     */
    static boolean serveRequest(InputStream in, OutputStream out, String clientAddress, boolean last)
            throws IOException {
        Response response;
        boolean withBody = true;
        String version = "HTTP/1.1";
        boolean keepOpen = false;
        try {
            List<String> head = readHead(in);
            log(clientAddress + " " + head.get(0)); // one line per request
            Request request = parse(head);
            version = request.version();
            // A request read whole, body included, leaves the next one at the right byte: only
            // then may the connection stay open, whatever the answer. After an error in the
            // request's own bytes, nobody knows where the next request starts: the server closes.
            keepOpen = skipBody(request, in) && wantsToKeepOpen(request) && !last
                    && threadsServing.get() <= BUSY_THREADS;
            // HEAD asks for the head GET would get, and no body (RFC 9110 §9.3.2).
            withBody = !request.method().equals("HEAD");
            response = respond(request);
        } catch (HttpError error) {
            // A request we cannot serve still gets an answer, never a silently closed socket.
            response = errorResponse(error);
        }
        send(response, withBody, connectionHeader(version, keepOpen), out);
        return keepOpen;
    }

    /**
     * Prints a line of the log with one write to the standard output, and no lock: System.out
     * takes a lock for every line, and under load the threads queued up for it (measured).
     */
    static void log(String line) {
        try {
            LOG.write((line + System.lineSeparator()).getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // a log that cannot be written must not stop the answers (System.out would not either)
        }
    }

    /**
     * Reads the request line and the header lines, up to the empty line that ends them, without
     * their line endings.
     */
    static List<String> readHead(InputStream connection) throws IOException, HttpError {
        InputStream in = new SizeLimitedInput(connection, HEAD_SIZE_LIMIT);
        List<String> head = new ArrayList<>();
        try {
            String requestLine = readLine(in);
            if (requestLine.isEmpty()) {
                requestLine = readLine(in); // RFC 9112 §2.2: ignore an empty line before the request
            }
            head.add(requestLine);
            if (requestLine.isEmpty()) {
                return head; // two empty lines, and no request line: parse answers 400
            }
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
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
     * §2.2 lets a server accept. Any other CR stays in the line (and makes it malformed). A request
     * that ends before its empty line is incomplete: it is not answered (it may lack a header).
     */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new EOFException("the client left in the middle of a request");
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
        return new Request(requestLine.group(1), requestLine.group(2), version, headers, bodyLength(version, headers));
    }

    /**
     * Where the request's body ends (RFC 9112 §6.3): after Content-Length bytes, or after its
     * last chunk (CHUNKED); no body at all without either. Any doubt is a 400: a server that
     * reads one length where another program (a proxy before it) read another sees a request
     * that program never saw, smuggled in the body. So no guess, and no second chance.
     */
    static long bodyLength(String version, Map<String, String> headers) throws HttpError {
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        if (transferEncoding != null) {
            if (contentLength != null) {
                throw new HttpError("400 Bad Request", "Content-Length and Transfer-Encoding together"); // §6.3
            }
            if (version.equals("HTTP/1.0")) {
                throw new HttpError("400 Bad Request", "Transfer-Encoding in an HTTP/1.0 request"); // §6.1
            }
            if (!transferEncoding.toLowerCase(Locale.ROOT).matches("(.*,)?[ \\t]*chunked")) {
                throw new HttpError("400 Bad Request", "a body whose length nobody knows: chunked is not last");
            }
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new HttpError("501 Not Implemented", "this server knows no transfer coding but chunked");
            }
            return CHUNKED;
        }
        if (contentLength == null) {
            return 0;
        }
        // Digits, one number: not "-1", "+5", "0x10", "5, 5" (two fields), nor more than a long holds.
        if (!contentLength.matches("[0-9]{1,18}")) {
            throw new HttpError("400 Bad Request", "Content-Length is not one number of bytes"); // RFC 9110 §8.6
        }
        return Long.parseLong(contentLength);
    }

    /**
     * Reads the request's body, if any, and forgets it. False when it is too large to be worth
     * reading: the connection then closes after the answer, and the body with it.
     */
    static boolean skipBody(Request request, InputStream in) throws IOException, HttpError {
        if (request.bodyLength() == CHUNKED) {
            return skipChunks(in);
        }
        if (request.bodyLength() > BODY_SIZE_LIMIT) {
            return false;
        }
        in.skipNBytes(request.bodyLength());
        return true;
    }

    /**
     * Reads a chunked body (RFC 9112 §7.1): chunks, each after a line with its size in hex, up to
     * the chunk of size 0, then trailer lines up to an empty line.
     */
    static boolean skipChunks(InputStream connection) throws IOException, HttpError {
        InputStream lines = new SizeLimitedInput(connection, HEAD_SIZE_LIMIT); // the lines around chunks
        long bodySize = 0;
        try {
            for (long size = chunkSize(readLine(lines)); size > 0; size = chunkSize(readLine(lines))) {
                if (size > BODY_SIZE_LIMIT - bodySize) {
                    return false;
                }
                bodySize += size;
                connection.skipNBytes(size);
                if (!readLine(lines).isEmpty()) {
                    throw new HttpError("400 Bad Request", "a chunk is longer than its size");
                }
            }
            while (!readLine(lines).isEmpty()) {
                // a trailer field: nothing a file server needs
            }
            return true;
        } catch (HeadTooLarge manyLines) {
            // Over 8 KiB of lines around chunks: a body of many tiny chunks (or endless trailers).
            // Legal, but not worth reading: as for a large body, answer, then close.
            return false;
        }
    }

    /** The size of a chunk, from the hex number that starts its line. */
    static long chunkSize(String line) throws HttpError {
        Matcher chunk = CHUNK_SIZE_LINE.matcher(line);
        if (!chunk.matches()) {
            throw new HttpError("400 Bad Request", "a chunk does not start with its size in hex");
        }
        String hex = chunk.group(1);
        // 16 hex digits or more may not fit in a long: too large anyway.
        return hex.length() > 15 ? Long.MAX_VALUE : Long.parseLong(hex, 16);
    }

    /**
     * Whether the client wants the connection kept open (RFC 9112 §9.3): an HTTP/1.1 client
     * unless it says "Connection: close"; an HTTP/1.0 client only if it says "keep-alive".
     */
    static boolean wantsToKeepOpen(Request request) {
        List<String> options = List.of(request.headers().getOrDefault("connection", "")
                .toLowerCase(Locale.ROOT).split("[ \\t]*,[ \\t]*"));
        return !options.contains("close") && (!request.version().equals("HTTP/1.0") || options.contains("keep-alive"));
    }

    /**
     * What the answer says of the connection: "close" when the server closes it after this answer
     * (RFC 9112 §9.6); "keep-alive" to an HTTP/1.0 client, who would expect a close otherwise.
     */
    static String connectionHeader(String requestVersion, boolean keepOpen) {
        if (!keepOpen) {
            return "Connection: close";
        }
        return requestVersion.equals("HTTP/1.0") ? "Connection: keep-alive" : null;
    }

    /** The answer to a request we could read: the file its URL names, or why not. */
    static Response respond(Request request) throws IOException, HttpError {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            throw OTHER_KNOWN_METHODS.contains(request.method())
                    ? new HttpError("405 Method Not Allowed", "this server only sends files", "Allow: GET, HEAD")
                    : new HttpError("501 Not Implemented", "this server does not know that method");
        }
        String path = pathOf(request.target());
        // Decoded first, checked after: "%2e%2e" is "..", and only the decoded path shows it.
        Path file = fileOf(percentDecode(path));
        BasicFileAttributes attributes = attributesOf(file);
        if (attributes != null && attributes.isDirectory() && isInsideHtdocs(file)) {
            // A folder's URL ends with "/", so that its page's relative links ("guide.html")
            // lead into the folder: /docs is redirected to /docs/, which is docs/index.html.
            if (!path.endsWith("/")) {
                String location = urlOf(file);
                return textResponse("301 Moved Permanently", "Moved to " + location, List.of("Location: " + location));
            }
            file = file.resolve("index.html");
            attributes = attributesOf(file);
        }
        if (attributes == null || !isServable(file, attributes)) {
            // The same answer whatever the reason: nobody learns which hidden or outside files exist.
            throw new HttpError("404 Not Found", "there is no such file");
        }
        // HTTP dates count whole seconds: compare in whole seconds too.
        Instant lastModified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (isNotModified(request, lastModified)) {
            // The client's copy is still good: a head without body, and only the times (RFC 9110 §15.4.5).
            return new Response("304 Not Modified", List.of("Last-Modified: " + HTTP_DATE.format(lastModified)),
                    InputStream.nullInputStream());
        }
        // Read afresh for every request, as bytes: the page goes out exactly as stored.
        // Content-Length counts bytes, not characters: "é" is one character and two bytes in UTF-8.
        String lastModifiedHeader = "Last-Modified: " + HTTP_DATE.format(lastModified);
        if (attributes.size() <= SMALL_FILE_SIZE) {
            // A small file, as most pages are, is read once, whole: its bytes are the body, and
            // tell whether it is UTF-8. (Reading it twice, as step 7 does, took a third of the time.)
            byte[] body = readWhole(file, attributes.size());
            return new Response("200 OK", List.of("Content-Type: " + contentType(file, body),
                    "Content-Length: " + body.length, lastModifiedHeader), new ByteArrayInputStream(body));
        }
        // A larger file is streamed, a buffer at a time: the memory a download takes does not grow
        // with the file.
        return new Response("200 OK", List.of("Content-Type: " + contentType(file),
                "Content-Length: " + attributes.size(), lastModifiedHeader), Files.newInputStream(file));
    }

    /**
     * The path of the target, still percent-encoded: "/docs/?lang=en" and "http://host/docs/" are
     * both "/docs/". The query is for programs; a file server ignores it.
     */
    static String pathOf(String target) throws HttpError {
        Matcher absolute = ABSOLUTE_FORM.matcher(target);
        String pathAndQuery = absolute.matches() ? "/" + absolute.group(1) : target;
        if (!pathAndQuery.startsWith("/")) {
            throw new HttpError("400 Bad Request", "the target is neither a path nor an http URL");
        }
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /**
     * Replaces each %XX with the byte XX, then reads the bytes as UTF-8 (RFC 3986 §2.1):
     * "/caf%C3%A9.html" is "/café.html". A % without two hex digits, or bytes that are not
     * UTF-8, make the URL malformed.
     */
    static String percentDecode(String path) throws HttpError {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.write(c);
            } else if (i + 2 < path.length()
                    && HexFormat.isHexDigit(path.charAt(i + 1)) && HexFormat.isHexDigit(path.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(path, i + 1, i + 3));
                i += 2;
            } else {
                throw new HttpError("400 Bad Request", "a % in the URL is not followed by two hex digits");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new HttpError("400 Bad Request", "the URL's bytes are not UTF-8");
        }
    }

    /** The file or folder a decoded path names in htdocs: "/ipsum.html" is htdocs/ipsum.html. */
    static Path fileOf(String path) throws HttpError {
        try {
            // normalize() removes "." and "..": "htdocs/sub/../ipsum.html" becomes "htdocs/ipsum.html".
            return Path.of("htdocs" + path).normalize();
        } catch (InvalidPathException e) {
            // A name this system cannot hold: a NUL byte (%00); on Windows ? * : < > | too.
            throw new HttpError("404 Not Found", "there is no such file");
        }
    }

    /** A small file's bytes, as many as it had a moment ago at most: one open, one read, one close. */
    static byte[] readWhole(Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) size);
        }
    }

    /**
     * What the system knows of a file: whether it is a folder or a regular file, its size and its
     * time, all in one call, where Files.isDirectory, Files.size and the others make one each.
     * Null when there is no such file.
     */
    static BasicFileAttributes attributesOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException noSuchFile) {
            return null;
        }
    }

    /** Only a regular file (not a folder, a pipe or a device) we may read, really inside htdocs. */
    static boolean isServable(Path file, BasicFileAttributes attributes) throws IOException {
        return attributes.isRegularFile() && Files.isReadable(file) && isInsideHtdocs(file);
    }

    /**
     * Whether a path really lies inside htdocs, no "..", no link leading out, and no hidden name
     * (".git", ".env": a name that starts with a dot) on the way, asked or reached through a link.
     */
    static boolean isInsideHtdocs(Path path) throws IOException {
        // toRealPath() follows every link: where the file really is. startsWith compares whole
        // folder names, so "htdocs-private" is not inside "htdocs".
        Path root = htdocsRealPath;
        Path real = path.toRealPath();
        return real.startsWith(root) && !hasHiddenName(HTDOCS.relativize(path))
                && !hasHiddenName(root.relativize(real));
    }

    static boolean hasHiddenName(Path relativePath) {
        for (Path name : relativePath) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The URL of a folder of htdocs, percent-encoded: htdocs/my docs is "/my%20docs/". Made from
     * the folder, never copied from the request: "//evil.example" would send browsers elsewhere.
     */
    static String urlOf(Path folder) {
        StringBuilder url = new StringBuilder("/");
        for (Path name : HTDOCS.relativize(folder)) {
            // URLEncoder encodes for forms, where a space is "+"; in a path it is "%20".
            url.append(URLEncoder.encode(name.toString(), StandardCharsets.UTF_8).replace("+", "%20")).append('/');
        }
        return url.toString();
    }

    /**
     * Whether the client's copy is still good: its If-Modified-Since is not older than the file
     * (RFC 9110 §13.1.3). A date we cannot read is ignored, and so is If-Modified-Since beside
     * If-None-Match, which asks about entity tags, which this server does not send.
     */
    static boolean isNotModified(Request request, Instant lastModified) {
        String since = request.headers().get("if-modified-since");
        if (since == null || request.headers().containsKey("if-none-match")) {
            return false;
        }
        try {
            return !lastModified.isAfter(Instant.from(HTTP_DATE.parse(since)));
        } catch (DateTimeException notAnImfFixdate) {
            return false;
        }
    }

    /**
     * The media type of a file, from its extension. A text type says charset=utf-8 only when that
     * is true: when the bytes are valid UTF-8. Otherwise it says no charset, and the browser guesses.
     */
    static String contentType(Path file) throws IOException {
        String type = mediaType(file);
        return type.startsWith("text/") && isUtf8(file) ? type + "; charset=utf-8" : type;
    }

    /** The same, for a file read whole: its bytes tell. */
    static String contentType(Path file, byte[] bytes) {
        String type = mediaType(file);
        return type.startsWith("text/") && isUtf8(bytes) ? type + "; charset=utf-8" : type;
    }

    /** The media type of a file's extension; application/octet-stream for the others. */
    static String mediaType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Reads the file through a UTF-8 decoder, a buffer at a time, before it is sent. */
    static boolean isUtf8(Path file) throws IOException {
        // Files.newBufferedReader reports malformed bytes, instead of replacing them with "\uFFFD".
        try (BufferedReader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            text.transferTo(Writer.nullWriter());
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
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
        return new Response(status, headers, new ByteArrayInputStream(body));
    }

    /**
     * The status line, Date, the other headers, Connection (or not), the empty line, then the body
     * (none for HEAD), into the connection's buffer: the caller sends it.
     */
    static void send(Response response, boolean withBody, String connection, OutputStream out) throws IOException {
        // HTTP/1.1, whatever the client's version: the highest this server speaks (RFC 9110 §6.2).
        StringBuilder head = new StringBuilder("HTTP/1.1 " + response.status() + "\r\n");
        // An origin server with a clock sends the time of its answer (RFC 9110 §6.6.1).
        head.append("Date: ").append(HTTP_DATE.format(Instant.now())).append("\r\n");
        for (String header : response.headers()) {
            head.append(header).append("\r\n");
        }
        if (connection != null) {
            head.append(connection).append("\r\n");
        }
        head.append("\r\n");
        try (InputStream body = response.body()) {
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (withBody) {
                body.transferTo(out); // a buffer at a time, however large the file
            }
        }
    }

    /**
     * A request line, read: "GET /ipsum.html HTTP/1.1"; its headers, by lower-case name; and the
     * length of its body: a number of bytes, or CHUNKED.
     */
    record Request(String method, String target, String version, Map<String, String> headers, long bodyLength) {
    }

    /** An answer: "200 OK", its header lines (but Date, which send adds), and its body, to stream. */
    record Response(String status, List<String> headers, InputStream body) {
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

    /**
     * Closes the connection without losing the end of the last answer (RFC 9112 §9.6): first our
     * side, so that the client reads the answer to its end, then, once the client has closed its
     * side too, the socket. Closed at once while the client's bytes are still unread (a body, a
     * request sent with this one), the socket would send a reset, and the client could lose the
     * end of the answer. The client has HEAD_TIME_LIMIT to close; up to BODY_SIZE_LIMIT bytes it
     * sends meanwhile are thrown away.
     */
    static void closeGently(Socket client, LimitedInput limited, InputStream in) {
        try {
            client.shutdownOutput();
            limited.startRequest();
            in.skipNBytes(BODY_SIZE_LIMIT); // ends with an EOFException when the client closes, as awaited
        } catch (IOException closedTimedOutOrReset) {
            // the socket closes now, in any case
        }
    }

    /** The request head did not end within HEAD_SIZE_LIMIT bytes. */
    static final class HeadTooLarge extends IOException {
    }

    /**
     * The bytes of a request head, at most {@code bytesLeft} of them: readLine alone would gather
     * a line without end in memory.
     */
    static final class SizeLimitedInput extends FilterInputStream {
        private int bytesLeft;

        SizeLimitedInput(InputStream in, int limit) {
            super(in);
            this.bytesLeft = limit;
        }

        @Override
        public int read() throws IOException {
            if (bytesLeft-- <= 0) {
                throw new HeadTooLarge(); // answered with 414 or 431: see readHead
            }
            return super.read();
        }
    }

    /**
     * The client's bytes, each request's within HEAD_TIME_LIMIT of the moment the server starts
     * waiting for it. A read timeout alone is not enough: a client sending a byte every few
     * seconds would never time out.
     */
    static final class LimitedInput extends FilterInputStream {
        private final Socket client;
        private long deadline;

        LimitedInput(Socket client) throws IOException {
            super(client.getInputStream());
            this.client = client;
        }

        /** The next request starts: its time limit too. */
        void startRequest() {
            deadline = System.nanoTime() + HEAD_TIME_LIMIT.toNanos();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long millisLeft = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (millisLeft <= 0) {
                throw new SocketTimeoutException("Request not complete within " + HEAD_TIME_LIMIT.toSeconds() + " s");
            }
            client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left
            return super.read(buffer, offset, length);
        }

        @Override
        public long skip(long count) throws IOException {
            // Skipping is reading: FilterInputStream.skip would go around the time limit.
            return Math.max(read(new byte[(int) Math.min(count, 8192)]), 0);
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
