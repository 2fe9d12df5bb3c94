package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.UploadRequests.chunks;
import static httpcourse.spec.UploadRequests.content;
import static httpcourse.spec.UploadRequests.latin1;
import static httpcourse.spec.UploadRequests.newPath;
import static httpcourse.spec.UploadRequests.put;
import static httpcourse.spec.UploadRequests.putWithLength;
import static httpcourse.spec.UploadRequests.randomBytes;
import static httpcourse.spec.UploadsFolder.DISK_FAIL_SAFE;
import static httpcourse.spec.UploadsFolder.awaitEntries;
import static httpcourse.spec.UploadsFolder.awaitNewEntries;
import static httpcourse.spec.UploadsFolder.entries;
import static httpcourse.spec.UploadsFolder.newEntries;
import static httpcourse.spec.UploadsFolder.onDisk;
import static httpcourse.spec.UploadsFolder.size;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import httpcourse.spec.HeaderRules.Charset;

/**
 * Step 15: uploads (RFC 9110 §9.3.4). PUT writes its body to a file of htdocs/uploads, which GET
 * then serves byte for byte: 201 Created with its Location for a new file, 204 No Content (or 200)
 * for one replaced. The body, by Content-Length or in chunks, after "100 Continue" when the client
 * waits for it, up to a limit (413 beyond). A file appears whole or not at all: never half of it
 * during its upload, nothing left of a cut one, one of two uploads of one name at once, whole.
 * Nothing is written outside htdocs/uploads, nor under a hidden name, nor through a link out. An
 * upload that finds the disk full gets 507 Insufficient Storage, and leaves nothing ({@link UploadLimitChecks}).
 *
 * <p>The checks look at the disk too ({@link UploadsFolder}, the folder the server writes in), for
 * what a client cannot see: that an upload under way has begun, and that a cut one left nothing,
 * not even a hidden file. Where the server's folder has a size of its own (the grader's sandbox, as
 * root), one fills it. {@link UploadRequests} makes the uploads they send.
 */
public final class UploadChecks {

    private UploadChecks() {
    }

    /** An upload far beyond any limit worth having: announced, never sent. */
    static final long HUGE_UPLOAD = 1L << 30;
    /** An upload of some size: in two halves, the first of which the server writes before the second comes. */
    private static final int HALVES = 2 * 64 * 1024;

    public static final Check CREATES = check("stores a PUT's body as a new file of /uploads/, byte for byte:"
            + " 201 Created with its Location, then GET serves it", c -> {
        String path = newPath("new");
        byte[] body = content(300);
        c.check(c.send(putWithLength(path, body)), created(path, "a PUT of a new file"));
        c.check(c.get(path), served(c, path, body, "the GET of the file just uploaded"));
        String slashes = newPath("slashes"); // a browser reads Location: //uploads/... as the host "uploads"
        c.inCase("PUT /" + slashes + ", two slashes first", () -> c.check(c.send(putWithLength("/" + slashes,
                body)), created(slashes, "a PUT whose path starts with two slashes")));
        String spaced = newPath("with%20space"); // its Location is a URL: the space percent-encoded, as sent
        c.inCase("PUT " + spaced + ", a name with a space", () -> c.check(c.send(putWithLength(spaced, body)),
                created(spaced, "a PUT of a name with a space")));
    });

    public static final Check REPLACES = check("replaces a file of /uploads/ with a second, shorter PUT: 204 No"
            + " Content (or 200), then GET serves the new bytes only", c -> {
        String path = newPath("replaced");
        c.check(c.send(putWithLength(path, content(3000))), created(path, "the first PUT"));
        byte[] shorter = content(1000);
        Timed second = c.send(putWithLength(path, shorter));
        boolean ok = second.code().equals("200");
        c.check(second, (ok ? Expected.okAnyBody() : Expected.noContent()).when("a second PUT of the same file")
                .because("A PUT that replaces a file answers 204 No Content, or 200 OK with a body (RFC 9110"
                        + " §9.3.4): 201 Created is for a file that did not exist."));
        c.check(c.get(path), served(c, path, shorter, "the GET after the second, shorter PUT"));
    });

