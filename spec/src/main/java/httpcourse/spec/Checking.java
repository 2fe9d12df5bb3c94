package httpcourse.spec;

import static httpcourse.spec.HeaderRules.contentType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import httpcourse.spec.HeaderRules.Charset;

import org.opentest4j.TestAbortedException;

/**
 * What a check works with: the server under test, the step it is checked for, and the answers
 * that step gives. A check says what it sends and which answer it expects ({@link #file},
 * {@link #notFound}, {@link #error}...); the answer's form is the step's: bare ("HTTP/1.0 200
 * OK", the empty line, the body) up to step 5, with Date, Content-Type and Content-Length from
 * step 6, with Last-Modified and ETag from step 9, in HTTP/1.1 on a connection that may stay
 * open from step 10, with Server-Timing from step 14. So one check serves every step that has it,
 * and a later step's stricter answers reach it without a copy.
 */
public final class Checking {

    /** An .html page: text/html, charset=utf-8 or none. */
    public static final HeaderRule HTML = contentType("an .html page", Charset.UTF8_ALLOWED, "text/html");

    private final ServerUnderTest server;
    private final int step;

    public Checking(ServerUnderTest server, int step) {
        this.server = server;
        this.step = step;
    }

    public ServerUnderTest server() {
        return server;
    }

    public int step() {
        return step;
    }

    public WebRoot webRoot() {
        return server.webRoot();
    }

    /**
     * Ends a check that cannot run in this grading, for a reason that is not the server's: a
     * server somebody else started (the grader cannot send it signals, nor read its output), a
     * system that cannot make what the check needs (symbolic links, a named pipe). Thrown, it is
     * JUnit's abort (what {@code Assumptions.abort} throws): the grader reports the check as "not
     * run here", with {@code why}, neither passed nor failed, and leaves it out of the score; a step
     * module's build shows it as skipped. Never a silent return: that would count as passed.
     *
     * @param why for an instructor, why it cannot run: "grading a running server: the grader cannot
     *            send it signals"
     */
    public TestAbortedException notRunHere(String why) {
        return new TestAbortedException(why);
    }

    /** Whether the step checked has {@code feature}: the step that teaches it, or a later one. */
    public boolean has(Feature feature) {
        return step >= feature.firstStep();
    }

    // ---- Sending ---------------------------------------------------------------------------

    /**
     * Sends a request, and reads its answer as a client of this step would: up to the close before
     * step 10; from step 10, by its length, on to the close only when the request or the answer says
     * the connection ends ({@link ResponseReader}).
     */
    public Timed send(String request) {
        Instant sent = Instant.now();
        ServerReply reply = has(Feature.KEEP_ALIVE) ? server.sendAndReadAnswer(request) : server.send(request);
        return new Timed(reply, sent, Instant.now());
    }

    /** {@code GET path HTTP/1.0}, as typed by hand. */
    public Timed get(String path) {
        return send(Requests.get(path));
    }

    // ---- The answers this step gives -------------------------------------------------------

    /** The answer to GET / (Hello World in step 1, index.html later). */
    public Expected root() {
        return pageAt("/");
    }

    /**
     * The answer to GET {@code path}, where the path names a page of htdocs: Hello World in step 1,
     * index.html whatever the path in step 2, the file itself from step 3 ("/" is index.html).
     */
    public Expected pageAt(String path) {
        if (!has(Feature.INDEX_PAGE)) {
            return Expected.bare("HTTP/1.0 200 OK", "Hello World".getBytes(StandardCharsets.US_ASCII));
        }
        return file(!has(Feature.NAMED_FILES) || path.equals("/") ? "/index.html" : path);
    }

    /** 200 OK with the file's bytes; from step 6 its type by its extension, and so on (see the class). */
    public Expected file(String path) {
        return file(path, typeRule(path));
    }

    /** The same, for one of the files of every media type ({@link SiteFiles#TYPED}). */
    public Expected file(SiteFiles.Typed typed) {
        return file(typed.path(), contentType(typed.what(), typed.charset(), typed.types()));
    }

    /** The same, with this rule for its Content-Type. */
    public Expected file(String path, HeaderRule contentType) {
        byte[] body = webRoot().page(path);
        if (!has(Feature.COMPLETE_ANSWERS)) {
            return Expected.bare("HTTP/1.0 200 OK", body);
        }
        Expected expected = Expected.ok(body, contentType);
        if (has(Feature.CACHING)) {
            expected.with(DateRule.lastModified(SiteFiles.modified(webRoot(), path))).with(HeaderRules.etag());
        }
        if (has(Feature.COMPRESSION)) {
            expected.with(CodingRules.asStored()); // the expected head shows no Content-Encoding
        }
        return expected;
    }

    /** Bytes {@code first} to {@code last} (both in) of a file of htdocs: 206 Partial Content, step 16 on. */
    public Expected filePart(String path, long first, long last) {
        return Expected.partial(webRoot().page(path), (int) first, (int) last, typeRule(path)).with(DateRule
                .lastModified(SiteFiles.modified(webRoot(), path))).with(HeaderRules.etag());
    }

    /**
     * The file gzip-compressed (step 17): Content-Encoding: gzip, Vary, in chunks or with the
     * compressed length; its type and Last-Modified as the file's, an ETag (of its own).
     */
    public Expected gzipped(String path) {
        return gzipped(path, CodingRules.contentEncodingGzip());
    }

    /** The same, with this rule for Content-Encoding: one whose hint says why this answer is compressed. */
    public Expected gzipped(String path, HeaderRule contentEncoding) {
        return Expected.gzipped(webRoot().page(path), typeRule(path), contentEncoding)
                .with(DateRule.lastModified(SiteFiles.modified(webRoot(), path))).with(HeaderRules.etag());
    }

