package httpcourse.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * The hints of a stop that never ended ({@link StopChecks#WITHIN_GRACE_PERIOD}): what still ends the
 * server after the signal tells which mistake kept it running.
 */
final class StopHints {

    private StopHints() {
    }

    /** How long a server whose accept loop a new connection wakes up may take to exit: at once, with a fail-safe. */
    static final Duration AFTER_A_CONNECTION = Duration.ofSeconds(10);

    /**
     * The hint for a server still running at the stop's fail-safe. When a new connection then ends it,
     * its accept loop was blocked in accept(), which has no time limit of its own: the loop never looked
     * at the stop until a client came (helper-57). Else it is the grace period, or a thread that keeps
     * the JVM running.
     */
    static Hint neverEnded(Checking c) {
        Optional<RawConnection> wakeUp = c.server().tryOpen(AFTER_A_CONNECTION);
        Integer status = wakeUp.isEmpty() ? null : c.server().awaitExit(AFTER_A_CONNECTION);
        wakeUp.ifPresent(RawConnection::close);
        if (status != null) {
            return new Hint(Hint.Id.ACCEPT_BLOCKS_THE_STOP, "The server exited as soon as a new client connected:"
                    + " its accept loop was waiting in accept(), which waits for the next client however long it"
                    + " takes, and looked at the stop only then. Give the server socket a time limit"
                    + " (ServerSocket.setSoTimeout(100)), so that accept() returns now and then and the loop sees"
                    + " the stop; a SocketTimeoutException then only means that nobody came.");
        }
        return new Hint(Hint.Id.STOP_NEVER_ENDS, "A stop waits for the answers under way, for a while only (a grace"
                + " period of a few seconds, shorter than the 10 s docker stop gives before it kills): then it closes"
                + " what is left, and exits with status 0. A client that never reads would otherwise keep the server"
                + " running for ever. If the grace period does end: a thread that is not a daemon keeps the JVM"
                + " running after main returns (a platform thread blocked in this client's write, or a pool's idle"
                + " ones); virtual threads never do. And a wait's unit: awaitTermination(5, SECONDS), not a count of"
                + " nanoseconds given as milliseconds.");
    }

    /** The hint for a server that a second Ctrl+C did not end at once, or ended with status 0. */
    static Hint secondSignalIgnored() {
        return new Hint(Hint.Id.SECOND_SIGNAL_IGNORED, "A second Ctrl+C means: stop now. Count the signals; at the"
                + " second, end the process at once (Java: Runtime.getRuntime().halt(130)), with the status of a"
                + " program stopped by Ctrl+C, 130 = 128 + 2, the number of SIGINT: not 0, which says all went well.");
    }

    /** The hint for a second Ctrl+C that ended the server with a status other than 130. */
    static Hint secondSignalStatus(int status) {
        return new Hint(Hint.Id.STOP_EXIT_STATUS, "A program that Ctrl+C ends exits with 130, 128 + 2, SIGINT's"
                + " number: halt(128 + signal.getNumber()), not a number of its own" + (status == 128 + 15
                ? " (143 is SIGTERM's, 128 + 15)" : "") + ". Scripts and shells read the status to tell why it ended.");
    }
}
