package httpcourse.spec;

import static httpcourse.spec.Check.check;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 13's access log ({@link UnattendedChecks#ACCESS_LOG}): each request in the Common Log Format,
 * what the client sent made harmless, and the line of an answer cut on its way.
 */
final class AccessLogCheck {

    private AccessLogCheck() {
    }

    /**
     * How long to wait for the log lines of a request: a fail-safe. They come at once, or (steps 14
     * to 17, whose watchdog writes the gathered lines) within a second, which a busy core stretches.
     */
    private static final Duration LOG_FAIL_SAFE = Duration.ofSeconds(10);

    // host ident authuser [time] "request line" status bytes; each field checked on its own
    // The spec's client connects from the loopback's IPv4 address: as such, or in IPv6's form of it.
    private static final Set<String> CLIENT_ADDRESSES = Set.of("127.0.0.1", "::ffff:127.0.0.1");
    // One request comes from the loopback's second address, where the system has it: a client that is not the server.
    private static final InetAddress OTHER_CLIENT = InetAddress.ofLiteral("127.0.0.2");
    private static final Pattern LOG_FIELDS = Pattern.compile("(\\S+) - - \\[([^]]*)] \"(.*)\" (\\S+) (\\S+)");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    private static final Hint LOG_TIME_HINT = new Hint(Hint.Id.LOG_TIME_WRONG, "The time is the request's, as"
            + " \"dd/MMM/yyyy:HH:mm:ss Z\" in Locale.US: HH the hour from 00 to 23 (hh counts 1 to 12), mm the"
            + " minute (MM is the month), yyyy the year (YYYY is the year of the week, which differs in the last days"
            + " of December), Z the offset of the time's own zone (+0000 for UTC), Dec in every language (a Java"
            + " server formats in German here, where a formatter given no locale writes Dez.).");

    private static final Hint COMMON_LOG_FORMAT = new Hint(Hint.Id.LOG_NOT_COMMON_FORMAT, "Log each request in the"
            + " Common Log Format, which log tools read: who, two \"-\", [time], \"request line\", status, body bytes"
            + " (\"-\" for none): 127.0.0.1 - - [25/Nov/2026:15:49:56 +0100] \"GET /ipsum.html HTTP/1.0\" 200 435."
            + " The time is the request's, as \"dd/MMM/yyyy:HH:mm:ss Z\" (Locale.US).");

    private static final Hint SPACE_ESCAPED = new Hint(Hint.Id.LOG_SPACE_ESCAPED, "A space (0x20) is printable ASCII,"
            + " and stays as it is: escape the bytes below 0x20, not up to it. The request line's spaces are the ones"
            + " the format expects between its method, target and version.");

    private static final Hint UNESCAPED = new Hint(Hint.Id.LOG_UNESCAPED, "A request's bytes are the client's: ESC"
            + " starts an escape sequence that the console obeys (this one sets its title; others move the cursor, or"
            + " rewrite lines already printed), and so does 0x9B, above 0x7E. Before printing them, write each byte"
            + " outside printable ASCII (below 0x20, 0x7F and above), and \" and \\, as \\xHH, as nginx and Apache do:"
            + " \\x1b, \\x9b.");

