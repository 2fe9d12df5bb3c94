package httpcourse.spec;

import static httpcourse.spec.Check.onItsOwnServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 12: a graceful stop. On SIGTERM (what kill, docker stop and systemd send) or SIGINT
 * (Ctrl+C), the server answers every connection the system had already accepted, stops accepting
 * new ones, closes its idle connections at once, lets the answers under way finish, and exits with
 * status 0, within a grace period even if a client never reads; a second signal ends it at once.
 * Each check stops its own server. (A server started by somebody else cannot be sent a signal, nor
 * can any on Windows: there, these checks have nothing to do.)
 *
 * <p>No verdict depends on how fast the machine is. Each check waits for what must happen (an
 * answer, a close, the exit), up to a fail-safe far beyond what a right server needs, and decides
 * by what happened in which order. Each first reads a download that was under way at the signal:
 * a server that exits at once cannot finish it (several times what the system holds on its way
 * was still to be sent), and fails there, its hint chosen by its exit status; only a server that
 * waits for its answers goes on to what the check is about. The check reads that download only once
 * the stop shows (an idle connection closed, or new ones refused): a server that exits at once has
 * exited by then, however fast the client reads. A server that closes its idle
 * connections only at its end, say, cuts a second download the check holds at that same moment.
 */
public final class StopChecks {

    private StopChecks() {
    }

    /** The file downloaded while the server stops. */
    static final String DOWNLOAD = "/download.bin";
    /** The client's receive buffer: small, so that the system cannot take in the download for the client. */
    private static final int RECEIVE_BUFFER = 64 * 1024;
    /** How much of the download a client reads before the signal: the answer is under way. */
    private static final long A_PART = 1L << 20;
    /**
     * More than the system can hold of an answer on its way: the server's send buffer at its largest,
     * the client's receive buffer (Linux doubles it), and a margin.
     */
    static final long MOST_BUFFERED = largestSendBuffer() + 2 * RECEIVE_BUFFER + A_PART;
    /**
     * The download under way at the signal: a part read before it, and several times what the system
     * holds on the way after it, so that only a server that goes on sending can finish it; small
     * enough to come whole within a grace period of a few seconds on a busy machine.
     */
    static final long DOWNLOAD_BYTES = Math.max(16L << 20, A_PART + 3 * MOST_BUFFERED);
    /**
     * Connections that wait in the system's queue when the stop comes: enough that a server that closes
     * its socket at once cannot accept them all before its signal handler runs (50 were, now and then).
     */
    static final int QUEUED = 200;
    /** Connections that come at once as the stop begins: few, so that a busy machine serves all in the grace period. */
    static final int BURST = 25;
    /** Requests that make the code that answers them warm (compiled) before the stop. */
    private static final int WARM_UP = 200;
    /** How long a connection may take while the server accepts nothing: none, unless the system's queue is full. */
    private static final Duration QUEUE_FULL_WAIT = Duration.ofSeconds(1);
    /** How long a server may take to stop listening once its answers are sent: a fail-safe, it takes milliseconds. */
    private static final Duration REFUSE_FAIL_SAFE = Duration.ofSeconds(10);
    /** Between two tries to connect: longer than a server that empties the queue waits for the next connection. */
    private static final Duration REFUSE_PROBE_PAUSE = Duration.ofMillis(250);
    /** How long a server may take to exit after the signal: its own grace period must be shorter. */
    static final Duration EXIT_FAIL_SAFE = Duration.ofSeconds(30);

    /**
     * A stop that ends this soon after its signal has no grace period worth the name. This names
     * the mistake in a hint (a grace period too short, rather than what the check is about); no
     * verdict depends on it.
     */
    private static final Duration NO_GRACE = Duration.ofSeconds(1);

    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;

