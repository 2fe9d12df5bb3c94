package httpcourse.grader;

import static httpcourse.grader.KnownWrongServer.edit;
import static httpcourse.grader.KnownWrongServer.in;

import java.util.List;

/** The known-wrong servers ({@link KnownWrongServer}) of steps 12 to 14: the graceful stop to measured and tuned. */
enum Steps12To14Fixtures implements KnownWrongServer {

    // ---- Step 12: a graceful stop

    /** Step 11 as it is, on step 12's spec: SIGTERM ends it at once. */
    STEP_11(11),

    /** The idle mark set while a kept connection waits, never cleared when its request comes: the stop cuts its answer (helper-57). */
    IDLE_MARK_KEPT(12, in("Connection.java", "return oneMore && idle.compareAndSet(true, false);",
            "return oneMore; // FLAW: still idle while it answers")),

    /** The byte read while waiting for the next request never given back: "GET" after a wait is "ET" (helper-57). */
    FIRST_BYTE_KEPT(12, in("Connection.java", "            in.reset();", "            // FLAW: the byte read is not given back")),

    /** No time limit on accept(): after the signal, the accept loop waits for a client before it looks at the stop (helper-57). */
    ACCEPT_WITHOUT_TIMEOUT(12, in("HttpServer.java", "        server.setSoTimeout(100); // accept() returns now and then, to see a stop",
            "        // FLAW: no time limit: accept() waits for the next client")),

    /** Stops without closing its server socket: new clients are still accepted during the stop, up to its exit. */
    KEEPS_ACCEPTING(12, edit("    stop(threads);\n}", "}"),
            edit("    try (var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress())) {",
                    "    var server = new ServerSocket(port, BACKLOG, InetAddress.getLoopbackAddress()); // FLAW: left open\n"
                            + "    {"),
            edit("                if (stopAsked != 0) {\n                    break;",
                    "                if (stopAsked != 0) {\n                    stop(threads);\n                    break;")),

    /** Ends the stop with the status of a process killed by SIGTERM. */
    EXIT_STATUS_143(12, edit("    stop(threads);\n}", "    stop(threads);\n    System.exit(143); // FLAW: the status of a process killed by SIGTERM\n}")),

    /** The second signal's status written as a number: 143, SIGTERM's, after a second Ctrl+C too. */
    HALT_143(12, edit("halt(128 + signal.getNumber())", "halt(143) /* FLAW: SIGTERM's status, whatever the signal */")),

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

    /** The head's bytes counted in the log's size: "GET /ipsum.html HTTP/1.0" 200 352, where the body had 186. */
    LOG_SIZE_WITH_HEAD(13, in("Response.java", "return withBody ? body.transferTo(out) : 0;",
            "return head.length() + (withBody ? body.transferTo(out) : 0); // FLAW: the head counted too")),

    /** The escape's lower bound one too high: spaces escaped, "GET\x20/ipsum.html\x20HTTP/1.0". */
    LOG_SPACE_ESCAPED(13, in("AccessLog.java", "c < 0x20", "c <= 0x20 /* FLAW: the space too */")),

    /** The server's own address logged for every client: getLocalAddress(), where getInetAddress() is the client's. */
    LOG_LOCAL_ADDRESS(13, edit("String clientIp = client.getInetAddress().getHostAddress();",
            "String clientIp = client.getLocalAddress().getHostAddress(); // FLAW: the server's own address")),

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

    /**
     * The accept loop's virtual thread not joined: main returns, and the JVM ends, virtual threads being daemons.
     * The loop starts late, as in a server that loads something first: else, on a busy machine, its port line
     * sometimes came before the JVM ended, and a check met the server as it vanished.
     */
    MAIN_RETURNS(14, edit("    }).join();\n}", "    }); // FLAW: not joined\n}"),
            edit("void acceptConnections(String[] args) throws IOException, InterruptedException {\n",
                    "void acceptConnections(String[] args) throws IOException, InterruptedException {\n"
                            + "    Thread.sleep(Duration.ofSeconds(5)); // loads something first\n")),

    /** The time in whole milliseconds, an integer division: dur=0 for nearly every answer. */
    TIMING_IN_WHOLE_MS(14, edit("(System.nanoTime() - started) / 1000 / 1000.0",
            "(System.nanoTime() - started) / 1_000_000 /* FLAW: whole milliseconds */")),

    /** The time divided as integers, then cast: (double) (a / b) is whole milliseconds, dur=0.0 (helper-60). */
    TIMING_CAST_AFTER_DIVIDING(14, edit("(System.nanoTime() - started) / 1000 / 1000.0",
            "(double) ((System.nanoTime() - started) / 1_000_000) /* FLAW: divided, then cast */")),

    /** The time with its unit: dur=0.657ms, which is no number for a browser (helper-60). */
    TIMING_WITH_A_UNIT(14, edit("(System.nanoTime() - started) / 1000 / 1000.0;",
            "(System.nanoTime() - started) / 1000 / 1000.0 + \"ms\"; // FLAW: a unit")),

    /** The time in seconds, a double: Java writes one under 0.001 with an exponent, 1.2E-4. */
    TIMING_IN_SECONDS_AS_A_DOUBLE(14, edit("(System.nanoTime() - started) / 1000 / 1000.0",
            "(System.nanoTime() - started) / 1e9 /* FLAW: seconds */")),

    /** The clock not started again once the head has come: a slow client's pace counted as the server's time. */
    TIMING_COUNTS_WAIT(14, edit("        requestLine = head.getFirst();\n        started = System.nanoTime();\n",
            "        requestLine = head.getFirst(); // FLAW: the clock runs from before the head\n")),

    /** A folder's index.html served with the folder's attributes, read once before: a directory, so 404. */
    INDEX_STALE_ATTRIBUTES(14, edit("        attributes = Htdocs.attributesOf(file);\n",
            "        // FLAW: index.html's attributes not read: the folder's stand for them\n")),

    /** Change 2's buffer test one off: pos <= count is always true, and no read is ever given its time limit. */
    BUFFER_TEST_ONE_OFF(14, in("LimitedInput.java", "if (buffered()) { // bytes are here", "if (pos <= count) { // FLAW: always true")),

    /** Change 9's byte taken from the buffer not counted: the head's size counts a byte a socket read. */
    FAST_PATH_UNCOUNTED(14, in("LimitedInput.java", "            bytesLeft--;\n            return buf[pos++] & 0xFF;",
            "            return buf[pos++] & 0xFF; // FLAW: a buffered byte not counted")),

    /** "One lstat": the file's attributes read without following links, so every link inside htdocs is 404. */
    ATTRIBUTES_OF_THE_LINK(14, in("Htdocs.java", "return Files.readAttributes(file, BasicFileAttributes.class);",
            "return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS); // FLAW: the link's own"));

    private final int step;
    private final List<Edit> edits;

    Steps12To14Fixtures(int step, Edit... edits) {
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
