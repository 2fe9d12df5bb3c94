package httpcourse.spec;

import static httpcourse.spec.Check.check;

import java.util.List;

/**
 * Step 7: a clear no. The server reads a request as HTTP's grammar says (RFC 9112), and answers
 * every request it cannot serve with the status that says why and a short text, never a closed
 * socket: 405 to the methods HTTP defines but a file server does not do, 501 to unknown ones, 400
 * to a malformed head, 505 to another version, 414 and 431 to a head too long. After each
 * refusal, it goes on serving. What a browser really sends (a long URL, a head full of cookies,
 * an empty line left over before a request) is still read.
 */
public final class ClearNoChecks {

    private ClearNoChecks() {
    }

    /** One request a check sends: what it is, in words, its bytes, and the mistake a wrong answer shows. */
    record Case(String situation, String request, Hint.Id mistake, String why) {
    }

    private static final String METHOD_NOT_ALLOWED = "POST, PUT, DELETE, OPTIONS, TRACE, PATCH and CONNECT are"
            + " methods HTTP defines (RFC 9110 §9, RFC 5789): a file server, which does none of them, answers 405"
            + " Method Not Allowed with \"Allow: GET, HEAD\" (§15.5.6). Not the file (a POST is no GET), and not"
            + " 501, which is for methods nobody defined.";

    public static final Check FORM_POST = check("answers 405 Method Not Allowed, with Allow: GET, HEAD, to the"
            + " article's form POST, and goes on serving", c -> {
                for (String path : List.of("/ipsum.html", "/form.php")) {
                    c.inCase("POST " + path, () -> {
                        c.check(c.send(Requests.postForm(path)), methodNotAllowed(c, "the article's form POST"));
                        c.assertStillAnswers();
                    });
                }
            });

    public static final Check OTHER_METHODS = check("answers 405 Method Not Allowed, with Allow: GET, HEAD, to the"
            + " other methods HTTP defines, and goes on serving", c -> {
                for (String methodAndTarget : List.of("PUT /ipsum.html", "DELETE /ipsum.html", "OPTIONS *", "TRACE /",
                        "PATCH /ipsum.html", "CONNECT localhost:443")) {
                    c.inCase(methodAndTarget, () -> {
                        c.check(c.send(methodAndTarget + " HTTP/1.0\r\n\r\n"), methodNotAllowed(c, methodAndTarget));
                        c.assertStillAnswers();
                    });
                }
            });

    public static final Check UNKNOWN_METHODS = check("answers 501 Not Implemented to a method nobody defined, and"
            + " to \"get\" in lower case, and goes on serving", c -> {
                String unknown = "A method the server does not know gets 501 Not Implemented (RFC 9110 §15.6.2): not"
                        + " 405, which says the method exists, and is not allowed here.";
                refuseEach(c, "501 Not Implemented", List.of(
                        new Case("BREW /", "BREW / HTTP/1.0\r\n\r\n", Hint.Id.UNKNOWN_METHOD_NOT_501, unknown),
                        new Case("HELLO /", "HELLO / HTTP/1.0\r\n\r\n", Hint.Id.UNKNOWN_METHOD_NOT_501, unknown),
                        new Case("get / (GET in lower case)", "get / HTTP/1.0\r\n\r\n", Hint.Id.METHOD_CASE_IGNORED,
                                "Method names are case-sensitive (RFC 9110 §9.1): \"get\" is not GET, and no"
                                        + " method HTTP defines. Compare with equals, not equalsIgnoreCase.")));
                c.inCase("HEADER /", () -> {
                    Timed answer = c.send("HEADER / HTTP/1.0\r\n\r\n");
                    if (answer.code().equals("501")
                            && HttpResponse.parse(answer.exchange().response()).body().length == 0) {
                        throw FailureReport.failure("HEADER / got the head of a 501, and no body.", null,
                                answer.reply(), List.of(new Hint(Hint.Id.HEAD_BY_ITS_START, "HEADER is no HEAD: its"
                                + " 501 has a body. Tell HEAD by its whole name (equals, or \"HEAD \" with the space"
                                + " that ends it), not by its first letters.")));
                    }
                    c.check(answer, c.error("501 Not Implemented").when("HEADER /")
                            .because(Hint.Id.UNKNOWN_METHOD_NOT_501, unknown));
                    c.assertStillAnswers();
                });
            });

