package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.Check.inAHiddenFolder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Step 8: the request target is a URL. Its path is percent-decoded as UTF-8 before any check (a
 * "+" stays a plus), its query ignored, a whole URL (the absolute form) accepted; no decoded path
 * leads outside htdocs or to a hidden file; a folder's URL ends with a slash and serves its
 * index.html, and a folder asked without it gets a 301 to its own URL, inside this site.
 */
public final class UrlChecks {

    private UrlChecks() {
    }

    private static final String DECODE = "A URL writes some bytes as %XX, two hex digits in either case (RFC 3986"
            + " §2.1): %20 is a space, %69 an i. Decode the path before looking for the file: each %XX becomes the"
            + " byte XX, then the bytes are read as UTF-8.";

    public static final Check DECODES_A_SPACE = check("decodes %20: /with%20space.html is the file \"with space.html\"",
            c -> {
                Timed answer = c.get("/with%20space.html");
                Hint mistake = unlessDecodedWrongly(c, answer, new Hint(Hint.Id.NOT_PERCENT_DECODED, DECODE));
                c.check(answer, c.file(SiteFiles.WITH_SPACE).because(mistake.id(), mistake.text()));
            });

    public static final Check DECODES_ANY_ESCAPE = check("decodes any escaped character, in either case, wherever it"
            + " is, once: /%69psum.html, /ipsum%2ehtml and /ipsum.htm%6C are /ipsum.html, /100%25.html is 100%.html",
            c -> {
                for (String path : List.of("/%69psum.html", "/ipsum%2ehtml", "/ipsum%2Ehtml")) {
                    c.inCase("GET " + path, () -> {
                        Timed answer = c.get(path);
                        Hint mistake = unlessDecodedWrongly(c, answer, new Hint(Hint.Id.NOT_PERCENT_DECODED, DECODE));
                        c.check(answer, c.file("/ipsum.html").because(mistake.id(), mistake.text()));
                    });
                }
                c.inCase("GET /ipsum.htm%6C", () -> c.check(c.get("/ipsum.htm%6C"), c.file("/ipsum.html")
                        .because(Hint.Id.ESCAPE_AT_THE_END, "An escape may end the path: its two hex digits are its"
                                + " last two characters. Look for them while two characters follow the %"
                                + " (i + 2 < length), not three.")));
                c.inCase("GET /100%25.html", () -> {
                    Timed answer = c.get("/100%25.html");
                    Hint mistake = unlessDecodedWrongly(c, answer, new Hint(Hint.Id.NOT_PERCENT_DECODED, "%25 is the"
                            + " escape of % itself: /100%25.html names the file 100%.html. " + DECODE));
                    c.check(answer, c.file(SiteFiles.PERCENT).because(mistake.id(), mistake.text()));
                });
            });

    private static final Hint DECODED_TWICE = new Hint(Hint.Id.DECODED_TWICE, "The path is decoded twice:"
            + " /100%2525.html is served as 100%.html, whose URL is /100%25.html. Decode once (RFC 3986 §2.4): a %"
            + " that decoding made is a character of the name, not the start of another escape, and a second pass"
            + " also reads é, made of two bytes, as one.");

    private static final Hint SKIPS_AFTER_AN_ESCAPE = new Hint(Hint.Id.ESCAPE_SKIPS_NEXT, "The character after"
            + " each escape is lost: /%69Xpsum.html is served as /ipsum.html, the X after %69 skipped. An escape is"
            + " three characters and the loop's i++ counts one of them: after decoding one, move on by two more"
            + " (i += 2), not three.");

    /**
     * The hint for an answer that is not the file: {@code otherwise}, unless /100%2525.html gets 100%.html,
     * the path decoded twice (%2525 to %25, then to %), or /%69Xpsum.html gets ipsum.html, the character
     * after each escape skipped.
     */
    private static Hint unlessDecodedWrongly(Checking c, Timed answer, Hint otherwise) {
        if (answer.code().equals("200")) {
            return otherwise;
        }
        if (c.get("/100%2525.html").code().equals("200")) {
            return DECODED_TWICE;
        }
        return skipsAfterAnEscape(c) ? SKIPS_AFTER_AN_ESCAPE : otherwise;
    }

