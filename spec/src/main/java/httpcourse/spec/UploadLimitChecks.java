package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.Check.onItsOwnServer;
import static httpcourse.spec.UploadChecks.created;
import static httpcourse.spec.UploadChecks.failure;
import static httpcourse.spec.UploadRequests.chunks;
import static httpcourse.spec.UploadRequests.content;
import static httpcourse.spec.UploadRequests.newPath;
import static httpcourse.spec.UploadRequests.put;
import static httpcourse.spec.UploadRequests.putWithLength;
import static httpcourse.spec.UploadRequests.randomBytes;
import static httpcourse.spec.UploadsFolder.DISK_FAIL_SAFE;
import static httpcourse.spec.UploadsFolder.ROOM;
import static httpcourse.spec.UploadsFolder.awaitEntries;
import static httpcourse.spec.UploadsFolder.entries;
import static httpcourse.spec.UploadsFolder.fill;
import static httpcourse.spec.UploadsFolder.size;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Step 15's checks of what bounds an upload ({@link UploadChecks} has the others), each on a server of
 * its own, since each fills what it bounds: a chunked upload, whose size nobody announces, refused once
 * past the limit; and an upload that finds the disk full, which gets 507 Insufficient Storage. The
 * latter runs only where the server's folder has a size of its own (the grader's sandbox, as root).
 * And the limit itself, allowed, which {@link UploadChecks#CONTINUES} asks about; a length past an int's, which
 * {@link UploadChecks#TOO_LARGE} does; and the slow head after an upload of {@link ManyClientsChecks#SLOW_CLIENTS}.
 */
public final class UploadLimitChecks {

    private UploadLimitChecks() {
    }

    /** The course's limit: an upload of this size is stored, a larger one gets 413. */
    static final int LIMIT = 16 << 20;

    /** How much of a chunked upload the check sends at most: three times the course's limit. */
    private static final int CHUNKED_FAIL_SAFE = 3 * LIMIT;

    /** The upload that finds the disk full: three times its room, under the 1 MiB a refused upload may be read. */
    private static final int NO_ROOM_FOR = 768 * 1024;

    public static final Check TOO_LARGE_IN_CHUNKS = onItsOwnServer("refuses a chunked upload once past its limit:"
            + " 413 Content Too Large, and nothing stored", c -> {
        String chunked = newPath("huge-chunked");
        Set<String> before = entries(c);
        String situation = "a chunked PUT, sent on until answered (" + (CHUNKED_FAIL_SAFE >> 20) + " MiB at most)";
        c.check(BodyRequests.chunksUntilAnswered(c, put(chunked, "Transfer-Encoding: chunked\r\n", ""),
                CHUNKED_FAIL_SAFE), c.error("413 Content Too Large")
                .with(HeaderRules.connectionClose(true)).when(situation).because(Hint.Id.UPLOAD_LIMIT_MISSING, "A"
                        + " chunked upload says nothing of its size: the limit counts its bytes as they come, and once"
                        + " past it, the upload gets 413 Content Too Large, and its connection closes. Otherwise a"
                        + " chunked PUT fills the disk, whatever Content-Length's limit."));
        UploadsFolder.assertNothingLeft(c, chunked, before, "a chunked upload refused past the limit (413)");
    });

    private static final String DISK_FULL_HINT = "The disk is full: an upload that cannot fit gets 507 Insufficient"
            + " Storage (RFC 4918 §11.5), not a server error nor a closed connection. With Content-Length, ask for"
            + " the room before writing (Files.getFileStore(folder).getUsableSpace()); in chunks, the write fails"
            + " with an IOException whose message is \"No space left on device\": answer 507 then, the part file"
            + " deleted.";

    public static final Check DISK_FULL = check("answers 507 Insufficient Storage when the disk has no room (by"
            + " Content-Length, before any 100 Continue, or in chunks), and leaves nothing of the upload", c -> {
        if (!c.server().folderHasASize()) { // the machine's own disk: no check may fill it
            throw c.notRunHere("the server's folder has no size limit here: the grader's sandbox gives it one, as root");
        }
        String first = newPath("room");
        c.check(c.send(putWithLength(first, content(1000))), created(first, "a PUT of a new file, the disk not full"));
        Path filler = c.webRoot().workingDirectory().resolve("disk-filler-" + HexFormat.of().formatHex(randomBytes(4)));
        try {
            fill(filler); // beside htdocs: no URL leads there
            byte[] body = "x".repeat(NO_ROOM_FOR).getBytes(StandardCharsets.US_ASCII); // never stored: a short report
            String byLength = newPath("no-room");
            assertNoRoom(c, byLength, putWithLength(byLength, body), "a PUT of " + (NO_ROOM_FOR >> 10) + " KiB by its"
                    + " Content-Length, " + (ROOM >> 10) + " KiB left on the disk");
            String chunked = newPath("no-room-chunked");
            assertNoRoom(c, chunked, put(chunked, "Transfer-Encoding: chunked\r\n", chunks(body)), "a chunked PUT of "
                    + (NO_ROOM_FOR >> 10) + " KiB, " + (ROOM >> 10) + " KiB left on the disk");
            // A client that waits for 100 Continue learns from the head alone that its body has no room.
            String left = (NO_ROOM_FOR >> 10) + " KiB, " + (ROOM >> 10) + " KiB left on the disk";
            Timed waiting = c.send(put(newPath("no-room-waiting"), "Expect: 100-continue\r\nContent-Length: "
                    + NO_ROOM_FOR + "\r\n", ""));
            UploadChecks.assertNotContinued(waiting, "A PUT of " + left + ",");
            c.check(waiting, c.error("507 Insufficient Storage").when("a PUT of " + left + ", that said Expect:"
                    + " 100-continue, its body not sent").because(Hint.Id.UPLOAD_DISK_FULL, DISK_FULL_HINT));
        } finally {
            Files.deleteIfExists(filler);
        }
        String after = newPath("room-again");
        c.check(c.send(putWithLength(after, content(1000))), created(after, "a PUT once the disk had room again"));
    });

    /**
     * The limit itself is allowed: a PUT of exactly 16 MiB that waits for 100 Continue must not get
     * 413. Its body is never sent: the answer to its head shows the mistake. One byte less tells which:
     * refused too, the limit is lower than 16 MiB; taken, it was a {@code >=} for a {@code >}.
     */
    static void assertTheLimitAllowed(Checking c) {
        Set<String> before = entries(c);
        ServerReply atTheLimit = headOfAPut(c, LIMIT);
        if (isRefused(atTheLimit)) {
            Hint hint = isRefused(headOfAPut(c, LIMIT - 1)) ? new Hint(Hint.Id.UPLOAD_LIMIT_TOO_LOW, "The limit is "
                    + (LIMIT >> 20) + " MiB, " + LIMIT + " bytes (16 * 1024 * 1024): an upload one byte under it got 413"
                    + " too. A lower limit refuses uploads the course allows: 16 000 000 is 16 MB, not MiB; step 11's 1"
                    + " MiB is for a body read only to be forgotten.") : new Hint(Hint.Id.UPLOAD_LIMIT_ITSELF_REFUSED,
                    "An upload of " + (LIMIT >> 20) + " MiB, the limit, is allowed, as one byte less was: refuse only a"
                    + " Content-Length over the limit (length > LIMIT; >= refuses the limit itself).");
            throw FailureReport.failure("A PUT of exactly " + (LIMIT >> 20) + " MiB, the limit, said Expect:"
                    + " 100-continue, and got 413 Content Too Large.", null, atTheLimit, List.of(hint));
        }
        awaitEntries(c, before); // its part file gone, before the next check looks in the folder
    }

    /**
     * Lengths past what an int holds: through one, 2^31 wraps round to -2^31, and 2^32 + 100 to 100, both under
     * the limit. Each, said by a PUT that waits for 100 Continue, gets 413 at once, as 1 GiB did just before.
     */
    static void assertTheLengthALong(Checking c) {
        for (long length : List.of(1L << 31, (1L << 32) + 100)) {
            Timed answer = c.send(put(newPath("huge-wrapped"), "Expect: 100-continue\r\nContent-Length: " + length
                    + "\r\n", ""));
            String code = UploadChecks.status(answer.exchange());
            boolean continued = code.equals("100");
            if (!code.equals("413")) {
                throw FailureReport.failure("A PUT of " + length + " bytes said Expect: 100-continue, and got "
                        + (continued ? "\"100 Continue\"" : code.equals("(none)") ? "no answer" : code) + ", where"
                        + " one of 1 GiB got 413.", null, answer.reply(), List.of(new Hint(
                        Hint.Id.UPLOAD_LENGTH_OVERFLOW, "Content-Length: " + length + " is more than an int holds (2 147 483 647): " + (continued
                        ? "cast to an int, it wraps round to " + (int) length + ", under the limit, and the upload goes"
                        + " on." : "read as an int, it throws (Integer.parseInt), or wraps round to " + (int) length
                        + ".") + " A length is a long, from the header to the limit's test: long length ="
                        + " request.bodyLength().")));
            }
            c.check(answer, UploadChecks.tooLarge(c, "a PUT of " + length + " bytes that said Expect: 100-continue,"
                    + " its body not sent"));
        }
    }

    /**
     * A client of {@link ManyClientsChecks#SLOW_CLIENTS}, from step 15 on: it uploads a small file, then sends its next
     * head on that connection a byte a second. An upload's time per read ends with its body: the next head has its
     * time limit in all again, as step 5's slow client has. A connection closed after the upload shows nothing.
     */
    static ManyClientsChecks.SlowClient slowHeadAfterAnUpload() {
        String[] uploaded = {"no answer"};
        return new ManyClientsChecks.SlowClient(server -> {
            try (RawConnection kept = server.open()) {
                Exchange upload = kept.exchange(putWithLength(newPath("then-slow"), content(3)));
                uploaded[0] = UploadChecks.status(upload);
                if (!uploaded[0].startsWith("2") || upload.ending() != Exchange.Ending.KEPT_OPEN) {
                    return Duration.ZERO;
                }
                kept.send("GET / HTTP/1.1\r\nHost: localhost\r\n"); // then a header line that never ends
                return kept.dripUntilClosed("X-Slow: " + "a".repeat(100), Duration.ofSeconds(1),
                        ManyClientsChecks.CLOSE_FAIL_SAFE);
            }
        }, () -> SpecFailure.of("A client uploaded a file (PUT, answered " + uploaded[0] + "), then sent its next"
                + " request's head on that connection one byte a second: after " + ManyClientsChecks.CLOSE_FAIL_SAFE
                .toSeconds() + " s, the connection was still open.", new Hint(Hint.Id.UPLOAD_TIME_KEPT, "After an"
                + " upload, the next head had no time limit in all: the time per read, meant for the upload's body,"
                + " stayed on. Set it back where each request starts (startRequest), or a client that uploads once,"
                + " then sends a byte every few seconds, holds its connection for ever.")));
    }

    /** The answer to the head of a PUT of {@code length} bytes that waits for 100 Continue: its body is never sent. */
    private static ServerReply headOfAPut(Checking c, long length) {
        String head = put(newPath("at-the-limit"), "Expect: 100-continue\r\nContent-Length: " + length + "\r\n", "");
        try (RawConnection connection = c.server().open()) {
            connection.send(head);
            return new ServerReply(connection.readResponse(head), c.server());
        } // closed: the server reads the end of an upload cut short
    }

    private static boolean isRefused(ServerReply reply) {
        return UploadChecks.status(reply.exchange()).equals("413");
    }

    /**
     * Sends an upload that cannot fit on the disk: it must get 507, and leave nothing in the uploads
     * folder, neither its part file nor the file itself.
     */
    private static void assertNoRoom(Checking c, String path, String request, String situation) {
        Set<String> before = entries(c);
        Timed answer = c.send(request);
        Hint full = new Hint(Hint.Id.UPLOAD_DISK_FULL, DISK_FULL_HINT);
        if (answer.exchange().response().length == 0) {
            throw FailureReport.failure(situation.substring(0, 1).toUpperCase() + situation.substring(1)
                    + ": no answer.", null, answer.reply(), List.of(full));
        }
        c.check(answer, c.error("507 Insufficient Storage").when(situation)
                .because(Hint.Id.UPLOAD_DISK_FULL, DISK_FULL_HINT));
        List<String> left = awaitEntries(c, before);
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (left.contains(name)) {
            throw failure(c, "After " + situation + ", answered 507, htdocs" + path + " exists (" + size(c, path)
                    + " bytes).", new Hint(Hint.Id.UPLOAD_HALF_SEEN, "An upload that did not fit must not become a"
                    + " file: write to a hidden part file, renamed only once whole, deleted otherwise."));
        }
        if (!left.isEmpty()) {
            throw failure(c, "After " + situation + ", answered 507, the uploads folder still holds " + left + " "
                    + DISK_FAIL_SAFE.toSeconds() + " s later.", new Hint(Hint.Id.UPLOAD_LEFT_BEHIND, "A refused"
                    + " upload leaves nothing behind: delete the part written so far, in a finally block, whatever"
                    + " ended the upload. Here the disk was full: the part left keeps it full for every upload after it."));
        }
    }
}