    private static final String REQUEST_LINE = "A request line is METHOD TARGET HTTP/x.y, with single spaces, a"
            + " target of visible ASCII and no control byte (RFC 9112 §3); anything else gets 400 Bad Request."
            + " Match the whole line against that grammar (a regular expression) rather than split it on spaces,"
            + " which accepts what it should refuse.";
    private static final String BARE_CR = "A CR must be followed by LF: a bare CR inside the head is malformed, and"
            + " gets 400 (RFC 9112 §2.2). BufferedReader.readLine ends a line at a bare CR as well as at CRLF, and"
            + " so reads one line as two: read the head as bytes, and end a line at LF only.";

    public static final Check MALFORMED_REQUEST_LINES =
            check("answers 400 Bad Request to a malformed request line, and goes on serving", c -> refuseEach(c,
                    "400 Bad Request", List.of(
                            requestLine("a request line of one word", "GET\r\n\r\n"),
                            requestLine("a request line without version", "GET /\r\n\r\n"),
                            requestLine("a request line of four words", "GET / HTTP/1.0 please\r\n\r\n"),
                            requestLine("two spaces after the method", "GET  / HTTP/1.0\r\n\r\n"),
                            requestLine("a tab instead of a space", "GET\t/ HTTP/1.0\r\n\r\n"),
                            requestLine("a space before the method", " GET / HTTP/1.0\r\n\r\n"),
                            requestLine("a space after the version", "GET / HTTP/1.0 \r\n\r\n"),
                            requestLine("a version in lower case", "GET / http/1.0\r\n\r\n"),
                            requestLine("a version without its minor number", "GET / HTTP/1\r\n\r\n"),
                            new Case("a version whose dot is an x", "GET / HTTP/1x1\r\n\r\n",
                                    Hint.Id.VERSION_DOT_UNCHECKED, "HTTP/1x1 is no version: the request line is"
                                    + " malformed (400), where 505 is for a well-formed HTTP/x.y of another major"
                                    + " version. In a regular expression, a dot matches any character: the dot of"
                                    + " HTTP/1.1 is written \\."),
                            new Case("a version of two digits", "GET / HTTP/1.10\r\nHost: localhost\r\n\r\n",
                                    Hint.Id.VERSION_DIGITS_UNCHECKED, "HTTP/1.10 is no version: a version is HTTP/, a"
                                    + " digit, a dot and a digit (RFC 9112 §2.3), so the request line is malformed"
                                    + " (400). In a regular expression, \\d+ takes more digits: write \\d."),
                            new Case("a bare CR in the request line", "GET /ipsum.html\r HTTP/1.0\r\n\r\n",
                                    Hint.Id.BARE_CR_ACCEPTED, BARE_CR),
                            new Case("a bare CR at the end of the request line", "GET / HTTP/1.0\rX: y\r\n\r\n",
                                    Hint.Id.BARE_CR_ACCEPTED, BARE_CR),
                            requestLine("a control byte in the target", "GET /ipsum\u0001.html HTTP/1.0\r\n\r\n"),
                            requestLine("a NUL byte in the target", "GET /ipsum.html\u0000 HTTP/1.0\r\n\r\n"),
                            requestLine("a byte that is not ASCII in the target",
                                    "GET /caf\u00e9.html HTTP/1.0\r\n\r\n"),
                            // Not "\r\n\r\n": a server SHOULD ignore at least one empty line before the request
                            // line (RFC 9112 §2.2), and may ignore more, waiting for a request line (nginx does).
                            requestLine("garbage bytes", "\u0000\u0001\u0002\u00ff\u00fex\r\n\r\n"))));

