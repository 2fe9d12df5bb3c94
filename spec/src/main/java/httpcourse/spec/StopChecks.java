package httpcourse.spec;

import static httpcourse.spec.Check.onItsOwnServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 12: a graceful stop. On SIGTERM (what kill, docker stop and systemd send) or SIGINT
 * (Ctrl+C), the server answers every connection the system had already accepted, stops accepting
 * new ones, closes its idle connections at once, lets the answers under way finish, and exits with
 * status 0, within a grace period even if a client never reads; a second signal ends it at once.
 * Each check stops its own server. (A server started by somebody else cannot be sent a signal, nor
 * can any on Windows: there, these checks cannot run, and say so: "not run here".)
 *
 * <p>No verdict depends on how fast the machine is. Each check waits for what must happen (an
 * answer, a close, the exit), up to a fail-safe far beyond what a right server needs, and decides
 * by what happened in which order. Each first reads a download that was under way at the signal:
 * a server that exits at once cannot finish it (twice what the system holds on its way was still
 * to be sent), and fails there, its hint chosen by its exit status; only a server that waits for
 * its answers goes on to what the check is about. The check reads that download only once the stop
 * shows (an idle connection closed, or new ones refused): a server that exits at once has exited by
 * then, however fast the client reads. For the same reason, a download cut after the server sent
 * more of it than the system holds was cut by the end of a real grace period, on a machine too
 * busy to read it in time (bytes decide, not time). A server that closes its idle connections only
 * at its end, say, cuts a second download the check holds at that same moment. Where a machine too
 * busy kept a check from seeing what it must before a right server's grace period ended (an exit
 * with status 0, not soon after the signal), the try cannot tell, and the check tries again on a new
 * server ({@link StopTries}). ({@link Stopping} holds what the checks share: the signals, the
 * downloads, the failures.)
 */
public final class StopChecks {

    private StopChecks() {
    }

    /** The file downloaded while the server stops. */
    static final String DOWNLOAD = "/download.bin";
    /** The client's receive buffer: small, so that the system cannot take in the download for the client. */
    static final int RECEIVE_BUFFER = 64 * 1024;
    /** How much of the download a client reads before the signal: the answer is under way. */
    static final long A_PART = 1L << 20;
    /**
     * More than the system can hold of an answer on its way: the server's send buffer at its largest,
     * the client's receive buffer (Linux doubles it), and a margin.
     */
    static final long MOST_BUFFERED = largestSendBuffer() + 2 * RECEIVE_BUFFER + A_PART;
    /**
     * The download under way at the signal: a part read before it, and twice what the system can hold
     * on its way after it, so that only a server that goes on sending can finish it; no more, so that
     * it comes whole within a grace period of a few seconds on a busy machine (11 MiB on Linux).
     */
    static final long DOWNLOAD_BYTES = A_PART + 2 * MOST_BUFFERED;
    /**
     * Connections that wait in the system's queue when the stop comes: a server that closes its socket
     * at once resets those its signal handler finds there. A JVM starts a thread for the handler, and
     * step 12 accepted 2 to 500 queued connections before its handler noted the stop (measured, idle
     * and busy). So 200 catch such a server in about half of the runs, and {@link #BURST} most of the
     * rest: it passed in 1 full test run of 6. 1000 would catch more, but cost correct servers their
     * grace period on one busy core (steps 12, 13 and 14 each ran out of it once). GraderTest grades
     * such a server again while it passes.
     */
    static final int QUEUED = 200;
    /**
     * Connections that come at once while the stop empties the queue: few, so that a busy machine
     * serves all in the grace period.
     */
    static final int BURST = 25;
    /** Requests that make the code that answers them warm (compiled) before the stop. */
    private static final int WARM_UP = 200;
    /** How long a server may take to exit after the signal: its own grace period must be shorter. */
    static final Duration EXIT_FAIL_SAFE = Duration.ofSeconds(30);

    // Its first half comes before the stop, the rest once the stop has begun.
    private static final String HALF_A_HEAD = Requests.http11("GET", "/");
    // The first request of a connection made just before the stop, sent this long after the stop closed
    // the idle connection: a server that closes the connections without a request under way has closed it.
    private static final String FIRST_REQUEST = Requests.http11("GET", "/");
    private static final Duration FIRST_REQUEST_DELAY = Duration.ofMillis(500);

    static final int SIGINT = 2;
    static final int SIGTERM = 15;

