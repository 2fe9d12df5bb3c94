package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 10 to 14: keep-alive to measured and tuned. */
enum Steps10To14Fixtures implements KnownWrongServer {

    // ---- Step 10: keep-alive

    /** Keeping the connection decided after the answer is made: an HttpError (404, 301, 405) skips it, and closes. */
    CLOSED_AFTER_AN_ERROR(10, edit("        keepOpen = request.wantsToKeepOpen() && !request.hasBody() && !last;\n"
            + "        response = respond(request);\n", "        response = respond(request);\n        keepOpen ="
            + " request.wantsToKeepOpen() && !request.hasBody() && !last; // FLAW: an HttpError skips it\n")),

    /** Bodies only for POST and PUT: a GET's body, a request, is answered as the next request (helper-55). */
    GET_BODY_AS_REQUEST(10, in("Request.java", "    boolean hasBody() {\n", "    boolean hasBody() {\n"
            + "        if (!method.equals(\"POST\") && !method.equals(\"PUT\")) {\n"
            + "            return false; // FLAW: only POST and PUT send bodies\n        }\n")),

    /** A chunk skipped with skip(n), which may skip fewer: the rest of a large chunk is read as its end (helper-55). */
    CHUNK_SKIPPED_SHORT(11, in("Body.java", "            in.skipNBytes(size);",
            "            in.skip(size); // FLAW: may skip fewer than size")),

    /** The body skipped after respond(): an error thrown there (a POST's 405, a 404) leaves it unread (helper-55). */
    BODY_READ_AFTER_THE_ANSWER(11, edit("        keepOpen = Body.skip(request, in) && request.wantsToKeepOpen() && !last;\n"
            + "        response = respond(request);\n", "        response = respond(request);\n        keepOpen ="
            + " Body.skip(request, in) && request.wantsToKeepOpen() && !last; // FLAW: an error skips it\n")),

    /** Expect: 100-continue answered at once only with a Content-Length: a chunked body is waited for (helper-55). */
    EXPECT_WITH_CHUNKS_AWAITED(11, in("Body.java", "if (length != 0 && awaited",
            "if (length > 0 && awaited /* FLAW: chunked (-1) waited for */")),

    /** A body known by its Content-Length only: a chunked one stays on the connection, read as a request. */
    CHUNKED_BODY_NOT_SEEN(10, in("Request.java", "headers.containsKey(\"transfer-encoding\") || ",
            "/* FLAW: chunks are no body */ ")),

    /** Step 9's habit in HTTP/1.1: every connection closes after one answer, whatever the request asks. */
    CLOSES_AFTER_EACH_ANSWER(10, edit("keepOpen = request.wantsToKeepOpen() && !request.hasBody() && !last;",
            "keepOpen = false; // FLAW: one answer per connection")),

    /** Closes after an answer as asked, without saying so. */
    NO_CONNECTION_CLOSE(10, edit("keepOpen ? \"Connection: keep-alive\" : \"Connection: close\"",
            "keepOpen ? \"Connection: keep-alive\" : \"X-Closing: yes\" /* FLAW: closes without saying so */")),

    /** Open unless the request says close: after a request it could not read, too, whose body is then read as one. */
    KEPT_OPEN_AFTER_BAD_REQUEST(10, edit("boolean keepOpen = false;",
            "boolean keepOpen = true; // FLAW: HTTP/1.1 stays open, even after an error")),

    /** A new buffer for every request: what it read ahead, the next requests sent together, is lost. */
    BUFFER_PER_REQUEST(10, edit("        in.startRequest();\n",
            "        in = new LimitedInput(client); // FLAW: a new buffer for every request\n")),

    /** An answer flushed only when its connection ends: on a kept connection, the client waits for it. */
    NO_FLUSH_BETWEEN_ANSWERS(10, edit("        out.flush();\n        in.startRequest();\n",
            "        in.startRequest(); // FLAW: the answer is not flushed\n")),

    /** No limit on the requests of one connection. */
    NO_REQUEST_LIMIT(10, edit("final int REQUESTS_PER_CONNECTION = 1000;",
            "final int REQUESTS_PER_CONNECTION = Integer.MAX_VALUE; // FLAW: no limit")),