    private static Case requestLine(String situation, String request) {
        return new Case(situation, request, Hint.Id.REQUEST_LINE_NOT_CHECKED, REQUEST_LINE);
    }

    private static final String HEADER_LINE = "A header line is Name: value, the name a token right before the colon"
            + " (a space there MUST get 400, RFC 9112 §5.1: proxies read such a line differently), the value without"
            + " control bytes but the tab (RFC 9110 §5.5), and no line starts with a space or a tab (RFC 9112 §5.2)."
            + " Match each header line against that grammar.";

    public static final Check MALFORMED_HEADER_LINES = check("answers 400 Bad Request to a malformed header line (not"
            + " to a name of any token's characters, a value in UTF-8, nor to tabs around a value or in it), and goes on"
            + " serving", c -> {
                refuseEach(c, "400 Bad Request", List.of(
                        headerLine("a space before the colon", "Host : localhost"),
                        headerLine("a header line without colon", "Host localhost"),
                        headerLine("a header line without name", ": localhost"),
                        headerLine("a name that is not a token", "X(Y): 1"),
                        new Case("a name with [ and ]", "GET / HTTP/1.0\r\nX-Id[0]: 1\r\n\r\n",
                                Hint.Id.TOKEN_RANGE_A_TO_Z, "[ and ] are no token's characters. A class written A-z"
                                + " takes them, with \\ ^ _ and `: all that lies between Z and a. Write A-Za-z."),
                        headerLine("a line that starts with a space (obsolete folding)", "Accept: */*\r\n text/html"),
                        headerLine("a NUL byte in a value", "X-Note: a\u0000b"),
                        new Case("a bare CR in a value", "GET / HTTP/1.0\r\nX-Note: a\rb\r\n\r\n",
                                Hint.Id.BARE_CR_ACCEPTED, BARE_CR),
                        new Case("a bare CR between two header lines", "GET / HTTP/1.0\r\nX-A: a\rX-B: b\r\n\r\n",
                                Hint.Id.BARE_CR_ACCEPTED, BARE_CR),
                        headerLine("an escape byte in a value", "X-Note: a\u001b[31mb")));
                // A name is any token (RFC 9110 §5.6.2): letters, digits and hyphens are only the most common.
                String names = "GET / HTTP/1.0\r\nX_a.b!#$%&'*+^`|~: 1\r\n\r\n";
                c.inCase("a name of every character a token allows", () -> c.check(c.send(names), c.root().when("the"
                        + " header X_a.b!#$%&'*+^`|~: 1").because(Hint.Id.TOKEN_CHARACTER_REFUSED, "A header's name is a"
                        + " token (RFC 9110 §5.6.2): letters, digits and !#$%&'*+-.^_`|~, any of them (X_Forwarded_For"
                        + " is one). Check the name against that whole class.")));
                // Bytes from 0x80 on are allowed in a value (obs-text, RFC 9110 §5.5): a name in UTF-8, say.
                String utf8 = "GET / HTTP/1.0\r\nX-Name: caf\u00c3\u00a9\r\n\r\n"; // one char per byte
                c.inCase("a value in UTF-8", () -> c.check(c.send(utf8), c.root().when("a header whose value is café"
                        + " in UTF-8 (bytes C3 A9)").because(Hint.Id.OBS_TEXT_REFUSED, "A value may hold the bytes"
                        + " 0x80 to 0xFF (obs-text, RFC 9110 §5.5): a cookie or a file name in UTF-8 is made of them."
                        + " Refuse the control bytes only: those below 0x20 but the tab, and 0x7F.")));
                // A tab is whitespace as a space is: around a value (OWS, RFC 9110 §5.6.3), and in it (§5.5).
                String tabs = "GET / HTTP/1.0\r\nHost:\tlocalhost\t\r\nX-Note: a\tb\r\n\r\n";
                c.inCase("tabs around a value and in it", () -> c.check(c.send(tabs), c.root().when("Host:\\tlocalhost"
                        + "\\t and X-Note: a\\tb").because(Hint.Id.TAB_REFUSED, "A tab is whitespace, as a space is:"
                        + " around a value (OWS, RFC 9110 §5.6.3), and in it (§5.5). Refuse the control bytes but the"
                        + " tab, and strip spaces and tabs around the value.")));
                headGetsNoBody(c, "400 Bad Request", "/ HTTP/1.0\r\nHost localhost\r\n\r\n",
                        "a header line without colon");
            });

