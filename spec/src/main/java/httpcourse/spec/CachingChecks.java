package httpcourse.spec;

import static httpcourse.spec.Check.check;
import static httpcourse.spec.DateRule.IMF_FIXDATE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 9: caching. Every file says when it changed (Last-Modified) and carries a tag that changes
 * with it (ETag); a client whose copy is still good, by either, gets 304 Not Modified, with the tag
 * and without the body. If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
 *
 * <p>The checks never guess a tag: they take it from a first answer, as a browser does.
 */
public final class CachingChecks {

    private CachingChecks() {
    }

    public static final Check LAST_MODIFIED_AND_ETAG = check("sends Last-Modified (the file's time, in IMF-fixdate)"
            + " and an ETag", c -> {
                c.check(c.get(SiteFiles.DATED), c.file(SiteFiles.DATED).when("a file last modified years ago"));
                c.check(c.get(SiteFiles.YEAR_END), c.file(SiteFiles.YEAR_END).when("a file of the 31st of December"));
            });

    /** An If-Modified-Since of the file's time or later: a case, by its name. */
    private record Since(String name, Duration afterTheFile) {
    }

    private static final Hint IN_ITS_ZONE = new Hint(Hint.Id.IF_MODIFIED_SINCE_IN_LOCAL_TIME, "If-Modified-Since is"
            + " read in the server's time zone, not in GMT: the file's time as the server's clock writes it (GMT"
            + Sandbox.SERVERS_OFFSET + " here) got 304, and a"
            + " second less the whole file. An HTTP date is GMT (RFC 9110 §5.6.7): parse it into an Instant with a"
            + " formatter in ZoneOffset.UTC, not into a LocalDateTime put in ZoneId.systemDefault().");

    public static final Check MODIFIED_SINCE = check("answers 304 Not Modified, without body, when If-Modified-Since"
            + " is not older than the file", c -> {
                String etag = etagOf(c, SiteFiles.DATED);
                List<Since> cases = List.of(new Since("exactly the file's time", Duration.ZERO),
                        new Since("a second after the file's time", Duration.ofSeconds(1)),
                        new Since("a year after the file's time", Duration.ofDays(365)));
                List<Timed> answers = new ArrayList<>();
                for (Since since : cases) {
                    answers.add(c.send(ifModifiedSince(modified(c).plus(since.afterTheFile()))));
                }
                Hint mistake = modifiedSinceMistake(c, answers.stream().map(CachingChecks::isNotModified).toList());
                for (int i = 0; i < cases.size(); i++) {
                    Timed answer = answers.get(i);
                    String situation = "If-Modified-Since: " + cases.get(i).name();
                    c.inCase(situation, () -> c.check(answer, notModified(c, SiteFiles.DATED, etag).when(situation)
                            .because(mistake.id(), mistake.text())));
                }
            });

    /**
     * Which mistake the pattern of 304s shows: none at all, none for the exact time (fractions of a second kept, or
     * a comparison that wants the file older: a whole second tells them apart), or only for it (the test reversed).
     */
    private static Hint modifiedSinceMistake(Checking c, List<Boolean> notModified) {
        if (notModified.contains(false) && readsInItsZone(c)) {
            return IN_ITS_ZONE;
        }
        if (!notModified.contains(true)) {
            return new Hint(Hint.Id.IF_MODIFIED_SINCE_IGNORED, "The client's copy is as new as the file: answer 304"
                    + " Not Modified, without body (RFC 9110 §13.1.3, §15.4.5), when If-Modified-Since is the file's"
                    + " time or later. Read the header as an HTTP date, and compare it with the file's time."
                    + nameCase("If-Modified-Since"));
        }
        if (!notModified.getFirst() && !notModifiedAtAWholeSecond(c)) {
            return new Hint(Hint.Id.IF_MODIFIED_SINCE_STRICT, "If-Modified-Since is exactly the file's time, yet the"
                    + " whole file came: the client's copy is as new as the file, so 304 (RFC 9110 §13.1.3: not"
                    + " modified since then). The file is modified only if its time is after the date:"
                    + " !modified.isAfter(since), not modified.isBefore(since).");
        }
        if (!notModified.getFirst()) {
            return new Hint(Hint.Id.FILE_TIME_NOT_TRUNCATED, "If-Modified-Since is the very Last-Modified this server"
                    + " sent, yet the file counts as newer: its time has fractions of a second, which an HTTP date"
                    + " drops. Compare in whole seconds (truncatedTo(ChronoUnit.SECONDS)).");
        }
        if (isNotModified(c.send(ifModifiedSince(modified(c).minusSeconds(1))))) {
            return new Hint(Hint.Id.IF_MODIFIED_SINCE_REVERSED, "The comparison is the wrong way round: 304 came for"
                    + " the file's time and a second before it, the whole file for the dates after it. The file is"
                    + " modified since the date when its time is after it: 304 when !modified.isAfter(since).");
        }
        return new Hint(Hint.Id.IF_MODIFIED_SINCE_EQUALITY, "Only the exact time gets 304: a client's copy from"
                + " later than the file's time is just as good (RFC 9110 §13.1.3: not modified \"since\"). Compare"
                + " the dates (not after), not the texts for equality.");
    }

