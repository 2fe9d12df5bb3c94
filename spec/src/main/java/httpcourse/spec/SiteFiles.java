package httpcourse.spec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import httpcourse.spec.HeaderRules.Charset;

/**
 * The files steps 6 and on serve beyond those of {@link WebRoot}, written into its htdocs by
 * {@link #writeInto}: a file of every media type the course knows, text in UTF-8 and not, folders
 * with and without index.html, names to percent-encode, hidden files, a FIFO.
 * Every text carries the web root's random token; binary files are random bytes behind their
 * format's signature (the PNG is a real image of a random colour).
 *
 * <pre>
 * htdocs/files/           page.html style.css script.min.js data.json notes.txt latin1.txt image.svg
 *                         image.png photo.jpg anim.gif image.webp doc.pdf module.wasm
 *                         archive.xyz README PHOTO.PNG; no index.html
 * htdocs/docs/            index.html, guide.html: a folder with its index
 * htdocs/my docs/         index.html: a folder whose URL is /my%20docs/
 * htdocs/with space.html, htdocs/café.html, htdocs/100%.html (its URL: /100%25.html)
 * htdocs/a+b.html, htdocs/a b.html   "+" in a path is a plus: a server that decodes it as a space sends the other
 * htdocs/.hidden.html, htdocs/.git/config, htdocs/hidden-link.html (a link to .hidden.html),
 *                         htdocs/config-link.txt (a link to .git/config)
 * htdocs/latest.html, htdocs/handbook   links that stay inside: to docs/guide.html, to the folder docs
 * htdocs/dated.html       modified at a random second of the past
 * htdocs/year-end.html    modified on the 31st of December of a past year, which "YYYY" writes as the next
 * htdocs/fifo             a named pipe, where mkfifo exists
 * htdocs/big/             index.html (about 2 KiB), book.html (about 40 KiB), style.css, data.json: text that gzip
 *                         shrinks (step 17);
 *                         photo.jpg: 8 KiB of random bytes, which it cannot
 * </pre>
 */
public final class SiteFiles {

    /** A file of one media type: where it is, what it is for a hint, the types it may be sent as. */
    public record Typed(String path, String what, Charset charset, String... types) {
        @Override
        public String toString() {
            return path; // the name of the check's case
        }
    }

    public static final List<Typed> TYPED = List.of(
            new Typed("/files/page.html", "an .html page", Charset.UTF8_ALLOWED, "text/html"),
            new Typed("/files/style.css", "a .css stylesheet", Charset.UTF8_ALLOWED, "text/css"),
            new Typed("/files/script.min.js", "a .js script (its name has two dots, as a minified one's)",
                    Charset.UTF8_ALLOWED, "text/javascript",
                    "application/javascript"),
            new Typed("/files/data.json", "a .json file", Charset.UTF8_ALLOWED, "application/json"),
            new Typed("/files/notes.txt", "a .txt file of UTF-8 text", Charset.UTF8_REQUIRED, "text/plain"),
            new Typed("/files/image.svg", "an .svg picture", Charset.UTF8_ALLOWED, "image/svg+xml"),
            new Typed("/files/image.png", "a .png picture", Charset.NONE, "image/png"),
            new Typed("/files/photo.jpg", "a .jpg photo", Charset.NONE, "image/jpeg"),
            new Typed("/files/anim.gif", "a .gif picture", Charset.NONE, "image/gif"),
            new Typed("/favicon.ico", "an .ico icon", Charset.NONE, "image/vnd.microsoft.icon", "image/x-icon"),
            new Typed("/files/image.webp", "a .webp picture", Charset.NONE, "image/webp"),
            new Typed("/files/doc.pdf", "a .pdf document", Charset.NONE, "application/pdf"),
            new Typed("/files/module.wasm", "a .wasm module", Charset.NONE, "application/wasm"));

    public static final Typed UPPER_CASE = new Typed("/files/PHOTO.PNG", "a .PNG picture (.png in capitals)",
            Charset.NONE, "image/png");
    public static final Typed UNKNOWN_EXTENSION = new Typed("/files/archive.xyz",
            "a file of an extension nobody knows (.xyz)", Charset.NONE, "application/octet-stream");
    public static final Typed NO_EXTENSION = new Typed("/files/README", "a file without an extension",
            Charset.NONE, "application/octet-stream");
    public static final Typed LATIN1 = new Typed("/files/latin1.txt", "a .txt file in ISO-8859-1",
            Charset.NOT_UTF8, "text/plain");
    /** WebRoot's own large file: 300 000 random bytes. */
    public static final Typed LARGE = new Typed("/large.bin", "a .bin file", Charset.NONE, "application/octet-stream");

