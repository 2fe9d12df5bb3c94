package httpcourse.grader;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import httpcourse.spec.ArticleChecks;
import httpcourse.spec.BasicChecks;
import httpcourse.spec.BodyChecks;
import httpcourse.spec.CachingChecks;
import httpcourse.spec.Check;
import httpcourse.spec.ClearNoChecks;
import httpcourse.spec.CompleteAnswerChecks;
import httpcourse.spec.Hint;
import httpcourse.spec.KeepAliveChecks;
import httpcourse.spec.StopChecks;
import httpcourse.spec.UnattendedChecks;
import httpcourse.spec.UrlChecks;

/**
 * What else each known-wrong server fails besides its own check ({@link Flaws}), and with which
 * hint: a flaw often shows in several checks of its lesson, each of which must name it.
 */
final class AlsoFails {

    private AlsoFails() {
    }

    /**
     * Everything else a flaw breaks, with the hint each of those failures must get: graded on its
     * checks ({@link Flaws#gradedChecks}, which holds these), a known-wrong server fails its own check and
     * these, and no other. Absent: the flaw fails its own check only.
     */
    static Map<Check, Hint.Id> of(KnownWrongServer server) {
        return switch (server) {
            case ArticleFixtures article -> article(article);
            case Steps5To7Fixtures server5To7 -> steps5To7(server5To7);
            case Steps8And9Fixtures server8And9 -> steps8And9(server8And9);
            case Steps10And11Fixtures server10And11 -> steps10And11(server10And11);
            case Steps12To14Fixtures server12To14 -> steps12To14(server12To14);
            case UploadFixtures upload -> ExtensionsAlsoFail.uploads(upload);
            case RangeAndCompressionFixtures rangeOrGzip -> ExtensionsAlsoFail.rangesAndCompression(rangeOrGzip);
        };
    }