    private static boolean skipsAfterAnEscape(Checking c) {
        return c.get("/%69Xpsum.html").code().equals("200");
    }

    /** Why a server that does not decode %20 fails a check that needs it decoded. */
    private static Hint notDecoded(Checking c) {
        return skipsAfterAnEscape(c) ? SKIPS_AFTER_AN_ESCAPE : new Hint(Hint.Id.NOT_PERCENT_DECODED, NOT_DECODED);
    }

    public static final Check DECODES_UTF8 = check("decodes as UTF-8: /caf%C3%A9.html is café.html (or 404 where the"
            + " server's locale cannot name it)", c -> {
                if (!SiteFiles.hasNonAsciiName(c.webRoot())) {
                    throw c.notRunHere("the grader cannot name a file café.html here (its locale's file names are"
                            + " not UTF-8)");
                }
                Timed answer = c.get("/caf%C3%A9.html");
                // Java in the C locale (LANG=C, as the spec starts servers) cannot open a file whose name is
                // not ASCII: such a server answers 404, which is right for it, and must not crash.
                String code = answer.code();
                if (code.equals("404")) {
                    c.check(answer, c.notFound());
                } else if (!code.equals("200")) { // neither the file nor "no such file": the name itself failed
                    Hint mistake = unlessDecodedWrongly(c, answer, new Hint(Hint.Id.NON_ASCII_NAME_FAILED, "Not the"
                            + " file, nor 404. The grader runs servers in the C locale (LANG=C), where Java cannot name"
                            + " a file café.html: Path.of throws InvalidPathException, as for a NUL byte (%00). If"
                            + " yours is Java, catch it and answer 404 Not Found: the URL is well formed, and no file"
                            + " of this server can have that name (with LANG=C.UTF-8, it finds the file). Otherwise:"
                            + " decode the %XX escapes into bytes first, then the bytes as UTF-8."));
                    c.check(answer, c.notFound().because(mistake.id(), mistake.text()));
                } else {
                    Hint mistake = unlessDecodedWrongly(c, answer, new Hint(Hint.Id.NOT_PERCENT_DECODED, "%C3%A9 are"
                            + " the two bytes of é in UTF-8: decode the %XX escapes into bytes first, then the bytes as"
                            + " UTF-8 (RFC 3986 §2.5), not each escape as a character."));
                    c.check(answer, c.file(SiteFiles.NON_ASCII).because(mistake.id(), mistake.text()));
                }
            });

    private static final String NOT_HEX = "A % is followed by two hex digits (RFC 3986 §2.1): anything else cannot be"
            + " read, and gets 400 Bad Request. Check both characters (HexFormat.isHexDigit) before decoding.";
    // A % at the path's end, with one character or none after it: reading two runs past the end.
    private static final String CUT_AT_THE_END = "A % is followed by two hex digits (RFC 3986 §2.1): at the path's"
            + " end, \"%4\" has one and \"%\" none. Check that both characters are there (i + 2 < length, not <=),"
            + " then that they are hex digits: charAt past the end throws, and the connection ends without a word.";
    // Also said after "the server closed the connection": it must not claim that the escape was read.
    private static final String SIGNED = "A % is followed by two hex digits: \"+4\" and \"-1\" are none, although"
            + " Integer.parseInt(text, 16) reads them, with their sign. Check that both characters are hex digits"
            + " (HexFormat.isHexDigit), and answer 400 Bad Request to anything else.";
    private static final String NOT_UTF8 = "These bytes are no UTF-8 (%C3 must be followed by a byte from %80 to"
            + " %BF; %FF is never UTF-8): the URL cannot be read, and gets 400 Bad Request. Decode the escaped bytes"
            + " with StandardCharsets.UTF_8.newDecoder(), which reports them (CharacterCodingException): new"
            + " String(bytes, UTF_8) and URLDecoder put \"\uFFFD\" in their place and go on, and ISO-8859-1 (a"
            + " char per byte) takes any byte for a letter.";