    /** A time limit for the first request only: an idle connection stays open for as long as it likes. */
    NO_IDLE_TIMEOUT(10, in("LimitedInput.java", "deadline = System.nanoTime() + TIME.toNanos();",
            "deadline = System.nanoTime() + (deadline == 0 ? TIME : Duration.ofDays(1)).toNanos(); // FLAW")),

    /** A head's time limit set once for the connection: a connection kept busy closes after 10 s. */
    HEAD_TIMED_PER_CONNECTION(10, in("LimitedInput.java", "deadline = System.nanoTime() + TIME.toNanos();",
            "deadline = deadline != 0 ? deadline : System.nanoTime() + TIME.toNanos(); // FLAW: once per connection")),

    /** The head's size limit set once, for the connection: after about 180 small heads, 414. */
    HEAD_SIZED_PER_CONNECTION(10, in("LimitedInput.java", "        startRequest();\n    }",
            "        startRequest();\n        bytesLeft = SIZE; // FLAW: once, for the connection\n    }"),
            in("LimitedInput.java", "TIME.toNanos();\n        bytesLeft = SIZE;", "TIME.toNanos();")),

    /** Connection's options compared in their letter case: "Close" is not close, "Keep-Alive" not keep-alive. */
    OPTION_CASE_KEPT(10, in("Request.java", ".map(option -> option.strip().toLowerCase(Locale.ROOT)).toList();",
            ".map(String::strip).toList(); // FLAW: the options' letter case kept")),

    /** The list split at a comma and a space only: "keep-alive,close" is one option, and the connection stays. */
    OPTIONS_SPLIT_AT_COMMA_SPACE(10, in("Request.java", ".split(\",\"))", ".split(\", \")) /* FLAW: \", \" only */")),

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

    /** Transfer-Encoding refused in HTTP/1.0 only beside a Content-Length: alone, its chunks are read. */
    CHUNKED_IN_HTTP10_READ(11, in("Request.java", "if (contentLength != null || version.equals(\"HTTP/1.0\")) {",
            "if (contentLength != null) { // FLAW: chunks read in HTTP/1.0 too")),

    /** Content-Length wins over Transfer-Encoding, instead of a 400: request smuggling's way in. */
    CONTENT_LENGTH_WINS(11, in("Request.java", "if (transferEncoding != null) {",
            "if (transferEncoding != null && contentLength == null) { // FLAW: Content-Length wins")),

    /** Reads any body by Content-Length to its end, however large. */
    NO_BODY_LIMIT(11, in("Body.java", "if (length != 0 && awaited || length > LIMIT) {",
            "if (length != 0 && awaited) { // FLAW: any body is read, however large")),

    /** Closes at once, the client's bytes still unread: the socket sends a reset, and the answer's end is lost. */
    CLOSES_ABRUPTLY(11, edit("    closeGently(client, in);\n",
            "    // FLAW: closed at once, whatever the client still sends\n")),

    /** The gentle close the wrong way round: it reads until the client closes, which waits for the server's close. */
    OUTPUT_NEVER_SHUT_DOWN(11, edit("        client.shutdownOutput();\n",
            "        // FLAW: the output not shut down first: the client waits for the end of the answer\n")),

    /** "Expect: 100-Continue" not known: the expectation compared in its letter case. */
    EXPECT_CASE_SENSITIVE(11, in("Body.java", ".equalsIgnoreCase(\"100-continue\")",
            ".equals(\"100-continue\") /* FLAW: in its letter case */")),

    /** "Transfer-Encoding: Chunked" taken for an unknown coding: the name compared in its letter case. */
    CODING_CASE_SENSITIVE(11, in("Request.java", "if (!transferEncoding.equalsIgnoreCase(\"chunked\")) {",
            "if (!transferEncoding.equals(\"chunked\")) { // FLAW: in its letter case")),

    /** The body's limit given again to each chunk: a chunked body of any size is read. */
    CHUNK_LIMIT_PER_CHUNK(11, in("Body.java", """
                    for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
            """, """
                    for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                        in.startBody(LIMIT); // FLAW: each chunk up to the limit
            """)),

