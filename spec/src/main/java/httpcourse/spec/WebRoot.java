package httpcourse.spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web root a server under test serves: a fresh {@code htdocs/} generated in its working
 * directory, plus files beside it that must never be served.
 *
 * <p>Every file carries a random token, so a server that hard-codes its answers fails, and
 * the expected bytes always come from these files, never from a server's own output. The web
 * root remembers which file (and which version of it) each token comes from, so that a hint can
 * say what a server sent instead.
 *
 * <pre>
 * working directory/
 *   htdocs/index.html         links to ipsum.html; UTF-8 text with non-ASCII characters
 *   htdocs/ipsum.html
 *   htdocs/about.html
 *   htdocs/favicon.ico        every byte value 0..255: a binary file
 *   htdocs/large.bin          300 000 random bytes: more than one read of any usual buffer
 *   htdocs/sub/nested.html    a nested path (and sub/ is a directory)
 *   htdocs/outside-link.txt   a symbolic link to ../secret.txt      (where the system allows links)
 *   htdocs/outside-folder     a symbolic link to ../htdocs-private
 *   htdocs/uploads/           where uploads go (step 15 on): everybody may write in it
 *   htdocs/uploads/link-out   a symbolic link to ../../htdocs-private
 *   htdocs-private/secret.html  a sibling folder whose name starts with "htdocs"
 *   pom.xml, secret.txt       files outside htdocs
 * </pre>
 */
public final class WebRoot {

    // What generate() writes at the top of the working directory.
    private static final Set<String> TOP_LEVEL_ENTRIES = Set.of("htdocs", "htdocs-private", "pom.xml", "secret.txt");
    private static final String POM_MARK = "<!-- outside htdocs ";

    /** The size of htdocs/large.bin: above 256 KiB, and no power of two, so no usual buffer holds it. */
    public static final int LARGE_FILE_BYTES = 300_000;

    /** In a request path, stands for the working directory's absolute path: "/{working directory}/secret.txt". */
    public static final String WORKING_DIRECTORY = "{working directory}";

    /** A token as it appears in a file: the file's token name, "-", 12 hex digits ("index-3fa29c01b2d4"). */
    public static final Pattern TOKEN = Pattern.compile("([a-z]+)-([0-9a-f]{12})");

    /** URL paths of the symbolic links in htdocs that lead outside it. */
    public static final String LINK_TO_SECRET = "/outside-link.txt";
    public static final String LINK_TO_PRIVATE_FOLDER = "/outside-folder";
    /** The folder uploads go to (step 15 on), and a link in it to a folder outside htdocs. */
    public static final String UPLOADS = "/uploads/";
    public static final String UPLOADS_LINK_OUT = UPLOADS + "link-out";

    private final Path workingDirectory;
    private final String token;
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    // What this web root wrote, by path: the expected bytes come from here, not from the disk, where
    // the server (which may write in its working directory) could have changed them.
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();
    // The digests of the large files, too large to keep in memory, by path.
    private final Map<String, byte[]> digests = new ConcurrentHashMap<>();
    private boolean hasLinks;

    /**
     * Where a token comes from.
     *
     * @param file          the file's path relative to the working directory ("htdocs/ipsum.html")
     * @param current       false when the file was changed since, and no longer holds the token
     * @param outsideHtdocs true for the files no server may ever send
     */
    public record Origin(String file, boolean current, boolean outsideHtdocs) {
    }

    private WebRoot(Path workingDirectory, String token) {
        this.workingDirectory = workingDirectory;
        this.token = token;
    }

    /** Writes a fresh web root with a new random token into {@code workingDirectory}. */
    public static WebRoot generate(Path workingDirectory) {
        WebRoot root = new WebRoot(workingDirectory.toAbsolutePath().normalize(),
                HexFormat.of().formatHex(randomBytes(6)));
        root.writeFiles();
        return root;
    }

    private void writeFiles() {
        write("htdocs/index.html", page("Hello World!",
                "<p>Welcome to the index page " + token("index") + ".</p>\n"
                        + "<p>Grüße, café, 世界, ✓: this page is UTF-8 and must come back byte for byte.</p>\n"
                        + "<p><a href=\"ipsum.html\">Ipsum</a></p>"));
        write("htdocs/ipsum.html", page("Ipsum!",
                "<p>Lorem ipsum dolor sit amet " + token("ipsum") + ".</p>"));
        write("htdocs/about.html", page("About", "<p>About this server " + token("about") + ".</p>"));
        write("htdocs/sub/nested.html", page("Nested", "<p>A page in a sub-folder " + token("nested") + ".</p>"));
        write("htdocs/favicon.ico", everyByteValue());
        write("htdocs/large.bin", largeFile());
        write("htdocs-private/secret.html", page("Secret", "<p>Outside htdocs " + token("private") + ".</p>"));
        write("pom.xml", ("<project>" + POM_MARK + token("pom") + " --></project>\n")
                .getBytes(StandardCharsets.UTF_8));
        write("secret.txt", ("Outside htdocs " + token("secret") + "\n").getBytes(StandardCharsets.UTF_8));
        uploadsFolder();
        hasLinks = link("htdocs" + LINK_TO_SECRET, "../secret.txt")
                && link("htdocs" + LINK_TO_PRIVATE_FOLDER, "../htdocs-private")
                && link("htdocs" + UPLOADS_LINK_OUT, "../../htdocs-private");
    }