    public static final Check CHUNKED = check("stores a chunked PUT's body, its chunks joined, byte for byte (a"
            + " malformed chunk: 400, and nothing left)", c -> {
        String path = newPath("chunked");
        byte[] body = content(5000);
        String text = latin1(body);
        String chunks = "3E8\r\n" + text.substring(0, 1000) + "\r\n" + Integer.toHexString(4000) + ";part=2\r\n"
                + text.substring(1000) + "\r\n0\r\n\r\n";
        c.check(c.send(put(path, "Transfer-Encoding: chunked\r\n", chunks)), created(path, "a chunked PUT"));
        c.check(c.get(path), served(c, path, body, "the GET of the file uploaded in chunks"));
        String bad = newPath("bad-chunk"); // its part holds the first chunk when the second's size comes
        c.inCase("PUT " + bad + ", its second chunk's size zz, not hex", () -> {
            Set<String> before = entries(c);
            c.check(c.send(put(bad, "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\nzz\r\n")),
                    c.error("400 Bad Request").when("a chunked PUT whose second chunk's size is not hex"));
            UploadsFolder.assertNothingLeft(c, bad, before, "a chunked PUT refused (400), a chunk's size not hex");
        });
    });

    public static final Check CONTINUES = check("says 100 Continue to a PUT that waits for it, then stores its"
            + " body, and refuses no PUT of 16 MiB, the limit", c -> {
        String path = newPath("continued");
        byte[] body = content(2000);
        // In capitals, as some clients write it: the value's letter case does not matter (RFC 9110 §10.1.1).
        String head = put(path, "Expect: 100-Continue\r\nContent-Length: " + body.length + "\r\n", "");
        try (RawConnection connection = c.server().open()) {
            Instant opened = Instant.now();
            connection.send(head);
            Exchange first = connection.readResponse(head);
            // A final answer at once: refused? (Not a 408: a server that waited for the body until its time limit.)
            if (first.response().length > 0 && !status(first).startsWith("1") && !status(first).equals("408")) {
                c.check(new Timed(new ServerReply(first, c.server()), opened, Instant.now()), head,
                        created(path, "a PUT that waited for 100 Continue, answered before its body"));
            }
            if (first.response().length == 0 || !status(first).equals("100")) {
                throw FailureReport.failure("A PUT said Expect: 100-Continue, and got no \"100 Continue\" before"
                        + " its body.", null, new ServerReply(first, c.server()), List.of(continueHint()));
            }
            // The 100's head never ended: the check's wait ran out, or the server's final answer (a 408) came in it.
            if (!HttpResponse.parse(first.response()).headEnded()) {
                throw FailureReport.failure("A PUT said Expect: 100-Continue, and got \"100 Continue\" without the"
                        + " empty line that ends its head: a client reads the final answer's status line as one of"
                        + " its headers.", null, new ServerReply(first, c.server()), List.of(continueHint()));
            }
            Instant sent = Instant.now();
            connection.send(latin1(body));
            Exchange answer = connection.readResponse(head);
            c.check(new Timed(new ServerReply(answer, c.server()), sent, Instant.now()), head,
                    created(path, "a PUT that waited for 100 Continue"));
        }
        // HTTP/1.0 knows no 1xx (RFC 9110 §15.2): its client sends the body at once, and waits for the final answer.
        String http10 = newPath("continued-http10");
        Timed answer = c.send(putWithLength(http10, body).replace(" HTTP/1.1\r\n",
                " HTTP/1.0\r\nExpect: 100-continue\r\n"));
        if (status(answer.exchange()).equals("100")) {
            throw FailureReport.failure("An HTTP/1.0 PUT said Expect: 100-continue, and got \"100 Continue\".", null,
                    answer.reply(), List.of(new Hint(Hint.Id.CONTINUE_IN_HTTP10, "HTTP/1.0 has no 1xx answers: its"
                    + " client takes \"100 Continue\" for the final answer. Ignore Expect in an HTTP/1.0 request (RFC"
                    + " 9110 §10.1.1), and say 100 Continue to HTTP/1.1 only.")));
        }
        c.check(answer, created(http10, "an HTTP/1.0 PUT that said Expect: 100-continue, its body sent at once"));
        c.check(c.get(path), served(c, path, body, "the GET of the file uploaded after 100 Continue"));
        UploadLimitChecks.assertTheLimitAllowed(c); // last: a server that never says 100 failed above, at once
    });