    public static final String FOLDER_WITHOUT_INDEX = "/files/";
    public static final String FOLDER = "/docs/";
    public static final String FOLDER_WITH_SPACE = "/my docs/";
    public static final String WITH_SPACE = "/with space.html";
    public static final String NON_ASCII = "/café.html";
    /** A name with a %: its URL is /100%25.html, and a server that decodes twice finds it at /100%2525.html. */
    public static final String PERCENT = "/100%.html";
    public static final String PLUS = "/a+b.html";
    /** What a server that decodes paths as form data (URLDecoder) finds for {@link #PLUS}. */
    public static final String SPACE_FOR_PLUS = "/a b.html";
    public static final String HIDDEN = "/.hidden.html";
    public static final String HIDDEN_FOLDER_FILE = "/.git/config";
    public static final String LINK_TO_HIDDEN = "/hidden-link.html";
    public static final String LINK_INTO_HIDDEN_FOLDER = "/config-link.txt";
    /** Links that stay inside htdocs, served as what they lead to: a page, and a folder (its index.html). */
    public static final String LINK_INSIDE = "/latest.html";
    public static final String LINK_INSIDE_TO = "/docs/guide.html";
    public static final String LINK_TO_FOLDER = "/handbook";
    public static final String DATED = "/dated.html";
    public static final String YEAR_END = "/year-end.html";
    public static final String FIFO = "/fifo";
    /** Text of 1 KiB or more, which step 17 compresses: an .html page of about 40 KiB, a .css, a .json. */
    public static final String BOOK = "/big/book.html";
    /** The folder's own index.html, of about 2 KiB: a folder's page is compressed as its file is. */
    public static final String BIG_INDEX = "/big/index.html";
    public static final String STYLE = "/big/style.css";
    public static final String DATA = "/big/data.json";
    /** A JPEG photo of 8 KiB: compressed already, it gains nothing from gzip. */
    public static final String PHOTO = "/big/photo.jpg";
    /** The same files, with their types. */
    public static final List<Typed> BIG = List.of(
            new Typed(BOOK, "an .html page", Charset.UTF8_ALLOWED, "text/html"),
            new Typed(STYLE, "a .css stylesheet", Charset.UTF8_ALLOWED, "text/css"),
            new Typed(DATA, "a .json file", Charset.UTF8_ALLOWED, "application/json"),
            new Typed(PHOTO, "a .jpg photo", Charset.NONE, "image/jpeg"));

    private SiteFiles() {
    }