    public static final Check MODIFIED = check("sends the whole file when it is newer than If-Modified-Since, or when"
            + " that date cannot be read", c -> {
                Timed answer = c.send(ifModifiedSince(modified(c).minusSeconds(1)));
                Hint mistake = isNotModified(answer) && readsInItsZone(c) ? IN_ITS_ZONE : new Hint(
                        Hint.Id.NOT_MODIFIED_FOR_A_NEWER_FILE, "The file changed after the client's copy: it gets the"
                        + " whole file. 304 only when the file's time is not after If-Modified-Since, in whole"
                        + " seconds.");
                c.check(answer, c.file(SiteFiles.DATED).when("If-Modified-Since: a second before the file's time")
                        .because(mistake.id(), mistake.text()));
                c.check(c.send("GET " + SiteFiles.DATED + " HTTP/1.0\r\nIf-Modified-Since: yesterday\r\n\r\n"),
                        c.file(SiteFiles.DATED).when("If-Modified-Since: yesterday")
                                .because("A date that cannot be read is ignored (RFC 9110 §13.1.3): the whole file."));
            });

    /**
     * Whether the server reads If-Modified-Since in its own time zone: the file's time, written as its
     * clock shows it, as if it were GMT, gets 304, and a second less the whole file. A server that reads
     * it in GMT answers both alike. Only for a server the grader started, in its zone.
     */
    private static boolean readsInItsZone(Checking c) {
        if (!c.server().isOwnProcess()) {
            return false;
        }
        Instant local = modified(c).plusSeconds(Sandbox.SERVERS_OFFSET.getTotalSeconds());
        return isNotModified(c.send(ifModifiedSince(local))) && !isNotModified(c.send(ifModifiedSince(
                local.minusSeconds(1))));
    }

    private static String nameCase(String header) {
        return " Read already? A header's name has no letter case (RFC 9110 §5.1): a map whose names were lower-cased"
                + " as the head was read holds \"" + header.toLowerCase(Locale.ROOT) + "\", not \"" + header + "\".";
    }
    private static final String NONE_MATCH_IGNORED = "The client's copy has the file's ETag: it is still good, and gets"
            + " 304 Not Modified without body (RFC 9110 §13.1.2). Compare each tag of If-None-Match with the file's.";

    private static final Hint INVERTED = new Hint(Hint.Id.IF_NONE_MATCH_INVERTED, "A tag that no file has got 304,"
            + " and the file's own tag the whole file: the test of If-None-Match is the wrong way round. The client's"
            + " copy is good when one of its tags is the file's (anyMatch): 304 then (RFC 9110 §13.1.2). \"None\" in"
            + " the header's name says when the whole file goes: when none matches.");

    /** Whether a tag no file has gets 304, and * does not: the test of If-None-Match is the wrong way round. */
    private static boolean inverted(Checking c) {
        return isNotModified(c.send(ifNoneMatch("GET", SiteFiles.DATED, "\"none-" + token(c) + "\"")))
                && !readsStar(c);
    }

