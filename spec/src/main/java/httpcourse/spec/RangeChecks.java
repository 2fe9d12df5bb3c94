package httpcourse.spec;

import static httpcourse.spec.Check.check;

import java.util.List;

/**
 * Step 16: byte ranges (RFC 9110 §14). Range: bytes=a-b, a- or -n, one range, gets 206 Partial
 * Content: exactly those bytes (a range past the end stops at the end), their Content-Length,
 * and Content-Range: bytes a-b/N. A range that starts past the end gets 416, Content-Range:
 * bytes *&#47;N. The course's server sends the whole file, 200, for what it does not serve as a
 * part: several ranges (multipart/byteranges is a server's option, not this course's), an
 * invalid range, another unit, HEAD. If-Range asks for the part only while the file is the
 * client's: its ETag or its Last-Modified date; else the whole file. A 304 comes first.
 */
public final class RangeChecks {

    private RangeChecks() {
    }

    /** The large file of every web root: 300 000 random bytes, more than one read of any buffer. */
    private static final String LARGE = "/large.bin";
    private static final int LENGTH = WebRoot.LARGE_FILE_BYTES;

    public static final Check ONE_RANGE = check("answers Range: bytes=a-b with 206 Partial Content: those bytes,"
            + " their Content-Length and Content-Range", c -> {
        c.inCase("bytes=1000-1999 of " + LARGE, () -> checkPart(c, LARGE, "bytes=1000-1999", 1000, 1999));
        c.inCase("bytes=0-9 of /index.html, a small file", () -> checkPart(c, "/index.html", "bytes=0-9", 0, 9));
        c.inCase("bytes=299999-299999 of " + LARGE + ", its last byte", () -> checkPart(c, LARGE,
                "bytes=299999-299999", LENGTH - 1, LENGTH - 1));
    });

    public static final Check OTHER_FORMS = check("answers bytes=a- (on to the end), bytes=-n (the last n bytes),"
            + " and a range past the end, which stops at the end", c -> {
        c.inCase("bytes=299000- (to the end)", () -> checkForm(c, "bytes=299000-", 299_000, LENGTH - 1));
        c.inCase("bytes=-500 (the last 500 bytes)", () -> checkForm(c, "bytes=-500", LENGTH - 500, LENGTH - 1));
        c.inCase("bytes=299500-999999 (past the end)", () -> checkForm(c, "bytes=299500-999999", 299_500,
                LENGTH - 1));
        c.inCase("bytes=-400000 (more than the file)", () -> checkForm(c, "bytes=-400000", 0, LENGTH - 1));
        String intEnd = "bytes=299500-9999999999"; // only the size of its end tells it from the third
        c.inCase(intEnd + " (past the end, and past an int)", () -> checkForm(c, sentPastAnInt(c, intEnd, "end",
                "9999999999"), intEnd, 299_500, LENGTH - 1));
    });

    public static final Check NOT_SATISFIABLE = check("answers 416 Range Not Satisfiable, with Content-Range:"
            + " bytes */N, to a range that starts past the end", c -> {
        String intStart = "bytes=3000000000-"; // only the size of its start tells it from the others
        for (String range : List.of("bytes=300000-", "bytes=400000-500000", "bytes=-0", intStart)) {
            c.inCase(range, () -> c.check(range.equals(intStart) ? sentPastAnInt(c, range, "start", "3000000000")
                    : c.send(get(LARGE, "Range: " + range)), c.error("416 Range Not Satisfiable")
                    .with(HeaderRules.contentRange("bytes */" + LENGTH)).when("Range: " + range)
                    .because(Hint.Id.RANGE_NOT_SATISFIABLE, "No byte of the file is in this range: answer 416 Range"
                            + " Not Satisfiable, with Content-Range: bytes */" + LENGTH + ", the file's length, so"
                            + " that the client learns it (RFC 9110 §15.5.17).")));
        }
    });