    private static Case headerLine(String situation, String line) {
        return new Case(situation, "GET / HTTP/1.0\r\n" + line + "\r\n\r\n", Hint.Id.HEADER_LINE_NOT_CHECKED,
                HEADER_LINE);
    }

    public static final Check HOST =
            check("answers 400 Bad Request to an HTTP/1.1 request without exactly one Host header, and goes on"
                    + " serving", c -> {
                String why = "Every HTTP/1.1 request names its host in exactly one Host header; a server MUST answer"
                        + " 400 to one without, or with two (RFC 9112 §3.2). HTTP/1.0 requests need none.";
                refuseEach(c, "400 Bad Request", List.of(
                        new Case("an HTTP/1.1 request without Host", "GET / HTTP/1.1\r\n\r\n",
                                Hint.Id.HOST_NOT_CHECKED, why),
                        new Case("an HTTP/1.1 request with two Host headers",
                                "GET / HTTP/1.1\r\nHost: localhost\r\nHost: example.org\r\n\r\n",
                                Hint.Id.HOST_NOT_CHECKED, why)));
                c.inCase("an HTTP/1.2 request without Host", () -> { // its 505 is the version check's mistake
                    Timed answer = c.send("GET / HTTP/1.2\r\n\r\n");
                    c.check(answer, c.error(answer.code().equals("505") ? "505 HTTP Version Not Supported"
                            : "400 Bad Request").when("an HTTP/1.2 request without Host").because(
                            Hint.Id.HOST_NOT_CHECKED, "A later HTTP/1.x is read as HTTP/1.1 (RFC 9110 §2.5), with"
                            + " its rules: it names its host in exactly one Host header too. Ask for Host of every"
                            + " version but 1.0."));
                    c.assertStillAnswers();
                });
                // One Host header with no value: what a client sends for a URI without a host (RFC 9112 §3.2).
                c.inCase("an HTTP/1.1 request with an empty Host", () -> c.check(c.send("GET / HTTP/1.1\r\nHost:\r\n"
                        + "\r\n"), c.root().when("an HTTP/1.1 request with one Host header, empty").because(
                        Hint.Id.HOST_EMPTY_REFUSED, "An empty Host is one Host header: a client sends it for a URI"
                        + " that has no host (RFC 9112 §3.2), and the server serves it as its own. Only a missing"
                        + " Host, or two, gets 400.")));
                for (String name : List.of("host", "HOST")) { // one header, whatever the letter case of its name
                    String request = "GET / HTTP/1.1\r\n" + name + ": localhost\r\n\r\n";
                    c.inCase("an HTTP/1.1 request with " + name + ":", () -> c.check(c.send(request), c.root()
                            .when("an HTTP/1.1 request whose Host header is named " + name).because(
                                    Hint.Id.HEADER_NAME_CASE, "A header's name is case-insensitive (RFC 9110 §5.1):"
                                            + " Host, host and HOST are one header. Compare names in one letter case"
                                            + " (toLowerCase(Locale.ROOT) as you read them).")));
                }
            });