    static final Check ACCESS_LOG = check("logs each request in the Common Log Format, the client's bytes"
            + " outside printable ASCII, quotes and backslashes escaped as \\xHH", c -> {
        if (!c.server().isOwnProcess()) {
            throw c.notRunHere("grading a running server: its access log (its output) is not at hand");
        }
        // ESC ] 0 ; ... BEL sets a terminal's title: printed as it is, the request drives the console.
        String ipsum = "GET /ipsum.html HTTP/1.0";
        String head = "HEAD /ipsum.html HTTP/1.0"; // logs no size: its answer has no body
        // Then 0x1F, the last control; U+009B (CSI) in UTF-8, C2 9B: bytes above 0x7E, and a control that consoles
        // take as ESC [; DEL last. "~" first, 0x7E: the last printable byte, as it is.
        String attack = "GET /~\u001b]0;PWNED\u0007\u001f\u00c2\u009b\u007f HTTP/1.0";
        // A quote would end the request's field for whoever reads the log; a backslash, start an escape.
        String quoted = "GET /say\"" + c.webRoot().token("quoted") + "\\n HTTP/1.0";
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        boolean fromOther = RawHttpClient.canSendFrom(OTHER_CLIENT);
        List<Timed> answers = List.of(fromOther ? sendFrom(c, OTHER_CLIENT, ipsum + "\r\n\r\n")
                        : c.send(ipsum + "\r\n\r\n"), c.send(head + "\r\n\r\n"),
                c.send(attack + "\r\n\r\n"), c.send(quoted + "\r\n\r\n"));
        List<String> printed = awaitLogLines(c, "GET /ipsum.html", "HEAD /ipsum.html", "PWNED",
                c.webRoot().token("quoted"));
        Instant logged = Instant.now(); // the lines were printed before this, whenever the server writes them
        Optional<String> raw = printed.stream().filter(line -> line.chars().anyMatch(AccessLogCheck::isControl))
                .findFirst();
        if (raw.isPresent()) {
            int control = raw.get().chars().filter(AccessLogCheck::isControl).findFirst().orElseThrow();
            throw logFailure(c, "The server printed a byte the client sent, the control character "
                    + String.format("0x%02X, as it is (this report shows it as \\x%02x: the log must hold", control, control)
                    + " those four characters instead):\n  "
                    + OutputTail.visible(raw.get()), UNESCAPED);
        }
        // The bytes after BEL, above 0x7E, not escaped: as they are, transcoded, or "?" where stdout is ASCII.
        Optional<String> high = printed.stream().filter(line -> line.toLowerCase(Locale.ROOT).contains("pwned\\x07\\x1f")
                && !line.toLowerCase(Locale.ROOT).contains("pwned\\x07\\x1f\\x")).findFirst();
        if (high.isPresent()) {
            throw logFailure(c, "The server escaped the client's bytes below 0x20, but not those above 0x7E (C2 9B,"
                    + " sent after BEL, come out as they are, or as \"?\" where the server's charset is ASCII):\n  "
                    + OutputTail.visible(high.get()), UNESCAPED);
        }
        Optional<String> unquoted = printed.stream().filter(line -> line.contains("say\"" + c.webRoot().token("quoted"))
                || line.contains(c.webRoot().token("quoted") + "\\n")).findFirst();
        if (unquoted.isPresent()) {
            throw logFailure(c, "The server printed a quote, or a backslash, of the request line as it is:\n  "
                    + OutputTail.visible(unquoted.get()), new Hint(Hint.Id.LOG_QUOTE_UNESCAPED, "In the Common Log"
                    + " Format, the request line is a field between quotes: a quote in it ends the field early, and a"
                    + " tool that reads the log takes what follows for the status; a backslash starts an escape."
                    + " Write \" as \\x22 and \\ as \\x5C too, as nginx does, so that no client can write what a"
                    + " tool reads as the server's own fields."));
        }
        // Each request line as logged: \xHH as nginx writes it (or \" and \\ as Apache does). A line of its
        // request that escapes its bytes otherwise ("\x7", "%07") is named as such; one whose other fields
        // are wrong, by the field.
        List<String> marks = List.of(ipsum, head, "PWNED", c.webRoot().token("quoted"));
        List<List<String>> lines = List.of(List.of(ipsum), List.of(head), List.of(
                        "GET /~\\x1b]0;PWNED\\x07\\x1f\\xc2\\x9b\\x7f HTTP/1.0", // its bytes, or its characters as UTF-8
                        "GET /~\\x1b]0;PWNED\\x07\\x1f\\x9b\\x7f HTTP/1.0"),
                List.of("GET /say\\x22" + c.webRoot().token("quoted") + "\\x5Cn HTTP/1.0",
                        "GET /say\\\"" + c.webRoot().token("quoted") + "\\\\n HTTP/1.0"));
        for (int i = 0; i < lines.size(); i++) {
            HttpResponse answer = HttpResponse.parse(answers.get(i).exchange().response());
            String line = lines.get(i).getFirst();
            List<String> forms = lines.get(i);
            List<Matcher> entries = printed.stream().map(LOG_FIELDS::matcher).filter(Matcher::matches).toList();
            Optional<Matcher> entry = entries.stream().filter(e -> forms.stream().anyMatch(e.group(3)::equalsIgnoreCase))
                    .findFirst();
            if (entry.isPresent()) {
                assertLogFields(c, line, entry.get(), answer, sent, logged, i == 0 && fromOther);
                continue;
            }
            String mark = marks.get(i);
            Optional<String> escapedOtherwise = entries.stream().map(e -> e.group(3)).filter(request -> request
                    .contains(mark)).findFirst();
            if (i > 1 && escapedOtherwise.isPresent() && escapedOtherwise.get().toLowerCase(Locale.ROOT).contains("\\x7e")) {
                throw logFailure(c, "The log holds the request line \"" + escapedOtherwise.get() + "\", where \"" + line
                        + "\" was due.", new Hint(Hint.Id.LOG_TILDE_ESCAPED, "~ (0x7E) is printable ASCII, and stays as"
                        + " it is: escape the bytes from 0x7F (DEL) up, not from 0x7E."));
            }
            if (i > 1 && escapedOtherwise.isPresent()) {
                throw logFailure(c, "The log holds the request line \"" + escapedOtherwise.get() + "\", where \"" + line
                        + "\" was due.", new Hint(Hint.Id.LOG_ESCAPE_FORM, "Each byte of a request that a log may not"
                        + " hold as it is, is \\x and two hex digits, as nginx writes it: \\x07, \\x1B, \\x22 (not"
                        + " \\x7, not %07, which a URL's own escapes would read as a byte of the path)."));
            }
            Optional<String> spaceEscaped = entries.stream().map(e -> e.group(3))
                    .filter(request -> request.equalsIgnoreCase(spacesEscaped(line))).findFirst();
            if (spaceEscaped.isPresent()) {
                throw logFailure(c, "The log holds the request line \"" + spaceEscaped.get() + "\", where \"" + line
                        + "\" was due.", SPACE_ESCAPED);
            }
            throw logFailure(c, "No line of the log is \"" + line + "\" in the Common Log Format, with its status ("
                    + answer.code() + ") and size (" + answer.body().length + ").", COMMON_LOG_FORMAT);
        }
    });

