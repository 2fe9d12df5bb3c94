package httpcourse.spec;

import static httpcourse.spec.StopChecks.A_PART;
import static httpcourse.spec.StopChecks.BURST;
import static httpcourse.spec.StopChecks.DOWNLOAD;
import static httpcourse.spec.StopChecks.DOWNLOAD_BYTES;
import static httpcourse.spec.StopChecks.EXIT_FAIL_SAFE;
import static httpcourse.spec.StopChecks.MOST_BUFFERED;
import static httpcourse.spec.StopChecks.QUEUED;
import static httpcourse.spec.StopChecks.RECEIVE_BUFFER;
import static httpcourse.spec.StopChecks.SIGTERM;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One stop check's dealings with its server ({@link StopChecks}): the signals it sends, the
 * downloads under way, and what the stop must show, each failure with the hint that its order of
 * events names. A failure also says how long after the signal a download ended: when the server
 * cut it, that is its grace period (or how long its stop took to begin, on a busy machine).
 */
final class Stopping {

    /** How long a connection may take while the server accepts nothing: none, unless the system's queue is full. */
    private static final Duration QUEUE_FULL_WAIT = Duration.ofSeconds(1);
    /** How long a server may take to stop listening once its answers are sent: a fail-safe, it takes milliseconds. */
    private static final Duration REFUSE_FAIL_SAFE = Duration.ofSeconds(10);
    /** Between two tries to connect: longer than a server that empties the queue waits for the next connection. */
    private static final Duration REFUSE_PROBE_PAUSE = Duration.ofMillis(250);
    /**
     * A stop that ends this soon after its signal has no grace period worth the name. This names
     * the mistake in a hint (a grace period too short, rather than what the check is about); no
     * verdict depends on it.
     */
    private static final Duration NO_GRACE = Duration.ofSeconds(1);
    /** How long a server that closed its connections may take to exit: a JVM's shutdown, no grace period. */
    private static final Duration EXITING = Duration.ofMillis(500);

    private final Checking c;
    private final boolean mayTryAgain;
    private long signalled; // System.nanoTime() of the first TERM or INT; 0 before
    private final List<Download> downloads = new ArrayList<>(); // those under way, marked at the signal

    /** {@code mayTryAgain}: a try that cannot tell ends with {@link StopTries.Inconclusive}, not its failure. */
    Stopping(Checking c, boolean mayTryAgain) {
        this.c = c;
        this.mayTryAgain = mayTryAgain;
    }

    /**
     * A failure that a right server shows too when its grace period ended before a busy machine let the
     * check see what it must: {@link StopTries.Inconclusive} while the check may try again, else the failure.
     */
    SpecFailure unlessInconclusive(SpecFailure failure) {
        if (mayTryAgain) {
            throw new StopTries.Inconclusive();
        }
        return failure;
    }

    /** Sends the server a signal (TERM, INT, STOP, CONT); the first TERM or INT starts the stop's clock. */
    void signal(String name) {
        if (signalled == 0 && (name.equals("TERM") || name.equals("INT"))) {
            signalled = System.nanoTime();
            downloads.forEach(Download::markTheSignal);
        }
        c.server().signal(name);
    }

    /** Whether the stop is still this young: a server that ended something so soon had no grace period. */
    boolean isSoon() {
        return isSoon(System.nanoTime());
    }

    private boolean isSoon(long nanoTime) {
        return nanoTime - signalled < NO_GRACE.toNanos();
    }

    /** Whether the stop is twice as old as {@link #isSoon}: a check that does something this late was slow. */
    boolean isLate() {
        return System.nanoTime() - signalled > 2 * NO_GRACE.toNanos();
    }

    /**
     * Waits while the stop is young ({@link #isSoon}), unless the server exits: what ends that soon is
     * not its answer to a later signal.
     */
    void awaitUnlessExited() {
        long left = NO_GRACE.toNanos() - (System.nanoTime() - signalled);
        if (left > 0) {
            c.server().awaitExit(Duration.ofNanos(left));
        }
    }

    /** "3.2 s after the signal": when something the check saw happened. */
    String afterTheSignal(long nanoTime) {
        return String.format(Locale.ROOT, "%.1f s after the signal", (nanoTime - signalled) / 1e9);
    }