    public static final Check MALFORMED_ESCAPES = check("answers 400 Bad Request to a malformed escape, and goes on"
            + " serving", c -> {
                boolean decodes = decodes(c);
                ClearNoChecks.refuseEach(c, "400 Bad Request", List.of(
                        escape(decodes, "/%+4.html", Hint.Id.MALFORMED_ESCAPE_ACCEPTED, SIGNED),
                        escape(decodes, "/%-1.html", Hint.Id.MALFORMED_ESCAPE_ACCEPTED, SIGNED),
                        escape(decodes, "/%zz.html", Hint.Id.MALFORMED_ESCAPE_ACCEPTED, NOT_HEX),
                        escape(decodes, "/ipsum.html%", Hint.Id.MALFORMED_ESCAPE_ACCEPTED, CUT_AT_THE_END),
                        escape(decodes, "/ipsum.html%4", Hint.Id.MALFORMED_ESCAPE_ACCEPTED, CUT_AT_THE_END),
                        escape(decodes, "/%C3%28.html", Hint.Id.NOT_UTF8_ACCEPTED, NOT_UTF8),
                        escape(decodes, "/%FF.html", Hint.Id.NOT_UTF8_ACCEPTED, NOT_UTF8)));
            });

    /** A malformed escape, and the mistake its acceptance shows: for a server that decodes nothing, that one. */
    private static ClearNoChecks.Case escape(boolean decodes, String path, Hint.Id mistake, String why) {
        return decodes ? new ClearNoChecks.Case("GET " + path, Requests.get(path), mistake, why)
                : new ClearNoChecks.Case("GET " + path, Requests.get(path), Hint.Id.NOT_PERCENT_DECODED, NOT_DECODED
                        + " A % that is not followed by two hex digits, or bytes that are no UTF-8, cannot be decoded:"
                        + " 400 Bad Request.");
    }

    private static final String NOT_DECODED = "The server decodes no %XX at all: /with%20space.html is not the file"
            + " \"with space.html\" for it. " + DECODE;

    /**
     * Whether the server decodes %20, the first escape a URL needs: a server that decodes nothing
     * fails some checks for that reason alone, and their hint must say so, not name a mistake of
     * decoding.
     */
    private static boolean decodes(Checking c) {
        return c.get("/with%20space.html").code().equals("200");
    }

    public static final Check PLUS = check("takes \"+\" in a path for a plus, not a space: /a+b.html is \"a+b.html\"",
            c -> {
                for (String path : List.of("/a+b.html", "/a%2Bb.html")) {
                    c.inCase("GET " + path, () -> {
                        Timed answer = c.get(path);
                        String spaced = c.webRoot().token("spaced");
                        if (new String(answer.exchange().response(), StandardCharsets.ISO_8859_1).contains(spaced)) {
                            throw FailureReport.failure("GET " + path + " got htdocs" + SiteFiles.SPACE_FOR_PLUS
                                    + ", the file with a space.", null, answer.reply(), List.of(new Hint(
                                    Hint.Id.PLUS_DECODED_AS_SPACE, "\"+\" means a space in form data (the query"
                                    + " of a form sent with GET, a POST's body), never in a path (RFC 3986): there it"
                                    + " is a plus. URLDecoder decodes form data: decode the path's %XX escapes"
                                    + " yourself, and leave \"+\" as it is.")));
                        }
                        Expected plus = c.file(SiteFiles.PLUS);
                        Hint mistake = unlessDecodedWrongly(c, answer, new Hint(Hint.Id.NOT_PERCENT_DECODED, DECODE));
                        c.check(answer, path.contains("%") ? plus.because(mistake.id(), mistake.text()) : plus);
                    });
                }
            });