    /** The request line as a server that escapes the space too (c <= 0x20) logs it. */
    private static String spacesEscaped(String requestLine) {
        return requestLine.replace(" ", "\\x20");
    }

    /** Sends {@code request} on a connection from {@code local}, and reads its answer. */
    private static Timed sendFrom(Checking c, InetAddress local, String request) {
        try (RawConnection connection = c.server().openFrom(local)) {
            connection.send(request);
            return KeepAliveChecks.nextAnswer(c, connection, 1, request, false);
        }
    }

    /** The fields of a log line that holds the request: host, time, status, size, each named when wrong. */
    private static void assertLogFields(Checking c, String line, Matcher entry, HttpResponse answer, Instant sent,
            Instant logged, boolean fromOther) {
        String time = entry.group(2);
        String was = "The log's line for \"" + line + "\" ";
        String other = OTHER_CLIENT.getHostAddress();
        if (fromOther && CLIENT_ADDRESSES.contains(entry.group(1))) {
            throw logFailure(c, was + "gives the host \"" + entry.group(1) + "\", the server's own address, where the"
                    + " client's was " + other + ".", new Hint(Hint.Id.LOG_HOST_WRONG, "The first field is the"
                    + " client's IP address, getInetAddress() (the other end of the connection), not the server's own,"
                    + " getLocalAddress(): on one computer they are alike, so the mistake hides until the first real"
                    + " client. This request came from " + other + ", which the loopback has too."));
        }
        if (!(fromOther ? Set.of(other, "::ffff:" + other) : CLIENT_ADDRESSES).contains(entry.group(1))) {
            throw logFailure(c, was + "gives the host \"" + entry.group(1) + "\", where the client's address was "
                    + (fromOther ? other : "127.0.0.1") + ".", new Hint(Hint.Id.LOG_HOST_WRONG, "The first field is the"
                    + " client's IP address alone, as getInetAddress().getHostAddress() gives it: not"
                    + " getRemoteSocketAddress() (a slash and the client's port: a tool that counts the log's hosts sees"
                    + " a new one at each connection), and no name looked up in the DNS (getHostName() waits for it at"
                    + " each request)."));
        }
        Optional<OffsetDateTime> parsed = parseLogTime(time);
        if (parsed.isEmpty()) {
            throw logFailure(c, was + "gives the time [" + time + "], where the Common Log Format writes ["
                    + LOG_TIME.withZone(ZoneId.of(Sandbox.SERVERS_TIME_ZONE)).format(sent) + "] in its time zone.",
                    LOG_TIME_HINT);
        }
        Instant at = parsed.get().toInstant();
        if (at.isBefore(sent) || at.isAfter(logged)) {
            throw logFailure(c, was + "gives the time [" + time + "], and the request came at ["
                    + LOG_TIME.withZone(parsed.get().getOffset()).format(sent) + "]: "
                    + timeDiffers(parsed.get(), sent) + ".", LOG_TIME_HINT);
        }
        if (!entry.group(4).equals(answer.code())) {
            throw logFailure(c, was + "gives the status \"" + entry.group(4) + "\", where the answer's was "
                    + answer.code() + ".", COMMON_LOG_FORMAT);
        }
        if (!isSize(entry.group(5), answer.body().length)) {
            // The head's bytes as sent: its lines, each with its CRLF, and the empty line.
            int head = answer.statusLine().length() + 2 + answer.fields().stream().mapToInt(f -> f.line().length() + 2)
                    .sum() + 2;
            boolean headCounted = entry.group(5).equals(String.valueOf(head + answer.body().length));
            throw logFailure(c, was + "gives the size " + entry.group(5) + ", where the answer's body was "
                    + answer.body().length + " bytes" + (line.startsWith("HEAD") ? " (a HEAD's answer has none)." : "."),
                    headCounted ? new Hint(Hint.Id.LOG_SIZE_WRONG, "The size counts the head too (" + head + " bytes):"
                    + " the log's size is the body's bytes alone, \"-\" for none. Count what the body's copy sent,"
                    + " not the head written before it.") : SIZE_SENT);
        }
    }

