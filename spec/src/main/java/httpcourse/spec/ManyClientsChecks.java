package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.Check.onItsOwnServer;
import static httpcourse.spec.Check.waitingOnItsOwnServer;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Step 5: many clients at once, and none of them can hold up the others, fill the memory, or use
 * up what the server has: a client that sends half a request, a crowd of them, a head without end,
 * a silent client, a slow one, downloads of a file bigger than any memory.
 *
 * <p>No check here measures speed: each waits for what must happen (an answer, a close), and gives
 * up only at a fail-safe far beyond what a correct server needs on a busy machine.
 */
public final class ManyClientsChecks {

    private ManyClientsChecks() {
    }

    /** How many clients connect at once: more than a small pool of threads can serve. */
    static final int CLIENTS_AT_ONCE = 200;
    /** How many clients hold half a request while another one asks: more than most pools have threads. */
    static final int CROWD = 300;
    /** How long a server may take to close a connection whose head never comes (step 5 takes 10 s). */
    static final Duration CLOSE_FAIL_SAFE = Duration.ofSeconds(30);
    /** Bytes of a head without end sent before concluding the server reads it all: far beyond any buffer. */
    static final long ENDLESS_HEAD_BYTES = 64L * 1024 * 1024;
    /** A pause within a head that its time limit (10 s in all) must allow: a slow network's. */
    static final Duration PAUSE_IN_TIME = Duration.ofSeconds(2);
    /** A file bigger than any Java array (2 GiB), so reading it whole can only fail; sparse, it takes no room. */
    static final long HUGE_FILE_BYTES = 3L << 30;
    /** Requests for the huge file: more than a pool of threads has, if each failure cost a thread. */
    static final int HUGE_FILE_REQUESTS = 200;
    /** Downloads of one small file, each read to its end: a server that never closes it holds it open as often. */
    static final int DOWNLOADS = 20;
    /** How long a server may take to close a file once its answer has ended: a fail-safe, it takes microseconds. */
    static final Duration FILE_CLOSE_FAIL_SAFE = Duration.ofSeconds(10);

    public static final Check HALF_A_REQUEST =
            check("answers another client while one holds half a request, then that one too", c -> {
                c.assertAnswersRoot(c.server().send(Requests.get("/"))); // alone first: else no other is to blame
                try (RawConnection slow = c.server().open()) {
                    // Connected first, so a server that serves one connection at a time reads this one first.
                    slow.send("GET / HTTP/1.0\r\n");
                    ServerReply other = c.server().send(Requests.get("/"));
                    // Decided by order, not by time: kept waiting, or answered only once the first connection
                    // ended (its time limit over), the other client waited for it.
                    boolean answered = other.exchange().response().length > 0;
                    // A server that cuts any head in pieces closed this one at once: its close below says so.
                    if (!answered && other.exchange().ending() == Exchange.Ending.NOT_CLOSED
                            || answered && slow.sendsSomethingWithin(Duration.ZERO)
                            && !c.server().probes().cutsAHeadInPieces()) {
                        throw FailureReport.failure("While a client held half a request, another client got "
                                + (answered ? "its answer only once the server had closed the first." : "no answer."),
                                null, other, List.of(new Hint(
                                Hint.Id.ONE_CONNECTION_AT_A_TIME, "The server serves one connection at a time: the"
                                + " first one's read waits for the rest of its head, and the other client waits for"
                                + " it. Serve each connection on a thread of its own: start() the thread (run() runs"
                                + " it on the accept loop's own), or hand the connection to an executor, made once:"
                                + " one closed after each task (try-with-resources in the loop) waits for that task.")));
                    }
                    c.assertAnswersRoot(other);
                    slow.trySend("\r\n"); // closed by the server already: its report says what came
                    c.assertAnswersRoot(slow.readUntilClosed());
                }
            });

    public static final Check AT_ONCE = onItsOwnServer(
            "answers " + CLIENTS_AT_ONCE + " clients connected at once, each sending its request in two halves", c -> {
                List<RawConnection> clients = new ArrayList<>();
                try {
                    for (int i = 0; i < CLIENTS_AT_ONCE; i++) {
                        clients.add(joinCrowd(c, i, CLIENTS_AT_ONCE).send("GET / HTTP/1.0\r\n"));
                    }
                    for (RawConnection client : clients) {
                        client.trySend("Host: localhost\r\n\r\n"); // closed already: the report says what came
                    }
                    for (RawConnection client : clients) {
                        c.assertAnswersRoot(client.readUntilClosed());
                    }
                } finally {
                    clients.forEach(RawConnection::close);
                }
            });