    public static final Check QUERY = check("ignores the query string: /ipsum.html?lang=en&x=%zz is /ipsum.html", c -> {
        String why = "The query (after ?) is for programs; a file server ignores it: cut it off before decoding"
                + " the path (its escapes are not the path's business).";
        c.check(c.get("/ipsum.html?lang=en&x=%zz"), c.file("/ipsum.html").when("a path with a query")
                .because(Hint.Id.QUERY_NOT_IGNORED, why));
        c.check(c.get("/?lang=en"), c.root().when("/ with a query").because(Hint.Id.QUERY_NOT_IGNORED, why));
        c.check(c.get("/ipsum.html?q=a?b"), c.file("/ipsum.html").when("a query that holds a ?").because(
                Hint.Id.QUERY_FROM_THE_LAST_MARK, "The query begins at the first ?, and may hold more (RFC 3986"
                + " §3.4): cut the path at indexOf('?'), not lastIndexOf."));
    });

    public static final Check ABSOLUTE_FORM = check("accepts a whole URL as target, as proxies get:"
            + " http://localhost/ipsum.html, and http://localhost for / (RFC 9112 §3.2.2)", c -> {
                for (String url : List.of("http://localhost:8000/ipsum.html", "HTTP://localhost:8000/ipsum.html")) {
                    String request = "GET " + url + " HTTP/1.1\r\nHost: localhost:8000\r\n\r\n";
                    c.inCase("GET " + url, () -> c.check(c.send(request), c.file("/ipsum.html")
                            .when("an absolute URL").because(Hint.Id.ABSOLUTE_FORM_REFUSED, "A server must accept"
                                    + " the absolute form http://host:port/path as target too, its scheme in any"
                                    + " letter case (RFC 3986 §3.1), and serve its path (RFC 9112 §3.2.2): a client"
                                    + " sends it to a proxy, and HTTP/2 to HTTP/1 gateways do. The authority, host and"
                                    + " port, is all that comes before the first / (or ? or #).")));
                }
                String request = "GET http://localhost:8000 HTTP/1.1\r\nHost: localhost:8000\r\n\r\n";
                c.inCase("GET http://localhost:8000", () -> c.check(c.send(request), c.root()
                        .when("an absolute URL without a path").because(Hint.Id.ABSOLUTE_FORM_REFUSED, "A whole URL"
                                + " may end with its authority: http://localhost:8000 has an empty path, which is /"
                                + " (RFC 9110 §4.2.3). Take what follows the authority, maybe nothing, as the path.")));
            });

    public static final Check TARGET_WITHOUT_SLASH = check("answers 400 Bad Request to a target that is neither a path"
            + " nor a URL: ipsum.html", c -> c.check(c.get("ipsum.html"), c.error("400 Bad Request")
                    .when("GET ipsum.html, without /").because("A target is a path that starts with /, or a whole URL"
                            + " (RFC 9112 §3.2): anything else cannot be read, and gets 400.")));

    public static final Check ESCAPED_OUTSIDE = check("decodes before it checks: no escaped path leads outside htdocs",
            c -> {
                for (String path : List.of("/%2e%2e/pom.xml", "/%2E%2E/secret.txt", "/..%2fpom.xml",
                        "/..%2Fhtdocs-private/secret.html", "/sub/..%2f..%2fsecret.txt",
                        "/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5cpom.xml", "/%2e%2e%5csecret.txt", "/..%252fpom.xml",
                        "/%c0%ae%c0%ae/pom.xml", "/secret.txt%00.html", "/..%00/pom.xml", "http://localhost/../pom.xml",
                        "/outside-folder%2fsecret.html")) {
                    c.inCase("GET " + path, () -> checkRefused(c, c.get(path), "GET " + path));
                }
            });

    public static final Check DECODES_THEN_NORMALIZES = check("decodes before it normalizes: /sub/%2e%2e/ipsum.html is"
            + " /ipsum.html", c -> {
                Hint mistake = decodes(c) ? new Hint(Hint.Id.NOT_NORMALIZED_AFTER_DECODING, "%2e%2e is .., once"
                        + " decoded: decode first, then normalize (Path.normalize removes \"..\" and the name before"
                        + " it), then check. Whether /nothing exists must not matter: normalized, the path does not go"
                        + " through it.") : notDecoded(c);
                for (String path : List.of("/sub/%2e%2e/ipsum.html", "/nothing/%2e%2e/ipsum.html")) {
                    c.inCase("GET " + path, () -> c.check(c.get(path), c.file("/ipsum.html")
                            .when("an escaped .. that stays inside").because(mistake.id(), mistake.text())));
                }
            });