    public static final Check VERSIONS =
            check("answers 505 HTTP Version Not Supported to a version other than HTTP/1.x, and goes on serving", c -> {
                String why = "The server speaks HTTP/1.0 and 1.1; another major version gets 505 HTTP Version Not"
                        + " Supported (RFC 9110 §15.6.6): check the version of the request line, not only its form.";
                // Refused as HTTP/1.1 without Host, not with it: HTTP/1.1's rule asked before the version.
                boolean hostFirst = c.send("GET / HTTP/2.0\r\n\r\n").code().equals("400")
                        && c.send("GET / HTTP/2.0\r\nHost: localhost\r\n\r\n").code().equals("505");
                refuseEach(c, "505 HTTP Version Not Supported", List.of("HTTP/2.0", "HTTP/3.0", "HTTP/0.9").stream()
                        .map(version -> new Case("GET / " + version, "GET / " + version + "\r\n\r\n", hostFirst
                                ? Hint.Id.VERSION_AFTER_HOST : Hint.Id.VERSION_NOT_CHECKED, hostFirst ? "Host is a rule"
                                + " of HTTP/1.1, asked here of a version the server does not speak: check the version"
                                + " first, then HTTP/1.1's rules." : why)).toList());
                String later = "GET / HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n";
                c.inCase("GET / HTTP/1.2", () -> c.check(c.send(later),
                        c.root().when("GET / HTTP/1.2, a later minor version").because("A later HTTP/1.x is"
                                + " HTTP/1.1 to a server that knows no more (RFC 9110 §2.5): serve it; only another"
                                + " major version gets 505.")));
                headGetsNoBody(c, "505 HTTP Version Not Supported", "/ HTTP/2.0\r\n\r\n", "a version other than 1.x");
            });

    public static final Check URI_TOO_LONG =
            check("answers 414 URI Too Long to a request line of 100 000 bytes, and goes on serving", c -> {
                c.check(c.get("/" + "a".repeat(100_000)), c.error("414 URI Too Long")
                        .when("a request line of 100 000 bytes").because("A server limits the request line it"
                                + " reads, and answers 414 to a longer one (RFC 9112 §3): 8 KiB is plenty."
                                + ManyClientsHints.bufferCount(c)));
                c.assertStillAnswers();
            });

    public static final Check HEADERS_TOO_LARGE = check("answers 431 Request Header Fields Too Large to header lines"
            + " of 20 000 bytes, many or one, and goes on serving", c -> {
                StringBuilder request = new StringBuilder("GET / HTTP/1.0\r\n");
                for (int i = 0; request.length() < 20_000; i++) {
                    request.append("X-Filler-").append(i).append(": ").append("b".repeat(80)).append("\r\n");
                }
                c.inCase("many header lines", () -> c.check(c.send(request.append("\r\n").toString()),
                        c.error("431 Request Header Fields Too Large").when("header lines of 20 000 bytes").because(
                                "A server limits the head it reads, and answers 431 to longer header lines (RFC 6585"
                                + " §5): 8 KiB is plenty." + ManyClientsHints.bufferCount(c))));
                // A cookie of 20 000 bytes, right after a whole request line: its header is too long, not the URI.
                c.inCase("one header line", () -> c.check(c.send("GET / HTTP/1.0\r\nCookie: " + "b".repeat(20_000)
                        + "\r\n\r\n"), c.error("431 Request Header Fields Too Large").when("one header line of"
                        + " 20 000 bytes").because(Hint.Id.HEADER_LINE_TOO_LONG_AS_URI, "The request line came whole;"
                        + " the first header line is what is too long: 431, as for many (414 is for a request line"
                        + " that does not end). Tell them apart by whether the request line was read, not by how many"
                        + " header lines were.")));
                c.assertStillAnswers();
            });

    private static final String TOO_SMALL = "RFC 9112 §3 recommends reading request lines of at least 8 000 bytes,"
            + " and browsers send heads of several KiB (cookies): a limit of 8 KiB (8192 bytes) for the whole head"
            + " reads them; a smaller one refuses real requests.";

    public static final Check LONG_REQUEST_LINE = check("reads a request line of 7 000 bytes (RFC 9112 §3 recommends"
            + " 8 000): 404 for that missing file", c -> checkOr(c, c.get("/" + "a".repeat(7_000)),
            c.notFound().when("a request line of 7 000 bytes"), new Hint(Hint.Id.HEAD_LIMIT_TOO_SMALL, TOO_SMALL)));