    public static final Check WHOLE_FILE = check("sends the whole file, 200, for several ranges, an invalid range,"
            + " another unit, and to HEAD; an end too large for a long, the rest of the file or all of it", c -> {
        String why = "This server sends a part for one range of bytes only. Several ranges (a multipart answer is a"
                + " server's option, not this course's), a range whose end comes before its start, another unit, or"
                + " a Range on HEAD (ranges are for GET): the whole file, 200 OK (RFC 9110 §14.2).";
        for (String range : List.of("bytes=0-1,5-6", "bytes=500-100", "items=0-9", "bytes=x-y")) {
            c.inCase("Range: " + range, () -> c.check(c.send(get(LARGE, "Range: " + range)), c.file(LARGE)
                    .when("Range: " + range).because(Hint.Id.RANGE_MISREAD, why)));
        }
        c.inCase("HEAD with Range: bytes=0-9", () -> c.check(c.send("HEAD " + LARGE + " HTTP/1.1\r\nHost: localhost"
                + "\r\nRange: bytes=0-9\r\nConnection: close\r\n\r\n"), c.file(LARGE).withoutBody(LENGTH)
                .when("HEAD with Range: bytes=0-9").because(Hint.Id.RANGE_MISREAD, why)));
        String huge = "bytes=0-99999999999999999999"; // an end past the file's, too large for a long
        c.inCase("Range: " + huge, () -> {
            Timed answer = c.send(get(LARGE, "Range: " + huge));
            boolean part = answer.exchange().response().length > 0
                    && answer.code().equals("206");
            c.check(answer, (part ? c.filePart(LARGE, 0, LENGTH - 1) : c.file(LARGE)).when("Range: " + huge)
                    .because(Hint.Id.RANGE_NUMBER_OVERFLOW, "This range's end, past the file's, is too large for a"
                    + " long: answer the rest of the file (206) or the whole of it (200), but never let reading the"
                    + " number fail (Long.parseLong throws NumberFormatException past 19 digits): count its digits"
                    + " first."));
        });
    });

    private static final Hint IF_RANGE_UNREADABLE = new Hint(Hint.Id.IF_RANGE_UNREADABLE, "An If-Range that is"
            + " neither this file's ETag nor its Last-Modified does not hold: the whole file, 200 (RFC 9110 §13.1.5)."
            + " A value that is no quoted tag is not always a date: parsed as one, W/\"...\" or \"yesterday\" throws."
            + " Compare it with the Last-Modified's text, or catch DateTimeException.");