    /** Steps 1 to 4, the article's. */
    private static Map<Check, Hint.Id> article(ArticleFixtures server) {
        return switch (server) {
            // A wrong answer to every request: every check that looks at an answer fails, for one reason.
            case BARE_LINE_ENDINGS, NO_STATUS_LINE, HTTP_1_1_STATUS_LINE, HEAD_NEVER_ENDS, HEADER_LINES,
                 TRAILING_LINE_BREAK, EXTRA_BYTES, HEAD_IN_A_WRITER, HARD_CODED_BODY ->
                    everyCheckBut(server, BasicChecks.LOOPBACK_ONLY);
            // Every answer's connection stays open, but where the byte it waits for comes: the last piece of a
            // request in pieces, a lone \n after the \r that ended its head.
            case NEVER_CLOSES -> everyCheckBut(server, BasicChecks.IN_PIECES, BasicChecks.LOOPBACK_ONLY);
            // Its page stands in for index.html until the spec's edit of the file puts the generated one back.
            case TAMPERS_WITH_ITS_WEB_ROOT -> failing(Hint.Id.NOT_THE_GENERATED_FILE, BasicChecks.ANSWERS_A_BROWSER,
                    BasicChecks.BARE_LINE_FEEDS, BasicChecks.IN_PIECES, BasicChecks.IN_A_ROW,
                    ArticleChecks.INDEX_WHATEVER_THE_PATH, ArticleChecks.INDEX_TO_A_FORM);
            case IGNORES_THE_PATH -> merged(failing(Hint.Id.WRONG_FILE, ArticleChecks.ABOUT, ArticleChecks.NESTED,
                            ArticleChecks.BINARY, ArticleChecks.LARGE, ArticleChecks.FORM_LIKE_A_GET,
                            ArticleChecks.BROWSER_FOR_A_PAGE, ArticleChecks.FILE_READ_AFRESH),
                    failing(Hint.Id.ANSWERED_INSTEAD_OF_CLOSING, ArticleChecks.MISSING_FILE_CLOSES));
            // Every file with bytes beyond ASCII: the pages of ASCII alone pass.
            case PAGE_THROUGH_A_STRING -> everyCheckBut(server, ArticleChecks.NAMED_FILE, ArticleChecks.ABOUT,
                    ArticleChecks.NESTED, ArticleChecks.FORM_LIKE_A_GET, ArticleChecks.BROWSER_FOR_A_PAGE,
                    BasicChecks.LOOPBACK_ONLY);
            // Every answer with a file: the 404s pass.
            case HEAD_THEN_THROWS -> everyCheckBut(server, ArticleChecks.FORM_TO_A_MISSING_FILE, ArticleChecks.FOLDER,
                    ArticleChecks.OUTSIDE, ArticleChecks.LINK_OUTSIDE, BasicChecks.LOOPBACK_ONLY);
            case NOT_FOUND_IN_CAPITALS -> failing(Hint.Id.STATUS_LINE_CASE, ArticleChecks.FORM_TO_A_MISSING_FILE,
                    ArticleChecks.FOLDER, ArticleChecks.OUTSIDE, ArticleChecks.LINK_OUTSIDE);
            case NOT_FOUND_AS_200 -> failing(Hint.Id.WRONG_STATUS, ArticleChecks.FORM_TO_A_MISSING_FILE,
                    ArticleChecks.FOLDER, ArticleChecks.OUTSIDE, ArticleChecks.LINK_OUTSIDE);
            case SERVES_OUTSIDE_HTDOCS -> failing(Hint.Id.OUTSIDE_HTDOCS, ArticleChecks.LINK_OUTSIDE);
            case NO_RETURN_AFTER_404 -> failing(Hint.Id.ANSWERED_AFTER_ERROR, ArticleChecks.LINK_OUTSIDE);
            // Every check that asks for "/", the "survives" ones too: they ask for it after their test.
            case ROOT_COMPARED_WITH_IDENTITY -> everyCheckBut(server, ArticleChecks.INDEX_BY_NAME,
                    ArticleChecks.NAMED_FILE, ArticleChecks.ABOUT, ArticleChecks.NESTED, ArticleChecks.BINARY, ArticleChecks.LARGE,
                    ArticleChecks.FORM_LIKE_A_GET, ArticleChecks.BROWSER_FOR_A_PAGE, ArticleChecks.FILE_READ_AFRESH,
                    BasicChecks.LOOPBACK_ONLY);
            // It refuses every "..", as the safety it has.
            case SERVES_ABSOLUTE_PATHS -> merged(failing(Hint.Id.OUTSIDE_HTDOCS, ArticleChecks.LINK_OUTSIDE),
                    failing(Hint.Id.REFUSES_EVERY_DOT_DOT, ArticleChecks.DOT_DOT_INSIDE));
            // Step 3 closes for whatever it cannot read (a folder, a path through a missing one), and
            // reads whatever the path leads to.
            case STEP_3 -> merged(failing(Hint.Id.CLOSED_WITHOUT_ANSWER, ArticleChecks.FORM_TO_A_MISSING_FILE,
                            ArticleChecks.FOLDER, ArticleChecks.DOT_DOT_INSIDE),
                    failing(Hint.Id.OUTSIDE_HTDOCS, ArticleChecks.OUTSIDE, ArticleChecks.LINK_OUTSIDE));
            default -> Map.of();
        };
    }

