package httpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import httpcourse.spec.Repository;

/**
 * Servers written to be wrong, for the grader's own tests: each is one of this repository's
 * steps with one flaw, made by find-and-replace edits of the step's real sources (its whole
 * src/main/java folder, copied). So a fixture never drifts from the step it copies, and the edits
 * show exactly what the flaw is. When a step changes so that an edit no longer applies,
 * {@link #sources()} fails and says which.
 *
 * <p>GraderTest says which check each one must fail, and with which hint.
 */
enum KnownWrongServer {

    // ---- The response's head and body, byte for byte

    /** The article's line endings: bare LF. Browsers forgive it; HTTP does not. */
    BARE_LINE_ENDINGS(1, edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"HTTP/1.0 200 OK\\n\\nHello World\"")),

    /** The article's address: every network interface, so the whole network can connect. */
    LISTENS_EVERYWHERE(1, edit("new ServerSocket(port, 50, InetAddress.getLoopbackAddress())",
            "new ServerSocket(port, 50, null) /* FLAW: every address */")),

    /** The article's reason phrase, in capitals. */
    NOT_FOUND_IN_CAPITALS(4, edit("\"HTTP/1.0 404 Not Found\\r\\n\\r\\nFile Not Found\"",
            "\"HTTP/1.0 404 NOT FOUND\\r\\n\\r\\nFile Not Found\"")),

    /** No status line at all: the body alone. */
    NO_STATUS_LINE(1, edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"Hello World\"")),

    /** The version of a browser's request, instead of the step's. */
    HTTP_1_1_STATUS_LINE(1, edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"HTTP/1.1 200 OK\\r\\n\\r\\nHello World\"")),

    /** The empty line that ends the head is missing. */
    HEAD_NEVER_ENDS(1, edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"", "\"HTTP/1.0 200 OK\\r\\nHello World\"")),

    /** A header line the step does not send. */
    HEADER_LINES(1, edit("\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"",
            "\"HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nHello World\"")),

    /** println after the body: a line break too many. */
    TRAILING_LINE_BREAK(1, edit("\\r\\n\\r\\nHello World\"", "\\r\\n\\r\\nHello World\\r\\n\"")),

    /** A body with something more. */
    EXTRA_BYTES(1, edit("\\r\\n\\r\\nHello World\"", "\\r\\n\\r\\nHello World!\"")),

    /** The head written to a Writer, the body to the stream: the Writer's buffer goes out last. */
    HEAD_IN_A_WRITER(2, edit("""
                out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                out.write(page);
            """, """
                var head = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
                head.print("HTTP/1.0 200 OK\\r\\n\\r\\n"); // FLAW: waits in the writer's buffer
                out.write(page);
                head.flush();
            """)),

    /** The page pasted into the code instead of read from htdocs. */
    HARD_CODED_BODY(2, edit(
            "byte[] page = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));",
            "byte[] page = \"<h1>Hello World!</h1>\\n\".getBytes(StandardCharsets.UTF_8); // FLAW: hard-coded")),

    /** Writes its own page over htdocs/index.html, then serves it: as if the expected page were its answer. */
    TAMPERS_WITH_ITS_WEB_ROOT(2, edit("    try (var server",
            "    Files.writeString(HTDOCS.resolve(\"index.html\"), \"<h1>Hello World!</h1>\\n\"); // FLAW: a cheat\n"
                    + "    try (var server")),

    /** Reads index.html once, at start, and sends that copy for ever. */
    CACHES_THE_PAGE_AT_START(2,
            edit("final Path HTDOCS = Path.of(\"htdocs\");",
                    "final Path HTDOCS = Path.of(\"htdocs\");\nbyte[] cachedPage; // FLAW: read once"),
            edit("    try (var server",
                    "    cachedPage = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));\n    try (var server"),
            edit("byte[] page = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));", "byte[] page = cachedPage;")),

    /** Every path answered with index.html: the request line is read, and ignored. */
    IGNORES_THE_PATH(3, edit("Files.readAllBytes(Path.of(\"htdocs\" + requestedPath(request)));",
            "Files.readAllBytes(Path.of(\"htdocs/index.html\")); // FLAW: the path is not used")),

    /**
     * The page glued to the head in a String, read as ISO-8859-1 (as the request is) and written as
     * UTF-8: each byte beyond ASCII becomes two. (Through the platform's charset, as in Java 17, it
     * no longer shows: from Java 18 on, the platform's charset is UTF-8 everywhere.)
     */
    PAGE_THROUGH_A_STRING(3, edit("""
                out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                out.write(page);
            """, """
                String answer = "HTTP/1.0 200 OK\\r\\n\\r\\n" + new String(page, StandardCharsets.ISO_8859_1);
                out.write(answer.getBytes(StandardCharsets.UTF_8)); // FLAW: read as one charset, written as another
            """)),

    /** One read into a fixed-size buffer: a large file is cut. */
    FIXED_SIZE_READ(4, edit("""
                byte[] page = Files.readAllBytes(file);
            """, """
                byte[] page = new byte[8192]; // FLAW: one read of a fixed size
                int length = Files.newInputStream(file).read(page);
                page = Arrays.copyOf(page, Math.max(length, 0));
            """)),

    /** The head goes out first, then reading the file fails: the client gets the head alone. */
    HEAD_THEN_THROWS(4, edit("""
                byte[] page = Files.readAllBytes(file);
                out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                out.write(page);
            """, """
                out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII)); // FLAW: the head first,
                out.write(Files.readAllBytes(Path.of(requestedPath(request).substring(1)))); // then no htdocs/
            """)),

    // ---- Status codes and paths

    /** The 404 answer with the status of a found file. */
    NOT_FOUND_AS_200(4, edit("\"HTTP/1.0 404 Not Found\\r\\n\\r\\nFile Not Found\"",
            "\"HTTP/1.0 200 OK\\r\\n\\r\\nFile Not Found\"")),

    /** Only the file's last name is looked up: /sub/nested.html becomes htdocs/nested.html. */
    DROPS_SUB_FOLDERS(4, edit("Path file = Path.of(\"htdocs\" + requestedPath(request)).normalize();",
            "Path file = Path.of(\"htdocs\", Path.of(requestedPath(request)).getFileName().toString()); // FLAW")),

    /** Safe but too strict: every "..", even one that stays inside htdocs, is a 404. */
    REFUSES_EVERY_DOT_DOT(4, edit("if (!isServable(file)) {",
            "if (requestedPath(request).contains(\"..\") || !isServable(file)) { // FLAW: too strict")),

    /** The article's "htdocs" + path: any file the process can read, /../pom.xml included. */
    SERVES_OUTSIDE_HTDOCS(4, edit(
            "return Files.isRegularFile(file) && file.toRealPath().startsWith(HTDOCS.toRealPath());",
            "return Files.isRegularFile(file); // FLAW: never checks that the file is inside htdocs")),

    /** Refuses "..", but resolves "//tmp/x" against htdocs: an absolute path, any file of the disk. */
    SERVES_ABSOLUTE_PATHS(4,
            edit("Path file = Path.of(\"htdocs\" + requestedPath(request)).normalize();",
                    "Path file = HTDOCS.resolve(requestedPath(request).substring(1)); // FLAW: \"/tmp/x\" stays /tmp/x"),
            edit("if (!isServable(file)) {",
                    "if (requestedPath(request).contains(\"..\") || !Files.isRegularFile(file)) { // FLAW: only \"..\"")),

    // ---- How the exchange ends

    /** Waits for more from the client after its answer (keep-alive done wrong), instead of closing. */
    NEVER_CLOSES(1, edit("        respond(request, client.getOutputStream());\n", """
                    respond(request, client.getOutputStream());
                    client.getInputStream().read(); // FLAW: waits instead of closing
            """)),

    /** Waits for "\r\n\r\n" literally: a request whose lines end with a bare \n never ends. */
    WAITS_FOR_CRLF(1, edit("""
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    head.append(line).append("\\r\\n");
                }
            """, """
                for (int c = in.read(); c != -1; c = in.read()) { // FLAW: waits for \\r\\n\\r\\n: a bare \\n never ends the head
                    head.append((char) c);
                    if (head.toString().endsWith("\\r\\n\\r\\n")) {
                        break;
                    }
                }
            """)),

    /** Resets a connection that sends a body, as a socket closed with unread bytes does. */
    RESETS_ON_POST(1, edit("        respond(request, client.getOutputStream());\n", """
                    if (request.startsWith("POST")) {
                        client.setSoLinger(true, 0); // FLAW: close() now resets the connection
                        return;
                    }
                    respond(request, client.getOutputStream());
            """)),

    /** The article's accept loop: an empty connection (a browser's, a load tool's) ends the server. */
    DIES_ON_EMPTY_CONNECTION(1,
            edit("""
                        if (!request.isEmpty()) { // empty: the client left without a word (browsers do this)
                            IO.println(request); // the head, then an empty line between requests
                            respond(request, client.getOutputStream());
                        }
                    """, """
                        IO.println(request.lines().findFirst().get()); // FLAW: no request line, no catch
                        respond(request, client.getOutputStream());
                    """),
            edit("catch (IOException | RuntimeException e)", "catch (IOException e)")),

    /** Step 3 as it is, on step 4's spec: a missing file closes the connection without an answer. */
    STEP_3(3),

    /** Step 4 as it is, on step 3's spec: a missing file gets an answer. */
    STEP_4(4),

    // ---- Many clients (step 5)

    /** A head without end gathered in memory: no size limit, and time enough to read 64 MiB. */
    NO_HEAD_SIZE_LIMIT(5,
            in("LimitedInput.java", """
                            if (bytesLeft <= 0) {
                                throw new TooLarge(); // a head that never ends: nobody can wait for its end
                            }
                    """, "        // FLAW: no size limit\n"),
            in("LimitedInput.java", "Math.min(length, bytesLeft)", "length"),
            in("LimitedInput.java", "Duration.ofSeconds(10);", "Duration.ofSeconds(60); // to read 64 MiB, however busy")),

    /**
     * A limit per line, none for the head: header lines without end are read for ever. (It keeps
     * the request line only: kept, millions of header lines would fill the memory, and the
     * OutOfMemoryError would close the connection.)
     */
    LIMIT_PER_LINE(5,
            in("LimitedInput.java", """
                            if (bytesLeft <= 0) {
                                throw new TooLarge(); // a head that never ends: nobody can wait for its end
                            }
                    """, "        // FLAW: no size limit for the head...\n"),
            in("LimitedInput.java", "Math.min(length, bytesLeft)", "length"),
            in("LimitedInput.java", "Duration.ofSeconds(10);", "Duration.ofSeconds(60); // to read 64 MiB, however busy"),
            in("Request.java", """
                            line.append((char) b); // ISO-8859-1: each byte is one char, nothing lost or guessed
                    """, """
                            if (line.length() == 8192) {
                                throw new IOException("a line longer than 8 KiB"); // FLAW: ...but one for each line
                            }
                            line.append((char) b);
                    """),
            in("Request.java", "                head.add(line);", "                head.add(head.isEmpty() ? line : \"\");")),

    /** No timeout at all: a silent client holds a thread for ever. */
    NO_READ_TIMEOUT(5, in("LimitedInput.java",
            "client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left",
            "// FLAW: no timeout")),

    /** A timeout for each read, none for the whole head: a byte a second keeps a thread for ever. */
    TIMEOUT_PER_READ(5,
            in("LimitedInput.java", """
                            if (millisLeft <= 0) {
                                throw new SocketTimeoutException("No request head within " + TIME.toSeconds() + " s");
                            }
                    """, "        // FLAW: no deadline for the whole head\n"),
            in("LimitedInput.java", "client.setSoTimeout((int) millisLeft);", "client.setSoTimeout((int) TIME.toMillis());")),

    /** A pool of 50 threads: 300 clients that each hold half a request keep every one of them busy. */
    FIXED_POOL(5, edit("Executors.newVirtualThreadPerTaskExecutor(); // a new virtual thread per task",
            "Executors.newFixedThreadPool(50); // FLAW: 50 threads, whatever the number of clients")),

    /** Step 4 as it is, on step 5's spec: busy with one client, it leaves the others in a queue of 50. */
    STEP_4_IN_A_CROWD(4),

    /** A pool of threads that each serve connections until an exception, which nothing catches, ends them. */
    THREADS_DIE(4, edit("""
                        while (true) {
                            // One connection at a time: accept it, serve it, close it, then the next one.
                            try (Socket client = server.accept()) {
                                serve(client);
                            } catch (IOException | RuntimeException e) {
                                IO.println("Connection failed: " + e); // only this connection failed: go on
                            }
                        }
                """, """
                        List<Thread> pool = new ArrayList<>(); // FLAW: threads that an exception ends
                        for (int i = 0; i < 8; i++) {
                            pool.add(Thread.ofPlatform().start(() -> {
                                while (true) {
                                    try (Socket client = server.accept()) {
                                        serve(client);
                                    } catch (IOException e) { // a RuntimeException ends the thread
                                        IO.println("Connection failed: " + e);
                                    }
                                }
                            }));
                        }
                        for (Thread thread : pool) {
                            try {
                                thread.join();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                """)),

    /** The whole file read into memory before it is sent: no file over 2 GiB, and few at once. */
    READS_WHOLE_FILES(5, edit("try (InputStream page = Files.newInputStream(file)) {",
            "try (InputStream page = new ByteArrayInputStream(Files.readAllBytes(file))) { // FLAW: all in memory")),

    // ---- Step 6: complete answers

    /** No Date header: the time of the answer is missing. */
    NO_DATE(6, in("Response.java", "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "// FLAW: no Date header")),

    /** Instant.toString(): ISO 8601, not IMF-fixdate. */
    DATE_IN_ISO_8601(6, in("Response.java",
            "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "head.append(\"Date: \").append(Instant.now()).append(\"\\r\\n\"); // FLAW: ISO 8601")),

    /** The time of the server's zone (here UTC+5:30), written as if it were GMT. */
    DATE_IN_LOCAL_TIME(6, in("Response.java", ".withZone(ZoneOffset.UTC);",
            ".withZone(ZoneId.of(\"Asia/Kolkata\")); // FLAW: local time, written as GMT")),

    /**
     * A text's Content-Length from its characters instead of its bytes: too small wherever the text
     * is not ASCII. (Other files keep their length: their bytes decoded as UTF-8 would make as many
     * characters, or not, by chance.)
     */
    CONTENT_LENGTH_IN_CHARACTERS(6, in("Response.java", "\"Content-Length: \" + length",
            "\"Content-Length: \" + (type.startsWith(\"text/\") /* FLAW: a text's characters */\n"
                    + "                ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).length()"
                    + " : length)")),

    /** An error's Content-Length without the line break its text ends with: one byte short. */
    ERROR_LENGTH_WITHOUT_LINE_BREAK(6, in("Response.java", "\"Content-Length: \" + body.length)",
            "\"Content-Length: \" + text.length()) /* FLAW: the line break not counted */")),

    /** The extension looked up as it is written: .PNG is not found, and is sent as application/octet-stream. */
    EXTENSION_IN_CAPITALS(6, in("MediaTypes.java", "name.substring(dot + 1).toLowerCase(Locale.ROOT);",
            "name.substring(dot + 1); // FLAW: .PNG is not .png")),

    /** charset=utf-8 said of every text file, true or not. */
    CHARSET_WITHOUT_CHECK(6, in("MediaTypes.java",
            "return type.startsWith(\"text/\") && isUtf8(file) ? type + \"; charset=utf-8\" : type;",
            "return type.startsWith(\"text/\") ? type + \"; charset=utf-8\" : type; // FLAW: true or not")),

    /** Errors with a status line and headers, and no text. */
    ERRORS_WITHOUT_TEXT(6, in("Response.java", "byte[] body = (text + \"\\n\").getBytes(StandardCharsets.UTF_8);",
            "byte[] body = new byte[0]; // FLAW: no text")),

    /** The file sent to HEAD too. */
    HEAD_WITH_BODY(6, edit("response.send(out, !request.startsWith(\"HEAD \"));",
            "response.send(out, true); // FLAW: a body for HEAD too")),

    /** Files.exists where Files.isRegularFile is needed: a named pipe is opened, and the open waits for a writer. */
    FIFO_OPENED(6, edit("return Files.isRegularFile(file) && file.toRealPath()",
            "return Files.exists(file) /* FLAW: a pipe, a folder too */ && file.toRealPath()")),

    /** A file's length through an int: beyond 2 GiB, a negative Content-Length. */
    CONTENT_LENGTH_OVERFLOW(6, in("Response.java", "\"Content-Length: \" + length",
            "\"Content-Length: \" + (int) length /* FLAW: an int */")),

    // ---- Step 7: a clear no

    /** No 405: every method but GET and HEAD gets 501, as if HTTP did not define it. */
    METHOD_NOT_405(7, in("Request.java", "if (OTHER_METHODS.contains(method)) {",
            "if (false) { // FLAW: no 405")),

    /** 405 for every method but GET and HEAD, even one nobody defined. */
    UNKNOWN_METHOD_NOT_501(7, in("Request.java", "if (OTHER_METHODS.contains(method)) {",
            "if (!method.equals(\"GET\") && !method.equals(\"HEAD\")) { // FLAW: 405 for any method")),

    /** Method names compared in any letter case: "get" is served like GET. */
    METHOD_CASE_IGNORED(7, in("Request.java", "if (!method.equals(\"GET\") && !method.equals(\"HEAD\")) {",
            "if (!method.equalsIgnoreCase(\"GET\") && !method.equalsIgnoreCase(\"HEAD\")) { // FLAW: \"get\" is GET")),

    /** Any number of spaces between the request line's words, as a split on spaces takes them. */
    REQUEST_LINE_NOT_CHECKED(7, in("Request.java", "\") ([\\\\x21-\\\\x7E]+) (HTTP",
            "\") +([\\\\x21-\\\\x7E]+) +(HTTP")),

    /** A CR dropped wherever it is, a bare one too: "a\rb" is read as "ab". */
    BARE_CR_ACCEPTED(7, in("Request.java", "line.append((char) b); // ISO-8859-1",
            "if (b != '\\r') line.append((char) b); // FLAW: a CR dropped, wherever it is. ISO-8859-1")),

    /** Spaces before a header's colon accepted: "Host : localhost" is read as Host. */
    HEADER_LINE_NOT_CHECKED(7, in("Request.java", "\"(\" + TOKEN + \"):(", "\"(\" + TOKEN + \") *:(")),

    /** An HTTP/1.1 request without Host, or with two, served. */
    HOST_NOT_CHECKED(7, in("Request.java",
            "if (!version.equals(\"HTTP/1.0\") && (host == null || host.contains(\",\"))) {",
            "if (false) { // FLAW: Host never checked")),

    /** The version never checked: HTTP/2.0 and HTTP/0.9 served as HTTP/1.x. */
    VERSION_NOT_CHECKED(7, in("Request.java", "if (!version.startsWith(\"HTTP/1.\")) {",
            "if (false) { /* FLAW: any version */")),

    /** A head limit of 4 KiB: a long URL, a head with cookies, refused. */
    HEAD_LIMIT_TOO_SMALL(7, in("LimitedInput.java", "static final int SIZE = 8192;",
            "static final int SIZE = 4096; // FLAW: under the 8 000 bytes RFC 9112 recommends")),

    /** An empty line before the request line taken for the end of an empty head: no answer. */
    EMPTY_LINE_NOT_IGNORED(7, in("Request.java", "} else if (!head.isEmpty()) {",
            "} else { // FLAW: an empty line first ends an empty head")),

    /** A 405 whose Allow forgets HEAD. */
    ALLOW_WITHOUT_HEAD(7, in("Request.java", "\"Allow: GET, HEAD\")", "\"Allow: GET\") /* FLAW: HEAD forgotten */")),

    /** Step 5's limits: a head too large closes the connection instead of getting 414 or 431. */
    LIMITS_CLOSE_THE_CONNECTION(7, in("Request.java", "} catch (LimitedInput.TooLarge e) {",
            "} catch (IllegalStateException e) { // FLAW: a head too large closes the connection, as in step 5")),

    // ---- Step 8: the target is a URL

    /** The path used as it came: %20 is looked for as "%20". */
    NOT_PERCENT_DECODED(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = path; // FLAW: not decoded")),

    /** URLDecoder, which decodes form data: "+" becomes a space. */
    PLUS_DECODED_AS_SPACE(8, in("Htdocs.java", "String decoded = percentDecode(path);",
            "String decoded = URLDecoder.decode(path, StandardCharsets.UTF_8); // FLAW: form data, not a path")),

    /** The two characters after % never checked: Integer.parseInt reads "+4" and "-1". */
    MALFORMED_ESCAPE_ACCEPTED(8,
            in("Htdocs.java", "i + 2 < path.length() && HexFormat.isHexDigit(path.charAt(i + 1))\n"
                    + "                    && HexFormat.isHexDigit(path.charAt(i + 2))",
                    "i + 2 < path.length() /* FLAW: the two characters not checked */"),
            in("Htdocs.java", "HexFormat.fromHexDigits(path, i + 1, i + 3)",
                    "Integer.parseInt(path, i + 1, i + 3, 16)")),

    /** Bytes that are no UTF-8 replaced with U+FFFD, not refused. */
    NOT_UTF8_ACCEPTED(8, in("Htdocs.java", "StandardCharsets.UTF_8.newDecoder()",
            "StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE) /* FLAW */")),

    /** The query kept in the path, and decoded with it. */
    QUERY_NOT_IGNORED(8, in("Htdocs.java", "int query = pathAndQuery.indexOf('?');",
            "int query = -1; /* FLAW: the query is part of the path */")),

    /** Only a path as target: a whole URL gets 400. */
    ABSOLUTE_FORM_REFUSED(8, in("Htdocs.java", "ABSOLUTE_FORM.matcher(target)",
            "ABSOLUTE_FORM.matcher(\"\") /* FLAW: a URL never matches */")),

    /** Decoded, never normalized: "sub/.." is left in the path, and its ".." counts as a hidden name. */
    NOT_NORMALIZED_AFTER_DECODING(8, in("Htdocs.java", "return Path.of(ROOT + decoded).normalize();",
            "return Path.of(ROOT + decoded); // FLAW: not normalized")),

    /** Only "/" has an index, as in step 7: any other folder's URL gets 404. */
    FOLDER_INDEX_NOT_SERVED(8, edit("file = file.resolve(\"index.html\");",
            "file = path.equals(\"/\") ? file.resolve(\"index.html\") : file; // FLAW: only / has an index")),

    /** A folder without its slash served as it is: its index.html's relative links lead to its parent. */
    FOLDER_NOT_REDIRECTED(8, edit("if (!path.endsWith(\"/\")) {", "if (false) { /* FLAW: no redirect */")),

    /** A redirect to the request's own path: //docs gets Location: //docs/, a host named docs. */
    OPEN_REDIRECT(8, edit("String location = Htdocs.urlOf(file);",
            "String location = path + \"/\"; // FLAW: the request's path")),

    /** A redirect to the decoded path: "/my docs/", which is no URL. */
    LOCATION_DECODED(8, edit("String location = Htdocs.urlOf(file);",
            "String location = Htdocs.percentDecode(path) + \"/\"; // FLAW: decoded")),

    /** Hidden names never looked for: .git/config and .env are served. */
    SERVES_HIDDEN_FILES(8, in("Htdocs.java",
            "return real.startsWith(root) && !isHidden(ROOT.relativize(path)) && !isHidden(root.relativize(real));",
            "return real.startsWith(root); // FLAW: hidden names not checked")),

    // ---- Step 9: caching

    /** If-Modified-Since never read. */
    IF_MODIFIED_SINCE_IGNORED(9, in("Validators.java", "String since = headers.get(\"if-modified-since\");",
            "String since = null; // FLAW: If-Modified-Since never read")),

    /** The file's time kept with its fractions of a second, which its Last-Modified drops: never equal. */
    FILE_TIME_NOT_TRUNCATED(9, in("Validators.java", "modified.toInstant().truncatedTo(ChronoUnit.SECONDS)",
            "modified.toInstant() /* FLAW: fractions of a second kept */")),

    /** 304 only for the very time of the file, not for a later one. */
    IF_MODIFIED_SINCE_EQUALITY(9, in("Validators.java",
            "!lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)))",
            "lastModified.equals(Instant.from(Response.HTTP_DATE.parse(since))) /* FLAW: equal only */")),

    /** 304 for any If-Modified-Since, whatever its date. */
    NOT_MODIFIED_FOR_A_NEWER_FILE(9, in("Validators.java",
            "return since != null && !lastModified.isAfter(Instant.from(Response.HTTP_DATE.parse(since)));",
            "return since != null; // FLAW: any date")),

    /** If-None-Match never read. */
    IF_NONE_MATCH_IGNORED(9, in("Validators.java", "String noneMatch = headers.get(\"if-none-match\");",
            "String noneMatch = null; // FLAW: If-None-Match never read")),

    /** If-None-Match compared whole with the tag: a list never matches. */
    IF_NONE_MATCH_LIST(9, in("Validators.java", "Stream.of(noneMatch.split(\",\"))",
            "Stream.of(noneMatch) /* FLAW: not split */")),

    /** A weak tag compared strongly: W/"..." never matches. */
    IF_NONE_MATCH_WEAK(9, in("Validators.java", ".replaceFirst(\"^W/\", \"\")", " /* FLAW: W/ kept */")),

    /** If-None-Match: * not matched. */
    IF_NONE_MATCH_STAR(9, in("Validators.java", "tag.equals(etag) || tag.equals(\"*\")",
            "tag.equals(etag) /* FLAW: * forgotten */")),

    /** If-Modified-Since read beside If-None-Match: it overrides the tags. */
    IF_MODIFIED_SINCE_WINS(9, in("Validators.java", "if (noneMatch != null) {",
            "if (noneMatch != null && headers.get(\"if-modified-since\") == null) { // FLAW: the date wins")),

    /** A tag of the file's length alone: an edit that keeps the length keeps the tag. */
    ETAG_UNCHANGED(9, in("Validators.java",
            "+ \"-\"\n                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS))",
            "/* FLAW: the length alone */")),

    /** A tag of the clock: new for every request, so no copy ever matches it. */
    ETAG_UNSTABLE(9, in("Validators.java", "Long.toHexString(attributes.size())",
            "Long.toHexString(System.nanoTime()) /* FLAW: the clock */")),

    /** A 304 without the ETag (and Last-Modified) a 200 would have. */
    NOT_MODIFIED_WITHOUT_ETAG(9, edit("new Response(\"304 Not Modified\", validators.headers(),",
            "new Response(\"304 Not Modified\", List.of() /* FLAW: no ETag */,")),

    /** Only GET is conditional: HEAD with the file's ETag gets 200. */
    HEAD_NOT_CONDITIONAL(9, edit("if (validators.match(request.headers())) {",
            "if (request.method().equals(\"GET\") && validators.match(request.headers())) { /* FLAW: GET only */")),

    /** Files without their time. */
    NO_LAST_MODIFIED(9, in("Validators.java",
            "return List.of(\"Last-Modified: \" + Response.HTTP_DATE.format(lastModified), \"ETag: \" + etag);",
            "return List.of(\"ETag: \" + etag); // FLAW: no Last-Modified")),

    /** An entity tag without its double quotes. */
    ETAG_WITHOUT_QUOTES(9, in("Validators.java", "String etag = \"\\\"\" + Long.toHexString(attributes.size()) + \"-\"\n"
            + "                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS)) + \"\\\"\";",
            "String etag = Long.toHexString(attributes.size()) + \"-\" // FLAW: no quotes\n"
                    + "                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS));")),

    // ---- Step 10: keep-alive

    /** Step 9's habit in HTTP/1.1: every connection closes after one answer, whatever the request asks. */
    CLOSES_AFTER_EACH_ANSWER(10, edit("keepOpen = request.wantsToKeepOpen() && !request.hasBody() && !last;",
            "keepOpen = false; // FLAW: one answer per connection")),

    /** Closes after an answer as asked, without saying so. */
    NO_CONNECTION_CLOSE(10, edit("keepOpen ? \"Connection: keep-alive\" : \"Connection: close\"",
            "keepOpen ? \"Connection: keep-alive\" : \"X-Closing: yes\" /* FLAW: closes without saying so */")),

    /** A new buffer for every request: what it read ahead, the next requests sent together, is lost. */
    BUFFER_PER_REQUEST(10, edit("        in.startRequest();\n",
            "        in = new LimitedInput(client); // FLAW: a new buffer for every request\n")),

    /** No limit on the requests of one connection. */
    NO_REQUEST_LIMIT(10, edit("final int REQUESTS_PER_CONNECTION = 1000;",
            "final int REQUESTS_PER_CONNECTION = Integer.MAX_VALUE; // FLAW: no limit")),

    /** A time limit for the first request only: an idle connection stays open for as long as it likes. */
    NO_IDLE_TIMEOUT(10, in("LimitedInput.java", "deadline = System.nanoTime() + TIME.toNanos();",
            "deadline = System.nanoTime() + (deadline == 0 ? TIME : Duration.ofDays(1)).toNanos(); // FLAW")),

    /** Connection's options compared in their letter case: "Close" is not close, "Keep-Alive" not keep-alive. */
    OPTION_CASE_KEPT(10, in("Request.java", ".map(option -> option.strip().toLowerCase(Locale.ROOT)).toList();",
            ".map(String::strip).toList(); // FLAW: the options' letter case kept")),

    /** Connection's whole value compared: "keep-alive, close" is neither keep-alive nor close. */
    OPTION_LIST_NOT_SPLIT(10, in("Request.java", "Stream.of(headers.getOrDefault(\"connection\", \"\").split(\",\"))",
            "Stream.of(headers.getOrDefault(\"connection\", \"\")) /* FLAW: not split at the commas */")),

    // ---- Step 11: request bodies

    /** A body left unread: its bytes are taken for the next request. */
    IGNORES_BODIES(11, in("Body.java", "                in.skipNBytes(length);\n",
            "                // FLAW: the body is not read: its bytes are taken for the next request\n")),

    /** Reads the body through the head's 8 KiB limit: a larger body ends the connection without an answer. */
    HEAD_LIMIT_COUNTS_BODY(11, in("Body.java", "        in.startBody(LIMIT);\n",
            "        // FLAW: the body is read within the head's limit of 8 KiB\n")),

    /** Skips the body that has come, not the body that was announced: answers early, and misreads the rest. */
    SKIPS_WHAT_HAS_COME(11, in("Body.java", "                in.skipNBytes(length);\n",
            "                in.skipNBytes(Math.min(length, in.available())); // FLAW: what has come so far\n")),

    /** Content-Length wins over Transfer-Encoding, instead of a 400: request smuggling's way in. */
    CONTENT_LENGTH_WINS(11, in("Request.java", "if (transferEncoding != null) {",
            "if (transferEncoding != null && contentLength == null) { // FLAW: Content-Length wins")),

    /** Reads any body to its end, however large. */
    NO_BODY_LIMIT(11, in("Body.java", "static final int LIMIT = 1024 * 1024;",
            "static final int LIMIT = Integer.MAX_VALUE; // FLAW: any body is read, however large")),

    /** Closes at once, the client's bytes still unread: the socket sends a reset, and the answer's end is lost. */
    CLOSES_ABRUPTLY(11, edit("    closeGently(client, in);\n",
            "    // FLAW: closed at once, whatever the client still sends\n")),

    /** Never reads a body: it closes the connection after the answer instead, as step 10 did. */
    BODY_NEVER_READ(11, in("Body.java", "if (length != 0 && awaited || length > LIMIT) {",
            "if (length != 0) { // FLAW: no body is read: the connection closes after it, as in step 10")),

    /** A chunk's size read as lower-case hex alone, with nothing after it: "1A" and ";part=2" are refused. */
    CHUNK_SIZE_TOO_STRICT(11, in("Body.java", "Pattern.compile(\"([0-9A-Fa-f]{1,15})[ \\\\t]*(;.*)?\");",
            "Pattern.compile(\"([0-9a-f]{1,15})\"); // FLAW: no capitals, no extensions")),

    /** The chunks read up to the last one, the trailer lines after it left unread. */
    TRAILER_LEFT_UNREAD(11, in("Body.java", """
                    for (String trailer = Request.readLine(in); trailer != null && !trailer.isEmpty(); ) {
                        trailer = Request.readLine(in); // fields about the body, forgotten with it
                    }
            """, "        // FLAW: the trailer lines are left unread\n")),

    /** Expect: 100-continue ignored: the server waits for a body that waits for its word. */
    EXPECT_IGNORED(11, in("Body.java", "if (length != 0 && awaited || length > LIMIT) {",
            "if (length > LIMIT) { // FLAW: Expect: 100-continue ignored, the body awaited")),

    // ---- Step 12: a graceful stop

    /** Step 11 as it is, on step 12's spec: SIGTERM ends it at once. */
    STEP_11(11),

    /** Stops without closing its server socket: new clients are still accepted during the stop, up to its exit. */
    KEEPS_ACCEPTING(12,
            edit("    stop(threads);\n}", "}"),
            edit("    try (var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())) {",
                    "    var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress()); // FLAW: left open\n"
                            + "    {"),
            edit("                if (stopAsked != 0) {\n                    break;",
                    "                if (stopAsked != 0) {\n                    stop(threads);\n                    break;")),

    /** Ends the stop with the status of a process killed by SIGTERM. */
    EXIT_STATUS_143(12, edit("    stop(threads);\n}", "    stop(threads);\n    System.exit(143); // FLAW: the status of a process killed by SIGTERM\n}")),

    /** A second signal changes nothing: the stop goes on. */
    SECOND_SIGNAL_IGNORED(12, edit("Runtime.getRuntime().halt(128 + signal.getNumber()); // the status of a process killed by it",
            "return; // FLAW: a second signal changes nothing")),

    /** Waits for every answer under way, however long: a client that reads nothing holds the stop for ever. */
    NO_GRACE_LIMIT(12, edit("threads.awaitTermination(Math.max(nanosLeft, 0), TimeUnit.NANOSECONDS);",
            "threads.awaitTermination(1, TimeUnit.DAYS); // FLAW: no grace period")),

    /** Handles the signal, and exits at once with status 0: no grace period for the answers under way. */
    EXITS_AT_ONCE(12, edit("            stopAsked = System.nanoTime();\n",
            "            System.exit(0); // FLAW: no grace period: the answers under way are cut\n")),

    /** Stops accepting at the signal: the connections still in the system's queue are reset with the socket. */
    QUEUE_LEFT(12, edit("while (stopAsked == 0 || System.nanoTime() - stopAsked < GRACE_PERIOD.toNanos()) {",
            "while (stopAsked == 0) { // FLAW: the system's queue is not emptied")),

    /** The idle connections left open to the end of the stop, instead of closed when it begins. */
    IDLE_LEFT_OPEN(12, edit("connections.forEach(Connection::closeIfIdle); // after stopAsked: see Connection.awaitRequest",
            "// FLAW: the idle connections are left to the end of the stop")),

    // ---- Step 13: a server to leave running

    /** No watchdog: a write waits for ever. */
    NO_WRITE_TIMEOUT(13, edit("        startWatchdog();\n", "        // FLAW: no watchdog\n")),

    /** The log's time in ISO style, not the Common Log Format's. */
    LOG_TIME_NOT_COMMON(13, in("AccessLog.java", "DateTimeFormatter.ofPattern(\"dd/MMM/yyyy:HH:mm:ss Z\", Locale.US)",
            "DateTimeFormatter.ofPattern(\"yyyy-MM-dd HH:mm:ss\", Locale.US) /* FLAW: not the Common Log Format */")),

    /** The request line logged as it came: a terminal's escape sequence goes to the console. */
    LOG_UNESCAPED(13, in("AccessLog.java", "(requestLine == null ? \"-\" : escape(requestLine))",
            "(requestLine == null ? \"-\" : requestLine) /* FLAW: not escaped */")),

    /** Quotes and backslashes of the request line logged as they are: a client can write the log's fields. */
    LOG_QUOTES_RAW(13, in("AccessLog.java", "if (c < 0x20 || c > 0x7E || c == '\"' || c == '\\\\') {",
            "if (c < 0x20 || c > 0x7E) { // FLAW: quotes and backslashes as they are")),

    /** At most 1500 connections at once: a crowd of 2000 idle clients locks out every other until it times out. */
    CONNECTION_CAP_TOO_LOW(13, edit("new Semaphore(10_000);", "new Semaphore(1500); // FLAW: a crowd holds more")),

    // ---- Step 14: measured and tuned

    /** The time taken, but not in the header's format: seconds, without its metric's name. */
    SERVER_TIMING_IN_SECONDS(14, edit("\"Server-Timing: app;dur=\" + (System.nanoTime() - started) / 1000 / 1000.0",
            "\"Server-Timing: \" + (System.nanoTime() - started) / 1e9 + \" s\" /* FLAW: not name;dur=ms */")),

    // ---- Step 15: uploads

    /** Step 14 as it is, on step 15's spec: every PUT gets 405 Method Not Allowed. */
    STEP_14(14),

    /** A new file answered 200 OK, as if it had been there. */
    CREATED_AS_200(15, in("Upload.java", "Response.text(\"201 Created\", \"stored at \" + url)",
            "Response.text(\"200 OK\", \"stored at \" + url) /* FLAW: not 201 Created */")),

    /** Location: the file's path on the server's disk, not its URL. */
    LOCATION_ON_DISK(15, in("Upload.java", ".with(List.of(\"Location: \" + url))",
            ".with(List.of(\"Location: \" + file)) /* FLAW: the path on disk, htdocs/uploads/... */")),

    /** The upload stored in a folder uploads beside htdocs, where GET never looks. */
    STORED_BESIDE_HTDOCS(15, in("Upload.java", "Path file = fileOf(request.target());",
            "Path file = Files.createDirectories(Path.of(\"uploads\")).resolve(fileOf(request.target())"
                    + ".getFileName()); // FLAW: uploads/, not htdocs/uploads/"),
            in("Upload.java", "String url = Htdocs.urlOf(file).replaceFirst(\"/$\", \"\");",
                    "String url = \"/uploads/\" + file.getFileName(); // the URL it would have had in htdocs")),

    /** Never says "100 Continue": the client waits for it, the server for the body. */
    CONTINUE_NEVER_SAID(15, in("Upload.java", """
                        out.write("HTTP/1.1 100 Continue\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII)); // now send it
                        out.flush(); // (RFC 9110 §10.1.1: not to HTTP/1.0, which knows no 100)
            """, "            // FLAW: no \"100 Continue\": the client waits for it, the server for the body\n")),

    /** No limit on an upload's size: a client may fill the disk. */
    NO_UPLOAD_LIMIT(15, in("Upload.java", "static final int LIMIT = 16 * 1024 * 1024;",
            "static final int LIMIT = Integer.MAX_VALUE; // FLAW: no limit")),

    /** The body written straight to the file: GET serves it half written, and a cut upload stays half. */
    WRITES_THE_FILE_ITSELF(15,
            in("Upload.java",
                    "Path part = Files.createTempFile(file.getParent(), \".upload-\", \".part\"); // hidden: never served",
                    "boolean replaces = Files.exists(file);\n"
                            + "        Path part = file; // FLAW: no part file: the body goes straight to the file GET serves"),
            in("Upload.java", """
                                boolean replaces = Files.exists(file);
                                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE); // rename(2): one step, replacing the old file
                    """, ""),
            in("Upload.java", "Files.deleteIfExists(part); // a cut or refused upload leaves nothing behind",
                    "// the file stays, whole or not")),

    /** The part file of a cut upload left behind. */
    PART_LEFT_BEHIND(15, in("Upload.java",
            "Files.deleteIfExists(part); // a cut or refused upload leaves nothing behind",
            "// FLAW: the part file of a cut or refused upload stays")),

    /** One part file per name: two uploads of one name at once write the same one. */
    ONE_PART_PER_NAME(15, in("Upload.java",
            "Path part = Files.createTempFile(file.getParent(), \".upload-\", \".part\"); // hidden: never served",
            "Path part = file.resolveSibling(\".\" + file.getFileName() + \".part\"); // FLAW: two uploads, one part")),

    /** PUT anywhere in htdocs: a client may write over the site's pages. */
    PUT_ANYWHERE(15, in("Upload.java", "return file.startsWith(FOLDER) && !file.equals(FOLDER);",
            "return file.startsWith(Htdocs.ROOT) && !file.equals(FOLDER); // FLAW: anywhere in htdocs")),

    /** Location: the path as the request wrote it: "//uploads/x" sends a browser to the host "uploads". */
    LOCATION_FROM_TARGET(15, in("Upload.java", "String url = Htdocs.urlOf(file).replaceFirst(\"/$\", \"\");",
            "String url = Htdocs.pathOf(request.target()); // FLAW: the request's own path")),

    /** 405 in /uploads/ says Allow: GET, HEAD, though PUT works there. */
    ALLOW_WITHOUT_PUT(15, in("Request.java", "Upload.isInFolder(target) ? \"Allow: GET, HEAD, PUT\" : \"Allow: GET, HEAD\"",
            "\"Allow: GET, HEAD\" /* FLAW: PUT left out, even in /uploads/ */")),

    /** A hidden name accepted: a client may write .htaccess, or a part file's name. */
    HIDDEN_UPLOAD_ACCEPTED(15, in("Upload.java",
            "if (!Htdocs.isFolder(folder, Htdocs.attributesOf(folder)) || Htdocs.isHidden(file.getFileName())) {",
            "if (!Htdocs.isFolder(folder, Htdocs.attributesOf(folder))) { // FLAW: a hidden name accepted")),

    /** A replaced file answered 201 Created, as a new one. */
    REPLACED_AS_CREATED(15, in("Upload.java", "boolean replaces = Files.exists(file);",
            "boolean replaces = false; // FLAW: every upload \"created\"")),

    /** A 204 No Content that says Content-Length: 0. */
    NO_CONTENT_WITH_LENGTH(15, in("Upload.java", "new Response(\"204 No Content\", List.of(),",
            "new Response(\"204 No Content\", List.of(\"Content-Length: 0\") /* FLAW: a 204 has no length */,")),

    // ---- Step 16: byte ranges

    /** Step 15 as it is, on step 16's spec: Range never read, the whole file for every range, no Accept-Ranges. */
    STEP_15(15),

    /** No Accept-Ranges with a whole file: a client does not learn that it may ask for a part. */
    NO_ACCEPT_RANGES(16, in("Ranges.java", """
            !validators.stillMatch(request.headers().get("if-range"))) {
                        return whole.with(List.of("Accept-Ranges: bytes"));""", """
            !validators.stillMatch(request.headers().get("if-range"))) {
                        return whole; // FLAW: no Accept-Ranges""")),

    /** Content-Range with the end excluded, as Java's ranges are: "bytes 0-10/N" for the bytes 0 to 9. */
    CONTENT_RANGE_END_EXCLUDED(16, in("Ranges.java", "\"Content-Range: bytes \" + first + \"-\" + last + \"/\" + length",
            "\"Content-Range: bytes \" + first + \"-\" + (last + 1) /* FLAW: the end excluded */ + \"/\" + length")),

    /** A 416 without Content-Range (bytes *&#47;N): the client never learns the file's length. */
    NO_CONTENT_RANGE_ON_416(16, in("Ranges.java", """
            "the file has " + length + " bytes",
                                "Content-Range: bytes */" + length);""",
            "\"the file has \" + length + \" bytes\"); // FLAW: no Content-Range")),

    /** A part sent with the whole file's Content-Length: the client waits for bytes that never come. */
    WHOLE_LENGTH_ON_PART(16,
            in("Ranges.java", "whole.headers().stream().filter(line -> !line.startsWith(\"Content-Length:\"));",
                    "whole.headers().stream(); // FLAW: the whole file's Content-Length kept"),
            in("Ranges.java", "Stream.of(\"Content-Length: \" + (last - first + 1),\n", "Stream.of(\n")),

    /** bytes=-n read as bytes=n-: from byte n on, not the last n bytes. */
    SUFFIX_FROM_N(16, in("Ranges.java", "Math.max(0, length - Long.parseLong(range.group(2)))",
            "Long.parseLong(range.group(2)) /* FLAW: -n read as from n on */")),

    /** A range whose end lies past the file's end refused with 416, not cut at the end. */
    PAST_END_REFUSED(16, in("Ranges.java", "if (first >= length) { // past the end, \"bytes=-0\", or any range",
            "if (first >= length || last >= length) { // FLAW: an end past the end refused, not cut there; or any range")),

    /** Never 416: a range that starts past the end gets the whole file, as an invalid one does. */
    NEVER_416(16, in("Ranges.java", "if (last < first && !range.group(2).isEmpty() && !suffix) { // \"bytes=5-3\"",
            "if (last < first || first >= length) { // FLAW: past the end, the whole file, never 416; \"bytes=5-3\"")),

    /** Several ranges answered with the first one, 206: the client asked for more than it gets. */
    SEVERAL_RANGES_AS_FIRST(16, in("Ranges.java", "if (!range.matches() ||",
            "if (!range.lookingAt() /* FLAW: \"0-1,5-6\" read as its first range */ ||")),

    /** Range honoured on HEAD too: 206, where ranges are for GET only. */
    RANGE_ON_HEAD(16, in("Ranges.java", "!request.method().equals(\"GET\") || ", "/* FLAW: HEAD too */ ")),

    /** If-Range never read: the part is sent even when the client's part is of an older file. */
    IF_RANGE_NEVER_READ(16, in("Ranges.java", "!validators.stillMatch(request.headers().get(\"if-range\"))",
            "!validators.stillMatch(null) /* FLAW: If-Range never read */")),

    /** If-Range read as a date only: the file's own ETag never matches, the whole file comes every time. */
    IF_RANGE_DATE_ONLY(16, in("Validators.java", "ifRange == null || ifRange.strip().equals(etag)\n",
            "ifRange == null // FLAW: a date only, an ETag never matches\n")),

    /** If-Range compared weakly, as If-None-Match is: W/ and the file's tag get the part. */
    IF_RANGE_WEAK(16, in("Validators.java", "ifRange.strip().equals(etag)",
            "ifRange.strip().replaceFirst(\"^W/\", \"\").equals(etag) /* FLAW: compared weakly */")),

    /** Range read before If-None-Match: a client whose copy is good gets a part, 206, not 304. */
    RANGE_BEFORE_NOT_MODIFIED(16, edit("if (validators.match(request.headers())) { // the client's copy is still good",
            "if (validators.match(request.headers()) && !request.headers().containsKey(\"range\")) { // FLAW: a"
                    + " Range answered first; else the client's copy is still good")),

    // ---- Step 17: compression (their edits, and what each mistake is: CompressionMistakes)

    /** Step 16 as it is, on step 17's spec: never compressed, no Vary. */
    STEP_16(16),
    CONTAINS_GZIP(17, CompressionMistakes.CONTAINS_GZIP),
    CASE_SENSITIVE_CODINGS(17, CompressionMistakes.CASE_SENSITIVE_CODINGS),
    STAR_IGNORED(17, CompressionMistakes.STAR_IGNORED),
    IDENTITY_REFUSAL_IGNORED(17, CompressionMistakes.IDENTITY_REFUSAL_IGNORED),
    COMPRESSES_EVERYTHING(17, CompressionMistakes.COMPRESSES_EVERYTHING),
    GZIP_FOR_RANGES(17, CompressionMistakes.GZIP_FOR_RANGES),
    SAME_ETAG(17, CompressionMistakes.SAME_ETAG),
    NO_VARY(17, CompressionMistakes.NO_VARY),
    ZLIB_NOT_GZIP(17, CompressionMistakes.ZLIB_NOT_GZIP),
    NOT_FINISHED(17, CompressionMistakes.NOT_FINISHED),
    DECIMAL_CHUNK_SIZES(17, CompressionMistakes.DECIMAL_CHUNK_SIZES),
    LENGTH_OF_THE_FILE(17, CompressionMistakes.LENGTH_OF_THE_FILE),
    CHUNKS_TO_HTTP10(17, CompressionMistakes.CHUNKS_TO_HTTP10),
    NO_CONTENT_ENCODING(17, CompressionMistakes.NO_CONTENT_ENCODING),
    HEAD_NOT_COMPRESSED(17, CompressionMistakes.HEAD_NOT_COMPRESSED),

    // ---- The start

    /** Python's habit: the port from args[1] (sys.argv[1]). Given one argument, it dies at start. */
    CRASHES_AT_START(1, edit("Integer.parseInt(args[0])", "Integer.parseInt(args[1])")),

    /** The port line on stderr, where nobody reads it. */
    PORT_LINE_ON_STDERR(1, edit("IO.println(\"Listening on port \"", "System.err.println(\"Listening on port \"")),

    /** The port it was given, 0, instead of the one it got. */
    PORT_ZERO(1, edit("\"Listening on port \" + server.getLocalPort()", "\"Listening on port \" + port"));

    static final String MAIN_FILE = "HttpServer.java";

    final int step;
    private final List<Edit> edits;

    KnownWrongServer(int step, Edit... edits) {
        this.step = step;
        this.edits = Arrays.asList(edits);
    }

    /** An edit of the step's HttpServer.java. */
    private static Edit edit(String find, String replace) {
        return new Edit(MAIN_FILE, find, replace);
    }

    /** An edit of another file of the step. */
    private static Edit in(String file, String find, String replace) {
        return new Edit(file, find, replace);
    }

    /** Its folder's name, e.g. "bare-line-endings": the name a leftover process would show. */
    String folderName() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The step's sources folder in this repository: stepN-NAME/src/main/java. */
    static Path stepSources(int step) {
        return Repository.stepSource(step).getParent();
    }

    /**
     * The flawed sources, by file name: the step's whole src/main/java with the edits applied,
     * HttpServer.java marked as generated.
     */
    Map<String, String> sources() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> step = Files.list(stepSources(this.step))) {
            for (Path file : step.filter(f -> f.toString().endsWith(".java")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Edit edit : edits) {
            String source = files.get(edit.file());
            int at = source == null ? -1 : source.indexOf(edit.find());
            if (at < 0 || source.indexOf(edit.find(), at + 1) >= 0) {
                throw new IllegalStateException(folderName() + ": step " + step + " changed, this edit of "
                        + edit.file() + " no longer applies (its text must occur exactly once): " + edit.find());
            }
            files.put(edit.file(), source.replace(edit.find(), edit.replace()));
        }
        files.computeIfPresent(MAIN_FILE, (name, source) -> markAsGenerated(source));
        return files;
    }

    /** The sources of HttpServer.java alone (for the fixtures of steps 1 to 4, which have no other). */
    String source() {
        return sources().get(MAIN_FILE);
    }

    /** The step's HttpServer.java begins with jbang's line; the mark follows it, so that jbang still runs it. */
    private String markAsGenerated(String source) {
        String mark = "// KNOWN-WRONG SERVER, generated by the grader's tests from step " + step + ": " + folderName() + "\n";
        int afterFirstLine = source.startsWith("///") ? source.indexOf('\n') + 1 : 0;
        return source.substring(0, afterFirstLine) + mark + source.substring(afterFirstLine);
    }

    /** Writes the flawed sources into {@code folder}/&lt;name&gt;/ and returns the path of its HttpServer.java. */
    Path writeInto(Path folder) {
        try {
            Path sources = Files.createDirectories(folder.resolve(folderName()));
            for (Map.Entry<String, String> file : sources().entrySet()) {
                Files.writeString(sources.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return sources.resolve(MAIN_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replace the one occurrence of {@code find} with {@code replace}, in {@code file} of the step's sources. */
    record Edit(String file, String find, String replace) {
    }
}