    /** How a download that did not come whole ended, and when. */
    private String howItEnded(Download download) {
        return switch (download.state()) {
            case CUT -> " (its connection ended " + afterTheSignal(download.endedAt()) + ")";
            case STALLED -> " (then nothing more came, from " + afterTheSignal(download.endedAt()) + " on)";
            default -> "";
        };
    }
    /** Starts the download, and reads its head and a part of its body: the answer is under way. */
    Download startDownload(RawConnection connection) {
        connection.setReceiveBuffer(RECEIVE_BUFFER);
        connection.send(Requests.http11("GET", DOWNLOAD));
        Download download = new Download(connection);
        downloads.add(download);
        if (!download.start(A_PART)) {
            throw new SpecFailure("GET " + DOWNLOAD + " (" + DOWNLOAD_BYTES + " bytes) got no 200 OK with a"
                    + " Content-Length, but:\n" + VisibleBytes.render(download.head()) + c.server().describeThisCheck(),
                    ClearNoHints.firstByteLost("200", HttpResponse.parse(download.head()).code(), c.server()).stream()
                            .toList());
        }
        return download;
    }

    /**
     * Reads the rest of the download at the client's pace, then its end: it must be whole, and its
     * connection close. A server that exits at once cannot send it: more than the buffers hold was
     * still to be written at the signal.
     */
    void assertFinished(Download download, String signal, int number) {
        assertFinished(download, signal, number, false);
    }

    /**
     * The same, but a download cut at the end of a real grace period passes: after the signal the
     * server sent more of it than the system can hold, so it went on sending for a while, and a client
     * on a machine too busy to read the rest in time saw its grace period end. Bytes, not time, tell:
     * the client reads nothing until the stop shows, so a server that exits at once, or after a grace
     * period too short, cannot send that much. (For the checks that look at nothing else of the
     * download, and need nothing of the server after it.) True when the grace period ended it so.
     */
    boolean assertFinishedOrGraceOver(Download download, String signal, int number) {
        return assertFinished(download, signal, number, true);
    }

    private boolean assertFinished(Download download, String signal, int number, boolean graceMayEnd) {
        Download.State end = download.atFullSpeed().finish();
        boolean whole = download.isWhole();
        if (end == Download.State.COMPLETE_NOT_CLOSED && whole) {
            throw stopFailure("After " + signal + ", the download under way came whole, but its connection stayed"
                    + " open.", new Hint(Hint.Id.STOP_NOT_GRACEFUL, "During a stop, each connection closes once its"
                    + " answer is sent, the answers that begin during the stop saying Connection: close."));
        }
        boolean graceOver = graceMayEnd && cutAtTheGraceEnd(download, number);
        if ((end != Download.State.COMPLETE || !whole) && !graceOver) {
            throw notFinished(download, signal, number);
        }
        return graceOver;
    }

    /**
     * Whether the download was cut after the server sent more of it since the signal than the system can
     * hold (it went on sending once the client read), and then exited as a stop ends: a grace period's end.
     */
    boolean cutAtTheGraceEnd(Download download, int number) {
        return download.state() == Download.State.CUT && download.receivedSinceTheSignal() > MOST_BUFFERED
                && endedItsStop(number);
    }

    /**
     * Whether the server exited as a stop ends: with status 0, or with 128 + the signal's number, as a
     * JVM does after its shutdown hooks. ON_SIGTERM judges that status; here only the answers count.
     */
    boolean endedItsStop(int number) {
        Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
        return status != null && (status == 0 || status == 128 + number);
    }

    /**
     * The download under way was not finished: the hint depends on how the server ended. Killed by the
     * signal (status 128 + its number): it did not handle it. Exited with 0: it handled it, but did
     * not wait for the answers under way, or not long enough; unless the client saw the cut or the exit
     * soon after the signal, a right server's grace period may have ended before a busy machine let the
     * check read the download: inconclusive ({@link #unlessInconclusive}).
     */
    SpecFailure notFinished(Download download, String signal, int number) {
        Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
        boolean seenSoon = isSoon() || download.state() == Download.State.CUT && isSoon(download.endedAt());
        String what = "After " + signal + ", the download under way was not finished: " + download.received()
                + " of its " + download.length() + " bytes came" + howItEnded(download);
        if (status == null) {
            return stopFailure(what + ", and the server still ran " + EXIT_FAIL_SAFE.toSeconds() + " s later.",
                    new Hint(Hint.Id.STOP_NOT_GRACEFUL, "A stop lets the answers under way finish: it closes the"
                            + " idle connections, and each of the others once its answer is sent."));
        }
        if (status == 128 + number) {
            return stopFailure(what + ", and the server exited with status " + status + " = 128 + " + number
                    + ", the status of a process the signal ended.", new Hint(Hint.Id.STOP_NOT_GRACEFUL, signal
                    + " ended the server at once: that is what the signal does to a process that does not handle it"
                    + " (a JVM too, shutdown hooks or not). Handle it (sun.misc.Signal.handle): stop accepting, close"
                    + " the idle connections, let the answers under way finish (for a grace period at most), then"
                    + " exit with status 0."));
        }
        if (status == 0) {
            SpecFailure tooShort = stopFailure(what + ", and the server exited with status 0.", new Hint(
                    Hint.Id.GRACE_PERIOD_TOO_SHORT, "The server handled " + signal + ", but the answer under way was"
                    + " cut before its end: the server exited, or closed its connection. A stop closes only the idle"
                    + " connections, and lets each busy one finish its answer (no close(), no shutdownNow(), which"
                    + " interrupts its thread), for a grace period of a few seconds (5 s, say: docker stop waits 10 s,"
                    + " then kills); it exits once they are sent or the grace period is over, whichever comes first."
                    + (seenSoon ? " It ended soon after the signal: if the grace period was over at once, are its start"
                    + " and the loop's now from one clock (System.nanoTime() both, not currentTimeMillis() for one)?"
                    : "")));
            return seenSoon ? tooShort : unlessInconclusive(tooShort);
        }
        return stopFailure(what + ", and the server exited with status " + status + ".", new Hint(
                Hint.Id.STOP_NOT_GRACEFUL, "The stop ended with an error (see the output below) before the answer"
                + " under way was sent: a stop lets the answers under way finish, then exits with status 0."));
    }