    /** Steps 5 to 7. */
    private static Map<Check, Hint.Id> steps5To7(Steps5To7Fixtures server) {
        return switch (server) {
            // The browser's headers, and the form's Content-Type, refused by name.
            case TOKEN_WITHOUT_HYPHEN -> failing(Hint.Id.HEADER_NAME_HYPHEN_REFUSED, ClearNoChecks.FORM_POST,
                    ClearNoChecks.LARGE_HEAD, ClearNoChecks.MALFORMED_HEADER_LINES);
            // Every answer has a Date: every check that looks at an answer fails, for one reason.
            case NO_DATE, DATE_IN_ISO_8601, DATE_IN_DEFAULT_LOCALE, DATE_IN_LOCAL_TIME, DATE_IN_MACHINE_ZONE, DATE_HOUR_12,
                 DATE_MINUTES_AS_MONTH -> everyCheckBut(server, BasicChecks.LOOPBACK_ONLY);
            // Every answer has header lines: every check that looks at an answer fails, for one reason.
            case HEADER_LINES_END_WITH_LF -> everyCheckBut(server, BasicChecks.LOOPBACK_ONLY);
            // No answer ever leaves: every check that waits for one fails, for one reason.
            case ANSWER_NEVER_FLUSHED -> everyCheckBut(server);
            // Every connection ends before its first read: only the check that never connects passes.
            case TIME_LIMIT_OVER_AT_ONCE -> everyCheckBut(server, BasicChecks.LOOPBACK_ONLY);
            // Most checks send HTTP/1.0 without Host, as nc does: all of step 7's but the browser-like head.
            case HOST_ASKED_OF_HTTP10 -> everyCheckBut(server, ClearNoChecks.LARGE_HEAD);
            // Every text beyond ASCII: index.html (which most checks ask for again, to see the server still
            // answers), the typed texts, the U+FFFD text; ASCII pages, binary files, and the errors' texts pass.
            case CONTENT_LENGTH_IN_CHARACTERS -> everyCheckBut(server, ArticleChecks.NAMED_FILE, ArticleChecks.ABOUT,
                    ArticleChecks.NESTED, ArticleChecks.BINARY, ArticleChecks.LARGE, ArticleChecks.FORM_LIKE_A_GET,
                    ArticleChecks.BROWSER_FOR_A_PAGE, ArticleChecks.FORM_TO_A_MISSING_FILE, ArticleChecks.FOLDER,
                    ArticleChecks.OUTSIDE, ArticleChecks.DOT_DOT_INSIDE, ArticleChecks.LINK_OUTSIDE,
                    BasicChecks.LOOPBACK_ONLY, CompleteAnswerChecks.UPPER_CASE, CompleteAnswerChecks.OCTET_STREAM,
                    CompleteAnswerChecks.HEAD, CompleteAnswerChecks.HEAD_OF_A_MISSING_FILE);
            // Every 404: the FIFO's, and the one GET gets before HEAD, too.
            case ERROR_LENGTH_WITHOUT_LINE_BREAK -> failing(Hint.Id.CONTENT_LENGTH_WRONG,
                    ArticleChecks.FORM_TO_A_MISSING_FILE, ArticleChecks.FOLDER, ArticleChecks.OUTSIDE,
                    ArticleChecks.LINK_OUTSIDE, CompleteAnswerChecks.HEAD_OF_A_MISSING_FILE, CompleteAnswerChecks.FIFO);
            case ERRORS_WITHOUT_TEXT -> failing(Hint.Id.ERROR_WITHOUT_TEXT, ArticleChecks.FORM_TO_A_MISSING_FILE,
                    ArticleChecks.FOLDER, ArticleChecks.OUTSIDE, ArticleChecks.LINK_OUTSIDE,
                    CompleteAnswerChecks.HEAD_OF_A_MISSING_FILE, CompleteAnswerChecks.FIFO);
            case HEAD_WITH_BODY -> failing(Hint.Id.BODY_WHERE_NONE, CompleteAnswerChecks.HEAD_OF_A_MISSING_FILE);
            case ERROR_BODY_FOR_HEAD -> failing(Hint.Id.ERROR_BODY_FOR_HEAD, ClearNoChecks.MALFORMED_HEADER_LINES);
            case BODY_FOR_GET_ONLY -> failing(Hint.Id.BODY_FOR_GET_ONLY, ArticleChecks.FORM_TO_A_MISSING_FILE);
            // Files.exists is true of a folder too: it is sent as a file (its head, then nothing).
            case FIFO_OPENED -> failing(Hint.Id.WRONG_STATUS, ArticleChecks.FOLDER);
            case METHOD_NOT_405 -> failing(Hint.Id.METHOD_NOT_405, ClearNoChecks.OTHER_METHODS);
            case ALLOW_WITHOUT_HEAD -> failing(Hint.Id.ALLOW_WRONG, ClearNoChecks.OTHER_METHODS);
            // A CR in a value, or between two header lines, is dropped too.
            case BARE_CR_ACCEPTED -> failing(Hint.Id.BARE_CR_ACCEPTED, ClearNoChecks.MALFORMED_HEADER_LINES);
            case LIMITS_CLOSE_THE_CONNECTION -> failing(Hint.Id.ERROR_BY_CLOSING, ClearNoChecks.HEADERS_TOO_LARGE);
            case HEAD_LIMIT_TOO_SMALL -> failing(Hint.Id.HEAD_LIMIT_TOO_SMALL, ClearNoChecks.LARGE_HEAD);
            default -> Map.of();
        };
    }

