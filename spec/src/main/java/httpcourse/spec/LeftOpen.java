package httpcourse.spec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a server has left a connection open after its answer, where it should have closed it.
 * From then on, a wait for its close ends {@link #QUIET} after the last byte: the answer has come
 * whole by then, and waiting the whole response timeout again, for each of many checks, made one
 * mistake cost minutes (a step 10 that kept HTTP/1.0 connections open: 75 exchanges of 5 s).
 * One per server under test, kept across its restarts; its checks run one after the other, so each
 * wait is the same in every grading.
 */
final class LeftOpen {

    /** How long a wait for the close lasts after the last byte, once the server has left one open. */
    static final Duration QUIET = Duration.ofSeconds(1);

    private final AtomicBoolean seen = new AtomicBoolean();
    private final Duration quiet;

    LeftOpen() {
        this(QUIET);
    }

    /** With another quiet time than {@link #QUIET}: for a test, which has no second to wait at each step. */
    LeftOpen(Duration quiet) {
        this.quiet = quiet;
    }

    /** Takes note of how an exchange that waited for the close ended. */
    void noteEnding(Exchange.Ending ending, int bytesReceived) {
        if (ending == Exchange.Ending.NOT_CLOSED && bytesReceived > 0) {
            seen.set(true);
        }
    }

    /** How long a wait for the close may last after a byte: {@link #QUIET} once one was left open, else null. */
    Duration quiet() {
        return seen.get() ? quiet : null;
    }
}