    /**
     * htdocs/uploads, which everybody may write in: where the sandbox runs the server as another
     * user than the grader's, the server may write there, and nowhere else in htdocs.
     */
    private void uploadsFolder() {
        Path folder = workingDirectory.resolve("htdocs" + UPLOADS);
        try {
            Files.createDirectories(folder);
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the links to outside htdocs exist: Windows allows them only to some users. */
    public boolean hasLinks() {
        return hasLinks;
    }

    private boolean link(String relativePath, String target) {
        try {
            Path link = workingDirectory.resolve(relativePath);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
            return true;
        } catch (IOException | UnsupportedOperationException notAllowed) {
            return false;
        }
    }

    /**
     * What in {@code directory} a web root would overwrite and did not write itself: a folder
     * where {@link #generate} may write (a running server's) has none.
     */
    public static List<String> foreignEntries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<String> foreign = new ArrayList<>(entries.map(p -> p.getFileName().toString())
                    .filter(name -> !TOP_LEVEL_ENTRIES.contains(name)).sorted().toList());
            Path pom = directory.resolve("pom.xml");
            if (Files.exists(pom) && !Files.readString(pom, StandardCharsets.UTF_8).contains(POM_MARK)) {
                foreign.add("pom.xml"); // a real project's pom.xml, not ours
            }
            return foreign;
        }
    }

    /** A token unique to this web root and to one name, e.g. "index-3fa29c01b2d4". */
    public String token(String name) {
        return name + "-" + token;
    }

    /** Where a token comes from, if from this web root. */
    public Optional<Origin> origin(String token) {
        return Optional.ofNullable(origins.get(token));
    }

    /** The exact bytes this web root wrote into a file of htdocs, by its URL path: "/ipsum.html". */
    public byte[] page(String urlPath) {
        byte[] content = written.get("htdocs" + urlPath);
        if (content == null) {
            throw new IllegalArgumentException("The web root wrote no htdocs" + urlPath);
        }
        return content.clone();
    }

    /**
     * Creates a file in htdocs of {@code size} bytes of zeros, sparse where the file system
     * allows it (Linux, macOS, Windows' NTFS): it takes next to no room on the disk.
     */
    public void createSparsePage(String urlPath, long size) {
        Path file = workingDirectory.resolve("htdocs" + urlPath);
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            channel.position(size - 1).write(ByteBuffer.wrap(new byte[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a file in htdocs of {@code size} random bytes, too large to keep in memory: its
     * SHA-256 digest stands for its bytes, to compare with what a server sends ({@link #digest}).
     */
    public void createRandomPage(String urlPath, long size) {
        Path file = workingDirectory.resolve("htdocs" + urlPath);
        MessageDigest digest = sha256();
        Random random = new Random(new SecureRandom().nextLong());
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                int length = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, length);
                digest.update(chunk, 0, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digests.put("htdocs" + urlPath, digest.digest());
    }

    /** The SHA-256 digest of a file {@link #createRandomPage} wrote, by its URL path. */
    public byte[] digest(String urlPath) {
        byte[] digest = digests.get("htdocs" + urlPath);
        if (digest == null) {
            throw new IllegalArgumentException("The web root wrote no large htdocs" + urlPath);
        }
        return digest.clone();
    }

    /** A new SHA-256 digest, for the large files. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Deletes a file from htdocs. */
    public void deletePage(String urlPath) {
        try {
            Files.deleteIfExists(workingDirectory.resolve("htdocs" + urlPath));
            written.remove("htdocs" + urlPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces a file in htdocs, for the tests that check a server reads files afresh. */
    public void replacePage(String urlPath, byte[] content) {
        write("htdocs" + urlPath, content);
    }

    /**
     * The working directory, for what only the disk can hold (a named pipe, a link, a file's time);
     * the expected bytes come from {@link #page}.
     */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** A request path with {@link #WORKING_DIRECTORY} replaced by the working directory's absolute path. */
    public String fillIn(String path) {
        return path.replace(WORKING_DIRECTORY, workingDirectory.toString());
    }

    private static byte[] page(String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
                + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n" + body + "\n</body>\n</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] everyByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    /** Its token on the first line, so that a hint can name it, then random bytes. */
    private byte[] largeFile() {
        byte[] file = randomBytes(LARGE_FILE_BYTES);
        byte[] firstLine = (token("large") + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(firstLine, 0, file, 0, firstLine.length);
        return file;
    }

    /** Unpredictable bytes: seeded by SecureRandom, which alone took 9 ms for the large file of every server. */
    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SplittableRandom(new SecureRandom().nextLong()).nextBytes(bytes);
        return bytes;
    }

    private void write(String relativePath, byte[] content) {
        try {
            Path file = workingDirectory.resolve(relativePath);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.put(relativePath, content.clone());
        remember(relativePath, content);
    }

    /** The file's tokens are now those in {@code content}; the ones it held before are out of date. */
    private void remember(String relativePath, byte[] content) {
        origins.replaceAll((token, origin) -> origin.file().equals(relativePath)
                ? new Origin(relativePath, false, origin.outsideHtdocs()) : origin);
        boolean outside = !relativePath.startsWith("htdocs/");
        for (String token : tokensIn(new String(content, StandardCharsets.ISO_8859_1))) {
            origins.put(token, new Origin(relativePath, true, outside));
        }
    }

    /**
     * The tokens in {@code text}, in order: what {@code TOKEN.matcher(text).find()} finds, but sooner,
     * from each dash and the letters just before it (the large file and its answers are 300 kB).
     */
    public static List<String> tokensIn(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int from = 0;
        for (int dash = text.indexOf('-'); dash >= 0; dash = text.indexOf('-', Math.max(dash + 1, from))) {
            int start = dash;
            while (start > from && text.charAt(start - 1) >= 'a' && text.charAt(start - 1) <= 'z') {
                start--;
            }
            if (start < dash && m.region(start, text.length()).lookingAt()) {
                tokens.add(m.group());
                from = m.end();
            }
        }
        return tokens;
    }
}
