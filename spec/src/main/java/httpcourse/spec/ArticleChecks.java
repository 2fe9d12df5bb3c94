package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.ResponseAssert.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The four stages of the article steps 1 to 4 follow: Hello World; always index.html; the file
 * the request names; 404 Not Found. Each later step keeps what still holds of them.
 */
public final class ArticleChecks {

    private ArticleChecks() {
    }

    // ---- Step 1: Hello World

    public static final Check HELLO_WHATEVER_THE_PATH = check("answers Hello World whatever the path", c -> {
        c.check(c.get("/ipsum.html"), c.root());
        c.check(c.get("/hello.html"), c.root());
    });

    public static final Check HELLO_TO_A_FORM = check("answers the article's form POST with Hello World",
            c -> c.check(c.send(Requests.postForm("/form.php")), c.root()));

    public static final List<Check> HELLO_WORLD = List.of(HELLO_WHATEVER_THE_PATH, HELLO_TO_A_FORM);

    // ---- Step 2: always index.html

    public static final Check INDEX_WHATEVER_THE_PATH =
            check("answers index.html whatever the path, even for a file that exists elsewhere", c -> {
                c.check(c.get("/ipsum.html"), c.root());
                c.check(c.get("/hello.html"), c.root());
            });

    public static final Check INDEX_TO_A_FORM = check("answers the article's form POST with index.html",
            c -> c.check(c.send(Requests.postForm("/form.php")), c.root()));

    public static final Check INDEX_READ_AFRESH =
            check("reads index.html afresh for every request: an edit shows at once", c -> assertFresh(c, "/index.html", "/"));

    public static final List<Check> INDEX_PAGE = List.of(INDEX_WHATEVER_THE_PATH, INDEX_TO_A_FORM, INDEX_READ_AFRESH);

    // ---- Step 3: the file the request names

    public static final Check INDEX_BY_NAME = check("answers /index.html with index.html, byte for byte (UTF-8 text included)",
            c -> c.check(c.get("/index.html"), c.file("/index.html")));

    public static final Check NAMED_FILE = check("answers /ipsum.html with ipsum.html: the path picks the file",
            c -> c.check(c.get("/ipsum.html"), c.file("/ipsum.html")));

    public static final Check ABOUT = check("answers the article's GET /about.html",
            c -> c.check(c.get("/about.html"), c.file("/about.html")));

    public static final Check NESTED = check("answers a nested path: /sub/nested.html",
            c -> c.check(c.get("/sub/nested.html"), c.file("/sub/nested.html")));

    public static final Check BINARY = check("sends a binary file byte for byte: /favicon.ico holds every byte value",
            c -> c.check(c.get("/favicon.ico"), c.file(SiteFiles.TYPED.stream()
                    .filter(typed -> typed.path().equals("/favicon.ico")).findFirst().orElseThrow())));

    public static final Check LARGE = check("sends a large binary file whole: /large.bin, 300 000 random bytes",
            c -> c.check(c.get("/large.bin"), c.file(SiteFiles.LARGE)));

    public static final Check FORM_LIKE_A_GET = check("answers a POST with a form body like a GET: with the named file",
            c -> c.check(c.send(Requests.postForm("/ipsum.html")), c.file("/ipsum.html")));

    public static final Check BROWSER_FOR_A_PAGE = check("answers a browser's request for /ipsum.html",
            c -> c.check(c.send(Requests.firefox("/ipsum.html")), c.file("/ipsum.html")));

    public static final Check FILE_READ_AFRESH = check("reads the file afresh for every request: an edit shows at once",
            c -> assertFresh(c, "/ipsum.html", "/ipsum.html"));

    public static final List<Check> NAMED_FILES = List.of(INDEX_BY_NAME, NAMED_FILE, ABOUT, NESTED, BINARY, LARGE,
            FORM_LIKE_A_GET, BROWSER_FOR_A_PAGE, FILE_READ_AFRESH);

    public static final Check MISSING_FILE_CLOSES =
            check("closes the connection without an answer for a missing file, and goes on serving", c -> {
                assertThat(c.server().send(Requests.get("/hello.html"))).isClosedWithoutAnswer();
                c.assertStillAnswers();
            });

    // ---- Step 4: 404 Not Found

    public static final Check MISSING_FILE = check("answers 404 Not Found for a missing file, and goes on serving", c -> {
        c.check(c.get("/hello.html"), c.notFound());
        c.assertStillAnswers();
    });

    public static final Check FORM_TO_A_MISSING_FILE =
            check("answers 404 Not Found for the article's form POST to a missing /form.php",
                    c -> c.check(c.send(Requests.postForm("/form.php")), c.notFound()));

    public static final Check FOLDER = check("answers 404 Not Found for a folder", c -> {
        for (String path : List.of("/sub", "/sub/")) {
            c.inCase("GET " + path, () -> c.check(c.get(path), c.notFound().because("htdocs/sub is a folder, not a"
                    + " file: only a regular file is served (Files.isRegularFile; Files.exists is true of a folder"
                    + " too), anything else gets 404.")));
        }
    });

    public static final Check OUTSIDE = check("answers 404 Not Found for a path that leads outside htdocs", c -> {
        for (String path : List.of("/../pom.xml", "/sub/../../secret.txt", "/../htdocs-private/secret.html",
                "/./../pom.xml", "//../pom.xml", "/" + WebRoot.WORKING_DIRECTORY + "/secret.txt")) {
            // The last is an absolute path after the "/": "//tmp/httpspec-123/secret.txt".
            String filled = c.webRoot().fillIn(path);
            c.inCase("GET " + filled, () -> c.check(c.get(filled), c.notFound()));
        }
    });

    public static final Check DOT_DOT_INSIDE = check("still serves a path with .. that stays inside htdocs", c -> {
        for (String path : List.of("/sub/../ipsum.html", "/nothing/../ipsum.html")) {
            c.inCase("GET " + path, () -> c.check(c.get(path), c.file("/ipsum.html")));
        }
    });

    public static final Check LINK_OUTSIDE = check("answers 404 Not Found for a link inside htdocs that leads outside", c -> {
        if (!c.webRoot().hasLinks()) {
            throw c.notRunHere("this system cannot make symbolic links");
        }
        for (String path : List.of(WebRoot.LINK_TO_SECRET, WebRoot.LINK_TO_PRIVATE_FOLDER + "/secret.html")) {
            c.inCase("GET " + path, () -> c.check(c.get(path), c.notFound()));
        }
    });

    public static final List<Check> NOT_FOUND = List.of(MISSING_FILE, FORM_TO_A_MISSING_FILE, FOLDER, OUTSIDE,
            DOT_DOT_INSIDE, LINK_OUTSIDE);

    /**
     * Replaces {@code page} with new content, requests {@code path}, and expects the new bytes: the
     * server must read the file for every request, not once at start.
     */
    static void assertFresh(Checking c, String page, String path) {
        WebRoot webRoot = c.webRoot();
        byte[] original = webRoot.page(page);
        try {
            webRoot.replacePage(page, ("<h1>Edited " + webRoot.token("edited") + ", Grüße</h1>\n")
                    .getBytes(StandardCharsets.UTF_8));
            c.check(c.get(path), c.pageAt(path));
        } finally {
            webRoot.replacePage(page, original);
        }
    }
}