    public static final Check LARGE_HEAD = check("reads a head of 6 000 bytes, as a browser sends with its cookies",
            c -> {
                String firefox = Requests.firefox("/");
                String withCookie = firefox.substring(0, firefox.length() - 2) + "Cookie: session="
                        + "c".repeat(5_000) + "\r\n\r\n";
                // The same request without the cookie first: its failure is not the head's size.
                c.check(c.send(firefox), c.root().when("a browser's request without the cookie"));
                checkOr(c, c.send(withCookie), c.root().when("a browser's request with a cookie of 5 000 bytes"),
                        new Hint(Hint.Id.HEAD_LIMIT_TOO_SMALL, TOO_SMALL));
            });

    public static final Check EMPTY_LINE_FIRST = check("ignores an empty line before the request line (RFC 9112 §2.2)",
            c -> {
                // The same request without the empty line first: a 400 to both is not the empty line's.
                c.check(c.send("GET / HTTP/1.0\r\n\r\n"), c.root().when("GET /, without an empty line before"));
                checkOr(c, c.send("\r\nGET / HTTP/1.0\r\n\r\n"), c.root().when("an empty line, then GET /"),
                        new Hint(Hint.Id.EMPTY_LINE_NOT_IGNORED, "A client may send an empty line before its request"
                                + " line (one left over after a body), and a server should ignore at least one (RFC"
                                + " 9112 §2.2): skip empty lines until the request line, rather than take the first"
                                + " for the end of an empty head."));
            });

    public static final List<Check> ALL = List.of(FORM_POST, OTHER_METHODS, UNKNOWN_METHODS, MALFORMED_REQUEST_LINES,
            MALFORMED_HEADER_LINES, HOST, VERSIONS, URI_TOO_LONG, HEADERS_TOO_LARGE, LONG_REQUEST_LINE, LARGE_HEAD,
            EMPTY_LINE_FIRST);

    /** 405 with Allow: GET, HEAD. */
    static Expected methodNotAllowed(Checking c, String situation) {
        return c.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD")).when(situation)
                .because(Hint.Id.METHOD_NOT_405, METHOD_NOT_ALLOWED);
    }

    /** Sends each case, expects {@code status} with a short text, and that the server goes on serving. */
    static void refuseEach(Checking c, String status, List<Case> cases) {
        for (Case refused : cases) {
            c.inCase(refused.situation(), () -> {
                c.check(c.send(refused.request()), c.error(status).when(refused.situation())
                        .because(refused.mistake(), refused.why()));
                c.assertStillAnswers();
            });
        }
    }

    /**
     * HEAD gets an error's head alone, with the Content-Length GET's answer had (RFC 9110 §9.3.2,
     * §8.6): {@code rest} is the request after its method, {@code what} says what is wrong with it.
     */
    static void headGetsNoBody(Checking c, String status, String rest, String what) {
        String targetAndVersion = rest.lines().findFirst().orElseThrow() + ", " + what;
        Timed get = c.send("GET " + rest);
        c.check(get, c.error(status).when("GET " + targetAndVersion));
        int length = HttpResponse.parse(get.exchange().response()).body().length;
        c.inCase("HEAD, " + what, () -> c.check(c.send("HEAD " + rest), c.error(status).withoutBody(length)
                .when("HEAD " + targetAndVersion).bytesBecause(
                        Hint.Id.ERROR_BODY_FOR_HEAD, "The answer to HEAD is a head alone, an error's too (RFC 9110"
                        + " §9.3.2): the server chose to send the body after it read the request whole, and this"
                        + " one failed before. The request line says HEAD first: decide on the body there, before"
                        + " anything that may fail.")));
    }

    /**
     * Checks an answer to a request the server must read and serve; when it did not answer, or said
     * no (400, 414, 431), the failure names {@code mistake}.
     */
    static void checkOr(Checking c, Timed answer, Expected expected, Hint mistake) {
        if (answer.exchange().response().length == 0) {
            throw FailureReport.failure("No answer to " + expected.situation + ".", null, answer.reply(),
                    List.of(mistake));
        }
        if (List.of("400", "414", "431").contains(answer.code())) {
            expected.because(mistake.id(), mistake.text());
        }
        c.check(answer, expected);
    }
}
