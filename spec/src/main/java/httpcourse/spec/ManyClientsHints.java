package httpcourse.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * Step 5's hints that stand for many checks: a request that came in pieces, or a moment late, got
 * no answer; a connection was left open after an error. {@link FailureReport} asks them of every
 * connection that got no answer, whatever the check.
 */
final class ManyClientsHints {

    private ManyClientsHints() {
    }

    /**
     * A connection that got no answer, from a server that gives up on any client that pauses a
     * moment ({@link ServerProbes#givesUpOnAPause}): a time limit in the wrong unit. This one hint
     * stands for every check whose request comes in pieces, or a moment late.
     */
    static Optional<Hint> gaveUpOnAPause(Exchange exchange, ServerState server, boolean stopped) {
        if (!exchange.closedWithoutAnswer() || stopped || !server.probes().givesUpOnAPause()) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.HEAD_TIME_LIMIT_TOO_SHORT, "The server gives up on a client that pauses:"
                + " a request sent whole " + ServerProbes.A_PAUSE.toMillis() + " ms after its connection opened got"
                + " no answer either, where the same request sent at once gets one. Its time limit for a head is far"
                + " too short: seconds given where milliseconds are taken? setSoTimeout takes milliseconds (10 s is"
                + " 10000): Duration.toMillis(), not toSeconds()."));
    }

    /**
     * A connection that got no answer, from a server that cuts any head that comes in two pieces, with no
     * time limit to blame ({@link ServerProbes#cutsAHeadInPieces}). This one hint stands for every check
     * whose request comes in pieces.
     */
    static Optional<Hint> cutAHeadInPieces(Exchange exchange, ServerState server, boolean stopped) {
        return exchange.closedWithoutAnswer() && !stopped && server.probes().cutsAHeadInPieces()
                ? Optional.of(PIECES_CUT) : Optional.empty();
    }

    private static final Hint PIECES_CUT = new Hint(Hint.Id.HEAD_IN_PIECES_CUT, "The server cuts a head that comes in"
            + " two pieces: its first line, then the empty line " + ServerProbes.A_PAUSE.toMillis() + " ms later, got"
            + " no answer, where the same request sent whole gets one, even that late. A network splits a head"
            + " anywhere: read it up to its empty line, however many reads that takes. Does a size limit count the"
            + " bytes asked of read (its buffer's length), where it must count those read returned?");

    /**
     * A connection that got no answer, from a server that answers no request, and closes a connection
     * that sent nothing at once ({@link ServerProbes#closesASilentConnectionAtOnce}): each connection
     * ends before its first read. Not where the server says its socket was closed (an accept loop that
     * closes it, racing the thread that serves it): its output, which the report shows, says more.
     */
    static Optional<Hint> endedBeforeReading(Exchange exchange, ServerState server, boolean stopped) {
        if (!exchange.closedWithoutAnswer() || stopped || server.probes().answersAPlainGet()
                || server.outputOfThisCheck().stream().anyMatch(line -> line.matches(".*Socket (is )?closed.*"))
                || !server.probes().closesASilentConnectionAtOnce()) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.TIME_LIMIT_OVER_AT_ONCE, "The server ends every connection before it"
                + " reads a request: GET / got no answer, and a connection that sent nothing yet was closed within "
                + ServerProbes.AT_ONCE.toSeconds() + " s, where a head has 10. Is its time limit over as soon as it"
                + " starts? System.nanoTime() counts nanoseconds: the deadline is System.nanoTime() + TIME.toNanos(),"
                + " where toMillis() gives it 10,000 ns."));
    }

    /**
     * A connection that got nothing and was left open, from a server that printed an exception during
     * the check: where that exception ended the request's work, its socket is closed on success only.
     */
    static Optional<Hint> leftOpenAfterAnError(Exchange exchange, ServerState server) {
        return exchange.response().length == 0 && exchange.ending() == Exchange.Ending.NOT_CLOSED
                && server.outputOfThisCheck().stream().anyMatch(ManyClientsHints::saysItFailed)
                ? Optional.of(new Hint(Hint.Id.LEFT_OPEN_AFTER_AN_ERROR, "The server sent nothing and left the"
                + " connection open, and it printed an error during this check (below). If that error ended"
                + " this request's work, the socket was never closed: close it on every path, exceptions included"
                + " (try (client) { ... } around all the work, not a close() at its end).")) : Optional.empty();
    }

    /** An exception's line, or one that says so in words: "Connection failed: LimitedInput$TooLarge". */
    private static boolean saysItFailed(String line) {
        return OutputTail.isErrorLine(line) || line.toLowerCase(Locale.ROOT).matches(".*\\b(fail|error).*");
    }

    /**
     * From step 14, which asks the time only before a read that will wait: that test got wrong also leaves every
     * wait without its limit (helper-60's s14-buffer-test-leq). Empty before step 14.
     */
    static String bufferTest(Checking c) {
        return !c.has(Feature.TUNED) ? "" : " Step 14: the time is set only before a read that will wait, when the"
                + " buffer is empty (pos == count); pos < count means bytes wait in it, and pos <= count, always true,"
                + " skips the limit for good.";
    }

    /**
     * From step 14, whose read() takes a buffered byte without the socket: a byte not counted there leaves the
     * head's size counting one byte a socket read, and no head too large. Empty before step 14.
     */
    static String bufferCount(Checking c) {
        return !c.has(Feature.TUNED) ? "" : " Step 14: a byte taken from the buffer counts too (bytesLeft--):"
                + " counted only when read from the socket, a head of any size stays under the limit.";
    }
}