    /** Steps 8 and 9. */
    private static Map<Check, Hint.Id> steps8And9(Steps8And9Fixtures server) {
        return switch (server) {
            // Every check with an escape before another character it needs.
            case ESCAPE_SKIPS_NEXT -> failing(Hint.Id.ESCAPE_SKIPS_NEXT, UrlChecks.DECODES_ANY_ESCAPE,
                    UrlChecks.DECODES_UTF8, UrlChecks.PLUS, UrlChecks.DECODES_THEN_NORMALIZES,
                    UrlChecks.REDIRECT_ENCODED);
            // Every check that asks for htdocs itself, in any form ("/?x", "http://localhost", "/sub/.."), with one
            // hint: a browser's head with a cookie too, whose hint blames its size only when the same without it passes.
            case HIDDEN_TEST_BY_CHAR -> failing(Hint.Id.ROOT_FOLDER_FAILS, ClearNoChecks.LARGE_HEAD,
                    UrlChecks.MALFORMED_ESCAPES, UrlChecks.QUERY, UrlChecks.ABSOLUTE_FORM,
                    UrlChecks.UNDER_A_HIDDEN_FOLDER, UrlChecks.TOP_FOLDER);
            // Every check with an escape it needs decoded; the others see 404, as they expect.
            case NOT_PERCENT_DECODED -> failing(Hint.Id.NOT_PERCENT_DECODED, UrlChecks.DECODES_ANY_ESCAPE,
                    UrlChecks.MALFORMED_ESCAPES, UrlChecks.PLUS, UrlChecks.DECODES_THEN_NORMALIZES,
                    UrlChecks.REDIRECT_ENCODED);
            // URLDecoder throws on "%+4": the connection closes without an answer.
            // A second pass reads é, two bytes decoded already, as one byte that is not UTF-8: 400.
            case DECODED_TWICE -> failing(Hint.Id.DECODED_TWICE, UrlChecks.DECODES_UTF8);
            case PLUS_DECODED_AS_SPACE -> failing(Hint.Id.ERROR_BY_CLOSING, UrlChecks.MALFORMED_ESCAPES);
            case QUERY_NOT_IGNORED -> failing(Hint.Id.QUERY_NOT_IGNORED, UrlChecks.REDIRECT_INSIDE);
            // Not normalized, ".." stays a name of the path, which starts with a dot: hidden.
            case NOT_NORMALIZED_AFTER_DECODING -> failing(Hint.Id.REFUSES_EVERY_DOT_DOT, ArticleChecks.DOT_DOT_INSIDE);
            case SERVES_HIDDEN_FILES -> failing(Hint.Id.HIDDEN_FILE, UrlChecks.HIDDEN_THROUGH_A_LINK);
            // Its test of names serves the real path too: config-link.txt leads into .git.
            case HIDDEN_LAST_NAME_ONLY -> failing(Hint.Id.HIDDEN_FOLDER, UrlChecks.HIDDEN_THROUGH_A_LINK);
            // Every check that sends an escape in lower case: %2e..., %2ehidden.
            case HEX_IN_CAPITALS_ONLY -> failing(Hint.Id.HEX_CASE_REFUSED, UrlChecks.DECODES_THEN_NORMALIZES,
                    UrlChecks.HIDDEN_FILES);
            case FOLDER_INDEX_NOT_SERVED -> failing(Hint.Id.FOLDER_INDEX_NOT_SERVED, UrlChecks.LINK_INSIDE,
                    UrlChecks.REDIRECT_ENCODED);
            case FOLDER_NOT_REDIRECTED -> failing(Hint.Id.FOLDER_NOT_REDIRECTED, UrlChecks.REDIRECT_ENCODED,
                    UrlChecks.REDIRECT_INSIDE);
            // A Location from the request's path: //docs leads to another site, /sub/.. to /sub/../, /docs%2F to
            // /docs%2F/ (or, decoded, /docs//).
            case LOCATION_DECODED -> merged(failing(Hint.Id.OPEN_REDIRECT, UrlChecks.REDIRECT_INSIDE),
                    failing(Hint.Id.LOCATION_WRONG, UrlChecks.FOLDER_REDIRECT, UrlChecks.TOP_FOLDER));
            case OPEN_REDIRECT -> failing(Hint.Id.LOCATION_WRONG, UrlChecks.FOLDER_REDIRECT, UrlChecks.TOP_FOLDER);
            // Every file's answer: the checks that see only errors and redirects pass.
            case NO_LAST_MODIFIED, ETAG_WITHOUT_QUOTES -> everyCheckBut(server, ArticleChecks.OUTSIDE,
                    ArticleChecks.LINK_OUTSIDE, BasicChecks.LOOPBACK_ONLY, CompleteAnswerChecks.HEAD_OF_A_MISSING_FILE,
                    ClearNoChecks.LONG_REQUEST_LINE, UrlChecks.DECODES_UTF8, UrlChecks.TARGET_WITHOUT_SLASH,
                    UrlChecks.ESCAPED_OUTSIDE, UrlChecks.HIDDEN_FILES, UrlChecks.HIDDEN_THROUGH_A_LINK,
                    UrlChecks.FOLDER_REDIRECT, UrlChecks.REDIRECT_INSIDE, UrlChecks.TOP_FOLDER,
                    UrlChecks.FOLDER_WITHOUT_INDEX, CachingChecks.ONLY_IF_SERVED);
            case IF_NONE_MATCH_IGNORED, NONE_MATCH_NAME_CASE -> failing(Hint.Id.IF_NONE_MATCH_IGNORED,
                    CachingChecks.NONE_MATCH_WINS, CachingChecks.HEAD_NONE_MATCH);
            case IF_NONE_MATCH_INVERTED -> failing(Hint.Id.IF_NONE_MATCH_INVERTED, CachingChecks.NONE_MATCH_WINS,
                    CachingChecks.ETAG_CHANGES, CachingChecks.HEAD_NONE_MATCH);
            // Every check that sends the file's own tag.
            case TAG_QUOTES_STRIPPED -> failing(Hint.Id.IF_NONE_MATCH_TAG_MISSED, CachingChecks.NONE_MATCH_WINS,
                    CachingChecks.HEAD_NONE_MATCH);
            case ETAG_WITH_A_COMMA -> failing(Hint.Id.ETAG_WITH_A_COMMA, CachingChecks.NONE_MATCH_WINS,
                    CachingChecks.HEAD_NONE_MATCH);
            // Every check that asks for the ETag twice.
            case ETAG_UNSTABLE -> failing(Hint.Id.ETAG_UNSTABLE, CachingChecks.MODIFIED_SINCE,
                    CachingChecks.NONE_MATCH_WINS, CachingChecks.ETAG_CHANGES, CachingChecks.HEAD_NONE_MATCH);
            // A formatter with YYYY writes a date it cannot read back: every If-Modified-Since is ignored.
            case LAST_MODIFIED_WEEK_YEAR -> failing(Hint.Id.IF_MODIFIED_SINCE_IGNORED, CachingChecks.MODIFIED_SINCE);
            // 304 for a date a second before the file's time.
            case IF_MODIFIED_SINCE_REVERSED -> failing(Hint.Id.NOT_MODIFIED_FOR_A_NEWER_FILE, CachingChecks.MODIFIED);
            // Every 304.
            case NOT_MODIFIED_WITHOUT_ETAG -> failing(Hint.Id.NOT_MODIFIED_WITHOUT_ETAG, CachingChecks.MODIFIED_SINCE,
                    CachingChecks.NONE_MATCH_WINS, CachingChecks.HEAD_NONE_MATCH);
            case NOT_MODIFIED_AS_TEXT -> failing(Hint.Id.NOT_MODIFIED_TYPE_WRONG, CachingChecks.MODIFIED_SINCE,
                    CachingChecks.NONE_MATCH_WINS, CachingChecks.HEAD_NONE_MATCH);
            default -> Map.of();
        };
    }