    public static final Check CROWD_OF_HALF_REQUESTS = onItsOwnServer(
            "answers a new client while " + CROWD + " others each hold half a request", c -> {
                c.assertAnswersRoot(c.server().send(Requests.get("/"))); // alone first: else no crowd is to blame
                List<RawConnection> crowd = new ArrayList<>();
                try {
                    for (int i = 0; i < CROWD; i++) {
                        crowd.add(joinCrowd(c, i, CROWD).send("GET / HTTP/1.0\r\n"));
                    }
                    ServerReply reply = c.server().send(Requests.get("/"));
                    if (reply.exchange().response().length == 0) {
                        throw SpecFailure.of("While " + CROWD + " clients each held half a request, a new client got no"
                                + " answer.", new Hint(Hint.Id.CROWD_BLOCKS_OTHERS,
                                "Every client that holds a connection holds what serves it: with a pool of a few"
                                        + " threads, a few idle clients leave none for the others. Give each connection"
                                        + " a thread of its own (a virtual thread costs a few KiB), and limit how long"
                                        + " a head may take."));
                    }
                    c.assertAnswersRoot(reply);
                } finally {
                    crowd.forEach(RawConnection::close);
                }
            });

    public static final Check ENDLESS_HEAD = onItsOwnServer(
            "stops reading a request head that never ends, in one line or in many, and goes on serving", c -> {
                c.inCase("a request line without end", () -> assertStopsReading(c, "GET /", new byte[] {'a'},
                        new Hint(Hint.Id.ENDLESS_HEAD_READ, "Limit the size of a request head (8 KiB is plenty) while"
                                + " you read it: readLine alone gathers a line of any length in memory.")));
                c.inCase("header lines without end", () -> assertStopsReading(c, "GET / HTTP/1.0\r\n",
                        "X-Filler: 1\r\n".getBytes(StandardCharsets.US_ASCII),
                        new Hint(Hint.Id.HEAD_LIMIT_PER_LINE, "The limit must hold for the whole head, not for each"
                                + " line: a client that sends short header lines for ever never reaches a limit per"
                                + " line.")));
                c.assertStillAnswers();
            });

    private static final Hint FILE_LEFT_OPEN = new Hint(Hint.Id.FILE_LEFT_OPEN, "Each answer opened the file and never"
            + " closed it. A process may hold about a thousand files open (ulimit -n); then every open fails, accept()"
            + " too, and the server refuses everybody. Close it on every path: try (InputStream page ="
            + " Files.newInputStream(file)) { ... }. The garbage collector closes a lost stream only when it runs.");

    private static final Hint FILE_LEFT_OPEN_BY_HEAD = new Hint(Hint.Id.FILE_LEFT_OPEN_BY_HEAD, "Each answer to HEAD"
            + " opened the file and never closed it: GET's answers close it, so the close sits where the body is sent."
            + " A HEAD sends none, and its file is opened all the same: close the body whether it is sent or not (try"
            + " (body) around the whole send).");

    private static final Hint FILE_LEFT_OPEN_BY_304 = new Hint(Hint.Id.FILE_LEFT_OPEN_BY_304, "Each 304 opened the"
            + " file and never closed it: the 304 was made from the file's whole answer, whose body is never sent, nor"
            + " closed. Decide on the 304 from the validators, before the file is opened (or close its body).");

    private static final Hint FILE_LEFT_OPEN_BY_416 = new Hint(Hint.Id.FILE_LEFT_OPEN_BY_416, "Each 416 opened the"
            + " file and never closed it: the whole answer was made, then replaced by the 416, its body never sent nor"
            + " closed. Close the whole answer's body before you answer 416 (or decide on the 416 from the length).");