    public static final Check IF_RANGE = check("honours If-Range: the part while the ETag or the date it names is"
            + " the file's, the whole file once it is not", c -> {
        String etag = CachingChecks.etagOf(c, LARGE);
        String date = DateRule.IMF_FIXDATE.format(SiteFiles.modified(c.webRoot(), LARGE));
        String older = DateRule.IMF_FIXDATE.format(SiteFiles.modified(c.webRoot(), LARGE).minusSeconds(3600));
        String later = DateRule.IMF_FIXDATE.format(SiteFiles.modified(c.webRoot(), LARGE).plusSeconds(3600));
        String ignored = "If-Range says: send the part only if the file is still the one the client has part of,"
                + " the one with this ETag (compared strongly: a weak W/ tag never matches) or this very Last-Modified"
                + " date; otherwise send all of it, 200, since the client's part is of an older file (RFC 9110"
                + " §13.1.5).";
        c.inCase("no If-Range", () -> checkPart(c, LARGE, "bytes=0-99", 0, 99)); // the plain form first
        c.inCase("If-Range: the file's ETag", () -> c.check(c.send(get(LARGE, "Range: bytes=0-99\r\nIf-Range: "
                + etag)), c.filePart(LARGE, 0, 99).when("If-Range: the file's ETag").because(
                Hint.Id.IF_RANGE_IGNORED, ignored)));
        c.inCase("If-Range: another ETag", () -> c.check(c.send(get(LARGE, "Range: bytes=0-99\r\nIf-Range:"
                + " \"another\"")), c.file(LARGE).when("If-Range: another ETag").because(Hint.Id.IF_RANGE_IGNORED,
                ignored)));
        // Neither a quoted tag nor a date: a server that parses whatever is not a tag as a date throws.
        c.inCase("If-Range: neither a tag nor a date", () -> {
            Timed answer = c.send(get(LARGE, "Range: bytes=0-99\r\nIf-Range: yesterday"));
            if (answer.exchange().response().length == 0) {
                throw FailureReport.failure("No answer to a GET with Range and If-Range: yesterday: the connection"
                        + " closed.", null, answer.reply(), List.of(IF_RANGE_UNREADABLE));
            }
            c.check(answer, c.file(LARGE).when("If-Range: yesterday").because(IF_RANGE_UNREADABLE.id(),
                    IF_RANGE_UNREADABLE.text()));
        });
        c.inCase("If-Range: the file's ETag, marked weak", () -> c.check(c.send(get(LARGE, "Range: bytes=0-99"
                + "\r\nIf-Range: W/" + etag)), c.file(LARGE).when("If-Range: the file's ETag, marked weak (W/)")
                .because(Hint.Id.IF_RANGE_IGNORED, ignored)));
        c.inCase("If-Range: the file's date", () -> c.check(c.send(get(LARGE, "Range: bytes=0-99\r\nIf-Range: "
                + date)), c.filePart(LARGE, 0, 99).when("If-Range: the file's Last-Modified").because(
                Hint.Id.IF_RANGE_IGNORED, ignored)));
        c.inCase("If-Range: an hour before the file's date", () -> c.check(c.send(get(LARGE, "Range: bytes=0-99"
                + "\r\nIf-Range: " + older)), c.file(LARGE).when("If-Range: an older date").because(
                Hint.Id.IF_RANGE_IGNORED, ignored)));
        c.inCase("If-Range: an hour after the file's date", () -> c.check(c.send(get(LARGE, "Range: bytes=0-99"
                + "\r\nIf-Range: " + later)), c.file(LARGE).when("If-Range: a later date").because(
                Hint.Id.IF_RANGE_DATE_AS_SINCE, "An If-Range date holds only if it is the file's Last-Modified exactly"
                + " (RFC 9110 §13.1.5), not if the file is \"not modified since\" it, as If-Modified-Since asks: a file"
                + " put back from a backup goes back in time, and a client's part may be of a newer one.")));
    });