    public static final Check TOO_LARGE = check("refuses at once an upload far over its limit (by its Content-Length:"
            + " 1 GiB, or more than an int holds): 413 Content Too Large, and nothing stored", c -> {
        String path = newPath("huge");
        String head = put(path, "Content-Length: " + HUGE_UPLOAD + "\r\n", "");
        Timed answer = c.send(head + "x".repeat(64 * 1024));
        if (answer.exchange().response().length == 0) {
            throw FailureReport.failure("A PUT of 1 GiB, of which 64 KiB came, got no answer.", null, answer.reply(),
                    List.of(new Hint(Hint.Id.UPLOAD_LIMIT_MISSING, "An upload has a limit (16 MiB, say): over it,"
                            + " when Content-Length says so, answer 413 Content Too Large at once, without reading the"
                            + " body, and close the connection, saying Connection: close. Otherwise one client fills"
                            + " the disk, and keeps the server reading for as long as it likes.")));
        }
        c.check(answer, tooLarge(c, "a PUT of 1 GiB"));
        UploadsFolder.assertNotOnDisk(c, path, "after a refused upload");
        // A client that waits for 100 Continue learns from the head alone that its body would be refused.
        String waiting = newPath("huge-waiting");
        Timed refused = c.send(put(waiting, "Expect: 100-continue\r\nContent-Length: " + HUGE_UPLOAD + "\r\n", ""));
        assertNotContinued(refused, "A PUT of 1 GiB");
        c.check(refused, tooLarge(c, "a PUT of 1 GiB that said Expect: 100-continue, its body not sent"));
        UploadsFolder.assertNotOnDisk(c, waiting, "after a refused upload");
        UploadLimitChecks.assertTheLengthALong(c);
    });

    /** Fails when a PUT that waits for 100 Continue got it, although its head alone is refused. */
    static void assertNotContinued(Timed answer, String what) {
        if (status(answer.exchange()).equals("100")) {
            throw FailureReport.failure(what + " said Expect: 100-continue, and got \"100 Continue\": its client now"
                    + " sends the body that the server refuses.", null, answer.reply(), List.of(new Hint(
                    Hint.Id.CONTINUE_BEFORE_REFUSAL, "\"100 Continue\" says: the head was read, and not refused (RFC"
                    + " 9110 §15.2.1). Refuse first what the head alone tells (the size, the room on the disk, the"
                    + " path); only then say 100 Continue.")));
        }
    }

    static Expected tooLarge(Checking c, String situation) {
        return c.error("413 Content Too Large").with(HeaderRules.connectionClose(true)).when(situation)
                .because(Hint.Id.UPLOAD_LIMIT_MISSING, "Over the limit, an upload gets 413 Content Too Large (RFC 9110"
                        + " §15.5.14), and its connection closes, its body unread.");
    }

    public static final Check WHOLE_OR_NOTHING = check("shows an upload only once it is whole: none of it during the"
            + " upload, nothing left of a cut one (not even a hidden part)", c -> {
        String path = newPath("halves");
        Set<String> before = entries(c);
        byte[] body = content(HALVES);
        try (RawConnection upload = c.server().open()) {
            upload.send(put(path, "Content-Length: " + body.length + "\r\n", latin1(body).substring(0, HALVES / 2)));
            awaitNewEntries(c, before, 1, () -> { }); // the server has begun writing it somewhere
            c.check(c.get(path), c.notFound().when("a GET while the upload of that file is under way, half sent")
                    .because(Hint.Id.UPLOAD_HALF_SEEN, "A reader found the file while its upload was under way. Write"
                            + " the body to a hidden file beside it (Files.createTempFile(folder, \".upload-\","
                            + " \".part\")), and rename that once whole (Files.move, ATOMIC_MOVE): the file appears"
                            + " whole, in one step, or not at all."));
            for (String part : newEntries(c, before)) {
                String url = WebRoot.UPLOADS + URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
                c.check(c.get(url), c.notFound().when("a GET of " + url + ", the file the upload under way is written"
                        + " to").because(Hint.Id.UPLOAD_HALF_SEEN, "GET served the part file of an upload under way: a"
                        + " reader can fetch half an upload under that name. Give the part file a hidden name (a dot"
                        + " first: Files.createTempFile(folder, \".upload-\", \".part\")), which GET never serves."));
            }
        } // the client leaves, half of its body sent
        List<String> left = awaitEntries(c, before);
        if (left.contains(path.substring(WebRoot.UPLOADS.length()))) {
            throw failure(c, "An upload was cut after half of its body (the client closed the connection), and its"
                    + " half became htdocs" + path + ".", new Hint(Hint.Id.UPLOAD_CUT_STORED, "A body that ends before"
                    + " its Content-Length's count is cut, not whole: an error (the copy must throw EOFException, as"
                    + " readNBytes does not), never renamed into place."));
        }
        if (!left.isEmpty()) {
            throw failure(c, "An upload was cut after half of its body (the client closed the connection), and the"
                    + " uploads folder still holds " + left + " " + DISK_FAIL_SAFE.toSeconds() + " s later.",
                    UploadsFolder.LEFT_BEHIND);
        }
        c.check(c.get(path), c.notFound().when("a GET after the upload was cut").because(Hint.Id.UPLOAD_HALF_SEEN,
                "A cut upload must not become a file: write to a hidden part file, renamed only once whole."));
    });