    public static final Check ON_SIGTERM = onItsOwnServer("stops on SIGTERM: no new connection, the idle ones closed,"
            + " the download under way finished, a first request sent during the stop answered, exit status 0",
            tried((c, stop) -> {
        try (RawConnection idle = c.server().open(); RawConnection downloading = c.server().open();
             RawConnection halfSent = c.server().open()) {
            KeepAliveChecks.checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
            halfSent.send(HALF_A_HEAD.substring(0, HALF_A_HEAD.length() / 2)); // the rest once the stop has begun
            Download download = stop.startDownload(downloading);
            // Made just before the signal, so that no head time limit ends it first: its request may be on its way.
            try (RawConnection fresh = c.server().open()) {
                stop.signal("TERM");
                stop.awaitTheStop(idle);
                boolean closedUnasked = fresh.sendsSomethingWithin(FIRST_REQUEST_DELAY)
                        || !fresh.trySend(FIRST_REQUEST);
                boolean late = !closedUnasked && stop.isLate();
                assertSaysCloseIfAnswered(c, halfSent);
                boolean graceEnded = stop.assertFinishedOrGraceOver(download, "SIGTERM", SIGTERM);
                downloading.close(); // it has its answer: it leaves
                stop.assertClosedWithoutAnswer(idle, "idle after an answer");
                assertFirstRequestAnswered(c, stop, fresh, closedUnasked, graceEnded || late);
                stop.assertRefuses();
                stop.assertExitsWithStatusZero("SIGTERM");
            }
        }
    }));

    public static final Check DRAINS_THE_QUEUE = onItsOwnServer("answers every connection the system had accepted:"
            + " " + QUEUED + " waiting when SIGTERM came, " + BURST + " more while it empties its queue",
            tried((c, stop) -> {
        try (RawConnection idle = c.server().open()) {
            // The same request first, on the connection that is idle at the stop: the server's code that answers
            // is warm (compiled) when the queue comes, so that answering it takes a small part of any grace
            // period, even on a busy machine. (Its code that accepts connections stays cold.)
            for (int i = 1; i <= WARM_UP; i++) {
                KeepAliveChecks.checkNext(c, idle, i, Requests.http11("GET", "/"), c.root());
            }
            try (RawConnection downloading = c.server().open()) {
                Download download = stop.startDownload(downloading);
                List<RawConnection> accepted = new ArrayList<>();
                try {
                    stop.queueAndStop(idle, accepted);
                    boolean graceEnded = stop.assertFinishedOrGraceOver(download, "SIGTERM", SIGTERM); // it waits
                    assertEachAnswered(c, stop, accepted, graceEnded);
                } finally {
                    accepted.forEach(RawConnection::close);
                }
            }
        }
    }));

