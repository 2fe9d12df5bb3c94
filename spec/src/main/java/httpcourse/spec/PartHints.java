package httpcourse.spec;

import java.util.Arrays;
import java.util.Optional;

/**
 * Step 16's mistake that the bytes of a part show, whatever the check that asked for it: the part not cut, its
 * file sent on after it. {@link ResponseCheck} asks it before the check's own hint, which would blame the range.
 */
final class PartHints {

    /** A small file's first bytes: the part a server that does not cut its parts sends on after. */
    private static final String PROBE_PATH = "/index.html";
    private static final int PROBE_LAST = 9;
    private static final String WHY = "Content-Length tells the client where the body ends; it does not stop the"
            + " server's copy. Send exactly the part's bytes: limit the stream itself (as Response.firstBytes does),"
            + " not the header alone.";

    private PartHints() {
    }

    /**
     * A 206 whose head is right (Content-Length, Content-Range) and whose body is the part, then more of the file
     * after it (maybe not all of it: a copy that runs out of the file fails on the way).
     */
    static Optional<Hint> runsOn(Expected expected, HttpResponse actual) {
        int part = expected.exactBody.length;
        if (expected.partOf == null || !runsOn(actual, expected.partOf, expected.partStart, part)) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.PART_NOT_CUT, "The head is right (Content-Length: " + part
                + ", Content-Range: " + actual.value("Content-Range") + "), and the part's " + part + " bytes came,"
                + " then " + (actual.body().length - part) + " more bytes of the file, those after it: the part was"
                + " not cut. " + WHY));
    }

    /**
     * A 206 due, and no byte came, from a server that answers Range: bytes=0-9 of a small file with those 10 bytes
     * and the rest of the file after them: its parts are not cut, and a part of a large one ran out of the file's
     * bytes before a byte was sent.
     */
    static Optional<Hint> lost(Expected expected, ServerState server) {
        if (expected.partOf == null) {
            return Optional.empty();
        }
        String range = "bytes=0-" + PROBE_LAST;
        HttpResponse probe = server.probes().answerTo(Requests.http11Closing("GET", PROBE_PATH, "Range: " + range));
        if (!runsOn(probe, server.webRoot().page(PROBE_PATH), 0, PROBE_LAST + 1)) {
            return Optional.empty();
        }
        return Optional.of(new Hint(Hint.Id.PART_NOT_CUT, "The server closed the connection without a word, where"
                + " \"" + expected.statusLine + "\" was due; and to Range: " + range + " of " + PROBE_PATH + " it"
                + " sends those " + (PROBE_LAST + 1) + " bytes, then the rest of the file: its parts are not cut,"
                + " and a copy that runs on past the part may fail as it runs out of the file (its output, below, may"
                + " show it). " + WHY));
    }

    /** Whether {@code actual} is a 206 of {@code length} bytes from {@code first}, with more of the file after them. */
    private static boolean runsOn(HttpResponse actual, byte[] file, int first, int length) {
        byte[] body = actual.body();
        String range = "bytes " + first + "-" + (first + length - 1) + "/" + file.length;
        return actual.code().equals("206") && String.valueOf(length).equals(actual.value("Content-Length"))
                && range.equals(actual.value("Content-Range")) && body.length > length
                && first + body.length <= file.length
                && Arrays.equals(body, Arrays.copyOfRange(file, first, first + body.length));
    }
}
