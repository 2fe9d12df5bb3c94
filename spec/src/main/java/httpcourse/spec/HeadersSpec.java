package httpcourse.spec;

import static httpcourse.spec.HeaderRules.contentType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import httpcourse.spec.HeaderRules.Charset;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What steps 6 to 9 share: every answer is complete, with Date, Content-Type and Content-Length
 * (in HTTP/1.0 in steps 6 and 7, in HTTP/1.1 from step 8 on: see {@link #asThisStepAnswers});
 * HEAD gets the head of GET; and every request the server cannot serve gets a clear "no" (400,
 * 404, 405, 414, 431, 501, 505) with a short text, never a closed socket. Plus the checks of
 * {@link ManyClientsChecks}, and StepSpec's: whatever a client sends, the server goes on.
 *
 * <p>Header fields are found in any order and any letter case; Date is checked for its format and
 * for being the time of the answer (see {@link Timed}). The files come from {@link WebRoot} and
 * {@link SiteFiles}, with random content. Checks run in the order of their names, as StepSpec's.
 */
@ExtendWith(ServerUnderTestExtension.class)
@TestMethodOrder(MethodOrderer.DisplayName.class)
public abstract class HeadersSpec implements ManyClientsChecks {

    protected static final HeaderRule HTML = contentType("an .html page", Charset.UTF8_ALLOWED, "text/html");

    protected ServerUnderTest server;
    private Instant testStarted;

    @BeforeAll
    static void writeSiteFiles(ServerUnderTest server) {
        SiteFiles.writeInto(server.webRoot());
    }

    @BeforeEach
    void useServer(ServerUnderTest server) {
        this.server = server;
        this.testStarted = Instant.now();
    }

    @Override
    public ServerUnderTest server() {
        return server;
    }

    /** GET / gets index.html; its Date lies between the start of the check and now. */
    @Override
    public void assertAnswersRoot(ServerReply reply) {
        check(new Timed(reply, testStarted, Instant.now()), file("/index.html", HTML));
    }

    @Override
    public void assertAnswersRoot(Exchange exchange) {
        assertAnswersRoot(new ServerReply(exchange, server));
    }

    /** What this step answers for a file of htdocs: 200 OK, its bytes, this type (step 7: and more). */
    protected Expected file(String path, HeaderRule contentType) {
        return Expected.ok(server.webRoot().page(path), contentType);
    }

    protected Expected file(SiteFiles.Typed typed) {
        return file(typed.path(), contentType(typed.what(), typed.charset(), typed.types()));
    }

    protected Timed get(String path) {
        return send(Requests.get(path));
    }

    /** Sends a request, and reads the answer up to the close (the connection ends with it, in HTTP/1.0). */
    protected Timed send(String request) {
        return Timed.send(server, request);
    }

    /** Checks the answer, and that it leaks no byte of a file outside htdocs or of a hidden file. */
    protected void check(Timed answer, Expected expected) {
        check(answer, new String(answer.exchange().request(), StandardCharsets.ISO_8859_1), expected);
    }

    /** The same, for the answer to {@code request}, one of the requests sent on its connection. */
    protected void check(Timed answer, String request, Expected expected) {
        assertLeaksNothing(answer);
        ResponseCheck.verify(answer, asThisStepAnswers(expected, request));
    }

    /**
     * What this step's answer to {@code request} is, given what steps 6 and 7 answer: the same in
     * steps 6 and 7, HTTP/1.0 with a closed connection. (Steps 8 and 9 answer in HTTP/1.1.)
     */
    protected Expected asThisStepAnswers(Expected expected, String request) {
        return expected;
    }

    /** Checks an answer that may be 400 (the URL cannot be read) or 404 (no such file): never a file. */
    protected void checkRefused(Timed answer, String situation) {
        boolean badRequest = HttpResponse.parse(answer.exchange().response()).code().equals("400");
        check(answer, Expected.error(badRequest ? "400 Bad Request" : "404 Not Found").when(situation)
                .because("No file outside htdocs, and no hidden file, is ever sent; the answer is 404 Not Found"
                        + " (or 400 Bad Request for a URL that cannot be read)."));
    }

    protected void assertStillAnswers() {
        check(get("/"), file("/index.html", HTML));
    }

    /** Fails when the answer carries a token of a file outside htdocs, or of a hidden file in it. */
    private void assertLeaksNothing(Timed answer) {
        Matcher tokens = WebRoot.TOKEN.matcher(new String(answer.exchange().response(), StandardCharsets.ISO_8859_1));
        List<Hint> leaks = new ArrayList<>();
        while (tokens.find() && leaks.isEmpty()) {
            server.webRoot().origin(tokens.group()).ifPresent(origin -> {
                if (origin.outsideHtdocs()) {
                    leaks.add(new Hint(Hint.Id.OUTSIDE_HTDOCS, "The answer is " + origin.file() + ", a file from"
                            + " outside htdocs: a path led out of the web root, so anybody could read any file of this"
                            + " computer. Decode the path first, then check where the file really is"
                            + " (Path.toRealPath() follows links and removes \"..\") and that it is inside htdocs."));
                } else if (SiteFiles.isHidden(origin.file())) {
                    leaks.add(new Hint(Hint.Id.HIDDEN_FILE, "The answer is " + origin.file() + ", a hidden file (a"
                            + " name that starts with a dot, like .git/config or .env): such files hold secrets, and are"
                            + " never served, whatever the URL, or the link that leads there (check the real path too)."));
                }
            });
        }
        if (!leaks.isEmpty()) {
            throw FailureReport.failure("The answer leaks a file that must never be sent.", null, answer.reply(), leaks);
        }
    }

    // ---- Complete answers ------------------------------------------------------------------

    @Test
    @DisplayName("answers GET / with index.html, Date, Content-Type and Content-Length (in bytes)")
    void answersTheSimplestRequest() {
        check(get("/"), file("/index.html", HTML));
    }

    @Test
    @DisplayName("answers a browser's HTTP/1.1 request in HTTP/1.0, with the same headers")
    void answersABrowserRequest() {
        check(send(Requests.firefox("/ipsum.html")), file("/ipsum.html", HTML));
    }

    @DisplayName("answers the file the path names")
    @ParameterizedTest(name = "answers {0} with its file")
    @ValueSource(strings = {"/ipsum.html", "/about.html", "/sub/nested.html"})
    void servesTheNamedFile(String path) {
        check(get(path), file(path, HTML));
    }

    @DisplayName("sends the Content-Type of each extension")
    @ParameterizedTest(name = "answers {0} with its Content-Type")
    @MethodSource("typedFiles")
    void sendsTheTypeOfEachExtension(SiteFiles.Typed typed) {
        check(get(typed.path()), file(typed));
    }

    static Stream<SiteFiles.Typed> typedFiles() {
        return SiteFiles.TYPED.stream();
    }

    @Test
    @DisplayName("sends the type of an extension in capitals: .PNG is image/png")
    void sendsTheTypeOfAnUpperCaseExtension() {
        check(get(SiteFiles.UPPER_CASE.path()), file(SiteFiles.UPPER_CASE));
    }

    @Test
    @DisplayName("sends application/octet-stream for an unknown extension, and for a name without one")
    void sendsOctetStreamForTheUnknown() {
        check(get(SiteFiles.UNKNOWN_EXTENSION.path()), file(SiteFiles.UNKNOWN_EXTENSION));
        check(get(SiteFiles.NO_EXTENSION.path()), file(SiteFiles.NO_EXTENSION));
    }

    @Test
    @DisplayName("says charset=utf-8 only where it is true: not for a text file in ISO-8859-1")
    void saysCharsetOnlyWhereTrue() {
        check(get(SiteFiles.LATIN1.path()), file(SiteFiles.LATIN1));
    }

    @Test
    @DisplayName("sends a large binary file whole, with its Content-Length: /large.bin, 300 000 random bytes")
    void sendsALargeFile() {
        check(get("/large.bin"), file(SiteFiles.LARGE));
    }

    @Test
    @DisplayName("reads the file for every request: an edit shows at once, with its new Content-Length")
    void readsTheFileForEveryRequest() {
        WebRoot webRoot = server.webRoot();
        byte[] original = webRoot.page("/ipsum.html");
        try {
            webRoot.replacePage("/ipsum.html", ("<h1>Edited " + webRoot.token("edited") + ", Grüße</h1>\n")
                    .getBytes(StandardCharsets.UTF_8));
            check(get("/ipsum.html"), file("/ipsum.html", HTML));
        } finally {
            webRoot.replacePage("/ipsum.html", original);
        }
    }

    @Test
    @DisplayName("answers HEAD with exactly the head GET gets, and no body")
    void answersHead() {
        Expected get = file("/ipsum.html", HTML);
        check(get("/ipsum.html"), get);
        check(send("HEAD /ipsum.html HTTP/1.0\r\n\r\n"), get.withoutBody(server.webRoot().page("/ipsum.html").length)
                .when("HEAD /ipsum.html"));
    }

    @Test
    @DisplayName("answers HEAD for a missing file with the head of its 404, and no body")
    void answersHeadForAMissingFile() {
        Timed get = get("/hello.html");
        check(get, Expected.error("404 Not Found"));
        // The text of a 404 is the server's own: its length is the one GET's answer had.
        int length = HttpResponse.parse(get.exchange().response()).body().length;
        check(send("HEAD /hello.html HTTP/1.0\r\n\r\n"), Expected.error("404 Not Found").withoutBody(length)
                .when("HEAD /hello.html"));
    }

    // ---- A clear "no" ------------------------------------------------------------------------

    @Test
    @DisplayName("answers 404 Not Found for a missing file, with a short text, and goes on serving")
    void answersNotFoundForAMissingFile() {
        check(get("/hello.html"), Expected.error("404 Not Found"));
        assertStillAnswers();
    }

    @DisplayName("answers 404 Not Found for a path that leads outside htdocs")
    @ParameterizedTest(name = "answers 404 Not Found for {0}, a path that leads outside htdocs")
    @ValueSource(strings = {"/../pom.xml", "/sub/../../secret.txt", "/../htdocs-private/secret.html",
            "/./../pom.xml", "//../pom.xml", "/" + WebRoot.WORKING_DIRECTORY + "/secret.txt"})
    void answersNotFoundOutsideHtdocs(String path) {
        // The last case is an absolute path after the "/": "//tmp/httpspec-123/secret.txt".
        check(get(server.webRoot().fillIn(path)), Expected.error("404 Not Found").when("GET " + path));
    }

    @DisplayName("answers 404 Not Found for a link inside htdocs that leads outside")
    @ParameterizedTest(name = "answers 404 Not Found for {0}, a link inside htdocs that leads outside")
    @ValueSource(strings = {WebRoot.LINK_TO_SECRET, WebRoot.LINK_TO_PRIVATE_FOLDER + "/secret.html"})
    void answersNotFoundForALinkThatLeadsOutside(String path) {
        Assumptions.assumeTrue(server.webRoot().hasLinks(), "this system cannot make symbolic links");
        check(get(path), Expected.error("404 Not Found").when("GET " + path));
    }

    @DisplayName("still serves a path with .. that stays inside htdocs")
    @ParameterizedTest(name = "still serves {0}: a path with .. that stays inside htdocs")
    @ValueSource(strings = {"/sub/../ipsum.html", "/nothing/../ipsum.html"})
    void servesADotDotPathInsideHtdocs(String path) {
        check(get(path), file("/ipsum.html", HTML));
    }

    @Test
    @DisplayName("answers 404 Not Found for a named pipe (FIFO), without waiting for a writer")
    void answersNotFoundForAFifo() {
        Assumptions.assumeTrue(SiteFiles.hasFifo(server.webRoot()), "this system has no mkfifo");
        check(get(SiteFiles.FIFO), Expected.error("404 Not Found").when("GET " + SiteFiles.FIFO + ", a FIFO")
                .because("Only regular files are served: opening a FIFO waits until another program writes to it"
                        + " (Files.isRegularFile before opening)."));
        assertStillAnswers();
    }

    @Test
    @DisplayName("answers 405 Method Not Allowed, with Allow: GET, HEAD, to the article's form POST")
    void answersMethodNotAllowedToAFormPost() {
        check(send(Requests.postForm("/ipsum.html")), methodNotAllowed("the article's form POST"));
    }

    @DisplayName("answers 405 Method Not Allowed, with Allow: GET, HEAD, to the other methods HTTP defines")
    @ParameterizedTest(name = "answers 405 Method Not Allowed to {0}")
    @ValueSource(strings = {"PUT /ipsum.html", "DELETE /ipsum.html", "OPTIONS *", "TRACE /", "PATCH /ipsum.html",
            "CONNECT localhost:443"})
    void answersMethodNotAllowed(String methodAndTarget) {
        check(send(methodAndTarget + " HTTP/1.0\r\n\r\n"), methodNotAllowed(methodAndTarget));
    }

    protected static Expected methodNotAllowed(String situation) {
        return Expected.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD")).when(situation)
                .because("A file server only sends files, with GET and HEAD; a method HTTP defines for other"
                        + " uses (RFC 9110 §9) gets 405 and an Allow header that lists GET and HEAD (§15.5.6).");
    }

    @DisplayName("answers 501 Not Implemented to a method nobody defined")
    @ParameterizedTest(name = "answers 501 Not Implemented to the method {0}")
    @ValueSource(strings = {"BREW", "HELLO", "get"})
    void answersNotImplemented(String method) {
        check(send(method + " / HTTP/1.0\r\n\r\n"), Expected.error("501 Not Implemented").when(method + " /")
                .because("A method the server does not know gets 501 (RFC 9110 §15.6.2); method names are"
                        + " case-sensitive (§9.1): \"get\" is not GET."));
    }

    static Stream<Arguments> malformedRequestLines() {
        return Stream.of(
                Arguments.of("a request line of one word", "GET\r\n\r\n"),
                Arguments.of("a request line without version", "GET /\r\n\r\n"),
                Arguments.of("a request line of four words", "GET / HTTP/1.0 please\r\n\r\n"),
                Arguments.of("two spaces after the method", "GET  / HTTP/1.0\r\n\r\n"),
                Arguments.of("a tab instead of a space", "GET\t/ HTTP/1.0\r\n\r\n"),
                Arguments.of("a space before the method", " GET / HTTP/1.0\r\n\r\n"),
                Arguments.of("a space after the version", "GET / HTTP/1.0 \r\n\r\n"),
                Arguments.of("a version in lower case", "GET / http/1.0\r\n\r\n"),
                Arguments.of("a version without its minor number", "GET / HTTP/1\r\n\r\n"),
                Arguments.of("a bare CR in the request line", "GET /ipsum.html\r HTTP/1.0\r\n\r\n"),
                // A reader that ends lines at a bare CR (BufferedReader.readLine) reads these as two lines.
                Arguments.of("a bare CR at the end of the request line", "GET / HTTP/1.0\rX: y\r\n\r\n"),
                Arguments.of("a control byte in the target", "GET /ipsum\u0001.html HTTP/1.0\r\n\r\n"),
                Arguments.of("a NUL byte in the target", "GET /ipsum.html\u0000 HTTP/1.0\r\n\r\n"),
                Arguments.of("a byte that is not ASCII in the target", "GET /caf\u00e9.html HTTP/1.0\r\n\r\n"),
                // Not "\r\n\r\n": a server SHOULD ignore at least one empty line before the request
                // line (RFC 9112 §2.2), and may ignore more, waiting for a request line (nginx does).
                Arguments.of("garbage bytes", "\u0000\u0001\u0002\u00ff\u00fex\r\n\r\n"));
    }

    @DisplayName("answers 400 Bad Request to a malformed request line, and goes on serving")
    @ParameterizedTest(name = "answers 400 Bad Request to {0}")
    @MethodSource("malformedRequestLines")
    void answersBadRequestToAMalformedRequestLine(String situation, String request) {
        check(send(request), Expected.error("400 Bad Request").when(situation)
                .because("A request line is METHOD TARGET HTTP/x.y, with single spaces, a target of visible ASCII"
                        + " and no control byte (RFC 9112 §3); a server answers 400 to anything else (§3, §2.2)."));
        assertStillAnswers();
    }

    static Stream<Arguments> malformedHeaderLines() {
        return Stream.of(
                Arguments.of("a space before the colon", "Host : localhost"),
                Arguments.of("a header line without colon", "Host localhost"),
                Arguments.of("a header line without name", ": localhost"),
                Arguments.of("a name that is not a token", "X(Y): 1"),
                Arguments.of("a line that starts with a space (obsolete folding)", "Accept: */*\r\n text/html"),
                Arguments.of("a NUL byte in a value", "X-Note: a\u0000b"),
                Arguments.of("a bare CR in a value", "X-Note: a\rb"),
                Arguments.of("a bare CR between two header lines", "X-A: a\rX-B: b"),
                Arguments.of("an escape byte in a value", "X-Note: a\u001b[31mb"));
    }

    @DisplayName("answers 400 Bad Request to a malformed header line")
    @ParameterizedTest(name = "answers 400 Bad Request to {0}")
    @MethodSource("malformedHeaderLines")
    void answersBadRequestToAMalformedHeaderLine(String situation, String headerLine) {
        check(send("GET / HTTP/1.0\r\n" + headerLine + "\r\n\r\n"), Expected.error("400 Bad Request")
                .when(situation).because("A header line is Name: value, the name a token right before the colon"
                        + " (a space there MUST get 400, RFC 9112 §5.1), the value without control bytes but tab"
                        + " (RFC 9110 §5.5), and no line starts with a space (§5.2 of RFC 9112)."));
    }

    @DisplayName("answers 400 Bad Request to an HTTP/1.1 request without one Host header")
    @ParameterizedTest(name = "answers 400 Bad Request to an HTTP/1.1 request {0}")
    @ValueSource(strings = {"without Host", "with two Host headers"})
    void answersBadRequestWithoutOneHost(String situation) {
        String hosts = situation.startsWith("without") ? "" : "Host: localhost\r\nHost: example.org\r\n";
        check(send("GET / HTTP/1.1\r\n" + hosts + "\r\n"), Expected.error("400 Bad Request")
                .when("an HTTP/1.1 request " + situation)
                .because("Every HTTP/1.1 request names its host in exactly one Host header; a server MUST answer"
                        + " 400 to one without, or with two (RFC 9112 §3.2)."));
    }

    @DisplayName("answers 505 HTTP Version Not Supported to a version other than HTTP/1.x")
    @ParameterizedTest(name = "answers 505 HTTP Version Not Supported to {0}")
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/0.9"})
    void answersVersionNotSupported(String version) {
        check(send("GET / " + version + "\r\n\r\n"), Expected.error("505 HTTP Version Not Supported")
                .when("GET / " + version).because("The server speaks HTTP/1.0 and 1.1; another major version"
                        + " gets 505 (RFC 9110 §15.6.6)."));
    }

    @Test
    @DisplayName("answers 414 URI Too Long to a request line of 100 000 bytes, and goes on serving")
    void answersUriTooLong() {
        check(get("/" + "a".repeat(100_000)), Expected.error("414 URI Too Long")
                .when("a request line of 100 000 bytes").because("A server limits the request line it reads, and"
                        + " answers 414 to a longer one (RFC 9112 §3): 8 KiB is plenty."));
        assertStillAnswers();
    }

    @Test
    @DisplayName("answers 431 Request Header Fields Too Large to header lines of 20 000 bytes, and goes on serving")
    void answersHeaderFieldsTooLarge() {
        StringBuilder request = new StringBuilder("GET / HTTP/1.0\r\n");
        for (int i = 0; request.length() < 20_000; i++) {
            request.append("X-Filler-").append(i).append(": ").append("b".repeat(80)).append("\r\n");
        }
        check(send(request.append("\r\n").toString()), Expected.error("431 Request Header Fields Too Large")
                .when("header lines of 20 000 bytes").because("A server limits the head it reads, and answers 431"
                        + " to longer header lines (RFC 6585 §5): 8 KiB is plenty."));
        assertStillAnswers();
    }

    @Test
    @DisplayName("reads a request line of 7 000 bytes (RFC 9112 §3 recommends 8 000): 404 for that missing file")
    void readsALongRequestLine() {
        check(get("/" + "a".repeat(7_000)), Expected.error("404 Not Found").when("a request line of 7 000 bytes")
                .because("RFC 9112 §3 recommends reading request lines of at least 8 000 bytes."));
    }

    @Test
    @DisplayName("reads a head of 6 000 bytes, as a browser sends with its cookies")
    void readsALargeHead() {
        String firefox = Requests.firefox("/");
        String withCookie = firefox.substring(0, firefox.length() - 2) + "Cookie: session=" + "c".repeat(5_000)
                + "\r\n\r\n";
        check(send(withCookie), file("/index.html", HTML).when("a browser's request with a cookie of 5 000 bytes"));
    }

    @Test
    @DisplayName("ignores an empty line before the request line (RFC 9112 §2.2)")
    void ignoresAnEmptyLineBeforeTheRequest() {
        check(send("\r\nGET / HTTP/1.0\r\n\r\n"), file("/index.html", HTML).when("an empty line, then GET /")
                .because("A server should ignore at least one empty line before the request line (RFC 9112 §2.2)."));
    }

    // ---- Whatever a client does ------------------------------------------------------------

    @Test
    @DisplayName("accepts a request whose lines end with a bare \\n")
    void acceptsBareLineFeeds() {
        check(send("GET / HTTP/1.0\n\n"), file("/index.html", HTML).when("lines ending with a bare \\n")
                .because("A server may take a bare LF for the end of a line (RFC 9112 §2.2), as nc users send."));
    }

    @Test
    @DisplayName("reads a request that arrives in several TCP pieces, up to the empty line")
    void readsARequestInPieces() {
        Instant sent = Instant.now();
        ServerReply reply = server.sendInPieces(List.of("GE", "T / HTTP/1.0\r\nHost: local", "host\r\n\r", "\n"),
                Duration.ofMillis(300));
        check(new Timed(reply, sent, Instant.now()), file("/index.html", HTML));
    }

    @Test
    @DisplayName("answers several connections in a row")
    void answersSeveralConnectionsInARow() {
        for (int i = 0; i < 5; i++) {
            check(get("/"), file("/index.html", HTML));
        }
    }

    @Test
    @DisplayName("survives a connection that closes without sending anything")
    void survivesAnEmptyConnection() {
        server.connectAndClose();
        assertStillAnswers();
    }

    @Test
    @DisplayName("survives a client that resets the connection before sending anything")
    void survivesAResetBeforeTheRequest() {
        server.connectAndReset();
        assertStillAnswers();
    }

    @Test
    @DisplayName("listens on 127.0.0.1 only: unreachable at this computer's other addresses")
    void listensOnLoopbackOnly() {
        StepSpec.assertListensOnLoopbackOnly(server);
    }

    @Test
    @DisplayName("survives a client that leaves before reading the answer")
    void survivesAVanishingClient() {
        server.sendAndVanish(Requests.get("/"));
        assertStillAnswers();
    }
}