    public static final Check ON_SIGTERM = onItsOwnServer("stops on SIGTERM: no new connection, the idle ones closed,"
            + " the download under way finished, exit status 0", c -> {
        if (!canSignal(c)) {
            return;
        }
        byte[] file = c.webRoot().createZerosPage(DOWNLOAD, DOWNLOAD_BYTES);
        try (RawConnection idle = c.server().open(); RawConnection silent = c.server().open();
             RawConnection downloading = c.server().open()) {
            KeepAliveChecks.checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
            Download download = startDownload(c, downloading);
            c.server().signal("TERM");
            awaitTheStop(c, idle);
            assertFinished(c, download, file, "SIGTERM", SIGTERM);
            downloading.close(); // it has its answer: it leaves
            assertClosedWithoutAnswer(c, idle, "idle after an answer");
            assertClosedWithoutAnswer(c, silent, "connected, silent");
            assertRefuses(c);
            assertExitsWithStatusZero(c, "SIGTERM");
        }
    });

    public static final Check DRAINS_THE_QUEUE = onItsOwnServer("answers every connection the system had accepted:"
            + " " + QUEUED + " waiting when SIGTERM came, " + BURST + " more while it empties its queue", c -> {
        if (!canSignal(c)) {
            return;
        }
        byte[] file = c.webRoot().createZerosPage(DOWNLOAD, DOWNLOAD_BYTES);
        try (RawConnection idle = c.server().open()) {
            // The same request first, on the connection that is idle at the stop: the server's code that answers
            // is warm (compiled) when the queue comes, so that answering it takes a small part of any grace
            // period, even on a busy machine. (Its code that accepts connections stays cold.)
            for (int i = 1; i <= WARM_UP; i++) {
                KeepAliveChecks.checkNext(c, idle, i, Requests.http11("GET", "/"), c.root());
            }
            try (RawConnection downloading = c.server().open()) {
                Download download = startDownload(c, downloading);
                List<RawConnection> accepted = new ArrayList<>();
                try {
                    queueAndStop(c, idle, accepted);
                    assertFinished(c, download, file, "SIGTERM", SIGTERM); // the stop waits for answers under way
                    assertEachAnswered(c, accepted);
                } finally {
                    accepted.forEach(RawConnection::close);
                }
            }
        }
    });

    public static final Check IDLE_CLOSED_AT_ONCE = onItsOwnServer(
            "closes its idle connections when the stop begins, while a download under way goes on", c -> {
                if (!canSignal(c)) {
                    return;
                }
                byte[] file = c.webRoot().createZerosPage(DOWNLOAD, DOWNLOAD_BYTES);
                try (RawConnection idle = c.server().open(); RawConnection first = c.server().open();
                     RawConnection held = c.server().open()) {
                    KeepAliveChecks.checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
                    Download finished = startDownload(c, first);
                    Download download = startDownload(c, held);
                    c.server().signal("TERM");
                    long signalled = System.nanoTime();
                    awaitTheStop(c, idle);
                    assertFinished(c, finished, file, "SIGTERM", SIGTERM); // the stop waits for answers under way
                    // The client holds the other download, reading nothing: a server that keeps the idle connection
                    // until its stop ends cuts that download at that same moment.
                    Exchange idleEnd = idle.readUntilClosed(EXIT_FAIL_SAFE);
                    if (idleEnd.ending() == Exchange.Ending.NOT_CLOSED || idleEnd.response().length > 0) {
                        throw idleNotClosed(c, idleEnd, "idle after an answer");
                    }
                    boolean soon = System.nanoTime() - signalled < NO_GRACE.toNanos();
                    boolean whole = download.finish() == Download.State.COMPLETE && download.isWhole(file);
                    if (!whole && soon) {
                        throw notFinished(c, download, "SIGTERM", SIGTERM); // no grace period: that is the mistake
                    }
                    if (!whole) {
                        throw stopFailure(c, "After SIGTERM, the idle connection closed only when a download under"
                                + " way was cut: " + download.received() + " of its " + download.length() + " bytes"
                                + " came.", new Hint(Hint.Id.IDLE_KEPT_DURING_STOP, "The stop kept the idle connection"
                                + " (after an answer, waiting for the next request) open to its end. Close the idle"
                                + " connections when the stop begins: no answer is under way on them, and a client"
                                + " that sends its next request on one meanwhile waits for an answer that never"
                                + " comes. Only the answers under way are worth the wait."));
                    }
                }
            });