    public static final Check AT_ONCE = check("takes two uploads of one name at once: the file is then one of"
            + " them, whole", c -> {
        String path = newPath("twice");
        byte[] longer = content(8000);
        byte[] shorter = content(3000);
        Set<String> before = entries(c);
        try (RawConnection first = c.server().open(); RawConnection second = c.server().open()) {
            String firstHead = put(path, "Content-Length: " + longer.length + "\r\n", "");
            String secondHead = put(path, "Content-Length: " + shorter.length + "\r\n", "");
            first.send(firstHead + latin1(longer).substring(0, 4000));
            second.send(secondHead + latin1(shorter).substring(0, 1500));
            int[] sent = {4000, 1500}; // a byte more of each every second: neither upload times out while it waits
            // trySend: a server that refused an upload may close its connection before the body ends, as its own
            // time limit runs out; when is a matter of time, and its answer (or none) tells the same either way.
            awaitNewEntries(c, before, 2, () -> { // both have begun
                first.trySend(latin1(longer).substring(sent[0], ++sent[0]));
                second.trySend(latin1(shorter).substring(sent[1], ++sent[1]));
            });
            first.trySend(latin1(longer).substring(sent[0]));
            Exchange firstAnswer = first.readResponse(firstHead);
            second.trySend(latin1(shorter).substring(sent[1]));
            Exchange secondAnswer = second.readResponse(secondHead);
            Timed get = c.get(path);
            byte[] got = HttpResponse.parse(get.exchange().response()).body();
            boolean whole = Arrays.equals(got, longer) || Arrays.equals(got, shorter);
            if (isSuccess(firstAnswer) && !isSuccess(secondAnswer) && whole) {
                throw FailureReport.failure("Two uploads of one name ran at once: the first was stored whole (201),"
                        + " the second, which ended once the file existed, got " + status(secondAnswer) + ".", null,
                        new ServerReply(secondAnswer, c.server()), List.of(new Hint(Hint.Id.UPLOAD_NOT_REPLACED, "A"
                        + " PUT of a file that exists replaces it: the part file's rename must overwrite (Files.move"
                        + " with ATOMIC_MOVE, or REPLACE_EXISTING), or it throws FileAlreadyExistsException.")));
            }
            if (!(isSuccess(firstAnswer) && isSuccess(secondAnswer) && whole)) {
                // The first ends alone, the second still half sent: not stored, it says no upload works at all.
                boolean refused = !isSuccess(firstAnswer);
                boolean lost = !refused && isSuccess(secondAnswer) && !status(get.exchange()).equals("200");
                throw FailureReport.failure("Two uploads of one name ran at once (8000 bytes and 3000 bytes, each"
                        + " sent in two halves): the answers were " + status(firstAnswer) + " and "
                        + status(secondAnswer) + ", and GET then got " + status(get.exchange()) + " with " + got.length
                        + " bytes, neither upload whole.", null, refused ? new ServerReply(firstAnswer, c.server())
                        : get.reply(), List.of(refused
                        ? new Hint(Hint.Id.UPLOAD_NOT_CREATED, "The first upload, sent whole while the other was"
                                + " still half sent, was not stored: a PUT of a new file of /uploads/ is stored, and"
                                + " answered 201 Created, whatever other upload is under way.")
                        : lost ? new Hint(Hint.Id.UPLOAD_NOT_STORED, "Both uploads were answered as stored, yet GET"
                                + " found no file: write the file the path names, in htdocs/uploads, where GET looks"
                                + " for it.")
                        : new Hint(Hint.Id.UPLOAD_TEMP_SHARED, "Each upload needs a part file of its own"
                                + " (Files.createTempFile makes a new name each time): two uploads that write one"
                                + " file, or one part file, mix their bytes. Renamed once whole, the last rename wins,"
                                + " and the file is one upload, whole.")));
            }
        }
    });

