package httpcourse.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The questions a failure report may ask the server under test, each sent once, when a report first
 * needs its answer, outside any check's record ({@link ServerState}): what the server does with
 * other requests tells which mistake a failure shows.
 */
final class ServerProbes {

    /** How long the probe of {@link #givesUpOnAPause} waits before its request: the pieces of IN_PIECES' pause. */
    static final Duration A_PAUSE = Duration.ofMillis(300);
    /** How soon a server that ends every connection before its first read has closed a silent one. */
    static final Duration AT_ONCE = Duration.ofSeconds(2);
    /**
     * How long after an answer a request is sent on its kept connection to be sure it comes after a wait: by then
     * even a server on a busy machine waits for it (the first-byte probe, and the stop check's second download).
     */
    static final Duration UNTIL_IT_WAITS = Duration.ofSeconds(2);
    private static final String GET = "GET / HTTP/1.0\r\n\r\n";

    private final Supplier<RawHttpClient> client; // the server's client: its port changes at a restart
    private Boolean asksHostOfHttp10; // null until a report needs to know
    private Exchange plainGet; // GET / HTTP/1.0's exchange: whether it was answered, and the connection closed
    private Boolean givesUpOnAPause;
    private Boolean cutsAHeadInPieces;
    private Boolean closesASilentConnection;
    private Boolean readsABodyOnlyOnSuccess;
    private Boolean servesIndexHtml;
    private Boolean servesAFolderIndex;
    private Boolean refusesHyphenatedNames;
    private Boolean keepsAConnectionWhileBusy;
    private Boolean losesAFirstByteAfterAWait;
    private final Map<String, String> codesOfGet = new HashMap<>();
    private final Map<String, HttpResponse> answers = new HashMap<>();

    ServerProbes(Supplier<RawHttpClient> client) {
        this.client = client;
    }

    /**
     * Whether the server answers 400 to "GET / HTTP/1.0" without Host, and not with one: it asks every
     * version for the Host only HTTP/1.1 requires. Asked only of a 400 that may be that; found once.
     */
    synchronized boolean asksHostOfHttp10() {
        if (asksHostOfHttp10 == null) {
            asksHostOfHttp10 = statusOf(GET).equals("400")
                    && !statusOf("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n").equals("400");
        }
        return asksHostOfHttp10;
    }

    /** Whether "GET / HTTP/1.0" gets an answer: the server answers, just not this request. Found once. */
    synchronized boolean answersAPlainGet() {
        return !HttpResponse.parse(plainGet().response()).code().isEmpty();
    }

    /** Whether "GET / HTTP/1.0" gets an answer, after which the server closes the connection. Found once. */
    synchronized boolean closesAfterAPlainGet() {
        return plainGet().response().length > 0 && plainGet().ending() != Exchange.Ending.NOT_CLOSED;
    }

    private Exchange plainGet() {
        if (plainGet == null) {
            plainGet = client.get().send(GET.getBytes(StandardCharsets.ISO_8859_1));
        }
        return plainGet;
    }

    /**
     * Whether the server gives up on a client that pauses for a moment: a request sent whole, a
     * moment after its connection opened, gets no answer, where the same at once gets one. Asked only
     * of a connection that got no answer; found once.
     */
    synchronized boolean givesUpOnAPause() {
        if (givesUpOnAPause == null) {
            // Three times: a server that cuts connections now and then (a watchdog's tick) may cut one.
            givesUpOnAPause = answersAPlainGet() && !answersAfterAPause() && !answersAfterAPause()
                    && !answersAfterAPause();
        }
        return givesUpOnAPause;
    }

    /**
     * Whether the server cuts a head that comes in two pieces: its first line, then the empty line
     * {@link #A_PAUSE} later, get no answer, where the same request sent whole gets one, even that
     * late (no time limit to blame). Three times, as {@link #givesUpOnAPause}; found once.
     */
    synchronized boolean cutsAHeadInPieces() {
        if (cutsAHeadInPieces == null) {
            cutsAHeadInPieces = answersAPlainGet() && !givesUpOnAPause() && !answersInTwoPieces()
                    && !answersInTwoPieces() && !answersInTwoPieces();
        }
        return cutsAHeadInPieces;
    }

    /**
     * Whether the server closes a connection that has sent nothing yet within {@link #AT_ONCE}, where
     * a head has seconds (step 5's checks pause 2 s within one): each connection ends before its first
     * read. Asked only when a plain GET got no answer either; found once.
     */
    synchronized boolean closesASilentConnectionAtOnce() {
        if (closesASilentConnection == null) {
            try (RawConnection silent = client.get().open()) {
                closesASilentConnection = silent.awaitClosed(AT_ONCE) != null;
            } catch (IOException e) {
                closesASilentConnection = false; // not reached: nothing to tell
            }
        }
        return closesASilentConnection;
    }

    /**
     * Whether two HTTP/1.1 requests, the second sent as soon as the first is answered, both get answers
     * on one connection: the server keeps connections open, at least while requests come at once. Three
     * times, as {@link #givesUpOnAPause}. Found once.
     */
    synchronized boolean keepsAConnectionWhileBusy() {
        if (keepsAConnectionWhileBusy == null) {
            keepsAConnectionWhileBusy = answersTwiceAtOnce() || answersTwiceAtOnce() || answersTwiceAtOnce();
        }
        return keepsAConnectionWhileBusy;
    }