    /** Steps 10 and 11. */
    private static Map<Check, Hint.Id> steps10And11(Steps10And11Fixtures server) {
        return switch (server) {
            // Chunks of 64 KiB, sent until answered, skipped short too: read, for that check, as chunks misread.
            case CHUNK_SKIPPED_SHORT -> failing(Hint.Id.CHUNKS_MISREAD, BodyChecks.HUGE_BODY_ANSWERED);
            // A POST of 5 GB, whose body is no request, comes before the huge body's own check.
            case LENGTH_AS_INT -> failing(Hint.Id.BODY_LENGTH_OVERFLOW, KeepAliveChecks.BODY_NEVER_A_REQUEST);
            // Every POST's 405 comes before its body: read, or judged; and the 404 among three requests closes.
            case BODY_READ_AFTER_THE_ANSWER -> merged(failing(Hint.Id.BODY_READ_AFTER_THE_ANSWER, BodyChecks.CHUNKED,
                    BodyChecks.LARGE_BODIES, BodyChecks.TWO_PIECES, BodyChecks.DOUBTFUL_LENGTH, BodyChecks.UNKNOWN_CODING),
                    failing(Hint.Id.CLOSED_AFTER_AN_ERROR, KeepAliveChecks.THREE_REQUESTS));
            // The huge body's check sends a GET too: its answer does not say close, a POST's does.
            case GET_BODY_IGNORED -> failing(Hint.Id.BODY_OF_GET_IGNORED, BodyChecks.HUGE_BODY_ANSWERED);
            // The small chunked body that comes before the large ones, and the chunks of 64 KiB past the limit.
            case CHUNK_SIZE_DECIMAL, CHUNK_CRLF_UNREAD -> failing(Hint.Id.CHUNKS_MISREAD, BodyChecks.LARGE_BODIES,
                    BodyChecks.HUGE_BODY_ANSWERED);
            // Every check ends with an answer after which it closes, and waits for the client to close first;
            // the huge body's, read up to the limit before the close, and more of it sent: a reset.
            case OUTPUT_NEVER_SHUT_DOWN -> merged(everyCheckBut(server),
                    failing(Hint.Id.RESET_AFTER_LAST_ANSWER, BodyChecks.HUGE_BODY_ANSWERED));
            // It answers "Connection: close" to HTTP/1.0's keep-alive too: the answer does not say it back.
            case CLOSES_AFTER_EACH_ANSWER -> merged(failing(Hint.Id.NOT_KEPT_OPEN, KeepAliveChecks.BROWSER_KEPT,
                            KeepAliveChecks.PIPELINED),
                    failing(Hint.Id.CONNECTION_HEADER_WRONG, KeepAliveChecks.HTTP10_WHEN_ASKED,
                            KeepAliveChecks.OPTIONS_IN_ANY_CASE));
            // Every connection it closes: each last answer, the close asked for, the body, the limit.
            case NO_CONNECTION_CLOSE -> failing(Hint.Id.CONNECTION_HEADER_WRONG, KeepAliveChecks.THREE_REQUESTS,
                    KeepAliveChecks.OPTIONS_IN_ANY_CASE, KeepAliveChecks.PIPELINED,
                    KeepAliveChecks.BODY_NEVER_A_REQUEST, KeepAliveChecks.MANY_REQUESTS);
            // The many requests' check sends them in batches, in one piece each.
            case BUFFER_PER_REQUEST -> failing(Hint.Id.PIPELINED_REQUEST_LOST, KeepAliveChecks.MANY_REQUESTS);
            // A body read as a request whether it is large, or comes in two pieces.
            case IGNORES_BODIES -> merged(failing(Hint.Id.BODY_READ_AS_REQUEST, BodyChecks.LARGE_BODIES),
                    failing(Hint.Id.ANSWERED_BEFORE_BODY, BodyChecks.TWO_PIECES));
            // Every body, chunked or not; and a chunk size that is not hex, seen only by reading the chunks.
            case BODY_NEVER_READ -> failing(Hint.Id.BODY_LEFT_UNREAD, BodyChecks.CHUNKED, BodyChecks.LARGE_BODIES,
                    BodyChecks.TWO_PIECES, BodyChecks.DOUBTFUL_LENGTH);
            default -> Map.of();
        };
    }