    /** A form of If-None-Match that holds the file's tag, and the mistake of a server that misses it. */
    private record NoneMatch(String name, String value, Hint.Id mistake, String why) {
    }

    public static final Check NONE_MATCH = check("answers 304 Not Modified when If-None-Match holds the file's ETag:"
            + " alone, in a list, weak, or *", c -> {
                String etag = etagOf(c, SiteFiles.DATED);
                String weak = etag.startsWith("W/") ? etag : "W/" + etag;
                boolean inverted = inverted(c);
                Hint missed = inverted ? INVERTED : readsStar(c) ? tagMissed(etag)
                        : new Hint(Hint.Id.IF_NONE_MATCH_IGNORED, NONE_MATCH_IGNORED + nameCase("If-None-Match"));
                Hint inList = inverted ? INVERTED : listMissed(c, etag);
                for (NoneMatch form : List.of(
                        new NoneMatch("the file's ETag", etag, missed.id(), missed.text()),
                        new NoneMatch("a list with the file's ETag", "\"a-" + token(c) + "\", " + etag + ", \"b\"",
                                inList.id(), inList.text()),
                        new NoneMatch("the file's ETag, weak", weak, Hint.Id.IF_NONE_MATCH_WEAK, "W/\"...\" is the"
                                + " same tag, marked weak; If-None-Match compares tags weakly (RFC 9110 §8.8.3.2,"
                                + " §13.1.2): leave out W/ on both sides, then compare."),
                        new NoneMatch("*", "*", Hint.Id.IF_NONE_MATCH_STAR, "If-None-Match: * holds for any file"
                                + " that exists (RFC 9110 §13.1.2): a GET of it gets 304."),
                        new NoneMatch("a list without spaces", "\"a-" + token(c) + "\"," + etag + ",\"b\"",
                                Hint.Id.IF_NONE_MATCH_SPLIT_AT_SPACE, "A list with spaces after its commas gets 304,"
                                + " the same without them not: it is split at \", \". Split it at each comma, then strip"
                                + " each tag: RFC 9110 §5.6.1 allows spaces around a list's commas, and none."),
                        new NoneMatch("a list of weak tags", "W/\"a-" + token(c) + "\", " + weak,
                                Hint.Id.IF_NONE_MATCH_WEAK_IN_LIST, "The file's tag, weak, gets 304 alone, but not as"
                                + " the second weak tag of a list: W/ is left out of the list's first tag only. Split"
                                + " the list first, then leave out W/ of each tag."))) {
                    String situation = "If-None-Match: " + form.value() + " (" + form.name() + ")";
                    Hint mistake = inverted ? INVERTED : new Hint(form.mistake(), form.why());
                    c.inCase(situation, () -> c.check(c.send(ifNoneMatch("GET", SiteFiles.DATED, form.value())),
                            notModified(c, SiteFiles.DATED, etag).when(situation)
                                    .because(mistake.id(), mistake.text())));
                }
            });

    /** What a server that misses the file's tag in a list does wrong: reads no list, or keeps the spaces after commas. */
    private static Hint listMissed(Checking c, String etag) {
        String noSpaces = "\"a-" + token(c) + "\"," + etag + ",\"b\"";
        if (isNotModified(c.send(ifNoneMatch("GET", SiteFiles.DATED, noSpaces)))) {
            return new Hint(Hint.Id.IF_NONE_MATCH_SPACES, "The list is split, but each tag keeps the space after"
                    + " its comma, and is then not " + etag + " (without spaces, the same list gets 304). Strip each"
                    + " tag after splitting: RFC 9110 §5.6.1 allows spaces around the commas of a list.");
        }
        return new Hint(Hint.Id.IF_NONE_MATCH_LIST, "If-None-Match is a list of tags, separated by commas: a browser"
                + " that holds several copies sends all their tags. Split the list, and look for the file's tag among"
                + " them.");
    }