    /** Sends a signal, unless the server has exited (or exits as it is sent): then false. */
    boolean signalIfRunning(String signal) {
        return ifRunning(() -> signal(signal));
    }

    /** Sends a signal ({@code send}), unless the server has exited (or exits as it is sent): then false. */
    private boolean ifRunning(Runnable send) {
        if (c.server().awaitExit(Duration.ZERO) != null) {
            return false;
        }
        try {
            send.run();
            return true;
        } catch (IllegalStateException exitedMeanwhile) {
            if (c.server().awaitExit(EXIT_FAIL_SAFE) != null) { // gone: the JVM may take a moment to notice
                return false;
            }
            throw exitedMeanwhile;
        }
    }

    /**
     * Fills the system's queue while the server accepts nothing, then stops the server; once the stop
     * has begun (the idle connection closes, or new ones are refused), queues more connections at once,
     * while the server may still be emptying the queue. Adds those the system accepted to {@code accepted}.
     */
    void queueAndStop(RawConnection idle, List<RawConnection> accepted) {
        // The stop that catches a server that stops accepting at the signal must come at once, before its
        // accept loop's next wait for a connection ends (step 12's is 100 ms long): a shell that waits sends it.
        try (PreparedSignal stopAtOnce = c.server().prepareSignal("STOP")) {
            // Stopped (SIGSTOP), the server accepts nothing: the system completes each connection, keeps its
            // request, and queues it for accept(), as for a server that is busy when the stop comes.
            signal("STOP");
            try {
                connectAndAsk(accepted, QUEUED, QUEUE_FULL_WAIT);
            } finally {
                signal("TERM"); // it comes as the server goes on, its queue full
                signal("CONT");
            }
            awaitTheStop(idle);
            // Queued at once, these catch such a server even if it accepted the whole queue before its handler
            // ran: it takes one and resets the others. (Or the system refuses them all: it stopped.)
            if (ifRunning(stopAtOnce::send)) {
                try {
                    connectAndAsk(accepted, BURST, QUEUE_FULL_WAIT);
                } finally {
                    signalIfRunning("CONT"); // one that was exiting as it stopped is gone now
                }
            }
        }
    }

    /**
     * Opens up to {@code count} connections, one right after the other, each sending its request at
     * once (a connection without a request is idle, which a stop may close): those the system
     * accepts are added to {@code accepted}. It stops at the first one it refuses, or lets wait (its
     * queue is full).
     */
    private void connectAndAsk(List<RawConnection> accepted, int count, Duration wait) {
        for (int i = 0; i < count; i++) {
            Optional<RawConnection> connection = c.server().tryOpen(wait);
            if (connection.isEmpty()) {
                return;
            }
            connection.get().trySend(Requests.get("/")); // if it was reset already, reading it says so
            accepted.add(connection.get());
        }
    }

    void assertClosedWithoutAnswer(RawConnection connection, String which) {
        Exchange end = connection.readUntilClosed(EXIT_FAIL_SAFE);
        if (end.ending() == Exchange.Ending.NOT_CLOSED || end.response().length > 0) {
            throw idleNotClosed(end, which);
        }
    }

