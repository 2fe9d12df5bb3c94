package httpcourse.spec;

import static httpcourse.spec.HeaderRules.IMF_FIXDATE;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What steps 7 to 9 share: the request target is a URL. Its path is percent-decoded as UTF-8
 * before any check, its query ignored; no decoded path leads outside htdocs or to a hidden file; a
 * folder's URL ends with a slash and serves its index.html; every file says when it was last
 * modified, and a client whose copy is still good gets 304 Not Modified. With every check of
 * step 6 ({@link HeadersSpec}).
 */
public abstract class UrlSpec extends HeadersSpec {

    /** From this step on, every file comes with its Last-Modified. */
    @Override
    protected Expected file(String path, HeaderRule contentType) {
        return super.file(path, contentType).with(HeaderRules.lastModified(SiteFiles.modified(server.webRoot(), path)));
    }

    // ---- Streaming -------------------------------------------------------------------------

    @Test
    @DisplayName("streams a file bigger than the memory: a 3 GiB file starts at once, with its Content-Length")
    void streamsAHugeFile() {
        WebRoot webRoot = server.webRoot();
        webRoot.createSparsePage("/huge.bin", ManyClientsChecks.HUGE_FILE_BYTES);
        try (RawConnection client = server.open()) {
            byte[] start = client.send(Requests.get("/huge.bin")).readFirst(64 * 1024);
            String head = new String(start, StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            boolean fine = head.matches("HTTP/1\\.\\d 200 OK\r\n(?s).*") && head.toLowerCase(Locale.ROOT)
                    .matches("(?s).*\r\ncontent-length: *" + ManyClientsChecks.HUGE_FILE_BYTES + " *(\r\n.*)?");
            if (!fine) {
                throw SpecFailure.of("GET /huge.bin, a file of 3 GiB (" + ManyClientsChecks.HUGE_FILE_BYTES + " bytes):"
                        + " the answer did not start with 200 OK and Content-Length: " + ManyClientsChecks.HUGE_FILE_BYTES
                        + ".\nIts first bytes:\n" + VisibleBytes.render(Arrays.copyOf(start, Math.min(start.length, 300))),
                        new Hint(Hint.Id.FILE_NOT_STREAMED, "Send the file a buffer at a time"
                                + " (Files.newInputStream(file).transferTo(out)), its length from Files.size: a byte"
                                + " array holds at most 2 GiB, and twenty downloads of a big file fill any memory."));
            }
        } finally {
            webRoot.deletePage("/huge.bin");
        }
    }

    // ---- Percent-decoding ------------------------------------------------------------------

    @Test
    @DisplayName("decodes %20: /with%20space.html is the file \"with space.html\"")
    void decodesASpace() {
        check(get("/with%20space.html"), file(SiteFiles.WITH_SPACE, HTML));
    }

    @Test
    @DisplayName("decodes any escaped character, in either case: /%69psum.html and /ipsum%2ehtml are /ipsum.html")
    void decodesAnyEscape() {
        check(get("/%69psum.html"), file("/ipsum.html", HTML));
        check(get("/ipsum%2ehtml"), file("/ipsum.html", HTML));
        check(get("/ipsum%2Ehtml"), file("/ipsum.html", HTML));
    }

    @Test
    @DisplayName("decodes as UTF-8: /caf%C3%A9.html is café.html (or 404 where the server's locale cannot name it)")
    void decodesUtf8() {
        Assumptions.assumeTrue(SiteFiles.hasNonAsciiName(server.webRoot()), "this JVM cannot name café.html");
        Timed answer = get("/caf%C3%A9.html");
        // Java under the C locale (LANG=C, as the spec starts servers) cannot open a file whose name
        // is not ASCII: such a server answers 404, which is right for it, and must not crash.
        if (HttpResponse.parse(answer.exchange().response()).code().equals("404")) {
            check(answer, Expected.error("404 Not Found"));
        } else {
            check(answer, file(SiteFiles.NON_ASCII, HTML).because("%C3%A9 are the two bytes of é in UTF-8: decode"
                    + " the %XX escapes into bytes first, then the bytes as UTF-8 (RFC 3986 §2.5)."));
        }
    }

    @DisplayName("answers 400 Bad Request to a malformed escape")
    @ParameterizedTest(name = "answers 400 Bad Request to {0}")
    @ValueSource(strings = {"/%zz.html", "/ipsum.html%", "/ipsum.html%4", "/%C3%28.html", "/%FF.html", "/%+4.html",
            "/%-1.html"})
    void answersBadRequestToAMalformedEscape(String path) {
        check(get(path), Expected.error("400 Bad Request").when("GET " + path)
                .because("A % is followed by two hex digits (RFC 3986 §2.1), and the decoded bytes are UTF-8:"
                        + " a URL that breaks either rule cannot be read, so it gets 400."));
    }

    @Test
    @DisplayName("ignores the query string: /ipsum.html?lang=en&x=%zz is /ipsum.html")
    void ignoresTheQuery() {
        check(get("/ipsum.html?lang=en&x=%zz"), file("/ipsum.html", HTML).when("a path with a query")
                .because("The query (after ?) is for programs; a file server ignores it, undecoded."));
        check(get("/?lang=en"), file("/index.html", HTML).when("/ with a query"));
    }

    @Test
    @DisplayName("accepts a whole URL as target, as proxies get: http://localhost/ipsum.html (RFC 9112 §3.2.2)")
    void acceptsAnAbsoluteUrl() {
        check(send("GET http://localhost:8000/ipsum.html HTTP/1.1\r\nHost: localhost:8000\r\n\r\n"),
                file("/ipsum.html", HTML).when("an absolute URL").because("A server must accept the"
                        + " absolute-form http://host/path too, and serve its path (RFC 9112 §3.2.2)."));
    }

    @Test
    @DisplayName("answers 400 Bad Request to a target that is neither a path nor a URL: ipsum.html")
    void answersBadRequestToATargetThatIsNoPath() {
        check(get("ipsum.html"), Expected.error("400 Bad Request").when("GET ipsum.html, without /")
                .because("A target is a path that starts with /, or a whole URL (RFC 9112 §3.2)."));
    }

    // ---- Never outside, never hidden --------------------------------------------------------

    @DisplayName("decodes before it checks: no escaped path leads outside htdocs")
    @ParameterizedTest(name = "refuses {0}: nothing outside htdocs")
    @ValueSource(strings = {"/%2e%2e/pom.xml", "/%2E%2E/secret.txt", "/..%2fpom.xml", "/..%2Fhtdocs-private/secret.html",
            "/sub/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5cpom.xml", "/%2e%2e%5csecret.txt",
            "/..%252fpom.xml", "/%c0%ae%c0%ae/pom.xml", "/secret.txt%00.html", "/..%00/pom.xml",
            "http://localhost/../pom.xml", "/outside-folder%2fsecret.html"})
    void refusesEscapedPathsOutside(String path) {
        checkRefused(get(path), "GET " + path);
    }

    @DisplayName("decodes before it normalizes: /sub/%2e%2e/ipsum.html is /ipsum.html")
    @ParameterizedTest(name = "serves /ipsum.html for {0}: an escaped .. that stays inside")
    @ValueSource(strings = {"/sub/%2e%2e/ipsum.html", "/nothing/%2e%2e/ipsum.html"})
    void decodesBeforeNormalizing(String path) {
        check(get(path), file("/ipsum.html", HTML).when("an escaped .. that stays inside")
                .because("%2e%2e is .., once decoded: decode first, then normalize and check (a folder that"
                        + " does not exist, /nothing, must not matter)."));
    }

    @DisplayName("never serves a hidden file or folder (a name that starts with a dot)")
    @ParameterizedTest(name = "answers 404 Not Found for {0}, hidden")
    @ValueSource(strings = {SiteFiles.HIDDEN, "/%2ehidden.html", "/sub/../.hidden.html", SiteFiles.HIDDEN_FOLDER_FILE,
            "/.git/", "/.git", "/docs/../.git/config", "/.git/../.hidden.html"})
    void neverServesHiddenFiles(String path) {
        check(get(path), Expected.error("404 Not Found").when("GET " + path + ", hidden").because(Hint.Id.HIDDEN_FILE,
                "A name that starts with a dot (.git, .env) is hidden: often a secret, never served, not even"
                        + " redirected to: the answer is 404 Not Found, as for a file that does not exist."));
    }

    @Test
    @DisplayName("never serves a hidden file through a link: hidden-link.html leads to .hidden.html")
    void neverServesAHiddenFileThroughALink() {
        Assumptions.assumeTrue(SiteFiles.hasLinkToHidden(server.webRoot()), "this system cannot make symbolic links");
        check(get(SiteFiles.LINK_TO_HIDDEN), Expected.error("404 Not Found").when("a link to a hidden file")
                .because(Hint.Id.HIDDEN_FILE, "What is read is the hidden file: check the real path (toRealPath)"
                        + " for hidden names too."));
    }

    // ---- Folders ---------------------------------------------------------------------------

    @Test
    @DisplayName("serves a folder's index.html: /docs/")
    void servesAFoldersIndex() {
        check(get(SiteFiles.FOLDER), file(SiteFiles.FOLDER + "index.html", HTML).when("GET /docs/, a folder")
                .because("A folder's URL, with its slash, serves the folder's index.html."));
    }

    @Test
    @DisplayName("redirects a folder without its slash: /docs gets 301 and Location: /docs/")
    void redirectsAFolderWithoutSlash() {
        check(get("/docs"), Expected.redirect(SiteFiles.FOLDER).when("GET /docs, a folder without its slash")
                .because("A folder's URL ends with /: otherwise the relative links of its index.html lead to the"
                        + " parent folder. Answer 301 with Location: /docs/ (RFC 9110 §15.4.2)."));
    }

    @Test
    @DisplayName("redirects with the URL still encoded: /my%20docs gets Location: /my%20docs/")
    void redirectsWithAnEncodedUrl() {
        check(get("/my%20docs"), Expected.redirect("/my%20docs/").when("GET /my%20docs, a folder"));
        check(get("/my%20docs/"), file(SiteFiles.FOLDER_WITH_SPACE + "index.html", HTML));
    }

    @Test
    @DisplayName("redirects only inside this site: //docs gets Location: /docs/, and /docs?x=1 /docs/ or /docs/?x=1")
    void redirectsOnlyInsideThisSite() {
        // "//docs/" in a Location is a URL without its scheme: the browser would go to a host named docs
        // (an open redirect); a query copied before the slash would name another folder.
        check(get("//docs"), Expected.redirect(SiteFiles.FOLDER).when("GET //docs: a Location of //docs/ would send"
                + " the browser to another site"));
        check(get("/docs?x=1"), Expected.redirect(SiteFiles.FOLDER, "x=1").when("GET /docs?x=1: the query is not"
                + " part of the folder's name"));
    }

    @DisplayName("answers 404 Not Found for a folder without index.html")
    @ParameterizedTest(name = "answers 404 Not Found for {0}, a folder without index.html")
    @ValueSource(strings = {SiteFiles.FOLDER_WITHOUT_INDEX, "/sub/"})
    void answersNotFoundForAFolderWithoutIndex(String path) {
        check(get(path), Expected.error("404 Not Found").when("GET " + path + ", a folder without index.html"));
    }

    // ---- Last-Modified and 304 -------------------------------------------------------------

    @Test
    @DisplayName("sends Last-Modified: the file's time, in IMF-fixdate")
    void sendsLastModified() {
        check(get(SiteFiles.DATED), file(SiteFiles.DATED, HTML).when("a file last modified years ago"));
    }

    @DisplayName("answers 304 Not Modified, without body, when If-Modified-Since is not older than the file")
    @ParameterizedTest(name = "answers 304 Not Modified when If-Modified-Since is the file''s time {0}")
    @ValueSource(strings = {"exactly", "plus a second", "plus a year"})
    void answersNotModified(String when) {
        Duration later = switch (when) {
            case "exactly" -> Duration.ZERO;
            case "plus a second" -> Duration.ofSeconds(1);
            default -> Duration.ofDays(365);
        };
        check(send(ifModifiedSince(modified().plus(later))), Expected.notModified(size())
                .when("If-Modified-Since: the file's time " + when).because("The client's copy is as new as the"
                        + " file: answer 304 Not Modified, without body (RFC 9110 §13.1.3, §15.4.5). Compare in"
                        + " whole seconds: HTTP dates have no fractions, file times do."));
    }

    @Test
    @DisplayName("sends the whole file when it is newer than If-Modified-Since")
    void sendsANewerFile() {
        check(send(ifModifiedSince(modified().minusSeconds(1))), file(SiteFiles.DATED, HTML)
                .when("If-Modified-Since: a second before the file's time"));
    }

    @Test
    @DisplayName("sends the whole file when If-Modified-Since is not a date, or beside If-None-Match")
    void ignoresAnUnreadableDate() {
        check(send("GET " + SiteFiles.DATED + " HTTP/1.0\r\nIf-Modified-Since: yesterday\r\n\r\n"),
                file(SiteFiles.DATED, HTML).when("If-Modified-Since: yesterday")
                        .because("A date that cannot be read is ignored (RFC 9110 §13.1.3)."));
        String withEtag = ifModifiedSince(modified());
        check(send(withEtag.replace("\r\n\r\n", "\r\nIf-None-Match: \"x\"\r\n\r\n")), file(SiteFiles.DATED, HTML)
                .when("If-None-Match beside If-Modified-Since").because("If-Modified-Since is ignored beside"
                        + " If-None-Match (RFC 9110 §13.1.3), and no file of this server has the entity tag \"x\"."));
    }

    private Instant modified() {
        return SiteFiles.modified(server.webRoot(), SiteFiles.DATED).truncatedTo(ChronoUnit.SECONDS);
    }

    private long size() {
        return server.webRoot().page(SiteFiles.DATED).length;
    }

    private static String ifModifiedSince(Instant time) {
        return "GET " + SiteFiles.DATED + " HTTP/1.0\r\nIf-Modified-Since: " + IMF_FIXDATE.format(time) + "\r\n\r\n";
    }
}
