package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 5 to 7: many clients, complete answers, a clear no. */
enum Steps5To7Fixtures implements KnownWrongServer {

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

    /** A limit per line, none for the head: header lines without end are read for ever (and not kept). */
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

    /** The head's time limit caught in readHead: what came of a head cut short is served as a request (helper-56). */
    HEAD_TIMED_OUT_SERVED(5, in("Request.java", "        for (String line = readLine(in); line != null; line = readLine(in)) {",
            "        try { // FLAW: a head cut by its time limit is served\n"
            + "        for (String line = readLine(in); line != null; line = readLine(in)) {"),
            in("Request.java", "        return head;", "        } catch (SocketTimeoutException slow) {\n"
            + "        }\n        return head;")),

    /** The deadline in milliseconds added to nanoseconds: 10 µs, over before the first read (helper-55). */
    TIME_LIMIT_OVER_AT_ONCE(5, in("LimitedInput.java", "System.nanoTime() + TIME.toNanos();",
            "System.nanoTime() + TIME.toMillis(); // FLAW: milliseconds added to nanoseconds")),

    /** No timeout at all: a silent client holds a thread for ever. */
    NO_READ_TIMEOUT(5, in("LimitedInput.java",
            "client.setSoTimeout((int) millisLeft); // this read waits no longer than the time left",
            "// FLAW: no timeout")),

    /** The limits read past: no BufferedInputStream, and FilterInputStream.read() of a byte skips them (helper-51). */
    LIMITS_READ_PAST(5, in("HttpServer.java", "Request.readHead(new BufferedInputStream(new LimitedInput(client)))",
            "Request.readHead(new LimitedInput(client)) /* FLAW: read() of one byte skips the limits */")),

    /** The head's limit checked after the read (bytesLeft < 0): at the limit, a read of 0 bytes ends the head. */
    HEAD_LIMIT_OFF_BY_ONE(5, in("LimitedInput.java", "if (bytesLeft <= 0) {",
            "if (bytesLeft < 0) { // FLAW: at the limit, reads return 0 bytes")),

    /** The head's size counted by the bytes asked of each read, not those it returned: a head in pieces is cut. */
    HEAD_SIZE_COUNTS_ASKED(5, in("LimitedInput.java", "bytesLeft -= Math.max(count, 0);",
            "bytesLeft -= Math.min(length, bytesLeft); // FLAW: the bytes asked, not those read")),

    /** The time left counted in seconds, and given to setSoTimeout, which takes milliseconds: 9 ms to wait. */
    HEAD_LIMIT_IN_SECONDS(5, in("LimitedInput.java", "Duration.ofNanos(deadline - System.nanoTime()).toMillis();",
            "Duration.ofNanos(deadline - System.nanoTime()).toSeconds(); // FLAW: seconds, for milliseconds")),

    /** The socket closed at the end of the work only: a request that throws leaves its connection open. */
    CLOSED_ON_SUCCESS_ONLY(5, in("HttpServer.java", """
                try (client) {
                    serve(client);
            """, """
                try {
                    serve(client);
                    client.close(); // FLAW: closed on success only
            """)),

    /** The connection's thread run(), not start(): served in the accept loop, one connection at a time. */
    THREAD_RUN_NOT_STARTED(5, in("HttpServer.java", "threads.execute(() -> serveAndClose(client));",
            "new Thread(() -> serveAndClose(client)).run(); // FLAW: run(), not start()")),

    /** A head's time limit of 1 s, where the chapter gives it 10: a head that pauses 2 s is cut. */
    HEAD_LIMIT_ONE_SECOND(5, in("LimitedInput.java", "Duration.ofSeconds(10);",
            "Duration.ofSeconds(1); // FLAW: a second, where a head has 10")),

    /** One deadline for every connection, set at the first: 10 s later, every head is over at once. */
    HEAD_DEADLINE_STATIC(5, in("LimitedInput.java", "private final long deadline",
            "private static final long deadline /* FLAW: one for all */")),

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

    /** The answer written into a BufferedOutputStream never flushed: the socket closes with it unsent. */
    ANSWER_NEVER_FLUSHED(5, edit("respond(head.getFirst(), client.getOutputStream());",
            "respond(head.getFirst(), new BufferedOutputStream(client.getOutputStream())); // FLAW: never flushed")),

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

