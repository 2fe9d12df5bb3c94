package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.Check.onItsOwnServer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 14: measured and tuned. Every answer says how long the server took to make it, in a
 * Server-Timing header that browsers' developer tools show ("app;dur=0.52", in milliseconds). From
 * this step on, every check expects it ({@link Checking}); this one names it, and holds its time
 * against the client's own wait, which holds the server's.
 */
public final class TunedChecks {

    private TunedChecks() {
    }

    /** How long the client waits between the two pieces of a head: a wait that is not the server's time. */
    static final Duration BETWEEN_PIECES = Duration.ofMillis(500);
    /** What the server's clock and the client's may differ by over one answer: rounding, and nothing else. */
    private static final Duration CLOCKS = Duration.ofMillis(5);
    private static final Pattern DUR = Pattern.compile(";\\s*dur=(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)");

    public static final Check SERVER_TIMING = check(
            "says in every answer how long it took, with Server-Timing: a file, HEAD, a 304, a 404, a 400, a head"
            + " that came in two pieces", c -> {
                List<Timed> answers = new ArrayList<>();
                c.inCase("GET /ipsum.html", () -> answers.add(timed(c, c.get("/ipsum.html"), c.file("/ipsum.html"))));
                long length = c.webRoot().page("/ipsum.html").length;
                c.inCase("HEAD /ipsum.html", () -> answers.add(timed(c, c.send("HEAD /ipsum.html HTTP/1.0\r\n\r\n"),
                        c.file("/ipsum.html").withoutBody(length))));
                c.inCase("GET /ipsum.html with the ETag it had: 304", () -> {
                    String etag = HttpResponse.parse(c.get("/ipsum.html").exchange().response()).value("ETag");
                    answers.add(timed(c, c.send("GET /ipsum.html HTTP/1.0\r\nIf-None-Match: " + etag + "\r\n\r\n"),
                            Expected.notModified(length)));
                });
                c.inCase("GET /missing.html: 404", () -> answers.add(timed(c, c.get("/missing.html"), c.notFound())));
                c.inCase("GET without a path: 400", () -> answers.add(timed(c, c.send("GET\r\n\r\n"),
                        c.error("400 Bad Request"))));
                c.inCase("GET /ipsum.html, its head in two pieces " + BETWEEN_PIECES.toMillis() + " ms apart", () -> {
                    String request = "GET /ipsum.html HTTP/1.0\r\n\r\n";
                    try (RawConnection connection = c.server().open()) {
                        connection.send(request.substring(0, request.length() - 2));
                        Pause.sleep(BETWEEN_PIECES);
                        Instant whole = Instant.now(); // the server's time starts once it has the whole head
                        connection.send("\r\n");
                        Exchange exchange = connection.readUntilClosed();
                        Timed answer = new Timed(new ServerReply(exchange, c.server()), whole, Instant.now());
                        c.check(answer, request, c.file("/ipsum.html"));
                        assertWithinTheWait(answer, "after the head's last piece", new Hint(
                                Hint.Id.SERVER_TIMING_COUNTS_WAIT, "The server's time starts once it has the whole"
                                + " head: the client's pace before that is not the server's work. Start the clock"
                                + " after the head is read, not when the connection (or the head's first byte) came."));
                    }
                });
                // Each answer takes microseconds, never none: dur=0 (or 0.0) is whole milliseconds.
                List<Timed> none = answers.stream().filter(answer -> durationOf(answer) != null
                        && Double.parseDouble(durationOf(answer)) == 0).toList();
                if (!none.isEmpty()) {
                    throw FailureReport.failure("Server-Timing says dur=" + durationOf(none.getLast()) + " in "
                            + none.size() + " of " + answers.size() + " answers.", null, none.getLast().reply(),
                            List.of(new Hint(Hint.Id.SERVER_TIMING_WHOLE_MS, "An answer takes a fraction of a"
                            + " millisecond, and dur=0 says none: the nanoseconds divided as integers (/ 1_000_000)"
                            + " keep whole milliseconds only, a cast to double after it too ((double) (a / b)). Divide"
                            + " by a double: (System.nanoTime() - started) / 1_000_000.0, or / 1000 / 1000.0 for"
                            + " microseconds.")));
                }
            });