    public static final Check ONLY_IN_UPLOADS = check("writes only in /uploads/ (elsewhere 405; there, Allow names"
            + " PUT); a hidden name, a missing folder, a folder's name or a link out refused; nothing written", c -> {
        byte[] body = content(100);
        c.inCase("DELETE of a file of /uploads/", () -> c.check(c.send(Requests.http11("DELETE", newPath("kept"))),
                c.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD", "PUT"))
                        .when("a DELETE in /uploads/, where PUT is allowed")));
        String onlyUploads = "Clients may write in /uploads/ only: the rest of htdocs is the site, as its author"
                + " made it. A PUT elsewhere gets 405, Allow: GET, HEAD.";
        c.inCase("PUT /ipsum.html, outside /uploads/", () -> {
            Timed answer = c.send(putWithLength("/ipsum.html", body));
            if (answer.exchange().response().length == 0) { // it tried to write htdocs/ipsum.html, and may not
                throw FailureReport.failure("PUT /ipsum.html got no answer: the server seems to have tried to write"
                        + " htdocs/ipsum.html (which the grader's sandbox may forbid).", null, answer.reply(),
                        List.of(new Hint(Hint.Id.UPLOAD_OUTSIDE_FOLDER, onlyUploads)));
            }
            c.check(answer, c.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD"))
                    .when("a PUT outside /uploads/").because(Hint.Id.UPLOAD_OUTSIDE_FOLDER, onlyUploads));
            c.check(c.get("/ipsum.html"), c.file("/ipsum.html").when("a GET of /ipsum.html after a PUT of it"));
            Timed waiting = c.send(put("/ipsum.html", "Expect: 100-continue\r\nContent-Length: 100\r\n", ""));
            assertNotContinued(waiting, "PUT /ipsum.html, outside /uploads/,");
            c.check(waiting, c.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD"))
                    .when("a PUT outside /uploads/ that said Expect: 100-continue, its body not sent")
                    .because(Hint.Id.UPLOAD_OUTSIDE_FOLDER, onlyUploads));
        });
        // Its path begins with the folder's letters, not with its name: Path.startsWith tells, String's does not.
        c.inCase("PUT /uploads.html, beside /uploads/", () -> {
            Timed answer = c.send(putWithLength("/uploads.html", body));
            Hint byText = new Hint(Hint.Id.UPLOAD_FOLDER_BY_TEXT, "/uploads.html is not in /uploads/, though its path"
                    + " begins with the same letters: compare paths by their names (Path.startsWith), not as text"
                    + " (String.startsWith). " + onlyUploads);
            if (answer.exchange().response().length == 0) { // it tried to write htdocs/uploads.html, and may not
                throw FailureReport.failure("PUT /uploads.html got no answer: the server seems to have tried to write"
                        + " htdocs/uploads.html.", null, answer.reply(), List.of(byText));
            }
            c.check(answer, c.error("405 Method Not Allowed").with(HeaderRules.allow("GET", "HEAD"))
                    .when("a PUT of /uploads.html").because(byText.id(), byText.text()));
            UploadsFolder.assertNotOnDisk(c, "/uploads.html", "after a PUT of it");
        });
        c.inCase("PUT /uploads/%2e%2e/about.html, out by \"..\"", () -> {
            UploadsFolder.assertRefused(c, "/uploads/%2e%2e/about.html", body, Set.of("400", "403", "404", "405"));
            c.check(c.get("/about.html"), c.file("/about.html").when("a GET of /about.html after that PUT"));
        });
        String hidden = WebRoot.UPLOADS + ".hidden-" + HexFormat.of().formatHex(randomBytes(4));
        c.inCase("PUT " + hidden + ", a hidden name", () -> {
            UploadsFolder.assertRefused(c, hidden, body, Set.of("403", "404"));
            UploadsFolder.assertNotOnDisk(c, hidden, "after a PUT of a hidden name");
        });
        c.inCase("PUT /uploads/no-such-folder/file.bin", () -> {
            UploadsFolder.assertRefused(c, "/uploads/no-such-folder/file.bin", body, Set.of("403", "404", "409"));
            UploadsFolder.assertNotOnDisk(c, "/uploads/no-such-folder", "after a PUT into a folder that did not exist");
        });
        String folder = newPath("folder").replace(".bin", "");
        c.inCase("PUT " + folder + ", where a folder has that name", () -> {
            UploadsFolder.makeFolder(onDisk(c, folder));
            Timed answer = c.send(putWithLength(folder, body));
            String code = status(answer.exchange());
            boolean kept = Files.isDirectory(onDisk(c, folder));
            if (!Set.of("403", "405", "409").contains(code) || !kept) {
                String got = code.equals("(none)") ? "no answer" : code;
                throw FailureReport.failure("PUT " + folder + ", the name of a folder of /uploads/, got " + got
                        + ", not 403, 405 or 409, and the folder was " + (kept ? "kept." : "replaced."), null,
                        answer.reply(), List.of(new Hint(Hint.Id.UPLOAD_ONTO_FOLDER, "A folder has that name:"
                        + " refuse the upload before writing (403 Forbidden, or 409 Conflict). Renamed onto a folder,"
                        + " the file fails to move, and the client gets no answer.")));
            }
        });
        if (c.webRoot().hasLinks()) {
            c.inCase("PUT " + WebRoot.UPLOADS_LINK_OUT + "/file.bin, through a link to a folder outside htdocs", () -> {
                UploadsFolder.assertRefused(c, WebRoot.UPLOADS_LINK_OUT + "/file.bin", body, Set.of("403", "404"));
                if (Files.exists(c.webRoot().workingDirectory().resolve("htdocs-private/file.bin"))) {
                    throw failure(c, "A PUT through a link wrote htdocs-private/file.bin, outside htdocs.",
                            new Hint(Hint.Id.UPLOAD_PATH_ACCEPTED, "A link in /uploads/ may lead out of htdocs: the"
                                    + " folder an upload goes to must really be inside it (Path.toRealPath)."));
                }
            });
        }
    });