    /**
     * Whether the server loses the first byte of a kept connection's next request that comes after a
     * wait: "XGET / HTTP/1.1", {@link #UNTIL_IT_WAITS} after an answer, gets 200, as "GET" would (a right server
     * answers 501, a method it does not know). The read that waits for the request took its first byte,
     * and never gave it back. Found once.
     */
    synchronized boolean losesAFirstByteAfterAWait() {
        if (losesAFirstByteAfterAWait == null) {
            String first = Requests.http11("GET", "/");
            String next = "X" + Requests.http11Closing("GET", "/");
            try (RawConnection kept = client.get().open()) {
                boolean answered = kept.trySend(first) && kept.readResponse(first).response().length > 0;
                Pause.sleep(UNTIL_IT_WAITS);
                losesAFirstByteAfterAWait = answered && kept.trySend(next)
                        && HttpResponse.parse(kept.readResponse(next).response()).code().equals("200");
            } catch (IOException e) {
                losesAFirstByteAfterAWait = false; // not reached: nothing to tell
            }
        }
        return losesAFirstByteAfterAWait;
    }

    /**
     * Whether the server reads a GET's body when it serves the file, and not when the file is missing: after a
     * GET of /ipsum.html with a body, the next request on the connection is answered; after the same GET of a
     * missing file (404), it is not. The body is read after the answer is made, which an error skips. Found once.
     */
    synchronized boolean readsABodyOnlyOnSuccess() {
        if (readsABodyOnlyOnSuccess == null) {
            readsABodyOnlyOnSuccess = answersAfterABody("/ipsum.html") && !answersAfterABody("/missing-probe.html");
        }
        return readsABodyOnlyOnSuccess;
    }

    private boolean answersAfterABody(String path) {
        String next = Requests.http11Closing("GET", "/");
        try (RawConnection kept = client.get().open()) {
            kept.send(Requests.http11("GET", path, "Content-Length: 5") + "hello" + next);
            return kept.readResponse(Requests.http11("GET", path)).response().length > 0
                    && kept.readResponse(next).response().length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answersTwiceAtOnce() {
        String request = Requests.http11("GET", "/");
        try (RawConnection kept = client.get().open()) {
            return kept.trySend(request) && kept.readResponse(request).response().length > 0
                    && kept.trySend(request) && kept.readResponse(request).response().length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether "GET /index.html HTTP/1.0" gets 200: the page that GET / names is served. Found once. */
    synchronized boolean servesIndexHtml() {
        if (servesIndexHtml == null) {
            servesIndexHtml = statusOf("GET /index.html HTTP/1.0\r\n\r\n").equals("200");
        }
        return servesIndexHtml;
    }

    /** Whether "GET /docs/ HTTP/1.0" gets 200: a folder's URL gets its index.html (step 8 on). Found once. */
    synchronized boolean servesAFolderIndex() {
        if (servesAFolderIndex == null) {
            servesAFolderIndex = statusOf("GET /docs/ HTTP/1.0\r\n\r\n").equals("200");
        }
        return servesAFolderIndex;
    }

    /** Whether a header named X-Probe gets 400 and XProbe does not: "-" left out of a name's characters. Found once. */
    synchronized boolean refusesHyphenatedNames() {
        if (refusesHyphenatedNames == null) {
            refusesHyphenatedNames = statusOf("GET / HTTP/1.0\r\nX-Probe: a\r\n\r\n").equals("400")
                    && !statusOf("GET / HTTP/1.0\r\nXProbe: a\r\n\r\n").equals("400");
        }
        return refusesHyphenatedNames;
    }

    /**
     * The status code of the answer to "GET {@code path} HTTP/1.0" when it has a body, else "": a
     * request of another method whose answer has the same code and the head alone was answered by its
     * method. Found once per path.
     */
    synchronized String codeOfGetWithABody(String path) {
        return codesOfGet.computeIfAbsent(path, p -> {
            byte[] request = ("GET " + p + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            HttpResponse answer = HttpResponse.parse(client.get().send(request).response());
            return answer.body().length > 0 ? answer.code() : "";
        });
    }

    /**
     * The answer to {@code request}, sent whole on a connection of its own (it asks to close it): a failed
     * request with one thing changed tells what the server made of that thing. Found once per request.
     */
    synchronized HttpResponse answerTo(String request) {
        return answers.computeIfAbsent(request, r -> HttpResponse.parse(client.get()
                .send(r.getBytes(StandardCharsets.ISO_8859_1)).response()));
    }

    private boolean answersAfterAPause() {
        try (RawConnection late = client.get().open()) {
            Pause.sleep(A_PAUSE);
            return late.trySend(GET) && late.readUntilClosed().response().length > 0;
        } catch (IOException e) {
            return true; // not reached this time: nothing to tell
        }
    }

    private boolean answersInTwoPieces() {
        try (RawConnection pieces = client.get().open()) {
            boolean sent = pieces.trySend("GET / HTTP/1.0\r\n");
            Pause.sleep(A_PAUSE);
            return !sent || pieces.trySend("\r\n") && pieces.readUntilClosed().response().length > 0;
        } catch (IOException e) {
            return true; // not reached this time: nothing to tell
        }
    }

    /** The status code of the answer to {@code request}, or "". */
    private String statusOf(String request) {
        return HttpResponse.parse(client.get().send(request.getBytes(StandardCharsets.ISO_8859_1)).response()).code();
    }
}
