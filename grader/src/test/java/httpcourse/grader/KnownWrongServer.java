package httpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import httpcourse.spec.Repository;

/**
 * Servers written to be wrong, for the grader's own tests: each is one of this repository's
 * steps with one flaw, made by editing the step's real source. So a fixture never drifts from
 * the step it copies, and the edit shows exactly what the flaw is. When a step changes so that
 * an edit no longer applies, {@link #source()} fails and says which.
 */
enum KnownWrongServer {

    // ---- The response's head and body, byte for byte

    /** The article's line endings: bare LF. Browsers forgive it; HTTP does not. */
    BARE_LINE_ENDINGS(1, new Edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"HTTP/1.0 200 OK\\n\\nHello World\"")),

    /** The article's address: every network interface, so the whole network can connect. */
    LISTENS_EVERYWHERE(1, new Edit("new ServerSocket(port, 50, InetAddress.getLoopbackAddress())",
            "new ServerSocket(port, 50, null) /* FLAW: every address */")),

    /** A head without end gathered in memory: no size limit, and time enough to read 64 MiB. */
    NO_HEAD_SIZE_LIMIT(5,
            new Edit("if (millisLeft <= 0 || bytesLeft <= 0) {", "if (millisLeft <= 0) { // FLAW: no size limit"),
            new Edit("Math.min(length, bytesLeft)", "length"),
            new Edit("Duration.ofSeconds(10);", "Duration.ofSeconds(60);")),

    /** No timeout at all: a silent client holds a thread for ever. */
    NO_READ_TIMEOUT(5, new Edit("client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left",
            "// FLAW: no timeout")),

    /** A timeout for each read, none for the whole head: a byte a second keeps a thread for ever. */
    TIMEOUT_PER_READ(5,
            new Edit("if (millisLeft <= 0 || bytesLeft <= 0) {", "if (bytesLeft <= 0) { // FLAW: no deadline"),
            new Edit("client.setSoTimeout((int) millisLeft);", "client.setSoTimeout((int) HEAD_TIME_LIMIT.toMillis());")),

    /** The article's reason phrase, in capitals. */
    NOT_FOUND_IN_CAPITALS(4, new Edit("\"HTTP/1.0 404 Not Found\\r\\n\\r\\nFile Not Found\"",
            "\"HTTP/1.0 404 NOT FOUND\\r\\n\\r\\nFile Not Found\"")),

    /** No status line at all: the body alone. */
    NO_STATUS_LINE(1, new Edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"Hello World\"")),

    /** The version of a browser's request, instead of the step's. */
    HTTP_1_1_STATUS_LINE(1, new Edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"HTTP/1.1 200 OK\\r\\n\\r\\nHello World\"")),

    /** The empty line that ends the head is missing. */
    HEAD_NEVER_ENDS(1, new Edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"HTTP/1.0 200 OK\\r\\nHello World\"")),

    /** A header line the step does not send. */
    HEADER_LINES(1, new Edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"",
            "\"HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nHello World\"")),

    /** println after the body: a line break too many. */
    TRAILING_LINE_BREAK(1, new Edit("\\r\\n\\r\\nHello World\"", "\\r\\n\\r\\nHello World\\r\\n\"")),

    /** A body with something more. */
    EXTRA_BYTES(1, new Edit("\\r\\n\\r\\nHello World\"", "\\r\\n\\r\\nHello World!\"")),

    /** The head written to a Writer, the body to the stream: the Writer's buffer goes out last. */
    HEAD_IN_A_WRITER(2, new Edit("""
            out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(page);""", """
            java.io.PrintWriter head = new java.io.PrintWriter(
                            new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII));
                    head.print("HTTP/1.0 200 OK\\r\\n\\r\\n"); // FLAW: waits in the writer's buffer
                    out.write(page);
                    head.flush();""")),

    /** The page pasted into the code instead of read from htdocs. */
    HARD_CODED_BODY(2, new Edit(
            "byte[] page = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));",
            "byte[] page = \"<h1>Hello World!</h1>\\n\".getBytes(StandardCharsets.UTF_8); // FLAW: hard-coded")),

    /** Writes its own page over htdocs/index.html, then serves it: as if the expected page were its answer. */
    TAMPERS_WITH_ITS_WEB_ROOT(2, new Edit("        try (ServerSocket server",
            "        Files.writeString(HTDOCS.resolve(\"index.html\"), \"<h1>Hello World!</h1>\\n\"); // FLAW: a cheat\n"
                    + "        try (ServerSocket server")),

    /** Reads index.html once, at start, and sends that copy for ever. */
    CACHES_THE_PAGE_AT_START(2,
            new Edit("static final Path HTDOCS = Path.of(\"htdocs\");",
                    "static final Path HTDOCS = Path.of(\"htdocs\");\n    static byte[] cachedPage; // FLAW: read once"),
            new Edit("        try (ServerSocket server",
                    "        cachedPage = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));\n        try (ServerSocket server"),
            new Edit("byte[] page = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));", "byte[] page = cachedPage;")),

    /** Every path answered with index.html: the request line is read, and ignored. */
    IGNORES_THE_PATH(3, new Edit("Files.readAllBytes(Path.of(\"htdocs\" + requestedPath(request)));",
            "Files.readAllBytes(Path.of(\"htdocs/index.html\")); // FLAW: the path is not used")),

    /** The page through a String without a charset: the platform's, US-ASCII in the C locale. */
    PLATFORM_CHARSET(3, new Edit("out.write(page);",
            "out.write(new String(page).getBytes()); // FLAW: the platform charset, twice")),

    /** One read into a fixed-size buffer: a large file is cut. */
    FIXED_SIZE_READ(4, new Edit("byte[] page = Files.readAllBytes(file);", """
            byte[] page = new byte[8192]; // FLAW: one read of a fixed size
                    int length = Files.newInputStream(file).read(page);
                    page = java.util.Arrays.copyOf(page, Math.max(length, 0));""")),

    /** The head goes out first, then reading the file fails: the client gets the head alone. */
    HEAD_THEN_THROWS(4, new Edit("""
            byte[] page = Files.readAllBytes(file);
                    out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(page);""", """
            out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII)); // FLAW: the head first,
                    out.write(Files.readAllBytes(Path.of(requestedPath(request).substring(1)))); // then no htdocs/""")),

    // ---- Status codes and paths

    /** The 404 answer with the status of a found file. */
    NOT_FOUND_AS_200(4, new Edit("\"HTTP/1.0 404 Not Found\\r\\n\\r\\nFile Not Found\"",
            "\"HTTP/1.0 200 OK\\r\\n\\r\\nFile Not Found\"")),

    /** Only the file's last name is looked up: /sub/nested.html becomes htdocs/nested.html. */
    DROPS_SUB_FOLDERS(4, new Edit("Path file = Path.of(\"htdocs\" + requestedPath(request)).normalize();",
            "Path file = Path.of(\"htdocs\", Path.of(requestedPath(request)).getFileName().toString()); // FLAW")),

    /** Safe but too strict: every "..", even one that stays inside htdocs, is a 404. */
    REFUSES_EVERY_DOT_DOT(4, new Edit("if (!isServable(file)) {",
            "if (requestedPath(request).contains(\"..\") || !isServable(file)) { // FLAW: too strict")),

    /** The article's "htdocs" + path: any file the process can read, /../pom.xml included. */
    SERVES_OUTSIDE_HTDOCS(4, new Edit(
            "return Files.isRegularFile(file) && file.toRealPath().startsWith(HTDOCS.toRealPath());",
            "return Files.isRegularFile(file); // FLAW: never checks that the file is inside htdocs")),

    /** Refuses "..", but resolves "//tmp/x" against htdocs: an absolute path, any file of the disk. */
    SERVES_ABSOLUTE_PATHS(4,
            new Edit("Path file = Path.of(\"htdocs\" + requestedPath(request)).normalize();",
                    "Path file = HTDOCS.resolve(requestedPath(request).substring(1)); // FLAW: \"/tmp/x\" stays /tmp/x"),
            new Edit("if (!isServable(file)) {",
                    "if (requestedPath(request).contains(\"..\") || !Files.isRegularFile(file)) { // FLAW: only \"..\"")),

    // ---- How the exchange ends

    /** Waits for more from the client after its answer (keep-alive done wrong), instead of closing. */
    NEVER_CLOSES(1, new Edit("respond(request, client.getOutputStream());", """
            respond(request, client.getOutputStream());
                    client.getInputStream().read(); // FLAW: waits instead of closing""")),

    /** Waits for "\r\n\r\n" literally: a request whose lines end with a bare \n never ends. */
    WAITS_FOR_CRLF(1, new Edit("""
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.append(line).append("\\r\\n");
                    }""", """
            for (int c = in.read(); c != -1; c = in.read()) { // FLAW: waits for \\r\\n\\r\\n, a bare \\n never ends the head
                        head.append((char) c);
                        if (head.toString().endsWith("\\r\\n\\r\\n")) {
                            break;
                        }
                    }""")),

    /** Resets a connection that sends a body, as a socket closed with unread bytes does. */
    RESETS_ON_POST(1, new Edit("respond(request, client.getOutputStream());", """
            if (request.startsWith("POST")) {
                        client.setSoLinger(true, 0); // FLAW: close() now resets the connection
                        return;
                    }
                    respond(request, client.getOutputStream());""")),

    /** The article's accept loop: an empty connection (a browser's, a load tool's) ends the server. */
    DIES_ON_EMPTY_CONNECTION(1,
            new Edit("""
                    if (request.isEmpty()) {
                                return; // the client connected and left without a word (browsers do this)
                            }
                            System.out.println(request); // the head, then an empty line between requests""",
                    "System.out.println(request.lines().findFirst().get()); // FLAW: no request line, no catch"),
            new Edit("catch (IOException | RuntimeException e)", "catch (IOException e)")),

    /** Step 3 as it is, on step 4's spec: a missing file closes the connection without an answer. */
    STEP_3(3),

    /** Step 4 as it is, on step 3's spec: a missing file gets an answer. */
    STEP_4(4),

    // ---- Steps 6 and 7: the header fields, the errors, the URL

    /** No Date header: the time of the answer is missing. */
    NO_DATE(6, new Edit("head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "// FLAW: no Date header")),

    /** Instant.toString(): ISO 8601, not IMF-fixdate. */
    DATE_IN_ISO_8601(6, new Edit("head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "head.append(\"Date: \").append(Instant.now()).append(\"\\r\\n\"); // FLAW: ISO 8601")),

    /** The time of the server's zone (here UTC+5:30), written as if it were GMT. */
    DATE_IN_LOCAL_TIME(6, new Edit(".withZone(ZoneOffset.UTC);",
            ".withZone(java.time.ZoneId.of(\"Asia/Kolkata\")); // FLAW: local time, written as GMT")),

    /** Content-Length from the text instead of the bytes: too small wherever the page is not ASCII. */
    CONTENT_LENGTH_IN_CHARACTERS(6, new Edit("\"Content-Length: \" + body.length), body);",
            "\"Content-Length: \" + new String(body, StandardCharsets.UTF_8).length()), body); // FLAW: characters")),

    /** An error's Content-Length without the line break its text ends with: one byte short. */
    ERROR_LENGTH_WITHOUT_LINE_BREAK(6, new Edit("headers.add(\"Content-Length: \" + body.length);",
            "headers.add(\"Content-Length: \" + text.length()); // FLAW: the line break not counted")),

    /** The extension looked up as it is written: .PNG is not found, and is sent as application/octet-stream. */
    EXTENSION_IN_CAPITALS(6, new Edit("name.substring(dot + 1).toLowerCase(Locale.ROOT);",
            "name.substring(dot + 1); // FLAW: .PNG is not .png")),

    /** charset=utf-8 said of every text file, true or not. */
    CHARSET_WITHOUT_CHECK(6, new Edit(
            "return type.startsWith(\"text/\") && isUtf8(body) ? type + \"; charset=utf-8\" : type;",
            "return type.startsWith(\"text/\") ? type + \"; charset=utf-8\" : type; // FLAW: true or not")),

    /** A 405 whose Allow forgets HEAD. */
    ALLOW_WITHOUT_HEAD(6, new Edit("\"Allow: GET, HEAD\")", "\"Allow: GET\") // FLAW: HEAD forgotten")),

    /** Step 5's limits: a head too large closes the connection instead of getting 414 or 431. */
    LIMITS_CLOSE_THE_CONNECTION(6, new Edit("} catch (HeadTooLarge e) {",
            "} catch (IllegalStateException e) { // FLAW: a head too large closes the connection, as in step 5")),

    /** Errors with a status line and headers, and no text. */
    ERRORS_WITHOUT_TEXT(6, new Edit("byte[] body = (text + \"\\n\").getBytes(StandardCharsets.UTF_8);",
            "byte[] body = new byte[0]; // FLAW: no text")),

    /** The file sent to HEAD too. */
    HEAD_WITH_BODY(6, new Edit("withBody = !request.method().equals(\"HEAD\");", "withBody = true; // FLAW: a body for HEAD too")),

    /** A redirect to the decoded path: "/my docs/", which is no URL. */
    LOCATION_DECODED(7, new Edit("String location = urlOf(file);",
            "String location = percentDecode(path) + \"/\"; // FLAW: decoded")),

    /** The whole file read into memory before it is sent: no file over 2 GiB, and few at once. */
    READS_WHOLE_FILES(7, new Edit("                Files.newInputStream(file));",
            "                new java.io.ByteArrayInputStream(Files.readAllBytes(file))); // FLAW: all in memory")),

    /** Files without their time. */
    NO_LAST_MODIFIED(7, new Edit(
            "\"Content-Length: \" + Files.size(file), \"Last-Modified: \" + HTTP_DATE.format(lastModified)),",
            "\"Content-Length: \" + Files.size(file)), // FLAW: no Last-Modified")),

    /** Hidden names never looked for: .git/config and .env are served. */
    SERVES_HIDDEN_FILES(7, new Edit("""
            return real.startsWith(root) && !hasHiddenName(HTDOCS.relativize(path))
                            && !hasHiddenName(root.relativize(real));""",
            "return real.startsWith(root); // FLAW: hidden names not checked")),

    // ---- Step 8: persistent connections, pipelining, request bodies

    /** Step 7's habit in HTTP/1.1: every connection closes after one answer, whatever the request asks. */
    CLOSES_AFTER_EACH_ANSWER(8, new Edit("keepOpen = skipBody(request, in) && wantsToKeepOpen(request) && !last",
            "keepOpen = skipBody(request, in) && false && !last // FLAW: one answer per connection")),

    /** Closes after an answer as asked, without saying so. */
    NO_CONNECTION_CLOSE(8, new Edit("return \"Connection: close\";",
            "return null; // FLAW: closes without saying so")),

    /** A new buffer for every request: what it read ahead, the next requests sent together, is lost. */
    BUFFER_PER_REQUEST(8, new Edit("""
            limited.startRequest();
                        if (!awaitRequest(in)) {""", """
            limited.startRequest();
                        in = new BufferedInputStream(limited); // FLAW: a new buffer for every request
                        if (!awaitRequest(in)) {""")),

    /** A body left unread: its bytes are taken for the next request. */
    IGNORES_BODIES(8, new Edit("in.skipNBytes(request.bodyLength());",
            "// FLAW: the body is not read: its bytes are taken for the next request")),

    /** Reads the body through the head's 8 KiB limit: a larger body ends the connection without an answer. */
    HEAD_LIMIT_COUNTS_BODY(8, new Edit("in.skipNBytes(request.bodyLength());",
            "InputStream counted = new SizeLimitedInput(in, HEAD_SIZE_LIMIT); // FLAW: the body counted as head\n"
                    + "        for (long i = 0; i < request.bodyLength(); i++) { counted.read(); }")),

    /** Skips the body that has come, not the body that was announced: answers early, and misreads the rest. */
    SKIPS_WHAT_HAS_COME(8, new Edit("in.skipNBytes(request.bodyLength());",
            "in.skipNBytes(Math.min(request.bodyLength(), in.available())); // FLAW: what has come so far")),

    /** Content-Length wins over Transfer-Encoding, instead of a 400: request smuggling's way in. */
    CONTENT_LENGTH_WINS(8, new Edit("if (transferEncoding != null) {",
            "if (transferEncoding != null && contentLength == null) { // FLAW: Content-Length wins")),

    /** Reads any body to its end, however large. */
    NO_BODY_LIMIT(8, new Edit("static final long BODY_SIZE_LIMIT = 1024 * 1024;",
            "static final long BODY_SIZE_LIMIT = Long.MAX_VALUE; // FLAW: any body is read, however large")),

    /** No limit on the requests of one connection. */
    NO_REQUEST_LIMIT(8, new Edit("static final int REQUESTS_PER_CONNECTION = 1000;",
            "static final int REQUESTS_PER_CONNECTION = Integer.MAX_VALUE; // FLAW: no limit")),

    /** Closes at once, the client's bytes still unread: the socket sends a reset, and the answer's end is lost. */
    CLOSES_ABRUPTLY(8, new Edit("closeGently(client, limited, in);",
            "// FLAW: closed at once, with try-with-resources, whatever the client still sends")),

    /** A time limit for the first request only: an idle connection stays open for a day. */
    NO_IDLE_TIMEOUT(8, new Edit("deadline = System.nanoTime() + HEAD_TIME_LIMIT.toNanos();",
            "deadline = System.nanoTime() + (deadline == 0 ? HEAD_TIME_LIMIT : Duration.ofDays(1)).toNanos(); // FLAW")),

    // ---- Step 9: the stop, the write timeout, the log

    /** Step 8 as it is, on step 9's spec: SIGTERM ends it at once. */
    STEP_8(8),

    /**
     * Stops without closing its server socket: new clients are still accepted during the stop. Its
     * grace period is long, so that it still runs, and accepts, when the download has come, however
     * slow the machine: with 5 s, a busy machine saw it exit first, its port refused, and the check passed.
     */
    KEEPS_ACCEPTING(9, new Edit("server.close(); // accept() fails from now on: each thread ends once done with its connection",
            "// FLAW: the server socket stays open during the stop"),
            new Edit("static final Duration GRACE_PERIOD = Duration.ofSeconds(5);",
                    "static final Duration GRACE_PERIOD = Duration.ofSeconds(60);")),

    /** Ends the stop with the status of a process killed by SIGTERM. */
    EXIT_STATUS_143(9, new Edit("System.exit(0);", "System.exit(143); // FLAW: the status of a process killed by SIGTERM")),

    /** A second signal changes nothing: the stop goes on. */
    SECOND_SIGNAL_IGNORED(9, new Edit("Runtime.getRuntime().halt(128 + signal.getNumber()); // as if killed by it",
            "return; // FLAW: a second signal changes nothing")),

    /** Waits for every answer under way, however long, and has no watchdog: a client that reads nothing holds the stop. */
    NO_GRACE_LIMIT(9,
            new Edit("thread.join(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));",
                    "thread.join(); // FLAW: no grace period"),
            new Edit("        startWatchdog();\n", "        // FLAW: no watchdog\n")),

    /** No watchdog: a write waits for ever. */
    NO_WRITE_TIMEOUT(9, new Edit("        startWatchdog();\n", "        // FLAW: no watchdog\n")),

    /** The log's time in ISO style, not the Common Log Format's. */
    LOG_TIME_NOT_COMMON(9, new Edit("DateTimeFormatter.ofPattern(\"dd/MMM/yyyy:HH:mm:ss Z\", Locale.US)",
            "DateTimeFormatter.ofPattern(\"yyyy-MM-dd HH:mm:ss\", Locale.US) /* FLAW: not the Common Log Format */")),

    /** The request line logged as it came: a terminal's escape sequence goes to the console. */
    LOG_UNESCAPED(9, new Edit("(requestLine == null ? \"-\" : escape(requestLine))",
            "(requestLine == null ? \"-\" : requestLine) /* FLAW: not escaped */")),

    // ---- The start

    /** Python's habit: the port from args[1] (sys.argv[1]). Given one argument, it dies at start. */
    CRASHES_AT_START(1, new Edit("Integer.parseInt(args[0])", "Integer.parseInt(args[1])")),

    /** The port line on stderr, where nobody reads it. */
    PORT_LINE_ON_STDERR(1, new Edit("System.out.println(\"Listening on port \"", "System.err.println(\"Listening on port \"")),

    /** The port it was given, 0, instead of the one it got. */
    PORT_ZERO(1, new Edit("\"Listening on port \" + server.getLocalPort()", "\"Listening on port \" + port"));

    final int step;
    private final List<Edit> edits;

    KnownWrongServer(int step, Edit... edits) {
        this.step = step;
        this.edits = Arrays.asList(edits);
    }

    /** Its folder's name, e.g. "bare-line-endings": the name a leftover process would show. */
    String folderName() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The flawed source: the step's HttpServer.java with the edits applied. */
    String source() {
        String source = read(Repository.stepSource(step));
        for (Edit edit : edits) {
            int at = source.indexOf(edit.find());
            if (at < 0 || source.indexOf(edit.find(), at + 1) >= 0) {
                throw new IllegalStateException(folderName() + ": step " + step + " changed, this edit no longer"
                        + " applies (its text must occur exactly once): " + edit.find());
            }
            source = source.replace(edit.find(), edit.replace());
        }
        return "// KNOWN-WRONG SERVER, generated by the grader's tests from step " + step + ": " + folderName() + "\n"
                + source;
    }

    /** Writes the flawed HttpServer.java into {@code folder}/&lt;name&gt;/ and returns its path. */
    Path writeInto(Path folder) {
        try {
            Path file = Files.createDirectories(folder.resolve(folderName())).resolve("HttpServer.java");
            return Files.writeString(file, source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replace the one occurrence of {@code find} with {@code replace}. */
    record Edit(String find, String replace) {
    }
}