    public static final Check FILES_CLOSED = check("closes each file it sends: after " + DOWNLOADS + " downloads of"
            + " one, it holds it open no more", c -> {
                // From step 14 on, over 16 KiB: step 14 reads a smaller file whole, and closes it before it answers.
                byte[] page = "<p>Closed after each answer.</p>\n".repeat(c.has(Feature.TUNED) ? 700 : 1)
                        .getBytes(StandardCharsets.UTF_8);
                c.webRoot().replacePage("/closed.html", page);
                try {
                    c.inCase("GET", () -> assertClosesAfter(c, "GET", "", c.file("/closed.html"), FILE_LEFT_OPEN));
                    if (c.has(Feature.COMPLETE_ANSWERS)) {
                        c.inCase("HEAD", () -> assertClosesAfter(c, "HEAD", "", c.file("/closed.html")
                                .withoutBody(page.length).when("HEAD /closed.html"), FILE_LEFT_OPEN_BY_HEAD));
                    }
                    if (c.has(Feature.CACHING)) {
                        String etag = CachingChecks.etagOf(c, "/closed.html");
                        c.inCase("304", () -> assertClosesAfter(c, "GET", "If-None-Match: " + etag + "\r\n",
                                CachingChecks.notModified(c, "/closed.html", etag), FILE_LEFT_OPEN_BY_304));
                    }
                    if (c.has(Feature.RANGES)) {
                        String pastTheEnd = "Range: bytes=" + page.length + "-"; // its first byte, one past the last
                        c.inCase("416", () -> assertClosesAfter(c, "GET", pastTheEnd + "\r\n", c.error("416 Range"
                                + " Not Satisfiable").with(HeaderRules.contentRange("bytes */" + page.length))
                                .when("GET /closed.html, " + pastTheEnd), FILE_LEFT_OPEN_BY_416));
                    }
                } finally {
                    c.webRoot().deletePage("/closed.html");
                }
            });

    public static final Check HUGE_FILE = check(
            "survives " + HUGE_FILE_REQUESTS + " requests for a 3 GiB file, and goes on serving", c -> {
                c.assertStillAnswers(); // alone first: else no huge file is to blame
                WebRoot webRoot = c.webRoot();
                webRoot.createSparsePage("/huge.bin", HUGE_FILE_BYTES);
                try {
                    for (int i = 0; i < HUGE_FILE_REQUESTS; i++) {
                        try (RawConnection client = c.server().open()) {
                            // Its first byte only: the answer starts at once, and is never read whole.
                            if (client.send(Requests.get("/huge.bin")).readFirst(1).length == 0) {
                                throw SpecFailure.of("GET /huge.bin, a file of 3 GiB, number " + (i + 1) + " of "
                                        + HUGE_FILE_REQUESTS + ": no answer (the connection closed, or stayed silent).",
                                        new Hint(Hint.Id.FILE_NOT_STREAMED, "Send a file a buffer at a time"
                                                + " (InputStream.transferTo): a byte array holds at most 2 GiB, and"
                                                + " twenty downloads of a big file fill any memory."));
                            }
                        }
                    }
                } finally {
                    webRoot.deletePage("/huge.bin");
                }
                c.assertStillAnswers();
            });

    public static final Check SLOW_CLIENTS = waitingOnItsOwnServer("closes a connection whose head does not come in"
            + " time (silent, or a byte a second), not one that pauses " + PAUSE_IN_TIME.toSeconds() + " s", c -> {
                c.assertStillAnswers(); // alone first: else no slow client is to blame
                ExecutorService pausing = Executors.newSingleThreadExecutor();
                try {
                    // Beside the slow clients, whose close the check waits for anyway: no time added.
                    CompletableFuture<Exchange> paused = CompletableFuture.supplyAsync(() -> pausedRequest(c), pausing);
                    // From step 15 on, a third: a slow head after an upload, whose time per read must end with it.
                    assertClosesSlowClients(c, c.has(Feature.UPLOADS)
                            ? List.of(UploadLimitChecks.slowHeadAfterAnUpload()) : List.of());
                    assertAnsweredAfterItsPause(c, paused.join());
                } finally {
                    pausing.shutdownNow();
                }
                ServerReply after = c.server().send(Requests.get("/"));
                if (after.exchange().response().length == 0 && after.exchange().ending() == Exchange.Ending.CLOSED) {
                    throw FailureReport.failureWithItsHints("Once the slow clients were closed, a request sent whole"
                            + " and at once got no answer, where the same got one at the start.", after, List.of(new Hint(
                            Hint.Id.HEAD_DEADLINE_SHARED, "The server closes every new connection at once: the time"
                            + " limit of a head, once over for the first connection, is over for all. Each connection"
                            + " needs a deadline of its own, from when it was taken: a field of the connection's"
                            + " object, not a static one.")));
                }
                c.assertAnswersRoot(after);
            });

    public static final List<Check> ALL = List.of(HALF_A_REQUEST, AT_ONCE, CROWD_OF_HALF_REQUESTS, ENDLESS_HEAD,
            FILES_CLOSED, HUGE_FILE, SLOW_CLIENTS);