    // "The same way" as on SIGTERM: new connections refused while the stop lasts, too.
    public static final Check ON_SIGINT = onItsOwnServer("stops on Ctrl+C (SIGINT) the same way, and at once on a"
            + " second Ctrl+C, with an exit status not 0", c -> {
        if (!canSignal(c)) {
            return;
        }
        byte[] file = c.webRoot().createZerosPage(DOWNLOAD, DOWNLOAD_BYTES);
        try (RawConnection idle = c.server().open(); RawConnection silent = c.server().open();
             RawConnection first = c.server().open(); RawConnection held = c.server().open()) {
            KeepAliveChecks.checkNext(c, idle, 1, Requests.http11("GET", "/"), c.root());
            Download finished = startDownload(c, first);
            Download download = startDownload(c, held);
            c.server().signal("INT");
            long signalled = System.nanoTime();
            awaitTheStop(c, idle);
            assertFinished(c, finished, file, "Ctrl+C (SIGINT)", SIGINT); // the stop waits for answers under way
            assertRefusesDuringTheStop(c, silent);
            // The client holds the other download: it cannot end, and a server that waits for it exits only
            // at the end of its grace period, with status 0.
            if (!signalIfRunning(c, "INT")) {
                throw notFinished(c, download, "Ctrl+C (SIGINT)", SIGINT);
            }
            Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
            if (status != null && status == 0 && System.nanoTime() - signalled < NO_GRACE.toNanos()) {
                throw notFinished(c, download, "Ctrl+C (SIGINT)", SIGINT); // the first one ended it: no grace period
            }
            if (status == null || status == 0) {
                throw stopFailure(c, status == null ? "After a second Ctrl+C, the server still ran "
                        + EXIT_FAIL_SAFE.toSeconds() + " s later." : "After a second Ctrl+C, the server exited with"
                        + " status 0: it waited for the download under way, or for the end of its grace period.",
                        new Hint(Hint.Id.SECOND_SIGNAL_IGNORED, "A second Ctrl+C means: stop now. Count the signals;"
                                + " at the second, end the process at once (Java: Runtime.getRuntime().halt(130)),"
                                + " with the status of a program stopped by Ctrl+C, 130 = 128 + 2, the number of"
                                + " SIGINT: not 0, which says all went well."));
            }
        }
    });

    public static final Check WITHIN_GRACE_PERIOD = onItsOwnServer("stops within its grace period even while a"
            + " client reads nothing of its download, with exit status 0", c -> {
        if (!canSignal(c)) {
            return;
        }
        c.webRoot().createZerosPage(DOWNLOAD, DOWNLOAD_BYTES);
        try (RawConnection stalled = c.server().open()) {
            Download download = startDownload(c, stalled);
            c.server().signal("TERM");
            Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
            if (status == null) {
                throw stopFailure(c, "After SIGTERM, with a client that reads nothing of its download ("
                        + download.received() + " of " + download.length() + " bytes read), the server still ran "
                        + EXIT_FAIL_SAFE.toSeconds() + " s later.", new Hint(Hint.Id.STOP_NEVER_ENDS, "A stop waits"
                        + " for the answers under way, for a while only (a grace period of a few seconds, shorter than"
                        + " the 10 s docker stop gives before it kills): then it closes what is left, and exits with"
                        + " status 0. A client that never reads would otherwise keep the server running for ever."));
            }
            assertStatusZero(c, status, "SIGTERM, the grace period over");
        }
    });

    public static final List<Check> ALL = List.of(ON_SIGTERM, DRAINS_THE_QUEUE, IDLE_CLOSED_AT_ONCE, ON_SIGINT,
            WITHIN_GRACE_PERIOD);

    // ---- Helpers ------------------------------------------------------------------------------

    /** Whether the checks can send the server signals: a process they started, on a system with signals. */
    private static boolean canSignal(Checking c) {
        return c.server().isOwnProcess() && !System.getProperty("os.name").startsWith("Windows");
    }

