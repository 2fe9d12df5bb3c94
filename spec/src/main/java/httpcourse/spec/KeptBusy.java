package httpcourse.spec;

import java.time.Duration;
import java.util.List;

/**
 * Why a connection kept busy closed, for {@link KeepAliveChecks#EACH_REQUEST_TIMED}: requests a second
 * apart, whose connection closed before its time. Each cause has its probe, and its hint.
 */
final class KeptBusy {

    private KeptBusy() {
    }

    /** Closed within seconds while it waited for a request a second away: not kept open, or cut while waiting. */
    static SpecFailure closedWhileWaiting(Checking c, Exchange end, int number) {
        if (!c.server().probes().keepsAConnectionWhileBusy()) {
            return KeepAliveChecks.notKeptOpen(c, end, number);
        }
        return FailureReport.failure("The server closed the connection after " + (number - 1) + " answer(s), while it"
                + " waited a second for request " + number + "; two requests sent at once on a new connection both"
                + " got answers.", null, new ServerReply(end, c.server()), List.of(new Hint(Hint.Id.CUT_WHILE_WAITING,
                "The server keeps a connection open while requests come at once, and cuts it once it waits a"
                + " moment, far within its time limit for a head: a limit far too short (setSoTimeout takes"
                + " milliseconds: Duration.toMillis(), not toSeconds())" + (c.step() < Feature.UNATTENDED.firstStep()
                ? "." : ", or a watchdog that cuts connections with no write under way: a connection that is not"
                + " writing has no write's start to compare (0, say), and must be left alone."))));
    }

    static SpecFailure closedWhileBusy(Timed answer, int number, Duration age, boolean fromFirstWrite) {
        String what = "Requests came a second apart on one connection, each head whole at once: the connection closed "
                + age.toSeconds() + " s after it opened, and request " + number + " got no answer.";
        if (fromFirstWrite) {
            return FailureReport.failure(what + " On a connection whose first head came in two halves "
                    + FIRST_HEAD_SPLIT.toSeconds() + " s apart, it closed later, 10 s after the first answer.", null,
                    answer.reply(), List.of(new Hint(Hint.Id.WRITE_TIMED_ONCE, "The write's time limit ran from the"
                    + " first answer on, though every answer went out at once: it must run only while a write waits."
                    + " Note when each write starts, and clear the note when the write returns (in a finally).")));
        }
        return FailureReport.failure(what, null, answer.reply(), List.of(new Hint(Hint.Id.HEAD_TIMED_PER_CONNECTION,
                "The time limit of a head starts with each request (and the idle wait before it), not once for the"
                + " connection: reset it where a request begins. A browser keeps a busy connection for minutes.")));
    }

    /** How far apart the two halves of the probe's first head come ({@link #answersPastFirstWrite}). */
    private static final Duration FIRST_HEAD_SPLIT = Duration.ofSeconds(4);
    /** How long after it opened the probe's connection must still answer: {@link #answersPastFirstWrite}. */
    private static final Duration PAST_FIRST_WRITE = Duration.ofSeconds(12);

    /**
     * Whether a connection kept busy closes 10 s after its first answer, not after it opened: its
     * first head comes in two halves {@link #FIRST_HEAD_SPLIT} apart, then a request a second, and it
     * still answers {@link #PAST_FIRST_WRITE} after it opened. A limit from the connection's start ends
     * at 10 s, one from the first write at 14 s or later: 12 s, halfway, leaves each 2 s of a busy
     * core's delays (13 s left the second one a second, less the delays of the nine requests before).
     */
    static boolean answersPastFirstWrite(Checking c) {
        String request = Requests.http11("GET", "/");
        try (RawConnection probe = c.server().open()) {
            boolean sent = probe.trySend(request.substring(0, 5));
            Pause.sleep(FIRST_HEAD_SPLIT);
            sent = sent && probe.trySend(request.substring(5));
            while (sent && probe.readResponse(request).response().length > 0) {
                if (probe.age().compareTo(PAST_FIRST_WRITE) > 0) {
                    return true;
                }
                Pause.sleep(Duration.ofSeconds(1));
                sent = probe.trySend(request);
            }
            return false;
        }
    }
}