    public static final Check IDLE_CLOSED_AT_ONCE = onItsOwnServer(
            "closes its idle connections when the stop begins, while a download under way goes on", tried((c, stop) -> {
                try (RawConnection idle = c.server().open(); RawConnection first = c.server().open();
                     RawConnection held = c.server().open()) {
                    KeepAliveChecks.checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
                    // Its download is its second request, after a wait: busy again, it is idle no more (helper-57).
                    KeepAliveChecks.checkNext(c, first, 1, Requests.http11("GET", "/"), c.root());
                    Pause.sleep(ServerProbes.UNTIL_IT_WAITS);
                    Download finished = stop.startDownload(first);
                    Download download = stop.startDownload(held);
                    stop.signal("TERM");
                    stop.awaitTheStop(idle);
                    // Closed before the client reads on: if the server then sends more of a download than the
                    // system holds, it closed the idle connection while it went on, not as it ended.
                    boolean closedFirst = idle.sendsSomethingWithin(Duration.ZERO);
                    if (finished.atFullSpeed().finish() == Download.State.CUT
                            && download.atFullSpeed().finish() == Download.State.COMPLETE && download.isWhole()) {
                        throw stop.stopFailure("After SIGTERM, the download asked after a wait on a kept connection"
                                + " was cut (" + finished.received() + " of its " + finished.length() + " bytes), while"
                                + " the other came whole.", new Hint(Hint.Id.IDLE_MARK_KEPT, "The stop took a"
                                + " connection for idle while it answered: the one that had waited for its next request."
                                + " Once that request's first byte comes, the connection is busy: clear its idle mark"
                                + " then (idle.compareAndSet(true, false)), before answering."));
                    }
                    if (closedFirst) {
                        stop.assertFinishedOrGraceOver(finished, "SIGTERM", SIGTERM); // it went on: that shows it
                    } else {
                        stop.assertFinished(finished, "SIGTERM", SIGTERM); // the stop waits for answers under way
                    }
                    // Still open once that download came whole: kept while the stop went on.
                    boolean keptAfterIt = !closedFirst && !idle.sendsSomethingWithin(Duration.ZERO);
                    Exchange idleEnd = idle.readUntilClosed(EXIT_FAIL_SAFE);
                    if (idleEnd.ending() == Exchange.Ending.NOT_CLOSED || idleEnd.response().length > 0) {
                        throw stop.idleNotClosed(idleEnd, "idle after an answer");
                    }
                    if (closedFirst) {
                        return;
                    }
                    // The client holds the other download, reading nothing: a server that keeps the idle connection
                    // until its stop ends cuts that download at that same moment.
                    long idleClosed = System.nanoTime();
                    boolean soon = stop.isSoon();
                    Download.State end = download.atFullSpeed().finish();
                    boolean whole = end == Download.State.COMPLETE && download.isWhole();
                    if (whole || stop.cutAtTheGraceEnd(download, SIGTERM)) {
                        return; // sent on once the idle connection had closed
                    }
                    if (soon) {
                        throw stop.notFinished(download, "SIGTERM", SIGTERM); // no grace period: that is the mistake
                    }
                    SpecFailure kept = stop.stopFailure("After SIGTERM, the idle connection closed only when a download"
                            + " under way was cut, " + stop.afterTheSignal(idleClosed) + ": " + download.received()
                            + " of its " + download.length() + " bytes came.", new Hint(Hint.Id.IDLE_KEPT_DURING_STOP,
                            "The stop kept the idle connection (after an answer, waiting for the next request) open to"
                            + " its end. Close the idle connections when the stop begins: no answer is under way on"
                            + " them, and a client that sends its next request on one meanwhile waits for an answer"
                            + " that never comes. Only the answers under way are worth the wait."));
                    // Closed while the client read the first download: at the stop's start, or at its end.
                    Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
                    throw keptAfterIt || status == null || status != 0 ? kept : stop.unlessInconclusive(kept);
                }
            }));

    // "The same way" as on SIGTERM: new connections refused while the stop lasts, too.
    public static final Check ON_SIGINT = onItsOwnServer("stops on Ctrl+C (SIGINT) the same way, and at once on a"
            + " second Ctrl+C, with exit status 130 (128 + 2, SIGINT's number)", tried((c, stop) -> {
        try (RawConnection idle = c.server().open(); RawConnection silent = c.server().open();
             RawConnection first = c.server().open(); RawConnection held = c.server().open()) {
            KeepAliveChecks.checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
            Download finished = stop.startDownload(first);
            Download download = stop.startDownload(held);
            stop.signal("INT");
            stop.awaitTheStop(idle);
            stop.assertFinished(finished, "Ctrl+C (SIGINT)", SIGINT); // the stop waits for answers under way
            stop.assertRefusesDuringTheStop(silent, download, "Ctrl+C (SIGINT)", SIGINT);
            // The client holds the other download: it cannot end, and a server that waits for it exits only
            // at the end of its grace period, with status 0. The second Ctrl+C comes once the stop is no longer
            // young: an exit with 0 after it is its answer, not the end of a grace period far too short.
            // If the server exited before it (status 0), its grace period ended first, too soon or while a busy
            // machine kept the check from sending it: inconclusive, unless soon (Stopping.notFinished).
            stop.awaitUnlessExited();
            if (!stop.signalIfRunning("INT")) {
                throw stop.notFinished(download, "Ctrl+C (SIGINT)", SIGINT);
            }
            long second = System.nanoTime();
            boolean late = stop.isLate(); // maybe as the grace period ended: an exit with 0 then is no answer
            Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
            if (status == null || status == 0) {
                SpecFailure ignored = stop.stopFailure(status == null ? "After a second Ctrl+C, the server still ran "
                        + EXIT_FAIL_SAFE.toSeconds() + " s later." : String.format(Locale.ROOT, "After a second"
                        + " Ctrl+C, the server exited %.1f s later with status 0: at once with the status that says"
                        + " all went well, or once the download under way or its grace period ended.",
                        (System.nanoTime() - second) / 1e9),
                        StopHints.secondSignalIgnored());
                throw status != null && late ? stop.unlessInconclusive(ignored) : ignored;
            }
            if (status != 128 + 2) { // what a shell shows for a program Ctrl+C ended
                throw stop.stopFailure("After a second Ctrl+C, the server exited with status " + status + ", where"
                        + " 130 was due.", StopHints.secondSignalStatus(status));
            }
        }
    }));