    SpecFailure idleNotClosed(Exchange end, String which) {
        String how = end.response().length > 0
                ? "it got " + end.response().length + " bytes:\n" + VisibleBytes.render(end.response())
                : "it was still open " + EXIT_FAIL_SAFE.toSeconds() + " s later.";
        return stopFailure("After SIGTERM, a connection " + which + " was not just closed: " + how, new Hint(
                Hint.Id.IDLE_KEPT_DURING_STOP, "A stop closes the connections that wait for their next request, at"
                + " once and without a word: no answer is under way on them, and a client that sends a request on one"
                + " meanwhile waits for an answer that never comes. (A new connection's first request is still read.)"));
    }

    /**
     * Waits until the server shows that its stop has begun: it closes the idle connection, or refuses
     * new ones (a server that exits does both), up to a fail-safe. Only then does a check read the rest
     * of the download under way: a server that exits at once has exited by then, before it could send
     * it, however fast the client reads.
     */
    void awaitTheStop(RawConnection idle) {
        long deadline = System.nanoTime() + EXIT_FAIL_SAFE.toNanos();
        while (!idle.sendsSomethingWithin(REFUSE_PROBE_PAUSE) && c.server().acceptsConnections()
                && System.nanoTime() < deadline) {
            // neither yet: the stop has not begun
        }
    }

    /** Waits until the server refuses connections, once the answers are sent: a stop ends with that. */
    void assertRefuses() {
        long deadline = System.nanoTime() + REFUSE_FAIL_SAFE.toNanos();
        while (c.server().acceptsConnections()) {
            if (System.nanoTime() > deadline) {
                throw stillAccepting(REFUSE_FAIL_SAFE.toSeconds() + " s after SIGTERM, the answers under way sent,"
                        + " the server still accepted connections.");
            }
            Pause.sleep(REFUSE_PROBE_PAUSE);
        }
    }

    /**
     * While a download the check holds keeps the stop going, the server must come to refuse new
     * connections: one that accepts them until it refuses them only with its exit kept its server
     * socket open for the whole stop. The exit shows on {@code silent}, a connection without a
     * request, which the stop keeps (its request may still come) and the exit closes with the others.
     * A server that exits so soon ({@link #isSoon}) cut {@code held}: that is its mistake, not the socket
     * (its threads interrupted, say, which closed their connections, {@code silent} too, as it exits).
     */
    void assertRefusesDuringTheStop(RawConnection silent, Download held, String signal, int number) {
        long deadline = System.nanoTime() + REFUSE_FAIL_SAFE.toNanos();
        boolean accepted = false;
        while (c.server().acceptsConnections()) {
            accepted = true;
            if (System.nanoTime() > deadline) {
                throw stillAccepting(REFUSE_FAIL_SAFE.toSeconds() + " s into the stop, while a download was still"
                        + " under way, the server still accepted new connections.");
            }
            Pause.sleep(REFUSE_PROBE_PAUSE);
        }
        if (accepted && silent.sendsSomethingWithin(Duration.ZERO)) {
            if (isSoon() && c.server().awaitExit(EXITING) != null) {
                throw notFinished(held, signal, number);
            }
            throw stillAccepting("During the stop, while a download was still under way, the server accepted new"
                    + " connections: it refused them only once it had exited.");
        }
    }

    private SpecFailure stillAccepting(String what) {
        return stopFailure(what, new Hint(Hint.Id.STILL_ACCEPTING, "A stop closes the server socket"
                + " (ServerSocket.close()) once the system's queue is empty: the clients that come later learn at"
                + " once that the server is going (their connection is refused), and can try another, instead of"
                + " waiting for an answer that may never come."));
    }

    void assertExitsWithStatusZero(String signal) {
        Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
        if (status == null) {
            throw stopFailure("The download under way came whole, but the server still ran "
                    + EXIT_FAIL_SAFE.toSeconds() + " s after " + signal + ".", new Hint(Hint.Id.STOP_NEVER_ENDS, "Once"
                    + " the answers under way have been sent, and the idle connections closed, the server exits: end"
                    + " the process (System.exit(0)), or let every thread that is not a daemon end."));
        }
        assertStatusZero(status, signal);
    }

    void assertStatusZero(int status, String why) {
        if (status != 0) {
            throw stopFailure("After " + why + ", the server exited with status " + status + ".", new Hint(
                    Hint.Id.STOP_EXIT_STATUS, "A stop that was asked for, and went as planned, ends with status 0: 0"
                    + " tells systemd, docker or a script that all went well."
                    + (status == 128 + SIGTERM ? " 143 = 128 + 15 is the status of a process SIGTERM ended: a JVM"
                            + " ends so even after its shutdown hooks ran; handle the signal instead (sun.misc.Signal),"
                            + " and end with System.exit(0)." : "")));
        }
    }

    SpecFailure stopFailure(String what, Hint hint) {
        return SpecFailure.withOutput(what, hint, c.server());
    }
}