    /** Starts the download, and reads its head and a part of its body: the answer is under way. */
    private static Download startDownload(Checking c, RawConnection connection) {
        connection.setReceiveBuffer(RECEIVE_BUFFER);
        connection.send(Requests.http11("GET", DOWNLOAD));
        Download download = new Download(connection);
        if (!download.start(A_PART)) {
            throw new SpecFailure("GET " + DOWNLOAD + " (" + DOWNLOAD_BYTES + " bytes) got no 200 OK with a"
                    + " Content-Length, but:\n" + VisibleBytes.render(download.head()) + c.server().describeThisCheck(),
                    List.of());
        }
        return download;
    }

    /**
     * Reads the rest of the download at the client's pace, then its end: it must be whole, and its
     * connection close. A server that exits at once cannot send it: more than the buffers hold was
     * still to be written at the signal.
     */
    private static void assertFinished(Checking c, Download download, byte[] file, String signal, int number) {
        Download.State end = download.finish();
        boolean whole = download.isWhole(file);
        if (end == Download.State.COMPLETE_NOT_CLOSED && whole) {
            throw stopFailure(c, "After " + signal + ", the download under way came whole, but its connection stayed"
                    + " open.", new Hint(Hint.Id.STOP_NOT_GRACEFUL, "During a stop, each connection closes once its"
                    + " answer is sent, the answers that begin during the stop saying Connection: close."));
        }
        if (end != Download.State.COMPLETE || !whole) {
            throw notFinished(c, download, signal, number);
        }
    }

    /**
     * The download under way was not finished: the hint depends on how the server ended. Killed by the
     * signal (status 128 + its number): it did not handle it. Exited with 0: it handled it, but did
     * not wait for the answers under way, or not long enough.
     */
    private static SpecFailure notFinished(Checking c, Download download, String signal, int number) {
        Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
        String what = "After " + signal + ", the download under way was not finished: " + download.received()
                + " of its " + download.length() + " bytes came";
        if (status == null) {
            return stopFailure(c, what + ", and the server still ran " + EXIT_FAIL_SAFE.toSeconds() + " s later.",
                    new Hint(Hint.Id.STOP_NOT_GRACEFUL, "A stop lets the answers under way finish: it closes the"
                            + " idle connections, and each of the others once its answer is sent."));
        }
        if (status == 128 + number) {
            return stopFailure(c, what + ", and the server exited with status " + status + " = 128 + " + number
                    + ", the status of a process the signal ended.", new Hint(Hint.Id.STOP_NOT_GRACEFUL, signal
                    + " ended the server at once: that is what the signal does to a process that does not handle it"
                    + " (a JVM too, shutdown hooks or not). Handle it (sun.misc.Signal.handle): stop accepting, close"
                    + " the idle connections, let the answers under way finish (for a grace period at most), then"
                    + " exit with status 0."));
        }
        if (status == 0) {
            return stopFailure(c, what + ", and the server exited with status 0.", new Hint(
                    Hint.Id.GRACE_PERIOD_TOO_SHORT, "The server handled " + signal + ", but exited before the answer"
                    + " under way was sent. A stop waits for the answers under way, for a grace period of a few"
                    + " seconds (5 s, say: docker stop waits 10 s, then kills), and exits once they are sent or the"
                    + " grace period is over, whichever comes first."));
        }
        return stopFailure(c, what + ", and the server exited with status " + status + ".", new Hint(
                Hint.Id.STOP_NOT_GRACEFUL, "The stop ended with an error (see the output below) before the answer"
                + " under way was sent: a stop lets the answers under way finish, then exits with status 0."));
    }

    /** Sends a signal, unless the server has exited (or exits as it is sent): then false. */
    private static boolean signalIfRunning(Checking c, String signal) {
        if (c.server().awaitExit(Duration.ZERO) != null) {
            return false;
        }
        try {
            c.server().signal(signal);
            return true;
        } catch (IllegalStateException exitedMeanwhile) {
            if (c.server().awaitExit(Duration.ZERO) != null) {
                return false;
            }
            throw exitedMeanwhile;
        }
    }