    /** The first field of a log's time that differs from the time the request was sent, in the log's offset. */
    private static String timeDiffers(OffsetDateTime logged, Instant sent) {
        OffsetDateTime due = sent.atOffset(logged.getOffset());
        List<String> names = List.of("year", "month", "day", "hour", "minute", "second");
        List<String> forms = List.of("yyyy", "MMM", "dd", "HH", "mm", "ss");
        for (int i = 0; i < names.size(); i++) {
            DateTimeFormatter field = DateTimeFormatter.ofPattern(forms.get(i), Locale.US);
            if (!field.format(logged).equals(field.format(due))) {
                return "its " + names.get(i) + " is " + field.format(logged) + ", where " + field.format(due)
                        + " was due";
            }
        }
        return "it is a second off";
    }

    /** A cut answer's log line gives the bytes sent, or "-": never the whole size its Content-Length said. */
    static void assertCutLoggedAsCut(Checking c, String request) {
        if (!c.server().isOwnProcess()) {
            return; // its output is not at hand
        }
        List<String> printed = awaitLogLines(c, request); // a line of another form is ACCESS_LOG's to judge
        if (printed.stream().noneMatch(line -> line.contains(request))) {
            String escaped = spacesEscaped(request).toLowerCase(Locale.ROOT);
            if (printed.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).contains(escaped))) {
                throw logFailure(c, "The log has no line for \"" + request + "\", but one for \""
                        + spacesEscaped(request) + "\".", SPACE_ESCAPED);
            }
            throw logFailure(c, "The log has no line for \"" + request + "\", an answer the server cut after its"
                    + " head and a part of its body.", new Hint(Hint.Id.LOG_LINE_MISSING_WHEN_CUT, "Every request gets"
                    + " its line, even one whose answer failed on its way (its client left, or was cut): print it in"
                    + " a finally, with the bytes sent so far, or \"-\"."));
        }
        String whole = String.valueOf(UnattendedChecks.LARGER_THAN_ANY_BUFFER);
        printed.stream().map(LOG_FIELDS::matcher).filter(Matcher::matches).filter(entry -> entry.group(3).equals(request)
                && (entry.group(5).equals(whole) || !entry.group(5).matches("-|\\d+"))).findFirst().ifPresent(entry -> {
                    throw logFailure(c, "The log's line for an answer the server cut, after its head and a part of its"
                            + " body, gives " + (entry.group(5).matches("\\d+") ? "the whole file's size" : "the size "
                            + entry.group(5)) + ":\n  " + OutputTail.visible(entry.group()), SIZE_SENT);
                });
    }

    private static final Hint SIZE_SENT = new Hint(Hint.Id.LOG_SIZE_WRONG, "The size is the count of the body's bytes"
            + " the server sent, \"-\" for none: not the file's size, which a HEAD's answer, a 304 and an answer cut on"
            + " its way do not send. Log what the sending returned.");

    /** The lines printed during this check, once each word shows in one of them (or after a fail-safe). */
    private static List<String> awaitLogLines(Checking c, String... words) {
        long deadline = System.nanoTime() + LOG_FAIL_SAFE.toNanos();
        List<String> printed = c.server().printedDuringThisCheck();
        while (!mentionsAll(printed, words) && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(20));
            printed = c.server().printedDuringThisCheck();
        }
        return printed;
    }

    private static boolean mentionsAll(List<String> lines, String... words) {
        return List.of(words).stream().allMatch(word -> lines.stream().anyMatch(line -> line.contains(word)));
    }

    private static Optional<OffsetDateTime> parseLogTime(String logTime) {
        try {
            return Optional.of(OffsetDateTime.parse(logTime, LOG_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The body's bytes, or "-" (or 0) for none. */
    private static boolean isSize(String logged, int bytes) {
        return logged.equals(String.valueOf(bytes)) || bytes == 0 && logged.equals("-");
    }

    /** C0 and C1 controls (ECMA-48), and DEL: 0x9B is CSI, which consoles take as ESC [. */
    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
    }

    private static SpecFailure logFailure(Checking c, String what, Hint hint) {
        return SpecFailure.withOutput(what, hint, c.server());
    }
}