    /** 404 Not Found: "File Not Found" alone in steps 4 and 5, then with the usual head and any short text. */
    public Expected notFound() {
        return has(Feature.COMPLETE_ANSWERS) ? Expected.error("404 Not Found")
                : Expected.bare("HTTP/1.0 404 Not Found", "File Not Found".getBytes(StandardCharsets.US_ASCII));
    }

    /** An error of step 6 and later: this status, Date, a short text, its type and length. */
    public Expected error(String status) {
        return Expected.error(status);
    }

    // ---- Checking answers ------------------------------------------------------------------

    /** Checks the answer, and that it leaks no byte of a file outside htdocs or of a hidden file. */
    public void check(Timed answer, Expected expected) {
        check(answer, new String(answer.exchange().request(), StandardCharsets.ISO_8859_1), expected);
    }

    /** The same, for the answer to {@code request}, one of several sent on one connection. */
    public void check(Timed answer, String request, Expected expected) {
        assertLeaksNothing(answer);
        if (expected.isBare()) {
            ResponseAssert.assertThat(answer.reply()).isExactly(expected.bareBytes());
        } else {
            ResponseCheck.verify(answer, asThisStepAnswers(expected, request));
        }
    }

    /** Checks that the server still answers GET / as it should: it is alive and well. */
    public void assertStillAnswers() {
        check(get("/"), root());
    }

    /** Asserts that {@code reply} is this step's whole answer to {@code GET / HTTP/1.0}. */
    public void assertAnswersRoot(ServerReply reply) {
        check(new Timed(reply, Instant.EPOCH, Instant.now()), root());
    }

    /** The same, for an exchange on a connection the check keeps open itself ({@link RawConnection}). */
    public void assertAnswersRoot(Exchange exchange) {
        assertAnswersRoot(new ServerReply(exchange, server));
    }

    /**
     * Runs one case of a check that tries several ("/sub", then "/sub/"): its failure says which.
     */
    public void inCase(String name, Runnable body) {
        try {
            body.run();
        } catch (SpecFailure failure) {
            throw new SpecFailure("Case: " + name + "\n" + failure.getMessage(), failure.hints());
        }
    }

    /**
     * What this step's answer to {@code request} is: from step 10, in HTTP/1.1, on a connection that
     * stays open unless the request asks to close it, or cannot be read, and then the answer says
     * "Connection: close" (which an HTTP/1.0 client may do without); from step 14, with Server-Timing.
     */
    private Expected asThisStepAnswers(Expected expected, String request) {
        if (has(Feature.TUNED)) {
            expected.with(HeaderRules.serverTiming());
        }
        if (!has(Feature.KEEP_ALIVE)) {
            return expected;
        }
        expected.inHttp11();
        return Requests.mustClose(request)
                ? expected.with(HeaderRules.connectionClose(Requests.isHttp11(request)))
                : expected.mayStayOpen();
    }

    /** The Content-Type rule for a file of htdocs, by its extension. */
    private static HeaderRule typeRule(String path) {
        for (SiteFiles.Typed typed : Stream.concat(SiteFiles.TYPED.stream(), SiteFiles.BIG.stream()).toList()) {
            if (typed.path().equals(path)) {
                return contentType(typed.what(), typed.charset(), typed.types());
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".html") ? HTML
                : contentType("a file of unknown type", Charset.NONE, "application/octet-stream");
    }

    /** Fails when the answer carries a token of a file outside htdocs, or of a hidden file in it. */
    private void assertLeaksNothing(Timed answer) {
        String text = new String(answer.exchange().response(), StandardCharsets.ISO_8859_1);
        List<String> tokens = WebRoot.tokensIn(text);
        List<Hint> leaks = new ArrayList<>();
        // An error, then the file after it: the check was right, and the code went on past it.
        Matcher second = Pattern.compile("HTTP/1\\.\\d (2\\d\\d) ").matcher(text);
        if (!tokens.isEmpty() && text.matches("(?s)HTTP/1\\.\\d [345].*") && second.find(1)) {
            leaks.add(new Hint(Hint.Id.ANSWERED_AFTER_ERROR, "The answer is two: " + text.lines().findFirst()
                    .orElse("") + ", then HTTP " + second.group(1) + " with the file after it. The file was refused, and then sent all the same: once the error is written,"
                    + " return, so that nothing runs on to serve the file."));
        }
        for (int i = 0; i < tokens.size() && leaks.isEmpty(); i++) {
            webRoot().origin(tokens.get(i)).ifPresent(origin -> {
                if (origin.outsideHtdocs()) {
                    leaks.add(new Hint(Hint.Id.OUTSIDE_HTDOCS, "The answer is " + origin.file() + ", a file from"
                            + " outside htdocs: a path led out of the web root, so anybody could read any file of this"
                            + " computer. Check where the file really is (Path.toRealPath() follows links and"
                            + " removes \"..\") and that it is inside htdocs. A test that skips it must read each"
                            + " name's attributes with LinkOption.NOFOLLOW_LINKS, or it sees a link's target."));
                } else if (SiteFiles.isHidden(origin.file())
                        && !origin.file().substring(origin.file().lastIndexOf('/') + 1).startsWith(".")) {
                    leaks.add(new Hint(Hint.Id.HIDDEN_FOLDER, "The answer is " + origin.file() + ": its own name has no"
                            + " dot, but a folder on its way has one. A hidden folder hides all it holds (.git holds"
                            + " secrets): look at every name of the path, and of the real path a link leads to, for a"
                            + " dot at its start, not only the file's (Files.isHidden looks at that one alone)."));
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
}