    /** Writes the files into the web root's htdocs (a FIFO and links only where the system has them). */
    public static void writeInto(WebRoot webRoot) {
        Random random = new SecureRandom();
        for (Typed typed : TYPED) {
            if (!typed.path().equals("/favicon.ico")) { // WebRoot's own
                webRoot.replacePage(typed.path(), content(typed.path(), webRoot, random));
            }
        }
        webRoot.replacePage(UPPER_CASE.path(), png(random));
        webRoot.replacePage(UNKNOWN_EXTENSION.path(), randomBytes(random, 300));
        webRoot.replacePage(NO_EXTENSION.path(), text("Read me " + webRoot.token("readme") + ", Grüße."));
        // "café ✓" as ISO-8859-1 cannot hold ✓: the é alone, byte 0xE9, which is not UTF-8 on its own.
        webRoot.replacePage(LATIN1.path(), ("Caf\u00e9 " + webRoot.token("latin") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        webRoot.replacePage(FOLDER + "index.html", html("Docs", "The docs' index " + webRoot.token("docs")));
        webRoot.replacePage(FOLDER + "guide.html", html("Guide", "A guide " + webRoot.token("guide")));
        webRoot.replacePage(FOLDER_WITH_SPACE + "index.html", html("My docs", "Two words " + webRoot.token("mydocs")));
        webRoot.replacePage(WITH_SPACE, html("With space", "A name with a space " + webRoot.token("space")));
        webRoot.replacePage(PERCENT, html("One hundred percent", "A name with a % " + webRoot.token("percent")));
        webRoot.replacePage(PLUS, html("A plus B", "A name with a plus " + webRoot.token("plus")));
        webRoot.replacePage(SPACE_FOR_PLUS, html("A space B", "Not the file with a plus " + webRoot.token("spaced")));
        webRoot.replacePage(HIDDEN, html("Hidden", "Never served " + webRoot.token("hidden")));
        webRoot.replacePage(HIDDEN_FOLDER_FILE, text("[core] " + webRoot.token("git")));
        webRoot.replacePage(DATED, html("Dated", "An old page " + webRoot.token("dated")));
        setModified(webRoot, DATED, pastSecond(random));
        webRoot.replacePage(YEAR_END, html("Year end", "A page of the last day of a year " + webRoot.token("yearend")));
        setModified(webRoot, YEAR_END, lastDayOfAYear(random));
        try {
            webRoot.replacePage(NON_ASCII, html("Café", "A name that is not ASCII " + webRoot.token("cafe")));
        } catch (InvalidPathException noUtf8FileNames) {
            // this JVM cannot name such a file: the check that asks for it does not run here (see hasNonAsciiName)
        }
        writeCompressible(webRoot, random);
        link(webRoot, LINK_TO_HIDDEN, HIDDEN.substring(1));
        link(webRoot, LINK_INTO_HIDDEN_FOLDER, HIDDEN_FOLDER_FILE.substring(1));
        link(webRoot, LINK_INSIDE, LINK_INSIDE_TO.substring(1));
        link(webRoot, LINK_TO_FOLDER, FOLDER.substring(1, FOLDER.length() - 1));
        makeFifo(webRoot, FIFO);
    }

    /**
     * The files of step 17: words drawn at random from a short list, as text repeats its words, so
     * that gzip shrinks them about as much as real pages (to a quarter or so); a token, and UTF-8.
     */
    private static void writeCompressible(WebRoot webRoot, Random random) {
        String[] words = ("the a server client request answer file byte header body connection gzip chunk size"
                + " length browser cache page text of to in and is that it for with as on café Grüße ✓").split(" ");
        StringBuilder book = new StringBuilder();
        while (book.length() < 40_000) {
            book.append("<p>");
            for (int i = 0; i < 60; i++) {
                book.append(words[random.nextInt(words.length)]).append(i % 12 == 11 ? ".\n" : " ");
            }
            book.append(webRoot.token("book")).append("</p>\n");
        }
        webRoot.replacePage(BOOK, html("A book", book.toString()));
        webRoot.replacePage(BIG_INDEX, html("Big files", book.substring(0, 2000) + webRoot.token("bigindex")));
        StringBuilder style = new StringBuilder("/* " + webRoot.token("style") + " */\n");
        StringBuilder data = new StringBuilder("[{\"mark\": \"" + webRoot.token("data") + "\"}");
        for (int i = 0; style.length() < 4096; i++) {
            style.append(".").append(words[random.nextInt(words.length)]).append("-").append(i)
                    .append(" { margin: ").append(random.nextInt(40)).append("px; color: #")
                    .append(Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF))).append("; }\n");
            data.append(",\n {\"id\": ").append(i).append(", \"word\": \"").append(words[random.nextInt(
                    words.length)]).append("\", \"size\": ").append(random.nextInt(100_000)).append("}");
        }
        webRoot.replacePage(STYLE, text(style.toString()));
        webRoot.replacePage(DATA, text(data.append("]").toString()));
        byte[] photo = randomBytes(random, 8192);
        photo[0] = (byte) 0xFF; // a JPEG's first bytes: FF D8 FF
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        webRoot.replacePage(PHOTO, photo);
    }

