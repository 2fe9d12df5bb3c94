package httpcourse.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Servers written to be wrong, for the grader's own tests: each is one of this repository's
 * steps with one flaw, made by editing the step's real source. So a fixture never drifts from
 * the step it copies, and the edit shows exactly what the flaw is. When a step changes so that
 * an edit no longer applies, {@link #source()} fails and says which.
 */
enum KnownWrongServer {

    /** The article's line endings: bare LF. Browsers forgive it; HTTP does not. */
    BARE_LINE_ENDINGS("bare-line-endings", 1, new Edit(
            "\"HTTP/1.0 200 OK\\r\\n\\r\\nHello World\"",
            "\"HTTP/1.0 200 OK\\n\\nHello World\"")),

    /** The article's reason phrase, in capitals. */
    NOT_FOUND_IN_CAPITALS("not-found-in-capitals", 4, new Edit(
            "\"HTTP/1.0 404 Not Found\\r\\n\\r\\nFile Not Found\"",
            "\"HTTP/1.0 404 NOT FOUND\\r\\n\\r\\nFile Not Found\"")),

    /** Waits for more from the client after its answer (keep-alive done wrong), instead of closing. */
    NEVER_CLOSES("never-closes", 1, new Edit(
            "respond(request, client.getOutputStream());",
            "respond(request, client.getOutputStream());\n"
                    + "        client.getInputStream().read(); // FLAW: waits instead of closing")),

    /** The article's accept loop: an empty connection (a browser's, a load tool's) ends the server. */
    DIES_ON_EMPTY_CONNECTION("dies-on-empty-connection", 1,
            new Edit("""
                    if (request.isEmpty()) {
                                return; // the client connected and left without a word (browsers do this)
                            }
                            System.out.println(request); // the head, then an empty line between requests""",
                    "System.out.println(request.lines().findFirst().get()); // FLAW: no request line, no catch"),
            new Edit("catch (IOException | RuntimeException e)", "catch (IOException e)")),

    /** The page pasted into the code instead of read from htdocs. */
    HARD_CODED_BODY("hard-coded-body", 2, new Edit(
            "byte[] page = Files.readAllBytes(HTDOCS.resolve(\"index.html\"));",
            "byte[] page = \"<h1>Hello World!</h1>\\n\".getBytes(StandardCharsets.UTF_8); // FLAW: hard-coded")),

    /** The article's "htdocs" + path: any file the process can read, /../pom.xml included. */
    SERVES_OUTSIDE_HTDOCS("serves-outside-htdocs", 4, new Edit(
            "return Files.isRegularFile(file) && file.toRealPath().startsWith(HTDOCS.toRealPath());",
            "return Files.isRegularFile(file); // FLAW: never checks that the file is inside htdocs")),

    /** Content-Length from the text instead of the bytes: too small wherever the page is not ASCII. */
    CONTENT_LENGTH_IN_CHARACTERS("content-length-in-characters", 6, new Edit(
            "\"Content-Length: \" + body.length), body);",
            "\"Content-Length: \" + new String(body, StandardCharsets.UTF_8).length()), body); // FLAW: characters")),

    /** No Date header: the time of the answer is missing. */
    NO_DATE("no-date", 6, new Edit(
            "head.append(\"Date: \").append(HTTP_DATE.format(Instant.now())).append(\"\\r\\n\");",
            "// FLAW: no Date header")),

    /** The extension looked up as it is written: .PNG is not found, and is sent as application/octet-stream. */
    EXTENSION_IN_CAPITALS("extension-in-capitals", 6, new Edit(
            "name.substring(dot + 1).toLowerCase(Locale.ROOT);",
            "name.substring(dot + 1); // FLAW: .PNG is not .png")),

    /** A request the server cannot serve gets a closed socket instead of an answer that says why. */
    ERRORS_CLOSE_THE_SOCKET("errors-close-the-socket", 6, new Edit(
            "response = errorResponse(error);",
            "return; // FLAW: no answer")),

    /** Python's habit: the port from args[1] (sys.argv[1]). Given one argument, it dies at start. */
    CRASHES_AT_START("crashes-at-start", 1, new Edit(
            "Integer.parseInt(args[0])",
            "Integer.parseInt(args[1])"));

    final String folderName;
    final int step;
    private final List<Edit> edits;

    KnownWrongServer(String folderName, int step, Edit... edits) {
        this.folderName = folderName;
        this.step = step;
        this.edits = Arrays.asList(edits);
    }

    static KnownWrongServer named(String folderName) {
        return Arrays.stream(values()).filter(s -> s.folderName.equals(folderName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no known-wrong server " + folderName));
    }

    /** The flawed source: the step's HttpServer.java with the edits applied. */
    String source() {
        String source = read(Sources.step(step));
        for (Edit edit : edits) {
            int at = source.indexOf(edit.find());
            if (at < 0 || source.indexOf(edit.find(), at + 1) >= 0) {
                throw new IllegalStateException(folderName + ": step " + step + " changed, this edit no longer applies"
                        + " (its text must occur exactly once): " + edit.find());
            }
            source = source.replace(edit.find(), edit.replace());
        }
        return "// KNOWN-WRONG SERVER, generated by the grader's tests from step " + step + ": " + folderName + "\n"
                + source;
    }

    /** Writes the flawed HttpServer.java into {@code folder}/&lt;name&gt;/ and returns its path. */
    Path writeInto(Path folder) {
        try {
            Path file = Files.createDirectories(folder.resolve(folderName)).resolve("HttpServer.java");
            return Files.writeString(file, source(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replace the one occurrence of {@code find} with {@code replace}. */
    record Edit(String find, String replace) {
    }
}