    private static final String HIDDEN = "A name that starts with a dot (.git, .env) is hidden: often a secret, never"
            + " served, not even redirected to: the answer is 404 Not Found, as for a file that does not exist.";

    public static final Check HIDDEN_FILES = check("never serves a hidden file or folder (a name that starts with a"
            + " dot)", c -> {
                for (String path : List.of(SiteFiles.HIDDEN, "/%2ehidden.html", "/sub/../.hidden.html",
                        SiteFiles.HIDDEN_FOLDER_FILE, "/.git/", "/.git", "/docs/../.git/config",
                        "/.git/../.hidden.html")) {
                    c.inCase("GET " + path, () -> c.check(c.get(path), c.notFound().when("GET " + path + ", hidden")
                            .because(Hint.Id.HIDDEN_FILE, HIDDEN)));
                }
                String nested = SiteFiles.FOLDER + ".draft.html"; // hidden below a folder that is not
                c.webRoot().replacePage(nested, "<p>A draft.</p>\n".getBytes(StandardCharsets.UTF_8));
                try {
                    c.inCase("GET " + nested, () -> c.check(c.get(nested), c.notFound().when("GET " + nested
                            + ", hidden").because(Hint.Id.HIDDEN_BELOW_A_FOLDER, "Every name of the path counts, the"
                            + " last too: /docs/.draft.html is hidden though /docs is not. Look at each name of the path"
                            + " below htdocs, not at the path's first character.")));
                } finally {
                    c.webRoot().deletePage(nested);
                }
            });

    public static final Check HIDDEN_THROUGH_A_LINK = check("never serves a hidden file through a link:"
            + " hidden-link.html leads to .hidden.html, config-link.txt into .git", c -> {
                if (!SiteFiles.hasLinkToHidden(c.webRoot())) {
                    throw c.notRunHere("this system cannot make symbolic links");
                }
                for (String path : List.of(SiteFiles.LINK_TO_HIDDEN, SiteFiles.LINK_INTO_HIDDEN_FOLDER)) {
                    c.inCase("GET " + path, () -> c.check(c.get(path), c.notFound().when("GET " + path + ", a link to"
                            + " a hidden file").because(Hint.Id.HIDDEN_FILE, "What is read is the hidden file: check"
                            + " the real path (toRealPath) for hidden names too, each of its names below htdocs.")));
                }
            });

    public static final Check UNDER_A_HIDDEN_FOLDER = inAHiddenFolder("serves its files from a folder whose path has"
            + " a hidden name: a course checked out in ~/.projects/", c -> {
                if (!c.server().isOwnProcess()) {
                    throw c.notRunHere("grading a running server: the grader cannot choose its folder");
                }
                String folder = c.webRoot().workingDirectory().toString();
                String why = "The server runs in " + folder + ", whose name starts with a dot, and did not serve what"
                        + " it serves from another folder: the hidden-name rule judged the folders above htdocs too. Look"
                        + " at the names below htdocs only (root.relativize(real)): where the course sits is not the"
                        + " site's business, and a course checked out in ~/.projects/ must work.";
                c.inCase("GET /", () -> c.check(c.get("/"), c.root().when("GET /, the server started in " + folder)
                        .because(Hint.Id.HIDDEN_ABOVE_HTDOCS, why)));
                c.inCase("GET /ipsum.html", () -> c.check(c.get("/ipsum.html"), c.file("/ipsum.html")
                        .when("GET /ipsum.html, the server started in " + folder).because(Hint.Id.HIDDEN_ABOVE_HTDOCS, why)));
            });