    public static boolean hasNonAsciiName(WebRoot webRoot) {
        try {
            return Files.isRegularFile(fileOf(webRoot, NON_ASCII));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    public static boolean hasFifo(WebRoot webRoot) {
        return Files.exists(fileOf(webRoot, FIFO)) && !Files.isRegularFile(fileOf(webRoot, FIFO));
    }

    public static boolean hasLinkToHidden(WebRoot webRoot) {
        return Files.isSymbolicLink(fileOf(webRoot, LINK_TO_HIDDEN))
                && Files.isSymbolicLink(fileOf(webRoot, LINK_INTO_HIDDEN_FOLDER));
    }

    public static boolean hasLinksInside(WebRoot webRoot) {
        return Files.isSymbolicLink(fileOf(webRoot, LINK_INSIDE)) && Files.isSymbolicLink(fileOf(webRoot, LINK_TO_FOLDER));
    }

    /** The file's time, as the server should say it in Last-Modified. */
    public static Instant modified(WebRoot webRoot, String path) {
        try {
            return Files.getLastModifiedTime(fileOf(webRoot, path)).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fileOf(WebRoot webRoot, String path) {
        return webRoot.workingDirectory().resolve("htdocs" + path);
    }

    private static byte[] content(String path, WebRoot webRoot, Random random) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String mark = "Typed " + webRoot.token("typed") + " café ✓";
        return switch (extension) {
            case "html" -> html("Page", mark);
            case "css" -> text("/* " + mark + " */\nbody { font-family: sans-serif; }");
            case "js" -> text("// " + mark + "\nconsole.log('✓');");
            case "json" -> text("{\"mark\": \"" + mark + "\"}");
            case "txt" -> text(mark + "\nGrüße, 世界.");
            case "svg" -> text("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>" + mark
                    + "</title><rect width=\"10\" height=\"10\"/></svg>");
            case "png" -> png(random);
            case "jpg" -> signed(random, 0xFF, 0xD8, 0xFF, 0xE0);
            case "gif" -> signed(random, 'G', 'I', 'F', '8', '9', 'a');
            case "webp" -> signed(random, 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P');
            case "pdf" -> signed(random, '%', 'P', 'D', 'F', '-', '1', '.', '7', '\n');
            case "wasm" -> signed(random, 0, 'a', 's', 'm', 1, 0, 0, 0);
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static byte[] text(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] html(String title, String paragraph) {
        return text("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
                + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n<p>" + paragraph + ".</p>\n</body>\n</html>");
    }

    /** A real PNG picture, 8 x 8 pixels of one random colour. */
    private static byte[] png(Random random) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        int colour = random.nextInt(0x1000000);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, colour);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The format's signature, then random bytes, every byte value likely among them. */
    private static byte[] signed(Random random, int... signature) {
        byte[] bytes = randomBytes(random, 512);
        for (int i = 0; i < signature.length; i++) {
            bytes[i] = (byte) signature[i];
        }
        return bytes;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * A random second of the years 2001 to 2020, always on days 1 to 9 of the month: the days on which
     * a date written with one digit (DateTimeFormatter.RFC_1123_DATE_TIME) differs from IMF-fixdate,
     * so that mistake fails every run, not one run in three. Milliseconds too: files have them, HTTP not.
     */
    private static Instant pastSecond(Random random) {
        LocalDate day = LocalDate.of(2001 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(9));
        long seconds = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + random.nextInt(86_400);
        return Instant.ofEpochSecond(seconds, 1_000_000L * (1 + random.nextInt(998)));
    }

    /**
     * A random second of the 31st of December of a year from 2001 to 2020 whose last day is a Monday, a
     * Tuesday or a Wednesday: a day of the first week of the next year, both in Locale.US's weeks and in
     * ISO's, so that "YYYY" (the year of the week) writes the next year.
     */
    private static Instant lastDayOfAYear(Random random) {
        LocalDate day = LocalDate.of(2001 + random.nextInt(20), 12, 31);
        while (day.getDayOfWeek().getValue() > DayOfWeek.WEDNESDAY.getValue()) {
            day = day.minusYears(1);
        }
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
    }

    /** Gives a file of htdocs this time. */
    static void setModified(WebRoot webRoot, String path, Instant time) {
        try {
            Files.setLastModifiedTime(fileOf(webRoot, path), FileTime.from(time));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(WebRoot webRoot, String path, String target) {
        try {
            Path link = fileOf(webRoot, path);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException | UnsupportedOperationException notAllowed) {
            // Windows allows links only to some users: the check that needs it is skipped
        }
    }

    private static void makeFifo(WebRoot webRoot, String path) {
        Path fifo = fileOf(webRoot, path);
        try {
            Files.deleteIfExists(fifo);
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            mkfifo.getInputStream().transferTo(OutputStream.nullOutputStream());
            mkfifo.waitFor();
        } catch (IOException noMkfifo) {
            // Windows: no FIFO, and the check that needs one is skipped
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a file of the web root ("htdocs/.git/config") has a hidden name on its path. */
    static boolean isHidden(String relativePath) {
        return relativePath.startsWith(".") || relativePath.contains("/.");
    }
}