    /** Steps 12 to 14. */
    private static Map<Check, Hint.Id> steps12To14(Steps12To14Fixtures server) {
        return switch (server) {
            // Every head is read whole, however long: the line's 414, and the header lines' 431.
            case FAST_PATH_UNCOUNTED -> failing(Hint.Id.WRONG_STATUS, ClearNoChecks.HEADERS_TOO_LARGE);
            // The cut answer's line, looked for with its spaces, in the write timeout's check.
            case LOG_SPACE_ESCAPED -> failing(Hint.Id.LOG_SPACE_ESCAPED, UnattendedChecks.WRITE_TIMEOUT);
            // SIGTERM and SIGINT end it at once, with their status: every check of the stop.
            case STEP_11 -> merged(failing(Hint.Id.STOP_NOT_GRACEFUL, StopChecks.DRAINS_THE_QUEUE,
                            StopChecks.IDLE_CLOSED_AT_ONCE, StopChecks.ON_SIGINT),
                    failing(Hint.Id.STOP_EXIT_STATUS, StopChecks.WITHIN_GRACE_PERIOD));
            // Every check that reads a download under way at the signal; the one that reads nothing passes.
            case EXITS_AT_ONCE -> failing(Hint.Id.GRACE_PERIOD_TOO_SHORT, StopChecks.DRAINS_THE_QUEUE,
                    StopChecks.IDLE_CLOSED_AT_ONCE, StopChecks.ON_SIGINT);
            case EXIT_STATUS_143 -> failing(Hint.Id.STOP_EXIT_STATUS, StopChecks.WITHIN_GRACE_PERIOD);
            // The slow reader of the write timeout's check, busy from its first write on, is cut too.
            case WRITE_TIMED_ONCE -> failing(Hint.Id.WRITE_TIMED_ONCE, UnattendedChecks.WRITE_TIMEOUT);
            default -> Map.of();
        };
    }

    /** Every check of {@code server}'s lesson but {@code passing} (and its own), each failing with its hint. */
    static Map<Check, Hint.Id> everyCheckBut(KnownWrongServer server, Check... passing) {
        Flaws.Flaw flaw = Flaws.flaw(server);
        Map<Check, Hint.Id> failing = new LinkedHashMap<>();
        Flaws.lesson(flaw.step()).stream()
                .filter(check -> check != flaw.check() && !Arrays.asList(passing).contains(check))
                .forEach(check -> failing.put(check, flaw.hint()));
        return failing;
    }

    static Map<Check, Hint.Id> failing(Hint.Id hint, Check... checks) {
        Map<Check, Hint.Id> failing = new LinkedHashMap<>();
        Arrays.stream(checks).forEach(check -> failing.put(check, hint));
        return failing;
    }

    @SafeVarargs
    static Map<Check, Hint.Id> merged(Map<Check, Hint.Id>... maps) {
        Map<Check, Hint.Id> all = new LinkedHashMap<>();
        Arrays.stream(maps).forEach(all::putAll);
        return all;
    }
}