    public static final Check NONE_MATCH_WINS = check("lets If-None-Match decide alone, whatever If-Modified-Since"
            + " says: another tag gets the whole file, the file's tag 304 even beside an older date", c -> {
                String etag = etagOf(c, SiteFiles.DATED);
                String other = "\"other-" + token(c) + "\"";
                if (!other.equals(etag)) {
                    Timed answer = c.send(bothValidators(other, modified(c)));
                    Hint mistake = !isNotModified(answer) || readsNoneMatch(c, etag) ? new Hint(
                            Hint.Id.IF_MODIFIED_SINCE_WINS, "The tags say the client's copy is another one;"
                            + " If-Modified-Since is ignored beside If-None-Match (RFC 9110 §13.1.3, §13.2.2): a tag"
                            + " is surer than a time (a file can change twice in a second). Look at If-Modified-Since"
                            + " only when there is no If-None-Match.") : noneMatchIgnored(c, etag);
                    c.check(answer, c.file(SiteFiles.DATED).when("If-None-Match: another tag, and"
                            + " If-Modified-Since: the file's time").because(mistake.id(), mistake.text()));
                }
                // The other way round: the tag matches, and a date older than the file is no reason for the whole file.
                Timed answer = c.send(bothValidators(etag, modified(c).minus(1, ChronoUnit.DAYS)));
                Hint mistake = isNotModified(answer) || readsNoneMatch(c, etag) ? new Hint(Hint.Id.BOTH_VALIDATORS_ASKED,
                        "The tag matches, yet the whole file came, because If-Modified-Since is older than the file:"
                        + " beside If-None-Match, If-Modified-Since is ignored (RFC 9110 §13.1.3), and the tag decides"
                        + " alone. A client may join a tag and a date from different copies.") : noneMatchIgnored(c, etag);
                c.check(answer, notModified(c, SiteFiles.DATED, etag).when("If-None-Match: the file's ETag, and"
                        + " If-Modified-Since: a day before the file's time").because(mistake.id(), mistake.text()));
            });

    /** A GET of the dated file with If-None-Match: {@code tag}, and If-Modified-Since: {@code date}. */
    private static String bothValidators(String tag, Instant date) {
        return "GET " + SiteFiles.DATED + " HTTP/1.0\r\nIf-None-Match: " + tag + "\r\nIf-Modified-Since: "
                + IMF_FIXDATE.format(date) + "\r\n\r\n";
    }