    /** The file opened without try-with-resources: each answer leaves it open (helper-56). */
    FILE_LEFT_OPEN(5, edit("""
                try (InputStream page = Files.newInputStream(file)) { // opened first: if that fails, nothing was sent
                    out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                    page.transferTo(out); // a buffer at a time: a huge file costs no more memory than a small one
                }
            """, """
                InputStream page = Files.newInputStream(file); // FLAW: never closed
                out.write("HTTP/1.0 200 OK\\r\\n\\r\\n".getBytes(StandardCharsets.US_ASCII));
                page.transferTo(out);
            """)),

    // ---- Step 6: complete answers

    /** The body closed where it is sent: a HEAD, which sends none, leaves its file open (helper-56). */
    FILE_LEFT_OPEN_BY_HEAD(6, in("Response.java", """
                    try (body) {
                        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                        if (withBody) {
                            body.transferTo(out); // a buffer at a time: a huge file costs no more memory than a small one
                        }
                    }
            """, """
                    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                    if (withBody) {
                        try (body) { // FLAW: closed only when it is sent
                            body.transferTo(out);
                        }
                    }
            """)),

    /** Header lines that end with a bare \n, the empty line with \r\n: "\n\r\n" ends the head, as curl finds. */
    HEADER_LINES_END_WITH_LF(6, in("Response.java", "headers.forEach(header -> head.append(header).append(\"\\r\\n\"));",
            "headers.forEach(header -> head.append(header).append(\"\\n\")); // FLAW: a bare LF")),