    public static final Check WITHIN_GRACE_PERIOD = onItsOwnServer("stops within its grace period even while a"
            + " client reads nothing of its download, with exit status 0", c -> {
        requireSignals(c);
        Stopping stop = new Stopping(c, false);
        c.webRoot().createSparsePage(DOWNLOAD, DOWNLOAD_BYTES);
        try (RawConnection stalled = c.server().open()) {
            Download download = stop.startDownload(stalled);
            stop.signal("TERM");
            Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
            if (status == null) {
                throw stop.stopFailure("After SIGTERM, with a client that reads nothing of its download ("
                        + download.received() + " of " + download.length() + " bytes read), the server still ran "
                        + EXIT_FAIL_SAFE.toSeconds() + " s later.", StopHints.neverEnded(c));
            }
            stop.assertStatusZero(status, "SIGTERM, the grace period over");
        }
    });

    public static final List<Check> ALL = List.of(ON_SIGTERM, DRAINS_THE_QUEUE, IDLE_CLOSED_AT_ONCE, ON_SIGINT,
            WITHIN_GRACE_PERIOD);

    /**
     * Each connection of the queue must get its whole answer: none reset, none closed without a byte;
     * unless {@code graceEnded}, the download under way showed that the grace period ended the stop.
     */
    private static void assertEachAnswered(Checking c, Stopping stop, List<RawConnection> waiting, boolean graceEnded) {
        List<Exchange> answers = new ArrayList<>();
        for (RawConnection connection : waiting) {
            Exchange answer = connection.readUntilClosed();
            if (answer.ending() == Exchange.Ending.NOT_CLOSED) {
                c.assertAnswersRoot(answer); // no answer or no close: the usual report
            }
            answers.add(answer);
        }
        List<Exchange> unanswered = answers.stream().filter(answer -> answer.response().length == 0).toList();
        // On a machine too busy to answer them all within the server's grace period, the last ones are
        // closed at its end: some answered, and the server exits as a stop ends. That is the grace period
        // doing its job, not a queue left behind. A reset is the queue left behind, unless the download
        // showed the grace period's end: then that end reset what still waited (step 14 did, on one core).
        boolean reset = unanswered.stream().anyMatch(answer -> answer.ending() == Exchange.Ending.RESET);
        boolean graceOver = (!reset || graceEnded) && !unanswered.isEmpty() && unanswered.size() < answers.size()
                && stop.endedItsStop(SIGTERM);
        if (!unanswered.isEmpty() && !graceOver) {
            throw stop.stopFailure(unanswered.size() + " of the " + answers.size() + " connections the system had"
                    + " accepted (waiting in its queue for accept()) got no answer: " + (unanswered.getFirst().ending()
                    == Exchange.Ending.RESET ? "a reset" : "a close without a byte") + " for the first of them, which"
                    + " sent:\n" + VisibleBytes.render(unanswered.getFirst().request()).stripTrailing(), new Hint(
                    Hint.Id.QUEUE_NOT_DRAINED,
                    "The system had accepted these connections, and their requests had come: they waited for"
                            + " accept(). Closing the server socket resets every connection still in that queue."
                            + " Before closing it, accept what waits there: go on accepting, with a short timeout"
                            + " (ServerSocket.setSoTimeout), until none waits, and answer each. A loop that gives up"
                            + " after a few milliseconds (its time limit in the wrong unit?) leaves the queue too."));
        }
        answers.stream().filter(answer -> answer.response().length > 0).forEach(c::assertAnswersRoot);
    }

    /**
     * The request whose head came half before the stop, half after: the server may close its connection
     * unanswered, but an answer says Connection: close, for the connection closes after it (RFC 9112 §9.6).
     */
    private static void assertSaysCloseIfAnswered(Checking c, RawConnection halfSent) {
        try {
            if (!halfSent.sendsSomethingWithin(Duration.ZERO)) { // not closed yet
                halfSent.send(HALF_A_HEAD.substring(HALF_A_HEAD.length() / 2));
            }
        } catch (RawConnection.CutWhileSending closedUnanswered) {
            return;
        }
        ServerReply reply = new ServerReply(halfSent.readResponse(HALF_A_HEAD), c.server());
        if (reply.exchange().response().length > 0) {
            assertSaysClose(c, reply, "A request whose head came half before SIGTERM, half after,");
        }
    }