    public static final Check ETAG_CHANGES = check("changes the ETag when the file changes, even at the same length",
            c -> {
                String path = "/changing.html";
                WebRoot webRoot = c.webRoot();
                Instant before = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).plusMillis(123);
                try {
                    write(webRoot, path, "<p>First version " + webRoot.token("first") + ".</p>\n", before);
                    String first = etagOf(c, path);
                    // Same length, other bytes, a time 2 s later: a real edit, a second-based tag (nginx's) changes.
                    write(webRoot, path, "<p>Other version " + webRoot.token("other") + ".</p>\n",
                            before.plusSeconds(2));
                    Timed answer = c.send(ifNoneMatch("GET", path, first));
                    String unchanged = "The file changed (same length, other bytes, a later time), and its ETag did"
                            + " not: " + first + ". A client that holds the old copy keeps it for ever. Make the tag"
                            + " of what changes with the file: its time (to the nanosecond) with its size, or a hash"
                            + " of its bytes; never its length alone.";
                    Hint mistake = isNotModified(answer) && inverted(c) ? INVERTED
                            : new Hint(Hint.Id.ETAG_UNCHANGED, unchanged);
                    c.check(answer, c.file(path).when("If-None-Match: the ETag the file had before the edit")
                            .because(mistake.id(), mistake.text()));
                    if (first.equals(HttpResponse.parse(answer.exchange().response()).value("ETag"))) {
                        throw FailureReport.failure("The ETag is the same before and after an edit of the file.",
                                null, answer.reply(), List.of(new Hint(Hint.Id.ETAG_UNCHANGED, unchanged)));
                    }
                } finally {
                    webRoot.deletePage(path);
                }
            });

    public static final Check HEAD_NONE_MATCH = check("answers HEAD with If-None-Match too: 304 Not Modified", c -> {
        String etag = etagOf(c, SiteFiles.DATED);
        Timed answer = c.send(ifNoneMatch("HEAD", SiteFiles.DATED, etag));
        Hint mistake = isNotModified(answer) || readsNoneMatch(c, etag) ? new Hint(Hint.Id.HEAD_NOT_CONDITIONAL,
                "HEAD gets the answer GET would get, without body (RFC 9110 §9.3.2): for a copy that is still good,"
                        + " that is 304 Not Modified. Check If-None-Match for HEAD as for GET.")
                : noneMatchIgnored(c, etag);
        c.check(answer, notModified(c, SiteFiles.DATED, etag).when("HEAD with If-None-Match: the file's ETag")
                .because(mistake.id(), mistake.text()));
    });

    private static final String CONDITIONS_OF_A_2XX = "The conditions of a request count only for an answer that would"
            + " be 2xx without them (RFC 9110 §13.2.1): a 304 tells the client that the file exists, and its ETag and"
            + " Last-Modified give away its size and time. Ask whether the file may be served first; only then look at"
            + " If-None-Match and If-Modified-Since.";

    public static final Check ONLY_IF_SERVED = check("answers 404, never 304, for a file it does not"
            + " serve (hidden, outside htdocs), whatever If-None-Match or If-Modified-Since say", c -> {
                String now = IMF_FIXDATE.format(Instant.now());
                for (String path : List.of(SiteFiles.HIDDEN, SiteFiles.HIDDEN_FOLDER_FILE, "/../pom.xml")) {
                    for (String condition : List.of("If-None-Match: *", "If-Modified-Since: " + now)) {
                        String request = "GET " + path + " HTTP/1.0\r\n" + condition + "\r\n\r\n";
                        c.inCase("GET " + path + ", " + condition, () -> c.check(c.send(request), c.notFound()
                                .when("GET " + path + " with " + condition)
                                .because(Hint.Id.CONDITIONAL_BEFORE_NOT_FOUND, CONDITIONS_OF_A_2XX)));
                    }
                }
            });

    /** Whether a GET with the file's ETag gets 304: only then a check with more than that names its own mistake. */
    private static boolean readsNoneMatch(Checking c, String etag) {
        return isNotModified(c.send(ifNoneMatch("GET", SiteFiles.DATED, etag)));
    }

    /** Whether a GET with If-None-Match: * gets 304: the server reads the header. */
    private static boolean readsStar(Checking c) {
        return isNotModified(c.send(ifNoneMatch("GET", SiteFiles.DATED, "*")));
    }

    /** Why a GET with the file's ETag gets no 304: the test inverted, the header never read, or the tag never found. */
    private static Hint noneMatchIgnored(Checking c, String etag) {
        if (inverted(c)) {
            return INVERTED;
        }
        return readsStar(c) ? tagMissed(etag) : new Hint(Hint.Id.IF_NONE_MATCH_IGNORED, "Even a GET with the"
                + " file's ETag in If-None-Match does not get 304: the server does not read If-None-Match. "
                + NONE_MATCH_IGNORED + nameCase("If-None-Match"));
    }

    private static Hint tagMissed(String etag) {
        if (etag.contains(",")) {
            return new Hint(Hint.Id.ETAG_WITH_A_COMMA, "The file's ETag, " + etag + ", holds a comma: a tag may"
                    + " (RFC 9110 §8.8.3), but If-None-Match is a list of tags separated by commas, and a server that"
                    + " splits it at every comma cuts its own tag in two. Make tags without commas (the size and the"
                    + " time in hex, joined by -).");
        }
        return new Hint(Hint.Id.IF_NONE_MATCH_TAG_MISSED, "If-None-Match: * gets 304, so the server reads the header,"
                + " but never finds in it the file's own ETag, " + etag + ". Compare each tag as it comes with the"
                + " ETag the server sends, quotes included (W/ alone may be left out): print both, and look for a"
                + " quote, a W/ or a space taken off one side only.");
    }

    public static final List<Check> ALL = List.of(LAST_MODIFIED_AND_ETAG, MODIFIED_SINCE, MODIFIED, NONE_MATCH,
            NONE_MATCH_WINS, ETAG_CHANGES, HEAD_NONE_MATCH, ONLY_IF_SERVED);

    /**
     * The file's ETag, as a browser learns it: from the answer to a GET, which must be right. Asked
     * twice, for a tag that does not change while the file does not (the checks send it back).
     */
    static String etagOf(Checking c, String path) {
        String etag = null;
        for (int i = 0; i < 2; i++) {
            Timed answer = c.get(path);
            c.check(answer, c.file(path));
            String again = HttpResponse.parse(answer.exchange().response()).value("ETag");
            if (etag != null && !etag.equals(again)) {
                throw FailureReport.failure("GET " + path + " twice, the file unchanged: two ETags, " + etag + " then "
                        + again + ".", null, answer.reply(), List.of(new Hint(Hint.Id.ETAG_UNSTABLE, "An ETag names"
                        + " the file's content as it is: the same for as long as the file does not change, or no"
                        + " copy ever matches it. Make it of the file's size and time (or a hash of its bytes), not"
                        + " of the clock or of an object made for each request.")));
            }
            etag = again;
        }
        return etag;
    }

    /**
     * 304 Not Modified for the file: no body, the ETag the 200 had (RFC 9110 §15.4.5), and no Content-Type but
     * the 200's: a cache takes a 304's fields into the copy it keeps (RFC 9111 §4.3.4).
     */
    static Expected notModified(Checking c, String path, String etag) {
        String type = HttpResponse.parse(c.get(path).exchange().response()).value("Content-Type");
        return Expected.notModified(c.webRoot().page(path).length).with(HeaderRules.sameEtag(etag))
                .with(new HeaderRule("Content-Type", false, (got, ctx) -> sameMediaType(got, type), ctx -> type,
                        (got, ctx) -> new Hint(Hint.Id.NOT_MODIFIED_TYPE_WRONG, "A 304 says the Content-Type of the"
                                + " 200, " + type + ", or none (better: it has no body); not " + got + ". A cache"
                                + " takes a 304's header fields into the copy it keeps (RFC 9111 §4.3.4): this one"
                                + " would change the type of the page it holds. Send the validators and Date only.")));
    }

    /** The same type and charset, in any case and spacing: "text/html;charset=UTF-8" is "text/html; charset=utf-8". */
    private static boolean sameMediaType(String got, String type) {
        String[] one = HeaderRules.mediaType(got);
        String[] other = HeaderRules.mediaType(type);
        return one != null && other != null && one[0].equals(other[0]) && one[1].equalsIgnoreCase(other[1]);
    }

    private static boolean isNotModified(Timed answer) {
        return answer.code().equals("304");
    }

    /** The dated file's time, in whole seconds, as Last-Modified says it. */
    private static Instant modified(Checking c) {
        return SiteFiles.modified(c.webRoot(), SiteFiles.DATED).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Whether a file whose time is a whole second gets 304 for exactly that time (a probe: no fraction to drop). */
    private static boolean notModifiedAtAWholeSecond(Checking c) {
        String path = "/whole-second.html";
        Instant time = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        write(c.webRoot(), path, "<p>A file of a whole second.</p>\n", time);
        return isNotModified(c.send("GET " + path + " HTTP/1.0\r\nIf-Modified-Since: " + IMF_FIXDATE.format(time)
                + "\r\n\r\n"));
    }

    private static String ifModifiedSince(Instant time) {
        return "GET " + SiteFiles.DATED + " HTTP/1.0\r\nIf-Modified-Since: " + IMF_FIXDATE.format(time)
                + "\r\n\r\n";
    }

    private static String ifNoneMatch(String method, String path, String tags) {
        return method + " " + path + " HTTP/1.0\r\nIf-None-Match: " + tags + "\r\n\r\n";
    }

    /** A random word of this run, for tags no file has. */
    private static String token(Checking c) {
        return c.webRoot().token("tag");
    }

    /** Writes a page of htdocs, and gives it this time. */
    private static void write(WebRoot webRoot, String path, String html, Instant modified) {
        webRoot.replacePage(path, html.getBytes(StandardCharsets.UTF_8));
        SiteFiles.setModified(webRoot, path, modified);
    }
}