    /** Asks for /closed.html {@link #DOWNLOADS} times ({@code method}, {@code header}), then fails if it is still open. */
    private static void assertClosesAfter(Checking c, String method, String header, Expected expected, Hint hint) {
        if (!c.server().isOwnProcess()) {
            throw c.notRunHere("grading a running server: the grader cannot count the files it holds open");
        }
        String request = method + " /closed.html HTTP/1.0\r\n" + header + "\r\n";
        for (int i = 0; i < DOWNLOADS; i++) {
            c.check(c.send(request), expected);
        }
        // Some close the file a moment after the socket (Node's streams): waited for, up to a fail-safe.
        long deadline = System.nanoTime() + FILE_CLOSE_FAIL_SAFE.toNanos();
        OptionalLong open = c.server().timesOpen("/closed.html");
        while (open.orElse(0) > 0 && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(20));
            open = c.server().timesOpen("/closed.html");
        }
        if (open.isEmpty()) {
            throw c.notRunHere("this system shows no process's open files (Linux shows them in /proc/PID/fd)");
        }
        if (open.getAsLong() > 0) {
            throw SpecFailure.of(DOWNLOADS + " times \"" + request.strip().replace("\r\n", ", ") + "\", each answered"
                    + " and read to its end: " + FILE_CLOSE_FAIL_SAFE.toSeconds() + " s after the last, the server held"
                    + " the file open " + open.getAsLong() + " times (in /proc/PID/fd).", hint);
        }
    }

    /** GET / in two halves, {@link #PAUSE_IN_TIME} apart: well within the time a head has. */
    private static Exchange pausedRequest(Checking c) {
        try (RawConnection paused = c.server().open()) {
            paused.send("GET / HTTP/1.0\r\n");
            Pause.sleep(PAUSE_IN_TIME);
            paused.trySend("\r\n"); // closed by the server already: the report says what came
            return paused.readUntilClosed();
        }
    }

    private static void assertAnsweredAfterItsPause(Checking c, Exchange paused) {
        if (paused.response().length == 0 && paused.ending() == Exchange.Ending.CLOSED
                && !c.server().probes().cutsAHeadInPieces()) { // else not its time limit: the report below says so
            throw FailureReport.failure("A client sent half its request head, paused " + PAUSE_IN_TIME.toSeconds()
                    + " s, then sent the rest: the connection closed without an answer.", null, new ServerReply(paused,
                    c.server()), List.of(new Hint(Hint.Id.HEAD_TIME_LIMIT_TOO_SHORT, "The server cut a head that"
                    + " paused " + PAUSE_IN_TIME.toSeconds() + " s: its time limit is far shorter than the 10 s a head"
                    + " has in all, and a slow network pauses that long. If the limit is 10 s, the time left is"
                    + " computed wrong: Duration.toMillis() gives it whole, getNano() and toMillisPart() only its part"
                    + " below one second.")));
        }
        c.assertAnswersRoot(paused);
    }

    /**
     * Connects client number {@code i} of a crowd of {@code size}. A client that cannot connect
     * (the system's queue of connections the server has not accepted is full) fails the check with
     * the hint that says why: the backlog, and a server that does not accept at once.
     */
    static RawConnection joinCrowd(Checking c, int i, int size) {
        try {
            return c.server().open();
        } catch (UncheckedIOException e) {
            throw SpecFailure.of("Client " + (i + 1) + " of " + size + " could not connect (" + e.getCause().getMessage()
                    + ") while the " + i + " before it held their connections.", BACKLOG_HINT);
        }
    }

    static final Hint BACKLOG_HINT = new Hint(Hint.Id.BACKLOG_FULL, "The connections a server has not accepted yet wait"
            + " in a queue of the system, as long as its backlog (ServerSocket's second argument: 50 by default): once"
            + " it is full, new clients wait, then fail. Call accept() again at once, each connection served on a"
            + " thread of its own, and give the queue room for a crowd: new ServerSocket(port, 1000, address).");

    /**
     * Sends {@code prefix} then {@code filler} for ever: the server must close the connection (or
     * answer, then read on and forget, as nginx does) long before {@link #ENDLESS_HEAD_BYTES}.
     */
    static void assertStopsReading(Checking c, String prefix, byte[] filler, Hint hint) {
        boolean readItAll;
        String answer = "";
        try (RawConnection endless = c.server().open()) {
            long sent = endless.sendWithoutEnd(prefix, filler, ENDLESS_HEAD_BYTES, CLOSE_FAIL_SAFE);
            // An answer (414, 431) sent while the client wrote is there at once: the wait is a fail-safe.
            readItAll = sent >= ENDLESS_HEAD_BYTES && !endless.sendsSomethingWithin(Duration.ofSeconds(1));
            if (!readItAll) {
                answer = new String(endless.readFirst(12), StandardCharsets.ISO_8859_1);
            }
        }
        if (readItAll) {
            throw SpecFailure.of("The server took " + (ENDLESS_HEAD_BYTES >> 20) + " MiB of a request head without"
                    + " end, and did not close the connection.", hint);
        }
        if (answer.matches("HTTP/1\\.\\d 2\\d\\d.*")) {
            throw SpecFailure.of("The server answered \"" + answer + "\" to a head that had not ended: at its limit,"
                    + " it took what it had read for a whole request.", new Hint(Hint.Id.HEAD_CUT_SERVED, "A head cut"
                    + " at the limit is not a request: answer 431 (or close), never serve it. At the limit, a read of"
                    + " 0 bytes is no end of the input: check the limit before reading (bytesLeft <= 0), not after."));
        }
    }

    /**
     * A client that holds a connection its own way (idle after an answer, never reading one...),
     * beside the silent and the dripping ones.
     *
     * @param holdUntilClosed holds a connection until the server closes it, for {@link #CLOSE_FAIL_SAFE}
     *                        at most; returns how long that took, or null when it never did
     * @param failure         the failure to report when the server never closed it
     */
    public record SlowClient(Function<ServerUnderTest, Duration> holdUntilClosed, Supplier<AssertionError> failure) {
    }

    /**
     * Holds a silent connection, one that sends its head a byte a second, and {@code others}, all at
     * once, and fails unless the server closes each of them within {@link #CLOSE_FAIL_SAFE}.
     */
    public static void assertClosesSlowClients(Checking c, List<SlowClient> others) {
        // A thread each: they wait side by side (the common pool may have a single thread).
        ExecutorService clients = Executors.newCachedThreadPool();
        try {
            ServerUnderTest server = c.server();
            List<CompletableFuture<Duration>> othersClosedAfter = others.stream().map(other ->
                    CompletableFuture.supplyAsync(() -> other.holdUntilClosed().apply(server), clients)).toList();
            try (RawConnection silent = server.open(); RawConnection drip = server.open()) {
                drip.send("GET / HTTP/1.0\r\n"); // a request line, then a header line that never ends
                CompletableFuture<Duration> dripClosedAfter = CompletableFuture.supplyAsync(
                        () -> drip.dripUntilClosed("X-Slow: " + "a".repeat(100),
                                Duration.ofSeconds(1), CLOSE_FAIL_SAFE), clients);
                if (silent.awaitClosed(CLOSE_FAIL_SAFE) == null) {
                    throw SpecFailure.of("A client connected and sent nothing: after " + CLOSE_FAIL_SAFE.toSeconds()
                            + " s, the connection was still open.", new Hint(Hint.Id.SILENT_CLIENT_KEPT, "Give up on a"
                            + " client whose request head does not come in time (a read timeout: Socket.setSoTimeout),"
                            + " or every silent client holds a thread for ever. When you give up, close its socket"
                            + " (try-with-resources around it): a timeout that ends the thread alone leaves the"
                            + " connection open. Set one already? A FilterInputStream's read() of one byte goes"
                            + " straight to the socket, past the limits of its read(byte[], int, int): read it"
                            + " through a BufferedInputStream, which only asks for arrays."
                            + ManyClientsHints.bufferTest(c)));
                }
                if (dripClosedAfter.join() == null) {
                    throw SpecFailure.of("A client sent its request head one byte a second: after "
                            + CLOSE_FAIL_SAFE.toSeconds() + " s, the connection was still open.",
                            new Hint(Hint.Id.SLOW_CLIENT_KEPT, "A read timeout starts again with every byte; limit"
                                    + " the time of the whole head instead, or such clients hold threads for ever."));
                }
                if (HttpResponse.parse(drip.dripped()).code().startsWith("2")) {
                    throw FailureReport.failure("A client sent its request head one byte a second: at the time limit,"
                            + " the server answered what had come as a request.", null, new ServerReply(new Exchange(
                            drip.sentSoFar(), drip.dripped(), Exchange.Ending.CLOSED, drip.age()), server), List.of(
                            new Hint(Hint.Id.HEAD_TIMED_OUT_SERVED, "A head that did not come whole in time is no request:"
                            + " close the connection (or answer 408 Request Timeout), never serve what came. The lines"
                            + " still to come could have said Host, Range, or the length of a body.")));
                }
            }
            for (int i = 0; i < others.size(); i++) {
                if (othersClosedAfter.get(i).join() == null) {
                    throw others.get(i).failure().get();
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