    /** No Date header: the time of the answer is missing. */
    NO_DATE(6, in("Response.java", "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "// FLAW: no Date header")),

    /** Instant.toString(): ISO 8601, not IMF-fixdate. */
    DATE_IN_ISO_8601(6, in("Response.java",
            "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "head.append(\"Date: \").append(Instant.now()).append(\"\\r\\n\"); // FLAW: ISO 8601")),

    /** A formatter given no locale: the machine's language, German here ("Sa., 05 Dez. 2026"). */
    DATE_IN_DEFAULT_LOCALE(6, in("Response.java", "'GMT'\", Locale.US)", "'GMT'\") /* FLAW: the machine's language */")),

    /** The extension taken after the first dot: script.min.js is a "min.js", unknown, sent as octet-stream. */
    EXTENSION_AFTER_FIRST_DOT(6, in("MediaTypes.java", "int dot = name.lastIndexOf('.');",
            "int dot = name.indexOf('.'); // FLAW: the first dot")),

    /** The minutes written with MM, the month: 12 all December, right only at minute 12. */
    DATE_MINUTES_AS_MONTH(6, in("Response.java", "\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\"",
            "\"EEE, dd MMM yyyy HH:MM:ss 'GMT'\" /* FLAW: MM, the month */")),

    /** The hour on a 12-hour clock (hh): 04 at 16:00, a Date 12 h behind every afternoon (GMT). */
    DATE_HOUR_12(6, in("Response.java", "\"EEE, dd MMM yyyy HH:mm:ss 'GMT'\"",
            "\"EEE, dd MMM yyyy hh:mm:ss 'GMT'\" /* FLAW: hh, 1 to 12 */")),

    /** The time of the machine's zone (hours from GMT, where the checks run servers), written as if it were GMT. */
    DATE_IN_MACHINE_ZONE(6, in("Response.java", ".withZone(ZoneOffset.UTC);",
            ".withZone(ZoneId.systemDefault()); // FLAW: local time, written as GMT")),

    /** The time of the server's zone (here UTC+5:30), written as if it were GMT. */
    DATE_IN_LOCAL_TIME(6, in("Response.java", ".withZone(ZoneOffset.UTC);",
            ".withZone(ZoneId.of(\"Asia/Kolkata\")); // FLAW: local time, written as GMT")),

    /** A text's Content-Length from its characters, not its bytes: too small wherever the text is not ASCII. */
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

    /** The body for GET only, where only HEAD goes without: a POST gets the head alone. */
    BODY_FOR_GET_ONLY(6, edit("response.send(out, !request.startsWith(\"HEAD \"));",
            "response.send(out, request.startsWith(\"GET \")); // FLAW: GET only, where HEAD alone has none")),

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

    /** No tab in a header's value, nor around it: "Host:\tlocalhost" gets 400. */
    TAB_REFUSED(7, in("Request.java", "\"):([\\\\t\\\\x20-\\\\x7E\\\\x80-\\\\xFF]*)\");",
            "\"):([\\\\x20-\\\\x7E\\\\x80-\\\\xFF]*)\"); // FLAW: no tab")),

    /** An HTTP/1.1 request without Host, or with two, served. */
    HOST_NOT_CHECKED(7, in("Request.java",
            "if (!version.equals(\"HTTP/1.0\") && (host == null || host.contains(\",\"))) {",
            "if (false) { // FLAW: Host never checked")),

    /** Host asked of every version: an HTTP/1.0 request without one, as nc sends it, gets 400. */
    HOST_ASKED_OF_HTTP10(7, in("Request.java",
            "if (!version.equals(\"HTTP/1.0\") && (host == null || host.contains(\",\"))) {",
            "if (host == null || host.contains(\",\")) { // FLAW: HTTP/1.0 too")),

    /** Header names compared in their letter case: "HOST: localhost" is no Host header, and gets 400. */
    HOST_NAME_CASE(7, in("Request.java", "header.group(1).toLowerCase(Locale.ROOT)",
            "header.group(1).replace(\"Host\", \"host\") /* FLAW: only Host and host are known */")),

    /** Only HTTP/1.0 and HTTP/1.1 served: a later HTTP/1.x refused with 505, where it is read as 1.1. */
    LATER_MINOR_VERSION_REFUSED(7, in("Request.java", "if (!version.startsWith(\"HTTP/1.\")) {",
            "if (!version.equals(\"HTTP/1.0\") && !version.equals(\"HTTP/1.1\")) { // FLAW: HTTP/1.2 refused")),

    /** The version never checked: HTTP/2.0 and HTTP/0.9 served as HTTP/1.x. */
    VERSION_NOT_CHECKED(7, in("Request.java", "if (!version.startsWith(\"HTTP/1.\")) {",
            "if (false) { /* FLAW: any version */")),

    /** A head limit of 4 KiB: a long URL, a head with cookies, refused. */
    HEAD_LIMIT_TOO_SMALL(7, in("LimitedInput.java", "static final int SIZE = 8192;",
            "static final int SIZE = 4096; // FLAW: under the 8 000 bytes RFC 9112 recommends")),

    /** An empty line before the request line taken for the end of an empty head: no answer. */
    EMPTY_LINE_NOT_IGNORED(7, in("Request.java", "} else if (!head.isEmpty()) {",
            "} else { // FLAW: an empty line first ends an empty head")),

    /** An empty Host refused, as if it were none. */
    HOST_EMPTY_REFUSED(7, in("Request.java", "(host == null || host.contains(\",\"))",
            "(host == null || host.isEmpty() || host.contains(\",\")) /* FLAW: an empty Host refused */")),

    /** A value's bytes limited to ASCII: café in UTF-8 gets 400. */
    OBS_TEXT_REFUSED(7, in("Request.java", "\\\\x80-\\\\xFF]*)\");", "]*)\"); // FLAW: ASCII only")),

    /** The body decided on after the parse, as before: a HEAD that gets 400 or 505 is sent the error's text. */
    ERROR_BODY_FOR_HEAD(7, edit("withBody = !head.getFirst().startsWith(\"HEAD \"); // HEAD: a head alone, even an"
            + " error's from parse\n        Request request = Request.parse(head);", "Request request = Request.parse(head);"
            + "\n        withBody = !request.method().equals(\"HEAD\"); // FLAW: decided after the parse, which may throw")),

    /** The version's dot left unescaped in the request line's pattern: HTTP/1x1 is read as a version, and gets 505. */
    VERSION_DOT_UNESCAPED(7, in("Request.java", "(HTTP/\\\\d\\\\.\\\\d)\");",
            "(HTTP/\\\\d.\\\\d)\"); // FLAW: the dot unescaped matches any byte")),

    /** The version's numbers matched with \d+: HTTP/1.10 served as if it were HTTP/1.1 (helper-51). */
    VERSION_DIGITS_UNBOUNDED(7, in("Request.java", "(HTTP/\\\\d\\\\.\\\\d)\");",
            "(HTTP/\\\\d+\\\\.\\\\d+)\"); // FLAW: more than one digit")),

    /** A 405 whose Allow forgets HEAD. */
    ALLOW_WITHOUT_HEAD(7, in("Request.java", "\"Allow: GET, HEAD\")", "\"Allow: GET\") /* FLAW: HEAD forgotten */")),

    /** Step 5's limits: a head too large closes the connection instead of getting 414 or 431. */
    LIMITS_CLOSE_THE_CONNECTION(7, in("Request.java", "} catch (LimitedInput.TooLarge e) {",
            "} catch (IllegalStateException e) { // FLAW: a head too large closes the connection, as in step 5")),

    /** "-" left out of a token's characters: User-Agent, Accept-Language, Content-Type all refused with 400. */
    TOKEN_WITHOUT_HYPHEN(7, in("Request.java", "~0-9A-Za-z-]+\"", "~0-9A-Za-z]+\" /* FLAW: no - */")),

    /** UTF-8 or not, told by a file's first 8 KiB: a text in ISO-8859-1 that starts in ASCII passes (helper-51). */
    CHARSET_FROM_THE_START(6, in("MediaTypes.java", "text.transferTo(Writer.nullWriter());",
            "text.read(new char[4096]); // FLAW: the start only (the reader decodes 8 KiB at a time)")),

    /** UTF-8 told by looking for U+FFFD after a decoding that replaces: a text that holds one gets no charset (helper-58). */
    UTF8_BY_REPLACEMENT(6, in("MediaTypes.java", "text.transferTo(Writer.nullWriter());\n            return true;",
            "return !new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(\"\\uFFFD\"); // FLAW")),

    /** A token without its underscore: X_Forwarded_For refused with 400 (helper-51). */
    TOKEN_WITHOUT_UNDERSCORE(7, in("Request.java", "+.^_`|~", "+.^`|~")),

    /** 414 unless two lines of the head came: a request line followed by one huge header gets 414, not 431. */
    LONG_HEADER_AS_414(7, in("Request.java", "throw new HttpError(head.isEmpty() ? \"414 URI Too Long\"",
            "throw new HttpError(head.size() <= 1 ? \"414 URI Too Long\" /* FLAW: counts the lines */")),

    /** HEAD told by the request line's start, without its space: HEADER's 501 is sent without its body. */
    HEAD_BY_ITS_START(7, in("HttpServer.java", "startsWith(\"HEAD \")", "startsWith(\"HEAD\") /* FLAW: HEAD... */")),

    /** A token's letters written A-z: [ \\ ] ^ and ` taken too, so X-Id[0] is a name. */
    TOKEN_RANGE_A_TO_Z(7, in("Request.java", "~0-9A-Za-z-]+\"", "~0-9A-z-]+\" /* FLAW: A-z */")),

    /** Host asked of HTTP/1.1 only: an HTTP/1.2 request without Host served. */
    HOST_ONLY_FOR_HTTP11(7, in("Request.java", "if (!version.equals(\"HTTP/1.0\") && (host == null",
            "if (version.equals(\"HTTP/1.1\") /* FLAW: 1.1 only */ && (host == null")),

    /** The version checked after the header lines: HTTP/2.0 without Host gets HTTP/1.1's 400, not 505. */
    VERSION_AFTER_HOST(7, in("Request.java", "        if (!version.startsWith(\"HTTP/1.\")) { // 1.0 and 1.1, and a later"
            + " 1.x read as 1.1 (RFC 9110 §2.5)\n            throw new HttpError(\"505 HTTP Version Not Supported\","
            + " \"this server speaks HTTP/1.0 and HTTP/1.1\");\n        }\n", ""),
            in("Request.java", "        return new Request(requestLine.group(1)", "        if (!version.startsWith("
                    + "\"HTTP/1.\")) { // FLAW: after the Host rule\n            throw new HttpError(\"505 HTTP Version"
                    + " Not Supported\", \"this server speaks HTTP/1.0 and HTTP/1.1\");\n        }\n"
                    + "        return new Request(requestLine.group(1)"));

    private final int step;
    private final List<Edit> edits;

    Steps5To7Fixtures(int step, Edit... edits) {
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