    /**
     * Fills the system's queue while the server accepts nothing, then stops the server; once the stop
     * has begun (the idle connection closes, or new ones are refused), opens more connections at once,
     * while the server may still be emptying the queue. Adds those the system accepted to {@code accepted}.
     */
    private static void queueAndStop(Checking c, RawConnection idle, List<RawConnection> accepted) {
        // Stopped (SIGSTOP), the server accepts nothing: the system completes each connection, keeps its
        // request, and queues it for accept(), as for a server that is busy when the stop comes.
        c.server().signal("STOP");
        try {
            connectAndAsk(c, accepted, QUEUED, QUEUE_FULL_WAIT);
        } finally {
            c.server().signal("TERM"); // it comes as the server goes on, its queue full
            c.server().signal("CONT");
        }
        awaitTheStop(c, idle);
        connectAndAsk(c, accepted, BURST, QUEUE_FULL_WAIT); // the system accepts them, or refuses them all
    }

    /**
     * Opens up to {@code count} connections, one right after the other, each sending its request at
     * once (a connection without a request is idle, which a stop may close): those the system
     * accepts are added to {@code accepted}. It stops at the first one it refuses, or lets wait (its
     * queue is full).
     */
    private static void connectAndAsk(Checking c, List<RawConnection> accepted, int count, Duration wait) {
        for (int i = 0; i < count; i++) {
            Optional<RawConnection> connection = c.server().tryOpen(wait);
            if (connection.isEmpty()) {
                return;
            }
            connection.get().trySend(Requests.get("/")); // if it was reset already, reading it says so
            accepted.add(connection.get());
        }
    }

    /** Each connection of the queue must get its whole answer: none reset, none closed without a byte. */
    private static void assertEachAnswered(Checking c, List<RawConnection> waiting) {
        List<Exchange> answers = new ArrayList<>();
        for (RawConnection connection : waiting) {
            Exchange answer = connection.readUntilClosed();
            if (answer.ending() == Exchange.Ending.NOT_CLOSED) {
                c.assertAnswersRoot(answer); // no answer or no close: the usual report
            }
            answers.add(answer);
        }
        List<Exchange> unanswered = answers.stream().filter(answer -> answer.response().length == 0).toList();
        if (!unanswered.isEmpty()) {
            throw stopFailure(c, unanswered.size() + " of the " + answers.size() + " connections the system had"
                    + " accepted (waiting in its queue for accept()) got no answer: " + (unanswered.getFirst().ending()
                    == Exchange.Ending.RESET ? "a reset" : "a close without a byte") + " for the first of them, which"
                    + " sent:\n" + VisibleBytes.render(unanswered.getFirst().request()).stripTrailing(), new Hint(
                    Hint.Id.QUEUE_NOT_DRAINED,
                    "The system had accepted these connections, and their requests had come: they waited for"
                            + " accept(). Closing the server socket resets every connection still in that queue."
                            + " Before closing it, accept what waits there: go on accepting, with a short timeout"
                            + " (ServerSocket.setSoTimeout), until none waits, and answer each."));
        }
        answers.forEach(c::assertAnswersRoot);
    }

    private static void assertClosedWithoutAnswer(Checking c, RawConnection connection, String which) {
        Exchange end = connection.readUntilClosed(EXIT_FAIL_SAFE);
        if (end.ending() == Exchange.Ending.NOT_CLOSED || end.response().length > 0) {
            throw idleNotClosed(c, end, which);
        }
    }

    private static SpecFailure idleNotClosed(Checking c, Exchange end, String which) {
        String how = end.response().length > 0
                ? "it got " + end.response().length + " bytes:\n" + VisibleBytes.render(end.response())
                : "it was still open " + EXIT_FAIL_SAFE.toSeconds() + " s later.";
        return stopFailure(c, "After SIGTERM, a connection " + which + " was not just closed: " + how, new Hint(
                Hint.Id.IDLE_KEPT_DURING_STOP, "A stop closes the connections that wait for a request, at once and"
                + " without a word: no answer is under way on them, and a client that sends a request on one meanwhile"
                + " waits for an answer that never comes."));
    }