    private static final String INDEX = "A folder's URL, with its slash, serves the folder's index.html: when the"
            + " path names a folder, look for index.html in it.";

    public static final Check FOLDER_INDEX = check("serves a folder's index.html: /docs/",
            c -> c.check(c.get(SiteFiles.FOLDER), c.file(SiteFiles.FOLDER + "index.html").when("GET /docs/, a folder")
                    .because(Hint.Id.FOLDER_INDEX_NOT_SERVED, INDEX)));

    private static final String LINK_INSIDE_REFUSED = "A link that leads to a file inside htdocs, not hidden, is served"
            + " as that file: only where its real path (toRealPath) leads out, or to a hidden name, is it refused."
            + " Reading the file's attributes with NOFOLLOW_LINKS, or refusing whatever Files.isSymbolicLink says,"
            + " sees the link and not the file it leads to.";

    public static final Check LINK_INSIDE = check("serves a link that stays inside htdocs as what it leads to:"
            + " latest.html leads to docs/guide.html, handbook to the folder docs", c -> {
                if (!SiteFiles.hasLinksInside(c.webRoot())) {
                    throw c.notRunHere("this system cannot make symbolic links");
                }
                c.inCase("GET " + SiteFiles.LINK_INSIDE, () -> c.check(c.get(SiteFiles.LINK_INSIDE),
                        c.file(SiteFiles.LINK_INSIDE_TO).when("GET " + SiteFiles.LINK_INSIDE + ", a link to docs/guide.html")
                                .because(Hint.Id.LINK_INSIDE_REFUSED, LINK_INSIDE_REFUSED)));
                String folder = SiteFiles.LINK_TO_FOLDER + "/";
                c.inCase("GET " + folder, () -> {
                    Timed answer = c.get(folder);
                    boolean indexServed = answer.code().equals("200") || c.get(SiteFiles.FOLDER).code().equals("200");
                    c.check(answer, c.file(SiteFiles.FOLDER + "index.html").when("GET " + folder + ", a link to the"
                            + " folder docs").because(indexServed ? Hint.Id.LINK_INSIDE_REFUSED
                            : Hint.Id.FOLDER_INDEX_NOT_SERVED, indexServed ? LINK_INSIDE_REFUSED : INDEX));
                });
            });

    private static final String REDIRECT = "A folder's URL ends with /: its index.html served at /docs would have"
            + " its relative links (href=\"guide.html\") lead to /guide.html, in the parent folder. Answer a folder"
            + " asked without its slash with 301 Moved Permanently and Location: its URL with the slash (RFC 9110"
            + " §15.4.2), and the browser asks again.";

    public static final Check FOLDER_REDIRECT = check("redirects a folder without its slash: /docs gets 301 and"
            + " Location: /docs/; /docs%2F too, or a refusal", c -> {
                c.inCase("GET /docs", () -> c.check(c.get("/docs"), Expected.redirect(SiteFiles.FOLDER)
                        .when("GET /docs, a folder without its slash").because(Hint.Id.FOLDER_NOT_REDIRECTED, REDIRECT)));
                // Decoded, %2F is a slash (chapter 9); but the URL the browser resolves links against has none.
                Timed encoded = c.get("/docs%2F");
                if (!List.of("400", "404").contains(encoded.code())) {
                    c.inCase("GET /docs%2F", () -> c.check(encoded, Expected.redirect(SiteFiles.FOLDER).when("GET"
                            + " /docs%2F, a folder whose slash is escaped").because(Hint.Id.FOLDER_SLASH_DECODED, "Whether"
                            + " the URL ends with / is a question about the URL as sent, still encoded: %2F is no slash to"
                            + " the browser, which resolves the page's relative links against /docs%2F as a file of /. Look"
                            + " for the slash before decoding, and redirect to /docs/ (or refuse the escaped slash).")));
                }
            });