    private static void assertSaysClose(Checking c, ServerReply reply, String which) {
        if (HttpResponse.parse(reply.exchange().response())
                .values("Connection").stream().noneMatch(value -> HttpResponse.hasOption(value, "close"))) {
            throw FailureReport.failure(which + " got an answer that did not say Connection: close.", null, reply,
                    List.of(new Hint(
                    Hint.Id.CLOSE_UNSAID_IN_STOP, "Once the stop has begun, every answer says \"Connection: close\""
                    + " (RFC 9112 §9.6): the server closes each connection after its answer. Told keep-alive, a"
                    + " client sends its next request into a connection about to close, and must send it again.")));
        }
    }

    /**
     * A connection made just before the stop, whose first request came once the stop had begun: a new
     * connection's first request is read, for it may be on its way, and answered with Connection: close.
     * Unanswered once the grace period cut the download, or sent late: a busy machine, maybe; tried again.
     */
    private static void assertFirstRequestAnswered(Checking c, Stopping stop, RawConnection fresh,
                                                   boolean closedUnasked, boolean mayBeSlow) {
        ServerReply reply = new ServerReply(fresh.readResponse(FIRST_REQUEST), c.server());
        if (reply.exchange().response().length == 0) {
            SpecFailure unanswered = stop.stopFailure("A connection made just before SIGTERM, whose first request had"
                    + " not come yet, " + (closedUnasked ? "was closed once the stop had begun, before its request was"
                    + " sent." : "sent it once the stop had begun, while a download was still under way: it got "
                    + (reply.exchange().ending() == Exchange.Ending.RESET ? "a reset." : "no answer.")), new Hint(
                    Hint.Id.FIRST_REQUEST_UNANSWERED, "A new connection is not idle: its first request may be on its"
                    + " way, and one the stop takes from the system's queue has sent it already. Read a new"
                    + " connection's first request, even during a stop, and answer it with Connection: close; close"
                    + " at the stop only the connections idle between two requests. A test of \"stopping?\" before"
                    + " every request, the first one too, closes these; so does a library's graceful close that"
                    + " closes every connection without a request under way."));
            throw mayBeSlow ? stop.unlessInconclusive(unanswered) : unanswered;
        }
        assertSaysClose(c, reply, "The first request of a connection made just before SIGTERM, sent once the stop"
                + " had begun,");
        c.assertAnswersRoot(reply);
    }

    /** A stop check that tries again, on a new server, while a try cannot tell: see {@link StopTries}. */
    private static Check.Action tried(StopTries.Try attempt) {
        return c -> {
            requireSignals(c);
            c.webRoot().createSparsePage(DOWNLOAD, DOWNLOAD_BYTES);
            StopTries.run(c, attempt);
        };
    }

    /**
     * Ends the check, "not run here", unless it can send the server signals: a process it started,
     * on a system with signals.
     */
    static void requireSignals(Checking c) {
        if (!c.server().isOwnProcess()) {
            throw c.notRunHere("grading a running server: the grader cannot send it signals (SIGTERM, Ctrl+C)");
        }
        if (System.getProperty("os.name").startsWith("Windows")) {
            throw c.notRunHere("on Windows, the grader cannot send a server signals (SIGTERM, Ctrl+C)");
        }
    }

    /**
     * The most a TCP send buffer of this system may hold: Linux's autotuning limit (tcp_wmem) or
     * what a program may ask for (wmem_max, doubled); 4 MiB, Linux's default, at least; 8 MiB where
     * the system does not say (macOS's largest socket buffer).
     */
    private static long largestSendBuffer() {
        try {
            String[] tcp = Files.readString(Path.of("/proc/sys/net/ipv4/tcp_wmem"), StandardCharsets.US_ASCII)
                    .strip().split("\\s+");
            long asked = 2 * Long.parseLong(Files.readString(Path.of("/proc/sys/net/core/wmem_max"),
                    StandardCharsets.US_ASCII).strip());
            return Math.max(4L << 20, Math.max(Long.parseLong(tcp[tcp.length - 1]), asked));
        } catch (IOException | RuntimeException notLinux) {
            return 8L << 20;
        }
    }
}