    /** A chunk's size of any number of hex digits: 17 overflow Long.parseLong, and the connection ends unanswered. */
    CHUNK_SIZE_UNBOUNDED(11, in("Body.java", "Pattern.compile(\"([0-9A-Fa-f]{1,15})[ \\\\t]*(;.*)?\");",
            "Pattern.compile(\"([0-9A-Fa-f]+)[ \\\\t]*(;.*)?\"); // FLAW: no bound on the digits")),

    /** A chunk's size read as decimal: "2d" throws, and the connection closes without a word. */
    CHUNK_SIZE_DECIMAL(11, in("Body.java", "return Long.parseLong(size.group(1), 16);",
            "return Long.parseLong(size.group(1)); // FLAW: decimal")),

    /** The CRLF after a chunk's bytes not read: it is taken for the next chunk's size, and the body refused. */
    CHUNK_CRLF_UNREAD(11, in("Body.java", """
                        if (!"".equals(Request.readLine(in))) {
                            throw new HttpError("400 Bad Request", "a chunk is longer than its size");
                        }
            """, "            // FLAW: the CRLF after the chunk's bytes is not read\n")),

    /** The line after a chunk's bytes read, not checked: a chunk longer than its size taken, its rest dropped. */
    CHUNK_END_UNCHECKED(11, in("Body.java", """
                        if (!"".equals(Request.readLine(in))) {
                            throw new HttpError("400 Bad Request", "a chunk is longer than its size");
                        }
            """, "            Request.readLine(in); // FLAW: the CRLF after the chunk's bytes, never checked\n")),

    /** A GET's or a HEAD's body never looked at: its Content-Length unchecked, its bytes read as the next request. */
    GET_BODY_IGNORED(11, in("Body.java", "long length = request.bodyLength();",
            "long length = List.of(\"GET\", \"HEAD\").contains(request.method()) ? 0 : request.bodyLength(); // FLAW")),