    public static final List<Check> ALL = List.of(CREATES, REPLACES, CHUNKED, CONTINUES, TOO_LARGE, WHOLE_OR_NOTHING,
            AT_ONCE, ONLY_IN_UPLOADS, UploadLimitChecks.TOO_LARGE_IN_CHUNKS, UploadLimitChecks.DISK_FULL);

    // ---- Helpers ------------------------------------------------------------------------------

    private static Hint continueHint() {
        return new Hint(Hint.Id.UPLOAD_CONTINUE_MISSING, "\"Expect: 100-continue\" says: the client waits for a word"
                + " before it sends its body (curl does, for uploads over 1 MiB). Once the upload may go on (its path"
                + " and size are fine), write \"HTTP/1.1 100 Continue\", an empty line, and flush; then read the"
                + " body (RFC 9110 §10.1.1). Its value in any letter case: this one says 100-Continue.");
    }

    static Expected created(String path, String situation) {
        return Expected.created(path).when(situation).because(Hint.Id.UPLOAD_NOT_CREATED, "A PUT that makes a new"
                + " file answers 201 Created, with Location: the file's URL (RFC 9110 §9.3.4).");
    }

    /** What GET gets for an uploaded file: its bytes, the type of a .bin file, and, from step 9, its validators. */
    private static Expected served(Checking c, String path, byte[] body, String situation) {
        Expected expected = Expected.ok(body, HeaderRules.contentType("a file of unknown type",
                Charset.NONE, "application/octet-stream")).when(situation).because(
                Hint.Id.UPLOAD_NOT_STORED, "GET serves what PUT stored, byte for byte: write the body to the file"
                        + " the path names, in htdocs/uploads, where GET looks for it.");
        if (Files.exists(onDisk(c, path))) {
            expected.with(DateRule.lastModified(SiteFiles.modified(c.webRoot(), path)));
        }
        return expected.with(HeaderRules.etag());
    }

    static SpecFailure failure(Checking c, String what, Hint hint) {
        return SpecFailure.withOutput(what, hint, c.server());
    }

    private static boolean isSuccess(Exchange answer) {
        return status(answer).startsWith("2");
    }

    static String status(Exchange answer) {
        return answer.response().length == 0 ? "(none)" : HttpResponse.parse(answer.response()).code();
    }
}