    /**
     * A stop just after an answer: its log line must come out before the exit. A log buffered for
     * speed is written once a second, and at the stop: without the stop's write, the lines of the
     * last second are lost (unless that second's write comes first: a flaw this check catches in most runs).
     */
    public static final Check LOG_AT_THE_STOP = onItsOwnServer("writes the log line of an answer sent just before"
            + " SIGTERM: a stop loses none of the log", c -> {
                StopChecks.requireSignals(c);
                // Its answer is other checks' business: this one wants it logged, whatever its status.
                ServerReply answer = c.server().send(Requests.get("/ipsum.html"));
                String code = answer.code();
                if (code.isEmpty()) {
                    throw FailureReport.failure("No answer to GET /ipsum.html, the request before SIGTERM.", null,
                            answer);
                }
                c.server().signal("TERM");
                Integer status = c.server().awaitExit(StopChecks.EXIT_FAIL_SAFE);
                String logged = "\"GET /ipsum.html HTTP/1.0\" " + code + " ";
                List<String> printed = c.server().printedDuringThisCheck();
                if (status != null && printed.stream().noneMatch(line -> line.contains(logged))) {
                    Hint lost = new Hint(Hint.Id.LOG_LOST_AT_THE_STOP, "The log's last lines were lost with the"
                            + " process: a log buffered for speed must be written at the stop too, once the answers"
                            + " under way are sent (AccessLog.OUT.flush()). Nothing flushes a stream of yours as the"
                            + " JVM exits, and the last lines before a stop are the ones an operator looks for.");
                    throw SpecFailure.withOutput("The server answered GET /ipsum.html, then stopped on SIGTERM (exit"
                            + " status " + status + "), and printed no log line with " + logged + "for it.", lost,
                            c.server());
                }
            });

    public static final List<Check> ALL = List.of(SERVER_TIMING, LOG_AT_THE_STOP);

    /** Checks the answer, then that its Server-Timing is no longer than the client waited for it. */
    private static Timed timed(Checking c, Timed answer, Expected expected) {
        c.check(answer, expected);
        assertWithinTheWait(answer, "after it sent the request", new Hint(Hint.Id.SERVER_TIMING_TOO_LONG,
                "dur is in milliseconds: (System.nanoTime() - started) / 1_000_000.0. Divided by 1000 only, it is"
                + " microseconds, a thousand times too long; the server's time is a part of the client's wait,"
                + " never longer."));
        return answer;
    }

    /** The duration an answer's Server-Timing says, as written; null without one. */
    private static String durationOf(Timed answer) {
        Matcher dur = DUR.matcher(Objects.requireNonNullElse(HttpResponse.parse(answer.exchange().response())
                .value("Server-Timing"), ""));
        return dur.find() ? dur.group(1) : null;
    }

    private static void assertWithinTheWait(Timed answer, String from, Hint hint) {
        String value = HttpResponse.parse(answer.exchange().response()).value("Server-Timing");
        Matcher dur = DUR.matcher(value == null ? "" : value);
        if (!dur.find()) {
            return; // no duration: the header's own rule says so
        }
        Duration waited = Duration.between(answer.sent(), answer.received());
        if (dur.group(1).matches(".*[eE]-.*")) { // Double.toString's form of a number under 0.001
            throw FailureReport.failure("Server-Timing says dur=" + dur.group(1) + ": under a microsecond, if it is"
                    + " milliseconds.", null, answer.reply(), List.of(new Hint(Hint.Id.SERVER_TIMING_IN_SECONDS,
                    "No answer takes under a microsecond: this dur is in seconds (Java writes a double under 0.001"
                    + " with an exponent). dur is in milliseconds: (System.nanoTime() - started) / 1_000_000.0.")));
        }
        double said = Double.parseDouble(dur.group(1));
        if (said > waited.plus(CLOCKS).toNanos() / 1e6) {
            throw FailureReport.failure(String.format(Locale.ROOT, "Server-Timing says %s ms (%s), but the client"
                    + " had the whole answer %.1f ms %s.", dur.group(1), value, waited.toNanos() / 1e6, from),
                    null, answer.reply(), List.of(hint));
        }
    }
}