    public static final Check ACCEPT_RANGES = check("says Accept-Ranges: bytes with a file, to GET and HEAD, with a"
            + " part too, and answers 304 before any range when the client's copy is good", c -> {
        c.check(c.get(LARGE), c.file(LARGE).with(HeaderRules.acceptRanges("Say \"Accept-Ranges: bytes\" with every"
                + " file (RFC 9110 §14.3): a download manager or a video player learns from it that it may ask for a"
                + " part")).when("GET " + LARGE));
        c.check(c.send("HEAD " + LARGE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                c.file(LARGE).withoutBody(LENGTH).with(HeaderRules.acceptRanges("HEAD gets the head GET would get"
                        + " (RFC 9110 §9.3.2), Accept-Ranges: bytes too: a download manager asks with HEAD whether it"
                        + " may resume a download")).when("HEAD " + LARGE));
        // The part itself is other checks' business; a 206 says it too, as every answer with a file here does.
        Timed part = c.send(get(LARGE, "Range: bytes=0-99"));
        if (part.code().equals("206") && !"bytes".equals(HttpResponse.parse(part.exchange().response())
                .value("Accept-Ranges"))) {
            throw FailureReport.failure("The 206 Partial Content for Range: bytes=0-99 does not say Accept-Ranges:"
                    + " bytes.", null, part.reply(), List.of(new Hint(Hint.Id.ACCEPT_RANGES_MISSING, "Say"
                    + " \"Accept-Ranges: bytes\" with every file, its parts too (RFC 9110 §14.3 allows it on any"
                    + " answer, and this course's rule is every file): a player that resumes from a part learns"
                    + " from it that it may go on asking for parts.")));
        }
        String etag = CachingChecks.etagOf(c, LARGE);
        c.check(c.send(get(LARGE, "Range: bytes=0-99\r\nIf-None-Match: " + etag)), Expected.notModified(LENGTH)
                .with(HeaderRules.sameEtag(etag)).when("If-None-Match: the file's ETag, and Range: bytes=0-99")
                .because(Hint.Id.IF_NONE_MATCH_IGNORED, "The client's copy is good (If-None-Match names the"
                        + " file's ETag): 304 Not Modified comes first, Range or not (RFC 9110 §13.2.2). Ask whether"
                        + " the client's copy is good before reading Range."));
    });

    public static final List<Check> ALL = List.of(ONE_RANGE, OTHER_FORMS, NOT_SATISFIABLE, WHOLE_FILE, IF_RANGE,
            ACCEPT_RANGES);

    /** GET {@code path} in HTTP/1.1 with these header lines, the connection closing after it. */
    private static String get(String path, String headers) {
        return Requests.http11Closing("GET", path, headers);
    }

    /**
     * The answer to {@code range}, one of whose numbers, its {@code end} (or start), is past what an int holds and
     * within a long; none at all is that number's reading failed: the others, alike but for it, got theirs.
     */
    private static Timed sentPastAnInt(Checking c, String range, String end, String number) {
        Timed answer = c.send(get(LARGE, "Range: " + range));
        if (answer.exchange().response().length == 0) {
            throw FailureReport.failure("Range: " + range + " got no answer.", null, answer.reply(), List.of(new Hint(
                    Hint.Id.RANGE_NUMBER_OVERFLOW, "The range's " + end + ", " + number + ", is more than an int"
                    + " holds (2147483647), and a file may have more bytes than that: read a range's numbers as longs"
                    + " (Long.parseLong, of up to 18 digits). Integer.parseInt throws NumberFormatException past"
                    + " 2147483647, and the answer is lost.")));
        }
        return answer;
    }

    private static void checkForm(Checking c, String range, long first, long last) {
        checkForm(c, c.send(get(LARGE, "Range: " + range)), range, first, last);
    }

    /**
     * One of the other forms of one range, {@code answer} the answer to it: a wrong status, or a 206 with other
     * bytes (where the general hints would speak of a body cut short), is that form misread.
     */
    private static void checkForm(Checking c, Timed answer, String range, long first, long last) {
        String why = "Range: " + range + " asks for bytes " + first + " to " + last + " of the file's " + LENGTH
                + " (counted from 0, both in): answer 206 Partial Content with those bytes, Content-Range: bytes "
                + first + "-" + last + "/" + LENGTH + ", and their Content-Length. bytes=a- runs from a to the end;"
                + " bytes=-n is the last n bytes (the whole file when it has fewer); an end past the file's end"
                + " stops at its end. Only a range that starts past the end gets 416 (RFC 9110 §14.1.2).";
        c.check(answer, c.filePart(LARGE, first, last).when("Range: " + range)
                .because(Hint.Id.RANGE_FORMS, why).bytesBecause(Hint.Id.RANGE_FORMS, why));
    }

    /**
     * One range: a wrong status, or a 206 with other bytes (this file's other part, where the general hints
     * would name another file), is the range misread.
     */
    private static void checkPart(Checking c, String path, String range, long first, long last) {
        String why = "Range: " + range + " asks for part of the file: answer 206 Partial Content with bytes " + first
                + " to " + last + " (counted from 0, both in; skip the " + first + " before them), Content-Range: bytes "
                + first + "-" + last + "/N, and their Content-Length (RFC 9110 §14.1.2, §15.3.7). Read Range only"
                + " when it is one range of bytes; otherwise send the whole file.";
        c.check(c.send(get(path, "Range: " + range)), c.filePart(path, first, last).when("Range: " + range)
                .because(Hint.Id.RANGE_IGNORED, why).bytesBecause(Hint.Id.RANGE_IGNORED, why));
    }
}
