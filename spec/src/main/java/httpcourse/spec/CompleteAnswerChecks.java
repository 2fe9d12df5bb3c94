package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.Check.onItsOwnServer;
import static httpcourse.spec.ManyClientsChecks.HUGE_FILE_BYTES;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Step 6: complete answers. Every answer says when it was made (Date), what its body is
 * (Content-Type, by the file's extension, with charset=utf-8 only where true) and how long it is
 * (Content-Length, in bytes, for a file of any size); HEAD gets the head GET would get.
 *
 * <p>Many earlier checks grow with this step without a copy: their expected answers come from
 * {@link Checking}, which adds the header fields from step 6 on (GET /, a browser's request, the
 * large file, an edit with its new length, the 404 with its short text). Step 6 does not yet say
 * no to what it cannot serve: a POST is still answered like a GET (step 7 answers 405).
 */
public final class CompleteAnswerChecks {

    private CompleteAnswerChecks() {
    }

    public static final Check COMPLETE_GET =
            check("answers GET / with index.html, Date, Content-Type and Content-Length (in bytes)",
                    c -> c.check(c.get("/"), c.root()));

    public static final Check TYPES = check("sends the Content-Type of each extension", c -> {
        for (SiteFiles.Typed typed : SiteFiles.TYPED) {
            c.inCase("GET " + typed.path(), () -> c.check(c.get(typed.path()), c.file(typed)));
        }
    });

    public static final Check UPPER_CASE = check("sends the type of an extension in capitals: .PNG is image/png",
            c -> c.check(c.get(SiteFiles.UPPER_CASE.path()), c.file(SiteFiles.UPPER_CASE)));

    public static final Check OCTET_STREAM =
            check("sends application/octet-stream for an unknown extension, and for a name without one", c -> {
                for (SiteFiles.Typed typed : List.of(SiteFiles.UNKNOWN_EXTENSION, SiteFiles.NO_EXTENSION)) {
                    c.inCase("GET " + typed.path(), () -> c.check(c.get(typed.path()), c.file(typed)));
                }
            });

    public static final Check CHARSET_ONLY_WHERE_TRUE = check("says charset=utf-8 where it is true, and only there:"
            + " not for ISO-8859-1, even after 64 KiB of ASCII; yes for UTF-8 that holds U+FFFD", c -> {
                c.check(c.get(SiteFiles.LATIN1.path()), c.file(SiteFiles.LATIN1));
                // The whole file decides: a server that decodes only its start finds ASCII, which is UTF-8 too.
                SiteFiles.Typed late = new SiteFiles.Typed("/files/latin1-late.txt", "a .txt file in ISO-8859-1"
                        + " whose é comes after 64 KiB of ASCII", HeaderRules.Charset.NOT_UTF8, "text/plain");
                c.webRoot().replacePage(late.path(), ("a".repeat(64 * 1024) + "Caf\u00e9\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                c.inCase(late.what(), () -> c.check(c.get(late.path()), c.file(late)));
                // U+FFFD (bytes EF BF BD) is a character like any other, which a decoder that replaces errors
                // with it cannot tell from a byte that is not UTF-8 (helper-58).
                String fffd = "/files/fffd.txt";
                c.webRoot().replacePage(fffd, ("The replacement character \uFFFD " + c.webRoot().token("fffd") + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                c.inCase("a .txt file of UTF-8 text that holds U+FFFD", () -> c.check(c.get(fffd), c.file(fffd,
                        replacementCharacterRule(HeaderRules.contentType("a .txt file of UTF-8 text that holds"
                                + " U+FFFD", HeaderRules.Charset.UTF8_REQUIRED, "text/plain")))));
            });

    /** The rule for a UTF-8 text that holds U+FFFD: text/plain without charset=utf-8 is taken for a bad byte. */
    private static HeaderRule replacementCharacterRule(HeaderRule rule) {
        return new HeaderRule(rule.name(), rule.required(), rule.accepts(), rule.expected(), (value, c) ->
                value != null && value.toLowerCase(Locale.ROOT).startsWith("text/plain")
                        && !value.toLowerCase(Locale.ROOT).contains("utf-8")
                        ? new Hint(Hint.Id.CHARSET_BY_REPLACEMENT, "Say charset=utf-8 for a UTF-8 text that holds"
                                + " U+FFFD (\"\uFFFD\", bytes EF BF BD): it is a character like any other. A decoder that"
                                + " replaces bytes that are not UTF-8 with U+FFFD (new String(bytes, UTF_8)), then looks"
                                + " for it, cannot tell it from a bad byte: use one that reports them"
                                + " (Files.newBufferedReader, or StandardCharsets.UTF_8.newDecoder()). Got \"" + value
                                + "\".")
                        : rule.hint().apply(value, c));
    }

    public static final Check HEAD = check("answers HEAD with exactly the head GET gets, and no body", c -> {
        String path = "/ipsum.html";
        c.check(c.get(path), c.file(path));
        c.check(c.send("HEAD " + path + " HTTP/1.0\r\n\r\n"),
                c.file(path).withoutBody(c.webRoot().page(path).length).when("HEAD " + path));
    });

    public static final Check HEAD_OF_A_MISSING_FILE =
            check("answers HEAD for a missing file with the head of its 404, and no body", c -> {
                Timed get = c.get("/hello.html");
                c.check(get, c.notFound());
                // The text of a 404 is the server's own: its length is the one GET's answer had.
                int length = HttpResponse.parse(get.exchange().response()).body().length;
                c.check(c.send("HEAD /hello.html HTTP/1.0\r\n\r\n"),
                        c.notFound().withoutBody(length).when("HEAD /hello.html"));
            });

    // On a server of its own: a server that opens the pipe keeps a thread there for ever, and with one
    // processor, the one carrier of its virtual threads (opening a file pins it): every later check would fail.
    public static final Check FIFO =
            onItsOwnServer("answers 404 Not Found for a named pipe (FIFO), without waiting for a writer", c -> {
                if (!SiteFiles.hasFifo(c.webRoot())) {
                    throw c.notRunHere("this system cannot make a named pipe (mkfifo)");
                }
                Timed answer = c.get(SiteFiles.FIFO);
                if (answer.exchange().response().length == 0
                        && answer.exchange().ending() == Exchange.Ending.NOT_CLOSED) {
                    throw FailureReport.failure("GET " + SiteFiles.FIFO + ", a named pipe: no answer, and the"
                            + " connection still open.", null, answer.reply(), List.of(new Hint(Hint.Id.FIFO_OPENED,
                            "The server opened the named pipe, and waits there for a program to write into it, which"
                                    + " may never happen. Only a regular file is served: ask Files.isRegularFile"
                                    + " before opening it (Files.exists is true of pipes, folders and devices too).")));
                }
                c.check(answer, c.notFound().when("GET " + SiteFiles.FIFO + ", a FIFO")
                        .because("Only regular files are served: a FIFO, a folder or a device gets 404"
                                + " (Files.isRegularFile before opening)."));
                c.assertStillAnswers();
            });

    public static final Check HUGE_FILE_LENGTH =
            check("streams a file bigger than the memory: a 3 GiB file, with its Content-Length", c -> {
                c.assertStillAnswers(); // alone first: else no huge file is to blame
                String path = "/bigger-than-memory.bin";
                c.webRoot().createSparsePage(path, HUGE_FILE_BYTES);
                try (RawConnection client = c.server().open()) {
                    byte[] start = client.send(Requests.get(path)).readFirst(64 * 1024);
                    assertStartsHugeFile(start, path, c.server());
                } finally {
                    c.webRoot().deletePage(path);
                }
                c.assertStillAnswers();
            });

    public static final List<Check> ALL = List.of(COMPLETE_GET, TYPES, UPPER_CASE, OCTET_STREAM,
            CHARSET_ONLY_WHERE_TRUE, HEAD, HEAD_OF_A_MISSING_FILE, FIFO, HUGE_FILE_LENGTH);

    /** The first bytes of the answer for the huge file: 200 OK and its Content-Length, in a long. */
    private static void assertStartsHugeFile(byte[] start, String path, ServerState server) {
        int headEnd = ResponseReader.headEnd(start);
        HttpResponse head = HttpResponse.parse(headEnd < 0 ? start : Arrays.copyOf(start, headEnd));
        String length = head.value("Content-Length");
        if (head.code().equals("200") && String.valueOf(HUGE_FILE_BYTES).equals(length)) {
            return;
        }
        String shown = "\nIts first bytes:\n" + VisibleBytes.render(Arrays.copyOf(start, Math.min(start.length, 300)));
        String what = "GET " + path + ", a file of 3 GiB (" + HUGE_FILE_BYTES + " bytes): ";
        if (head.code().equals("200") && length != null && length.equals(String.valueOf((int) HUGE_FILE_BYTES))) {
            throw SpecFailure.of(what + "Content-Length: " + length + "." + shown, new Hint(
                    Hint.Id.CONTENT_LENGTH_OVERFLOW, "Content-Length says " + length + ": the file's length went"
                    + " through an int, which holds at most 2 147 483 647 (2 GiB - 1), and came out wrong. A file's"
                    + " length is a long (Files.size, FileChannel.size): keep it a long all the way."));
        }
        if (head.code().equals("200")) {
            throw SpecFailure.of(what + "the answer did not say Content-Length: " + HUGE_FILE_BYTES + "." + shown,
                    new Hint(Hint.Id.CONTENT_LENGTH_WRONG, "Say the file's length before its bytes, from the file"
                            + " system (Files.size, FileChannel.size), never from bytes read into memory: a byte array"
                            + " holds at most 2 GiB."));
        }
        Hint notStreamed = new Hint(Hint.Id.FILE_NOT_STREAMED, "Send the file a buffer at a time"
                + " (Files.newInputStream(file).transferTo(out)), its length from Files.size: a byte array holds at"
                + " most 2 GiB, and twenty downloads of a big file fill any memory.");
        throw SpecFailure.of(what + "the answer did not start with 200 OK." + shown,
                ClearNoHints.hostAskedOfHttp10(Requests.get(path), "200", head.code(), server).orElse(notStreamed));
    }
}
