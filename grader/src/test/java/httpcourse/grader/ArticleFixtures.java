package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;

import java.util.List;

/**
 * The known-wrong servers ({@link KnownWrongServer}) of steps 1 to 4, the article's: the response
 * byte for byte, status codes and paths, how the exchange ends, and the start.
 */
enum ArticleFixtures implements KnownWrongServer {

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

    /** "/" compared with ==: the path read from the request is another String, so GET / asks for the folder. */
    ROOT_COMPARED_WITH_IDENTITY(3, edit("return path.equals(\"/\") ? \"/index.html\" : path;",
            "return path == \"/\" ? \"/index.html\" : path; // FLAW: == compares objects")),

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

    /** No return after the 404: the code runs on, and serves the refused file after it. */
    NO_RETURN_AFTER_404(4, edit("US_ASCII));\n        return;\n", "US_ASCII)); // FLAW: no return\n")),

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

    // ---- The start

    /** Python's habit: the port from args[1] (sys.argv[1]). Given one argument, it dies at start. */
    CRASHES_AT_START(1, edit("Integer.parseInt(args[0])", "Integer.parseInt(args[1])")),

    /** The port line on stderr, where nobody reads it. */
    PORT_LINE_ON_STDERR(1, edit("IO.println(\"Listening on port \"", "System.err.println(\"Listening on port \"")),

    /** The port it was given, 0, instead of the one it got. */
    PORT_ZERO(1, edit("\"Listening on port \" + server.getLocalPort()", "\"Listening on port \" + port"));

    private final int step;
    private final List<Edit> edits;

    ArticleFixtures(int step, Edit... edits) {
        this.step = step;
        this.edits = List.of(edits);
    }

    @Override
    public int step() {
        return step;
    }

    @Override
    public List<Edit> edits() {
        return edits;
    }
}