    /** Content-Length read as an int: over 2 147 483 647, it throws, and the connection closes without a word. */
    LENGTH_AS_INT(11, in("Request.java", "Long.parseLong(contentLength)",
            "Integer.parseInt(contentLength) /* FLAW: an int */")),

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
    KEEPS_ACCEPTING(12, edit("    stop(threads);\n}", "}"),
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

    /** The second signal ends the process at once, but with status 0, which says that all went well. */
    SECOND_SIGNAL_EXIT_0(12, edit("Runtime.getRuntime().halt(128 + signal.getNumber()); // the status of a process killed by it",
            "System.exit(0); // FLAW: stop now, and say that all went well")),

    /** Waits for every answer under way, however long: a client that reads nothing holds the stop for ever. */
    NO_GRACE_LIMIT(12, edit("threads.awaitTermination(Math.max(nanosLeft, 0), TimeUnit.NANOSECONDS);",
            "threads.awaitTermination(1, TimeUnit.DAYS); // FLAW: no grace period")),

    /** Handles the signal, and exits at once with status 0: no grace period for the answers under way. */
    EXITS_AT_ONCE(12, edit("            stopAsked = System.nanoTime();\n",
            "            System.exit(0); // FLAW: no grace period: the answers under way are cut\n")),

    /** Interrupts the answers under way as the stop ends: a virtual thread's socket closes as it is interrupted. */
    SHUTDOWN_NOW(12, edit("    threads.shutdown();\n", "    threads.shutdownNow(); // FLAW: cuts the answers under way\n")),

    /** Answers during the stop say keep-alive: the connection closes after each, unsaid. */
    KEPT_ALIVE_DURING_STOP(12, edit("request.wantsToKeepOpen() && !last && stopAsked == 0;",
            "request.wantsToKeepOpen() && !last; // FLAW: keep-alive said during the stop")),

    /** Stops accepting at the signal: the connections still in the system's queue are reset with the socket. */
    QUEUE_LEFT(12, edit("while (stopAsked == 0 || System.nanoTime() - stopAsked < GRACE_PERIOD.toNanos()) {",
            "while (stopAsked == 0) { // FLAW: the system's queue is not emptied")),

    /** The idle connections left open to the end of the stop, instead of closed when it begins. */
    IDLE_LEFT_OPEN(12, edit("connections.forEach(Connection::closeIfIdle); // after stopAsked: see Connection.awaitRequest",
            "// FLAW: the idle connections are left to the end of the stop")),

    /** "Stopping?" asked before every request, the first too: a connection the stop finds new closes unanswered. */
    FIRST_REQUEST_AWAITED(12, edit("for (int count = 1; (count == 1 || connection.awaitRequest(in, () -> stopAsked != 0))",
            "for (int count = 1; connection.awaitRequest(in, () -> stopAsked != 0) // FLAW: the first request too")),

    // ---- Step 13: a server to leave running

    /** No watchdog: a write waits for ever. */
    NO_WRITE_TIMEOUT(13, edit("        startWatchdog();\n", "        // FLAW: no watchdog\n")),

    /** The write's start noted at the first write only, never cleared: a busy connection is cut 10 s after its first answer. */
    WRITE_TIMED_ONCE(13, in("Connection.java", "writeStarted = System.nanoTime();\n                try {\n"
            + "                    out.write(bytes, offset, length); // FilterOutputStream's own writes byte by byte\n"
            + "                } finally {\n                    writeStarted = 0;\n                }",
            "if (writeStarted == 0) { // FLAW: noted at the first write only, and never cleared\n"
            + "                    writeStarted = System.nanoTime();\n                }\n"
            + "                out.write(bytes, offset, length);")),

    /** The watchdog compares nanoseconds with the limit in milliseconds: 10 µs, and a slow reader is cut. */
    WATCHDOG_IN_MILLIS(13, in("Connection.java", "System.nanoTime() - started > limit.toNanos()",
            "System.nanoTime() - started > limit.toMillis() /* FLAW: nanoseconds against milliseconds */")),

    /** The watchdog's cut a plain close, no reset: the system keeps the unsent megabytes for the client (helper-49). */
    WATCHDOG_PLAIN_CLOSE(13, in("Connection.java",
            "socket.setSoLinger(true, 0); // close with a reset: the system frees the unsent bytes now",
            "// FLAW: no setSoLinger(true, 0): a plain close")),

    /** The log's time in ISO style, not the Common Log Format's. */
    LOG_TIME_NOT_COMMON(13, in("AccessLog.java", "DateTimeFormatter.ofPattern(\"dd/MMM/yyyy:HH:mm:ss Z\", Locale.US)",
            "DateTimeFormatter.ofPattern(\"yyyy-MM-dd HH:mm:ss\", Locale.US) /* FLAW: not the Common Log Format */")),

    /** The month in the machine's language (German here: Dez.), a formatter given no locale. */
    LOG_MONTH_IN_DEFAULT_LOCALE(13, in("AccessLog.java", "\"dd/MMM/yyyy:HH:mm:ss Z\", Locale.US)",
            "\"dd/MMM/yyyy:HH:mm:ss Z\") /* FLAW: the machine's language */")),

    /** The hour as hh, 1 to 12: wrong in the afternoon, which it always is where the checks run servers. */
    LOG_HOUR_12(13, in("AccessLog.java", "\"dd/MMM/yyyy:HH:mm:ss Z\"", "\"dd/MMM/yyyy:hh:mm:ss Z\" /* FLAW: hh */")),

    /** The timing wrapper above the buffer: a small answer leaves at the flush, which waits untimed. */
    FLUSH_NOT_TIMED(13, in("Connection.java", "return new FilterOutputStream(socket.getOutputStream()) {",
            "return new FilterOutputStream(new BufferedOutputStream(socket.getOutputStream())) { // FLAW"),
            edit("var out = new BufferedOutputStream(connection.output());", "var out = connection.output();")),

    /** Every file read whole into memory: a file of 1 GiB fails before its answer's first byte, in 1 GiB of RAM. */
    FILE_READ_WHOLE(13, in("Response.java", "firstBytes(Channels.newInputStream(channel), length)",
            "new ByteArrayInputStream(Files.readAllBytes(file)) /* FLAW: the whole file in memory */")),

    /** The log's size taken from the Content-Length: an answer cut on its way is logged as sent whole. */
    LOG_SIZE_SAID(13, edit("    long bodyBytes = -1; // logged as \"-\" when the answer fails on its way\n    try {\n"
            + "        bodyBytes = response.with(", "    long bodyBytes = !withBody ? 0 : response.headers().stream()"
            + ".filter(h -> h.startsWith(\"Content-Length: \"))\n            .mapToLong(h -> Long.parseLong(h.substring(16)))"
            + ".findFirst().orElse(0); // FLAW: the size said, not sent\n    try {\n        response.with(")),

    /** The escape's bound one too low: "~" (0x7E), printable, logged as \x7e (helper-57). */
    LOG_TILDE_ESCAPED(13, in("AccessLog.java", "c > 0x7E", "c >= 0x7E /* FLAW: ~ too */")),

    /** The escape's bound one too low at the other end: 0x1F, the last control, printed as it is (helper-57). */
    LOG_LAST_CONTROL_RAW(13, in("AccessLog.java", "c < 0x20", "c < 0x1F /* FLAW: 0x1F as it is */")),

    /** The log's line printed after the answer, not in a finally: an answer cut on its way gets none (helper-57). */
    LOG_SKIPPED_WHEN_CUT(13, edit("    try {\n        bodyBytes = response", "    { // FLAW: no finally\n        bodyBytes ="
            + " response"), edit("    } finally { // every request gets its line, even one whose client left\n", "")),

    /** A cut answer's size, -1 (the count's mark for "cut"), logged as it is: "-" only for 0 (helper-57). */
    LOG_CUT_SIZE_MINUS_ONE(13, in("AccessLog.java", "bodyBytes > 0 ?", "bodyBytes != 0 ? /* FLAW: -1 too */")),

    /** Bytes above 0x7E left as they are: 0x9B (CSI), a control too, reaches the console. */
    LOG_HIGH_BYTES_RAW(13, in("AccessLog.java", "c > 0x7E", "c == 0x7F /* FLAW: bytes above 0x7E as they are */")),

    /** DEL (0x7F) printed as it is: the escape starts above it. */
    LOG_DEL_UNESCAPED(13, in("AccessLog.java", "c > 0x7E", "c > 0x7F /* FLAW: DEL left as it is */")),

    /** The offset written as +0000 whatever the zone: on a machine in Tokyo, the time is 9 hours ahead of it. */
    LOG_OFFSET_CONSTANT(13, in("AccessLog.java", "DateTimeFormatter.ofPattern(\"dd/MMM/yyyy:HH:mm:ss Z\", Locale.US)"
            + ".withZone(ZoneId.systemDefault())", "DateTimeFormatter.ofPattern(\"dd/MMM/yyyy:HH:mm:ss '+0000'\","
            + " Locale.US).withZone(ZoneId.of(\"Asia/Tokyo\")) /* FLAW: the offset a constant, the zone Tokyo's */")),

    /** The status logged whole, "200 OK": the line has a field too many for the tools that read it. */
    LOG_WHOLE_STATUS(13, in("AccessLog.java", "status.substring(0, 3)", "status /* FLAW: the reason phrase too */")),

    /** The client's socket address logged as the host: a slash, the address, and the client's port. */
    LOG_HOST_WITH_PORT(13, edit("String clientIp = client.getInetAddress().getHostAddress();",
            "String clientIp = client.getRemoteSocketAddress().toString(); // FLAW: \"/127.0.0.1:37036\"")),

    /** A HEAD logged with the file's size: its body read to nowhere, and counted. */
    LOG_HEAD_BYTES(13, in("Response.java", "return withBody ? body.transferTo(out) : 0;",
            "return body.transferTo(withBody ? out : OutputStream.nullOutputStream()); // FLAW: HEAD counts the file")),

    /** The request line logged as it came: a terminal's escape sequence goes to the console. */
    LOG_UNESCAPED(13, in("AccessLog.java", "(requestLine == null ? \"-\" : escape(requestLine))",
            "(requestLine == null ? \"-\" : requestLine) /* FLAW: not escaped */")),

    /** Quotes and backslashes of the request line logged as they are: a client can write the log's fields. */
    LOG_QUOTES_RAW(13, in("AccessLog.java", "if (c < 0x20 || c > 0x7E || c == '\"' || c == '\\\\') {",
            "if (c < 0x20 || c > 0x7E) { // FLAW: quotes and backslashes as they are")),

    /** A byte escaped with as few hex digits as it takes: BEL as \x7, which a log tool reads as \x7 and a digit. */
    LOG_HEX_ONE_DIGIT(13, in("AccessLog.java", "HexFormat.of().toHexDigits((byte) c)",
            "Integer.toHexString(c) /* FLAW: one digit for a small byte */")),

    /** Only ESC escaped of the control bytes: the BEL that ends the attack's escape sequence logged as it is. */
    LOG_ESCAPES_ESC_ONLY(13, in("AccessLog.java", "if (c < 0x20 || c > 0x7E || c == '\"' || c == '\\\\') {",
            "if (c == 0x1B || c > 0x7E || c == '\"' || c == '\\\\') { // FLAW: ESC only, of the control bytes")),

    /** At most 1500 connections at once: a crowd of 2000 idle clients locks out every other until it times out. */
    CONNECTION_CAP_TOO_LOW(13, edit("new Semaphore(10_000);", "new Semaphore(1500); // FLAW: a crowd holds more")),

    /** A watchdog that takes a connection with no write under way (its start 0) for one stuck since 0: it cuts them all. */
    WATCHDOG_CUTS_ANY(13, in("Connection.java", "if (started != 0 && System.nanoTime() - started > limit.toNanos()) {",
            "if (System.nanoTime() - started > limit.toNanos()) { // FLAW: 0, no write under way, not left out")),

    /** A connection's slot never given back: after 10 000 connections, one after the other, the server answers nobody. */
    SLOT_NEVER_RELEASED(13, edit("        connectionSlots.release();", "        // FLAW: the slot is never given back")),

    // ---- Step 14: measured and tuned

    /** The time taken, but not in the header's format: seconds, without its metric's name. */
    SERVER_TIMING_IN_SECONDS(14, edit("\"Server-Timing: app;dur=\" + (System.nanoTime() - started) / 1000 / 1000.0",
            "\"Server-Timing: \" + (System.nanoTime() - started) / 1e9 + \" s\" /* FLAW: not name;dur=ms */")),

    /** The buffered log written every second, but not at the stop: the lines of the last second are lost. */
    LOG_NOT_FLUSHED_AT_THE_STOP(14, edit("    AccessLog.OUT.flush(); // the lines of the last answers\n", "")),

    /** The time written by String.format in the server's locale: a decimal comma, "app;dur=0,712", in German. */
    TIMING_IN_THE_LOCALE(14, edit("\"Server-Timing: app;dur=\" + (System.nanoTime() - started) / 1000 / 1000.0",
            "String.format(\"Server-Timing: app;dur=%.3f\", (System.nanoTime() - started) / 1e6) /* FLAW */")),

    /** The time divided by 1000 once: microseconds, written as milliseconds, a thousand times too long. */
    TIMING_IN_MICROS(14, edit("(System.nanoTime() - started) / 1000 / 1000.0",
            "(System.nanoTime() - started) / 1000.0 /* FLAW: microseconds */")),

    /** The accept loop's virtual thread not joined: main returns, and the JVM ends, virtual threads being daemons. */
    MAIN_RETURNS(14, edit("    }).join();\n}", "    }); // FLAW: not joined\n}")),

    /** The time in whole milliseconds, an integer division: dur=0 for nearly every answer. */
    TIMING_IN_WHOLE_MS(14, edit("(System.nanoTime() - started) / 1000 / 1000.0",
            "(System.nanoTime() - started) / 1_000_000 /* FLAW: whole milliseconds */")),

    /** The time in seconds, a double: Java writes one under 0.001 with an exponent, 1.2E-4. */
    TIMING_IN_SECONDS_AS_A_DOUBLE(14, edit("(System.nanoTime() - started) / 1000 / 1000.0",
            "(System.nanoTime() - started) / 1e9 /* FLAW: seconds */")),

    /** The clock not started again once the head has come: a slow client's pace counted as the server's time. */
    TIMING_COUNTS_WAIT(14, edit("        requestLine = head.getFirst();\n        started = System.nanoTime();\n",
            "        requestLine = head.getFirst(); // FLAW: the clock runs from before the head\n")),

    /** A folder's index.html served with the folder's attributes, read once before: a directory, so 404. */
    INDEX_STALE_ATTRIBUTES(14, edit("        attributes = Htdocs.attributesOf(file);\n",
            "        // FLAW: index.html's attributes not read: the folder's stand for them\n"));

    private final int step;
    private final List<Edit> edits;

    Steps10To14Fixtures(int step, Edit... edits) {
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