    public static final Check REDIRECT_ENCODED = check("redirects with the URL still encoded: /my%20docs gets Location:"
            + " /my%20docs/", c -> {
                Timed redirect = c.get("/my%20docs");
                // Not found: a server that decodes nothing looks for a folder named "my%20docs".
                boolean notDecoded = redirect.code().equals("404")
                        && !decodes(c);
                Hint mistake = notDecoded ? notDecoded(c) : new Hint(Hint.Id.FOLDER_NOT_REDIRECTED, REDIRECT);
                c.check(redirect, Expected.redirect("/my%20docs/").when("GET /my%20docs, a folder").because(
                        mistake.id(), mistake.text()));
                c.check(c.get("/my%20docs/"), c.file(SiteFiles.FOLDER_WITH_SPACE + "index.html")
                        .when("GET /my%20docs/, a folder").because(Hint.Id.FOLDER_INDEX_NOT_SERVED, INDEX));
            });

    public static final Check REDIRECT_INSIDE = check("redirects only inside this site: //docs gets Location: /docs/,"
            + " and /docs?x=1 /docs/ or /docs/?x=1", c -> {
                // "//docs/" in a Location is a URL without its scheme: the browser would go to a host named docs
                // (an open redirect); a query copied before the slash would name another folder.
                c.check(c.get("//docs"), Expected.redirect(SiteFiles.FOLDER).when("GET //docs: a Location of //docs/"
                        + " would send the browser to another site").because(Hint.Id.FOLDER_NOT_REDIRECTED, REDIRECT));
                // //docs was redirected: a wrong status for /docs?x=1 can only come from its query.
                c.check(c.get("/docs?x=1"), Expected.redirect(SiteFiles.FOLDER, "x=1").when("GET /docs?x=1: the query"
                        + " is not part of the folder's name").because(Hint.Id.QUERY_NOT_IGNORED, "The query (after ?)"
                        + " is not part of the folder's name: cut it off before looking for the folder, and redirect"
                        + " /docs?x=1 to /docs/ (or /docs/?x=1)."));
            });

    public static final Check TOP_FOLDER = check("answers /sub/.., which is htdocs itself, as /: index.html, or a 301"
            + " to /", c -> {
                Timed answer = c.get("/sub/..");
                if (answer.code().equals("200")) {
                    c.check(answer, c.root().when("GET /sub/.., which names htdocs itself"));
                } else {
                    c.check(answer, Expected.redirect("/").when("GET /sub/.., which names htdocs itself, without a"
                            + " slash at the end").because(Hint.Id.FOLDER_NOT_REDIRECTED, REDIRECT));
                }
            });

    public static final Check FOLDER_WITHOUT_INDEX = check("answers 404 Not Found for a folder without index.html",
            c -> {
                for (String path : List.of(SiteFiles.FOLDER_WITHOUT_INDEX, "/sub/")) {
                    c.inCase("GET " + path, () -> c.check(c.get(path), c.notFound()
                            .when("GET " + path + ", a folder without index.html")));
                }
            });

    public static final List<Check> ALL = List.of(DECODES_A_SPACE, DECODES_ANY_ESCAPE, DECODES_UTF8, MALFORMED_ESCAPES,
            PLUS, QUERY, ABSOLUTE_FORM, TARGET_WITHOUT_SLASH, ESCAPED_OUTSIDE, DECODES_THEN_NORMALIZES, HIDDEN_FILES,
            HIDDEN_THROUGH_A_LINK, UNDER_A_HIDDEN_FOLDER, FOLDER_INDEX, LINK_INSIDE, FOLDER_REDIRECT, REDIRECT_ENCODED, REDIRECT_INSIDE, TOP_FOLDER,
            FOLDER_WITHOUT_INDEX);

    /** An answer that may be 400 (the URL cannot be read) or 404 (no such file): never a file. */
    static void checkRefused(Checking c, Timed answer, String situation) {
        boolean badRequest = answer.code().equals("400");
        c.check(answer, c.error(badRequest ? "400 Bad Request" : "404 Not Found").when(situation)
                .because("No file outside htdocs, and no hidden file, is ever sent; the answer is 404 Not Found"
                        + " (or 400 Bad Request for a URL that cannot be read)."));
    }
}
