package httpcourse.spec;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Step 9, its answers and its limits: the checks of {@link KeepAliveSpec} (which include step 7's);
 * a client that never reads its answer is cut off like a silent one; and each request is logged in
 * the Common Log Format, with what the client sent made harmless for the console. Its graceful
 * stop has a spec of its own, {@link Step9StopSpec}: each of its checks stops the server.
 */
@Tag("step9")
@DisplayName("Step 9: bounded resources, a standard log")
public class Step9Spec extends KeepAliveSpec {

    /** A file far larger than what the system's buffers hold on the way: its sending blocks. */
    static final long LARGER_THAN_ANY_BUFFER = 1L << 30;

    /** How long to wait for the log lines of a request: a fail-safe, they come at once. */
    private static final Duration LOG_FAIL_SAFE = Duration.ofSeconds(5);

    // host ident authuser [day/Mon/year:HH:mm:ss zone] "request line" status bytes
    private static final Pattern COMMON_LOG_FORMAT = Pattern.compile(
            "(\\S+) \\S+ \\S+ \\[(\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4})] \"(.*)\" (\\d{3}) (\\d+|-)");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);

    @Override
    @Test
    @DisplayName("closes a connection whose head does not come in time: silent, a byte a second, idle after an"
            + " answer, or never reading its answer")
    public void closesSlowConnections() {
        String path = "/never-read.bin";
        server.webRoot().createSparsePage(path, LARGER_THAN_ANY_BUFFER);
        try {
            assertClosesSlowClients(List.of(idleAfterAnAnswer(), neverReading(path)));
        } finally {
            server.webRoot().deletePage(path);
        }
    }

    /**
     * A client that asks for a large file and reads nothing: the server's write blocks. It sends
     * an empty line every half second (nothing a server must read), and knows the server has cut it
     * off when such a write fails.
     */
    private SlowClient neverReading(String path) {
        return new SlowClient(server -> {
            try (RawConnection client = server.open()) {
                client.send(Requests.http11("GET", path));
                long deadline = System.nanoTime() + CLOSE_FAIL_SAFE.toNanos();
                while (System.nanoTime() < deadline) {
                    Pause.sleep(Duration.ofMillis(500));
                    if (!client.trySend("\r\n")) {
                        return client.age();
                    }
                }
                return null;
            }
        }, () -> new SpecFailure("A client asked for a file of 1 GiB and read none of it: after "
                + CLOSE_FAIL_SAFE.toSeconds() + " s, the connection was still open.\n", List.of(new Hint(
                Hint.Id.WRITE_NEVER_TIMES_OUT, "A socket's write waits for the client to read, for ever: it has no"
                + " time limit (setSoTimeout is for reads). Watch the writes (a thread that checks, every second,"
                + " how long each has waited) and close the connection of one that waits too long, or such a client"
                + " keeps a thread and the buffers of its answer for as long as it likes."))));
    }

    // ---- The log --------------------------------------------------------------------------------

    @Test
    @DisplayName("logs each request in the Common Log Format, the client's control bytes escaped as \\xHH")
    void logsInTheCommonLogFormat() {
        Assumptions.assumeTrue(server.isOwnProcess(), "the log of a server started by somebody else is not at hand");
        // ESC ] 0 ; ... BEL sets a terminal's title: printed as it is, the request drives the console.
        String attackLine = "GET /\u001b]0;PWNED\u0007 HTTP/1.0";
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(Requests.get("/ipsum.html"));
        send(attackLine + "\r\n\r\n");
        Instant received = Instant.now();
        String ipsum = "GET /ipsum.html HTTP/1.0";
        String escaped = "GET /\\x1b]0;PWNED\\x07 HTTP/1.0";
        List<String> printed = awaitLogLines("/ipsum.html", "PWNED");
        Optional<String> raw = printed.stream().filter(line -> line.chars().anyMatch(Step9Spec::isControl)).findFirst();
        if (raw.isPresent()) {
            throw logFailure("The server printed a byte the client sent, a control character, as it is:\n  "
                    + OutputTail.visible(raw.get()) + "\n", new Hint(Hint.Id.LOG_UNESCAPED, "A request's bytes are the"
                    + " client's: ESC starts an escape sequence that the console obeys (this one sets its title;"
                    + " others move the cursor, or rewrite lines already printed). Before printing them, write each"
                    + " byte outside printable ASCII, and \" and \\, as \\xHH, as nginx and Apache do: \\x1b."));
        }
        long ipsumBytes = server.webRoot().page("/ipsum.html").length;
        for (String line : List.of(ipsum, escaped)) {
            boolean found = printed.stream().map(COMMON_LOG_FORMAT::matcher).filter(Matcher::matches)
                    .anyMatch(entry -> entry.group(3).equalsIgnoreCase(line) && isDuring(entry.group(2), sent, received)
                            && entry.group(4).equals(line.equals(ipsum) ? "200" : "400")
                            && (!line.equals(ipsum) || entry.group(5).equals(String.valueOf(ipsumBytes))));
            if (!found) {
                throw logFailure("No line of the log is \"" + line + "\" in the Common Log Format, with its status and"
                        + " size.\n", new Hint(Hint.Id.LOG_NOT_COMMON_FORMAT, "Log each request in the Common Log Format,"
                        + " which log tools read: who, two \"-\", [time], \"request line\", status, body bytes (\"-\""
                        + " for none): 127.0.0.1 - - [25/Nov/2026:15:49:56 +0100] \"" + ipsum + "\" 200 " + ipsumBytes
                        + ". The time is when the request came, \"dd/MMM/yyyy:HH:mm:ss Z\" (Locale.US)."));
            }
        }
    }

    /** The lines printed during this check, once each word shows in one of them (or after a fail-safe). */
    private List<String> awaitLogLines(String... words) {
        long deadline = System.nanoTime() + LOG_FAIL_SAFE.toNanos();
        List<String> printed = server.printedDuringThisCheck();
        while (!mentionsAll(printed, words) && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(20));
            printed = server.printedDuringThisCheck();
        }
        return printed;
    }

    private static boolean mentionsAll(List<String> lines, String... words) {
        return List.of(words).stream().allMatch(word -> lines.stream().anyMatch(line -> line.contains(word)));
    }

    private static boolean isDuring(String logTime, Instant sent, Instant received) {
        try {
            Instant time = OffsetDateTime.parse(logTime, LOG_TIME).toInstant();
            return !time.isBefore(sent) && !time.isAfter(received);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' || c == 0x7F;
    }

    private SpecFailure logFailure(String what, Hint hint) {
        return new SpecFailure(what + hint.render() + server.describeThisCheck(), List.of(hint));
    }
}
