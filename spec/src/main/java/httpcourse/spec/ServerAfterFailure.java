package httpcourse.spec;

import java.time.Duration;
import java.util.List;

/**
 * What a failed exchange shows of a server process the specs started, for its failure report
 * ({@link ServerUnderTest}, as {@link ServerState}): whether the process stopped, and what it
 * printed during the check. Both take a moment to show: nothing came back usually means the
 * server is exiting, or at least printing an exception, and these wait for that.
 */
final class ServerAfterFailure {

    // A fail-safe for what normally takes milliseconds: a server that failed a request to print why
    // (a JVM on a busy core can take seconds to print a stack trace; only a server that prints none waits it all).
    private static final Duration ERROR_OUTPUT_FAIL_SAFE = Duration.ofSeconds(5);
    // A server that printed an exception and is exiting takes milliseconds more to be gone; one whose
    // main thread died of it is exiting, and gets the whole fail-safe: a JVM on a busy core once took
    // over 2 s to exit after its stack trace, and was taken for a server that goes on.
    private static final Duration EXIT_AFTER_AN_ERROR = Duration.ofMillis(500);

    private ServerAfterFailure() {
    }

    /**
     * Whether the server stopped, after an exchange that failed: when nothing came back, waits for
     * what that usually means to show, the server exiting, or at least printing an exception.
     */
    static boolean stopped(ServerProcess process, ServerProcess.OutputMark checkStart, Exchange exchange) {
        if (exchange.response().length == 0 && exchange.ending() != Exchange.Ending.NOT_CLOSED) {
            long deadline = System.nanoTime() + ServerUnderTest.STOP_FAIL_SAFE.toNanos();
            long errorSeen = 0;
            boolean exiting = false;
            while (process.isAlive() && System.nanoTime() < deadline && (errorSeen == 0 || exiting
                    || System.nanoTime() - errorSeen < EXIT_AFTER_AN_ERROR.toNanos())) {
                if (errorSeen == 0 && process.printedAnErrorSince(checkStart)) {
                    errorSeen = System.nanoTime();
                }
                exiting = errorSeen != 0 && process.mainThreadDiedSince(checkStart);
                Pause.sleep(Duration.ofMillis(20));
            }
        }
        return !process.isAlive();
    }

    /**
     * For a failure report: whether the server is still running, and what it printed during
     * this check, when that can tell why (it exited, it did not answer, it printed an error).
     */
    static String describe(ServerProcess process, ServerProcess.OutputMark checkStart, Exchange exchange,
                           List<Hint> hints) {
        // A server that sent its head and then failed has an exception to show: wait for it.
        if (hints.stream().anyMatch(hint -> hint.id() == Hint.Id.NO_BODY_AFTER_HEAD)) {
            process.awaitErrorOrExit(checkStart, ERROR_OUTPUT_FAIL_SAFE);
        }
        // A moment for the server to finish printing what this request caused.
        boolean exited = process.awaitExit(Duration.ofMillis(200));
        boolean unanswered = exchange.response().length == 0
                || exchange.ending() != Exchange.Ending.CLOSED && exchange.ending() != Exchange.Ending.KEPT_OPEN;
        if (!exited && !unanswered && !process.printedAnErrorSince(checkStart)) {
            return "";
        }
        String state = exited
                ? "The server process has exited (" + process.describeExit() + "): it crashed or stopped itself."
                        + " It is started again for the next check."
                : "The server process is still running.";
        return state + "\n" + process.describeOutputSince(checkStart, "during this check");
    }
}