    /**
     * Waits until the server shows that its stop has begun: it closes the idle connection, or refuses
     * new ones (a server that exits does both), up to a fail-safe. Only then does a check read the rest
     * of the download under way: a server that exits at once has exited by then, before it could send
     * it, however fast the client reads.
     */
    private static void awaitTheStop(Checking c, RawConnection idle) {
        long deadline = System.nanoTime() + EXIT_FAIL_SAFE.toNanos();
        while (!idle.sendsSomethingWithin(REFUSE_PROBE_PAUSE) && c.server().acceptsConnections()
                && System.nanoTime() < deadline) {
            // neither yet: the stop has not begun
        }
    }

    /** Waits until the server refuses connections, once the answers are sent: a stop ends with that. */
    private static void assertRefuses(Checking c) {
        long deadline = System.nanoTime() + REFUSE_FAIL_SAFE.toNanos();
        while (c.server().acceptsConnections()) {
            if (System.nanoTime() > deadline) {
                throw stillAccepting(c, REFUSE_FAIL_SAFE.toSeconds() + " s after SIGTERM, the answers under way sent,"
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
     */
    private static void assertRefusesDuringTheStop(Checking c, RawConnection silent) {
        long deadline = System.nanoTime() + REFUSE_FAIL_SAFE.toNanos();
        boolean accepted = false;
        while (c.server().acceptsConnections()) {
            accepted = true;
            if (System.nanoTime() > deadline) {
                throw stillAccepting(c, REFUSE_FAIL_SAFE.toSeconds() + " s into the stop, while a download was still"
                        + " under way, the server still accepted new connections.");
            }
            Pause.sleep(REFUSE_PROBE_PAUSE);
        }
        if (accepted && silent.sendsSomethingWithin(Duration.ZERO)) {
            throw stillAccepting(c, "During the stop, while a download was still under way, the server accepted new"
                    + " connections: it refused them only once it had exited.");
        }
    }

    private static SpecFailure stillAccepting(Checking c, String what) {
        return stopFailure(c, what, new Hint(Hint.Id.STILL_ACCEPTING, "A stop closes the server socket"
                + " (ServerSocket.close()) once the system's queue is empty: the clients that come later learn at"
                + " once that the server is going (their connection is refused), and can try another, instead of"
                + " waiting for an answer that may never come."));
    }

    private static void assertExitsWithStatusZero(Checking c, String signal) {
        Integer status = c.server().awaitExit(EXIT_FAIL_SAFE);
        if (status == null) {
            throw stopFailure(c, "The download under way came whole, but the server still ran "
                    + EXIT_FAIL_SAFE.toSeconds() + " s after " + signal + ".", new Hint(Hint.Id.STOP_NEVER_ENDS, "Once"
                    + " the answers under way have been sent, and the idle connections closed, the server exits: end"
                    + " the process (System.exit(0)), or let every thread that is not a daemon end."));
        }
        assertStatusZero(c, status, signal);
    }

    private static void assertStatusZero(Checking c, int status, String why) {
        if (status != 0) {
            throw stopFailure(c, "After " + why + ", the server exited with status " + status + ".", new Hint(
                    Hint.Id.STOP_EXIT_STATUS, "A stop that was asked for, and went as planned, ends with status 0: 0"
                    + " tells systemd, docker or a script that all went well."
                    + (status == 128 + SIGTERM ? " 143 = 128 + 15 is the status of a process SIGTERM ended: a JVM"
                            + " ends so even after its shutdown hooks ran; handle the signal instead (sun.misc.Signal),"
                            + " and end with System.exit(0)." : "")));
        }
    }

    private static SpecFailure stopFailure(Checking c, String what, Hint hint) {
        return new SpecFailure(what + "\n" + hint.render() + c.server().describeThisCheck(), List.of(hint));
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
