package httpcourse.grader;

import static httpcourse.grader.ArticleFixtures.*;
import static httpcourse.grader.Steps10And11Fixtures.*;
import static httpcourse.grader.Steps12To14Fixtures.*;
import static httpcourse.grader.Steps5To7Fixtures.*;
import static httpcourse.grader.Steps8And9Fixtures.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import httpcourse.spec.ArticleChecks;
import httpcourse.spec.BasicChecks;
import httpcourse.spec.BodyChecks;
import httpcourse.spec.CachingChecks;
import httpcourse.spec.Check;
import httpcourse.spec.ClearNoChecks;
import httpcourse.spec.CompleteAnswerChecks;
import httpcourse.spec.Course;
import httpcourse.spec.Hint;
import httpcourse.spec.KeepAliveChecks;
import httpcourse.spec.ManyClientsChecks;
import httpcourse.spec.StopChecks;
import httpcourse.spec.TunedChecks;
import httpcourse.spec.UnattendedChecks;
import httpcourse.spec.UrlChecks;

/**
 * Which known-wrong server proves which hint, on which check of which step, and which checks it is
 * graded on ({@link AlsoFails}: what else its flaw fails): the data of {@link GraderTest}, which grades them.
 */
final class Flaws {

    private Flaws() {
    }

    /** A known-wrong server, the spec it is graded on, the check meant for it, and the one hint that names its flaw. */
    record Flaw(KnownWrongServer server, int step, Check check, Hint.Id hint) {
    }

    static final List<Flaw> FLAWS = Stream.concat(Stream.of(
            // The response's head and body, byte for byte
            new Flaw(BARE_LINE_ENDINGS, 1, BasicChecks.ANSWERS_GET, Hint.Id.BARE_LINE_FEEDS),
            new Flaw(NO_STATUS_LINE, 1, BasicChecks.ANSWERS_GET, Hint.Id.NO_STATUS_LINE),
            new Flaw(HTTP_1_1_STATUS_LINE, 1, BasicChecks.ANSWERS_GET, Hint.Id.STATUS_LINE_NOT_EXACT),
            new Flaw(HEAD_NEVER_ENDS, 1, BasicChecks.ANSWERS_GET, Hint.Id.HEAD_NEVER_ENDS),
            new Flaw(HEADER_LINES, 1, BasicChecks.ANSWERS_GET, Hint.Id.HEADER_LINES),
            new Flaw(TRAILING_LINE_BREAK, 1, BasicChecks.ANSWERS_GET, Hint.Id.TRAILING_LINE_BREAK),
            new Flaw(EXTRA_BYTES, 1, BasicChecks.ANSWERS_GET, Hint.Id.EXTRA_BYTES),
            new Flaw(HEAD_IN_A_WRITER, 2, BasicChecks.ANSWERS_GET, Hint.Id.HEAD_AFTER_BODY),
            new Flaw(HARD_CODED_BODY, 2, BasicChecks.ANSWERS_GET, Hint.Id.NOT_THE_GENERATED_FILE),
            new Flaw(TAMPERS_WITH_ITS_WEB_ROOT, 2, BasicChecks.ANSWERS_GET, Hint.Id.NOT_THE_GENERATED_FILE),
            new Flaw(CACHES_THE_PAGE_AT_START, 2, ArticleChecks.INDEX_READ_AFRESH, Hint.Id.STALE_COPY),
            new Flaw(IGNORES_THE_PATH, 3, ArticleChecks.NAMED_FILE, Hint.Id.WRONG_FILE),
            new Flaw(ROOT_COMPARED_WITH_IDENTITY, 3, BasicChecks.ANSWERS_GET, Hint.Id.ROOT_NOT_MAPPED),
            new Flaw(PAGE_THROUGH_A_STRING, 3, ArticleChecks.INDEX_BY_NAME, Hint.Id.CHARSET_CONVERSION),
            new Flaw(FIXED_SIZE_READ, 4, ArticleChecks.LARGE, Hint.Id.BODY_CUT_SHORT),
            new Flaw(HEAD_THEN_THROWS, 4, ArticleChecks.NAMED_FILE, Hint.Id.NO_BODY_AFTER_HEAD),
            // Status codes and paths
            new Flaw(NOT_FOUND_IN_CAPITALS, 4, ArticleChecks.MISSING_FILE, Hint.Id.STATUS_LINE_CASE),
            new Flaw(NOT_FOUND_AS_200, 4, ArticleChecks.MISSING_FILE, Hint.Id.WRONG_STATUS),
            new Flaw(DROPS_SUB_FOLDERS, 4, ArticleChecks.NESTED, Hint.Id.NOT_FOUND_IN_SUB_FOLDER),
            new Flaw(REFUSES_EVERY_DOT_DOT, 4, ArticleChecks.DOT_DOT_INSIDE, Hint.Id.REFUSES_EVERY_DOT_DOT),
            new Flaw(SERVES_OUTSIDE_HTDOCS, 4, ArticleChecks.OUTSIDE, Hint.Id.OUTSIDE_HTDOCS),
            new Flaw(NO_RETURN_AFTER_404, 4, ArticleChecks.OUTSIDE, Hint.Id.ANSWERED_AFTER_ERROR),
            new Flaw(SERVES_ABSOLUTE_PATHS, 4, ArticleChecks.OUTSIDE, Hint.Id.OUTSIDE_HTDOCS),
            // How the exchange ends
            new Flaw(NEVER_CLOSES, 1, BasicChecks.BARE_LINE_FEEDS, Hint.Id.NOT_CLOSED),
            new Flaw(WAITS_FOR_CRLF, 1, BasicChecks.BARE_LINE_FEEDS, Hint.Id.NO_ANSWER_KEPT_OPEN),
            new Flaw(RESETS_ON_POST, 1, ArticleChecks.HELLO_TO_A_FORM, Hint.Id.RESET_BEFORE_ANSWER),
            new Flaw(DIES_ON_EMPTY_CONNECTION, 1, BasicChecks.EMPTY_CONNECTION, Hint.Id.SERVER_STOPPED),
            new Flaw(STEP_3, 4, ArticleChecks.MISSING_FILE, Hint.Id.CLOSED_WITHOUT_ANSWER),
            new Flaw(STEP_4, 3, ArticleChecks.MISSING_FILE_CLOSES, Hint.Id.ANSWERED_INSTEAD_OF_CLOSING),
            new Flaw(LISTENS_EVERYWHERE, 1, BasicChecks.LOOPBACK_ONLY, Hint.Id.NOT_LOOPBACK_ONLY),
            new Flaw(THREADS_DIE, 4, BasicChecks.MANY_BAD_REQUESTS, Hint.Id.THREADS_DIE),
            // Many clients
            new Flaw(NO_HEAD_SIZE_LIMIT, 5, ManyClientsChecks.ENDLESS_HEAD, Hint.Id.ENDLESS_HEAD_READ),
            new Flaw(ANSWER_NEVER_FLUSHED, 5, BasicChecks.ANSWERS_GET, Hint.Id.CLOSED_WITHOUT_ANSWER),
            new Flaw(LIMIT_PER_LINE, 5, ManyClientsChecks.ENDLESS_HEAD, Hint.Id.HEAD_LIMIT_PER_LINE),
            new Flaw(HEAD_LIMIT_OFF_BY_ONE, 5, ManyClientsChecks.ENDLESS_HEAD, Hint.Id.HEAD_CUT_SERVED),
            new Flaw(NO_READ_TIMEOUT, 5, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.SILENT_CLIENT_KEPT),
            new Flaw(LIMITS_READ_PAST, 5, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.SILENT_CLIENT_KEPT),
            new Flaw(TIMEOUT_PER_READ, 5, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.SLOW_CLIENT_KEPT),
            new Flaw(HEAD_TIMED_OUT_SERVED, 5, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.HEAD_TIMED_OUT_SERVED),
            new Flaw(HEAD_LIMIT_IN_SECONDS, 5, BasicChecks.IN_PIECES, Hint.Id.HEAD_TIME_LIMIT_TOO_SHORT),
            new Flaw(TIME_LIMIT_OVER_AT_ONCE, 5, BasicChecks.ANSWERS_GET, Hint.Id.TIME_LIMIT_OVER_AT_ONCE),
            new Flaw(CLOSED_ON_SUCCESS_ONLY, 5, BasicChecks.GARBAGE, Hint.Id.LEFT_OPEN_AFTER_AN_ERROR),
            new Flaw(HEAD_SIZE_COUNTS_ASKED, 5, ManyClientsChecks.HALF_A_REQUEST, Hint.Id.HEAD_IN_PIECES_CUT),
            new Flaw(HEAD_LIMIT_ONE_SECOND, 5, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.HEAD_TIME_LIMIT_TOO_SHORT),
            new Flaw(HEAD_DEADLINE_STATIC, 5, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.HEAD_DEADLINE_SHARED),
            new Flaw(FIXED_POOL, 5, ManyClientsChecks.CROWD_OF_HALF_REQUESTS, Hint.Id.CROWD_BLOCKS_OTHERS),
            new Flaw(STEP_4_IN_A_CROWD, 5, ManyClientsChecks.AT_ONCE, Hint.Id.BACKLOG_FULL),
            new Flaw(THREAD_RUN_NOT_STARTED, 5, ManyClientsChecks.HALF_A_REQUEST, Hint.Id.ONE_CONNECTION_AT_A_TIME),
            new Flaw(READS_WHOLE_FILES, 5, ManyClientsChecks.HUGE_FILE, Hint.Id.FILE_NOT_STREAMED),
            new Flaw(FILE_LEFT_OPEN, 5, ManyClientsChecks.FILES_CLOSED, Hint.Id.FILE_LEFT_OPEN),
            // Complete answers
            new Flaw(FILE_LEFT_OPEN_BY_HEAD, 6, ManyClientsChecks.FILES_CLOSED, Hint.Id.FILE_LEFT_OPEN_BY_HEAD),
            new Flaw(NO_DATE, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_MISSING),
            new Flaw(HEADER_LINES_END_WITH_LF, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.BARE_LINE_FEEDS),
            new Flaw(DATE_IN_ISO_8601, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_NOT_IMF_FIXDATE),
            new Flaw(DATE_IN_LOCAL_TIME, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_NOT_NOW),
            new Flaw(DATE_IN_MACHINE_ZONE, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_NOT_NOW),
            new Flaw(DATE_IN_DEFAULT_LOCALE, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_IN_DEFAULT_LOCALE),
            new Flaw(DATE_HOUR_12, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_HOUR_12),
            new Flaw(DATE_MINUTES_AS_MONTH, 6, CompleteAnswerChecks.COMPLETE_GET, Hint.Id.DATE_MINUTES_AS_MONTH),
            new Flaw(EXTENSION_AFTER_FIRST_DOT, 6, CompleteAnswerChecks.TYPES, Hint.Id.CONTENT_TYPE_WRONG),
            new Flaw(CONTENT_LENGTH_IN_CHARACTERS, 6, CompleteAnswerChecks.COMPLETE_GET,
                    Hint.Id.CONTENT_LENGTH_IN_CHARACTERS),
            new Flaw(ERROR_LENGTH_WITHOUT_LINE_BREAK, 6, ArticleChecks.MISSING_FILE, Hint.Id.CONTENT_LENGTH_WRONG),
            new Flaw(ERRORS_WITHOUT_TEXT, 6, ArticleChecks.MISSING_FILE, Hint.Id.ERROR_WITHOUT_TEXT),
            new Flaw(EXTENSION_IN_CAPITALS, 6, CompleteAnswerChecks.UPPER_CASE, Hint.Id.CONTENT_TYPE_WRONG),
            new Flaw(CHARSET_WITHOUT_CHECK, 6, CompleteAnswerChecks.CHARSET_ONLY_WHERE_TRUE, Hint.Id.CHARSET_WRONG),
            new Flaw(CHARSET_FROM_THE_START, 6, CompleteAnswerChecks.CHARSET_ONLY_WHERE_TRUE, Hint.Id.CHARSET_WRONG),
            new Flaw(UTF8_BY_REPLACEMENT, 6, CompleteAnswerChecks.CHARSET_ONLY_WHERE_TRUE, Hint.Id.CHARSET_BY_REPLACEMENT),
            new Flaw(HEAD_WITH_BODY, 6, CompleteAnswerChecks.HEAD, Hint.Id.BODY_WHERE_NONE),
            new Flaw(BODY_FOR_GET_ONLY, 6, ArticleChecks.FORM_LIKE_A_GET, Hint.Id.BODY_FOR_GET_ONLY),
            new Flaw(FIFO_OPENED, 6, CompleteAnswerChecks.FIFO, Hint.Id.FIFO_OPENED),
            new Flaw(CONTENT_LENGTH_OVERFLOW, 6, CompleteAnswerChecks.HUGE_FILE_LENGTH, Hint.Id.CONTENT_LENGTH_OVERFLOW),
            // A clear no
            new Flaw(METHOD_NOT_405, 7, ClearNoChecks.FORM_POST, Hint.Id.METHOD_NOT_405),
            new Flaw(ALLOW_WITHOUT_HEAD, 7, ClearNoChecks.FORM_POST, Hint.Id.ALLOW_WRONG),
            new Flaw(UNKNOWN_METHOD_NOT_501, 7, ClearNoChecks.UNKNOWN_METHODS, Hint.Id.UNKNOWN_METHOD_NOT_501),
            new Flaw(METHOD_CASE_IGNORED, 7, ClearNoChecks.UNKNOWN_METHODS, Hint.Id.METHOD_CASE_IGNORED),
            new Flaw(REQUEST_LINE_NOT_CHECKED, 7, ClearNoChecks.MALFORMED_REQUEST_LINES,
                    Hint.Id.REQUEST_LINE_NOT_CHECKED),
            new Flaw(BARE_CR_ACCEPTED, 7, ClearNoChecks.MALFORMED_REQUEST_LINES, Hint.Id.BARE_CR_ACCEPTED),
            new Flaw(HEADER_LINE_NOT_CHECKED, 7, ClearNoChecks.MALFORMED_HEADER_LINES, Hint.Id.HEADER_LINE_NOT_CHECKED),
            new Flaw(HOST_NOT_CHECKED, 7, ClearNoChecks.HOST, Hint.Id.HOST_NOT_CHECKED),
            new Flaw(HOST_EMPTY_REFUSED, 7, ClearNoChecks.HOST, Hint.Id.HOST_EMPTY_REFUSED),
            new Flaw(OBS_TEXT_REFUSED, 7, ClearNoChecks.MALFORMED_HEADER_LINES, Hint.Id.OBS_TEXT_REFUSED),
            new Flaw(TAB_REFUSED, 7, ClearNoChecks.MALFORMED_HEADER_LINES, Hint.Id.TAB_REFUSED),
            new Flaw(ERROR_BODY_FOR_HEAD, 7, ClearNoChecks.VERSIONS, Hint.Id.ERROR_BODY_FOR_HEAD),
            new Flaw(VERSION_DOT_UNESCAPED, 7, ClearNoChecks.MALFORMED_REQUEST_LINES, Hint.Id.VERSION_DOT_UNCHECKED),
            new Flaw(VERSION_DIGITS_UNBOUNDED, 7, ClearNoChecks.MALFORMED_REQUEST_LINES,
                    Hint.Id.VERSION_DIGITS_UNCHECKED),
            new Flaw(VERSION_NOT_CHECKED, 7, ClearNoChecks.VERSIONS, Hint.Id.VERSION_NOT_CHECKED),
            new Flaw(LATER_MINOR_VERSION_REFUSED, 7, ClearNoChecks.VERSIONS, Hint.Id.WRONG_STATUS),
            new Flaw(HOST_NAME_CASE, 7, ClearNoChecks.HOST, Hint.Id.HEADER_NAME_CASE),
            new Flaw(HOST_ASKED_OF_HTTP10, 7, BasicChecks.ANSWERS_GET, Hint.Id.HOST_ASKED_OF_HTTP10),
            new Flaw(LIMITS_CLOSE_THE_CONNECTION, 7, ClearNoChecks.URI_TOO_LONG, Hint.Id.ERROR_BY_CLOSING),
            new Flaw(LONG_HEADER_AS_414, 7, ClearNoChecks.HEADERS_TOO_LARGE, Hint.Id.HEADER_LINE_TOO_LONG_AS_URI),
            new Flaw(TOKEN_WITHOUT_HYPHEN, 7, BasicChecks.ANSWERS_A_BROWSER, Hint.Id.HEADER_NAME_HYPHEN_REFUSED),
            new Flaw(TOKEN_WITHOUT_UNDERSCORE, 7, ClearNoChecks.MALFORMED_HEADER_LINES, Hint.Id.TOKEN_CHARACTER_REFUSED),
            new Flaw(HEAD_LIMIT_TOO_SMALL, 7, ClearNoChecks.LONG_REQUEST_LINE, Hint.Id.HEAD_LIMIT_TOO_SMALL),
            new Flaw(EMPTY_LINE_NOT_IGNORED, 7, ClearNoChecks.EMPTY_LINE_FIRST, Hint.Id.EMPTY_LINE_NOT_IGNORED),
            new Flaw(HEAD_BY_ITS_START, 7, ClearNoChecks.UNKNOWN_METHODS, Hint.Id.HEAD_BY_ITS_START),
            new Flaw(TOKEN_RANGE_A_TO_Z, 7, ClearNoChecks.MALFORMED_HEADER_LINES, Hint.Id.TOKEN_RANGE_A_TO_Z),
            new Flaw(HOST_ONLY_FOR_HTTP11, 7, ClearNoChecks.HOST, Hint.Id.HOST_NOT_CHECKED),
            new Flaw(VERSION_AFTER_HOST, 7, ClearNoChecks.VERSIONS, Hint.Id.VERSION_AFTER_HOST),
            // The target is a URL
            new Flaw(NOT_PERCENT_DECODED, 8, UrlChecks.DECODES_A_SPACE, Hint.Id.NOT_PERCENT_DECODED),
            new Flaw(HIDDEN_TEST_BY_CHAR, 8, BasicChecks.ANSWERS_GET, Hint.Id.ROOT_FOLDER_FAILS),
            new Flaw(DECODED_TWICE, 8, UrlChecks.DECODES_ANY_ESCAPE, Hint.Id.DECODED_TWICE),
            new Flaw(ESCAPE_AT_THE_END, 8, UrlChecks.DECODES_ANY_ESCAPE, Hint.Id.ESCAPE_AT_THE_END),
            new Flaw(ESCAPE_SKIPS_NEXT, 8, UrlChecks.DECODES_A_SPACE, Hint.Id.ESCAPE_SKIPS_NEXT),
            new Flaw(PLUS_DECODED_AS_SPACE, 8, UrlChecks.PLUS, Hint.Id.PLUS_DECODED_AS_SPACE),
            new Flaw(MALFORMED_ESCAPE_ACCEPTED, 8, UrlChecks.MALFORMED_ESCAPES, Hint.Id.MALFORMED_ESCAPE_ACCEPTED),
            new Flaw(NOT_UTF8_ACCEPTED, 8, UrlChecks.MALFORMED_ESCAPES, Hint.Id.NOT_UTF8_ACCEPTED),
            new Flaw(NON_ASCII_NAME_AS_400, 8, UrlChecks.DECODES_UTF8, Hint.Id.NON_ASCII_NAME_FAILED),
            new Flaw(QUERY_NOT_IGNORED, 8, UrlChecks.QUERY, Hint.Id.QUERY_NOT_IGNORED),
            new Flaw(ABSOLUTE_FORM_REFUSED, 8, UrlChecks.ABSOLUTE_FORM, Hint.Id.ABSOLUTE_FORM_REFUSED),
            new Flaw(SCHEME_CASE_SENSITIVE, 8, UrlChecks.ABSOLUTE_FORM, Hint.Id.ABSOLUTE_FORM_REFUSED),
            new Flaw(ABSOLUTE_FORM_NEEDS_A_PATH, 8, UrlChecks.ABSOLUTE_FORM, Hint.Id.ABSOLUTE_FORM_REFUSED),
            new Flaw(NOT_NORMALIZED_AFTER_DECODING, 8, UrlChecks.DECODES_THEN_NORMALIZES,
                    Hint.Id.NOT_NORMALIZED_AFTER_DECODING),
            new Flaw(SERVES_HIDDEN_FILES, 8, UrlChecks.HIDDEN_FILES, Hint.Id.HIDDEN_FILE),
            new Flaw(HIDDEN_LAST_NAME_ONLY, 8, UrlChecks.HIDDEN_FILES, Hint.Id.HIDDEN_FOLDER),
            new Flaw(HIDDEN_REAL_LAST_NAME_ONLY, 8, UrlChecks.HIDDEN_THROUGH_A_LINK, Hint.Id.HIDDEN_FOLDER),
            new Flaw(HIDDEN_ABOVE_HTDOCS, 8, UrlChecks.UNDER_A_HIDDEN_FOLDER, Hint.Id.HIDDEN_ABOVE_HTDOCS),
            new Flaw(FOLDER_INDEX_NOT_SERVED, 8, UrlChecks.FOLDER_INDEX, Hint.Id.FOLDER_INDEX_NOT_SERVED),
            new Flaw(FOLDER_NOT_REDIRECTED, 8, UrlChecks.FOLDER_REDIRECT, Hint.Id.FOLDER_NOT_REDIRECTED),
            new Flaw(HEX_IN_CAPITALS_ONLY, 8, UrlChecks.DECODES_ANY_ESCAPE, Hint.Id.HEX_CASE_REFUSED),
            new Flaw(FOLDER_SLASH_DECODED, 8, UrlChecks.FOLDER_REDIRECT, Hint.Id.FOLDER_SLASH_DECODED),
            new Flaw(ESCAPE_BOUND_PAST_THE_END, 8, UrlChecks.MALFORMED_ESCAPES, Hint.Id.ERROR_BY_CLOSING),
            new Flaw(LOCATION_DECODED, 8, UrlChecks.REDIRECT_ENCODED, Hint.Id.LOCATION_WRONG),
            new Flaw(LOCATION_FORM_ENCODED, 8, UrlChecks.REDIRECT_ENCODED, Hint.Id.LOCATION_WRONG),
            new Flaw(OPEN_REDIRECT, 8, UrlChecks.REDIRECT_INSIDE, Hint.Id.OPEN_REDIRECT),
            // Caching
            new Flaw(NO_LAST_MODIFIED, 9, CachingChecks.LAST_MODIFIED_AND_ETAG, Hint.Id.LAST_MODIFIED_WRONG),
            new Flaw(LAST_MODIFIED_RFC_1123, 9, CachingChecks.LAST_MODIFIED_AND_ETAG, Hint.Id.LAST_MODIFIED_WRONG),
            new Flaw(ETAG_WITHOUT_QUOTES, 9, CachingChecks.LAST_MODIFIED_AND_ETAG, Hint.Id.ETAG_WRONG),
            new Flaw(IF_MODIFIED_SINCE_IGNORED, 9, CachingChecks.MODIFIED_SINCE, Hint.Id.IF_MODIFIED_SINCE_IGNORED),
            new Flaw(SINCE_NAME_CASE, 9, CachingChecks.MODIFIED_SINCE, Hint.Id.IF_MODIFIED_SINCE_IGNORED),
            new Flaw(FILE_TIME_NOT_TRUNCATED, 9, CachingChecks.MODIFIED_SINCE, Hint.Id.FILE_TIME_NOT_TRUNCATED),
            new Flaw(IF_MODIFIED_SINCE_STRICT, 9, CachingChecks.MODIFIED_SINCE, Hint.Id.IF_MODIFIED_SINCE_STRICT),
            new Flaw(IF_MODIFIED_SINCE_EQUALITY, 9, CachingChecks.MODIFIED_SINCE, Hint.Id.IF_MODIFIED_SINCE_EQUALITY),
            new Flaw(IF_MODIFIED_SINCE_REVERSED, 9, CachingChecks.MODIFIED_SINCE, Hint.Id.IF_MODIFIED_SINCE_REVERSED),
            // East of GMT, the file's own time reads as older: no 304; west, a second before reads as newer: 304.
            new Flaw(IF_MODIFIED_SINCE_LOCAL, 9, eastOfGmt() ? CachingChecks.MODIFIED_SINCE : CachingChecks.MODIFIED,
                    Hint.Id.IF_MODIFIED_SINCE_IN_LOCAL_TIME),
            new Flaw(NOT_MODIFIED_FOR_A_NEWER_FILE, 9, CachingChecks.MODIFIED, Hint.Id.NOT_MODIFIED_FOR_A_NEWER_FILE),
            new Flaw(IF_NONE_MATCH_IGNORED, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_IGNORED),
            new Flaw(NONE_MATCH_NAME_CASE, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_IGNORED),
            new Flaw(IF_NONE_MATCH_INVERTED, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_INVERTED),
            new Flaw(TAG_QUOTES_STRIPPED, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_TAG_MISSED),
            new Flaw(ETAG_WITH_A_COMMA, 9, CachingChecks.NONE_MATCH, Hint.Id.ETAG_WITH_A_COMMA),
            new Flaw(FILE_LEFT_OPEN_BY_304, 9, ManyClientsChecks.FILES_CLOSED, Hint.Id.FILE_LEFT_OPEN_BY_304),
            new Flaw(IF_NONE_MATCH_LIST, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_LIST),
            new Flaw(HIDDEN_BELOW_A_FOLDER, 8, UrlChecks.HIDDEN_FILES, Hint.Id.HIDDEN_BELOW_A_FOLDER),
            new Flaw(QUERY_FROM_THE_LAST_MARK, 8, UrlChecks.QUERY, Hint.Id.QUERY_FROM_THE_LAST_MARK),
            new Flaw(IF_NONE_MATCH_SPACES, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_SPACES),
            new Flaw(IF_NONE_MATCH_SPLIT_AT_SPACE, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_SPLIT_AT_SPACE),
            new Flaw(IF_NONE_MATCH_WEAK_IN_LIST, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_WEAK_IN_LIST),
            new Flaw(LAST_MODIFIED_WEEK_YEAR, 9, CachingChecks.LAST_MODIFIED_AND_ETAG, Hint.Id.LAST_MODIFIED_WEEK_YEAR),
            new Flaw(IF_NONE_MATCH_WEAK, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_WEAK),
            new Flaw(IF_NONE_MATCH_STAR, 9, CachingChecks.NONE_MATCH, Hint.Id.IF_NONE_MATCH_STAR),
            new Flaw(IF_MODIFIED_SINCE_WINS, 9, CachingChecks.NONE_MATCH_WINS, Hint.Id.IF_MODIFIED_SINCE_WINS),
            new Flaw(BOTH_VALIDATORS_ASKED, 9, CachingChecks.NONE_MATCH_WINS, Hint.Id.BOTH_VALIDATORS_ASKED),
            new Flaw(ETAG_UNCHANGED, 9, CachingChecks.ETAG_CHANGES, Hint.Id.ETAG_UNCHANGED),
            new Flaw(ETAG_UNSTABLE, 9, CachingChecks.NONE_MATCH, Hint.Id.ETAG_UNSTABLE),
            new Flaw(NOT_MODIFIED_WITHOUT_ETAG, 9, CachingChecks.NONE_MATCH, Hint.Id.NOT_MODIFIED_WITHOUT_ETAG),
            new Flaw(NOT_MODIFIED_AS_TEXT, 9, CachingChecks.NONE_MATCH, Hint.Id.NOT_MODIFIED_TYPE_WRONG),
            new Flaw(HEAD_NOT_CONDITIONAL, 9, CachingChecks.HEAD_NONE_MATCH, Hint.Id.HEAD_NOT_CONDITIONAL),
            new Flaw(CONDITIONAL_BEFORE_NOT_FOUND, 9, CachingChecks.ONLY_IF_SERVED, Hint.Id.CONDITIONAL_BEFORE_NOT_FOUND),
            // Keep-alive
            new Flaw(CLOSES_AFTER_EACH_ANSWER, 10, KeepAliveChecks.THREE_REQUESTS, Hint.Id.NOT_KEPT_OPEN),
            new Flaw(CHUNKED_BODY_NOT_SEEN, 10, KeepAliveChecks.BODY_NEVER_A_REQUEST, Hint.Id.BODY_READ_AS_REQUEST),
            new Flaw(KEPT_OPEN_AFTER_BAD_REQUEST, 10, KeepAliveChecks.BODY_NEVER_A_REQUEST,
                    Hint.Id.KEPT_OPEN_AFTER_BAD_REQUEST),
            new Flaw(NO_CONNECTION_CLOSE, 10, KeepAliveChecks.CLOSES_WHEN_ASKED, Hint.Id.CONNECTION_HEADER_WRONG),
            new Flaw(OPTION_CASE_KEPT, 10, KeepAliveChecks.OPTIONS_IN_ANY_CASE, Hint.Id.CONNECTION_OPTION_CASE),
            new Flaw(CLOSE_IN_HTTP11_ONLY, 10, KeepAliveChecks.OPTIONS_IN_ANY_CASE, Hint.Id.CONNECTION_CLOSE_WINS),
            new Flaw(OPTION_LIST_NOT_SPLIT, 10, KeepAliveChecks.OPTIONS_IN_ANY_CASE, Hint.Id.CONNECTION_OPTION_LIST),
            new Flaw(OPTIONS_SPLIT_AT_COMMA_SPACE, 10, KeepAliveChecks.OPTIONS_IN_ANY_CASE,
                    Hint.Id.CONNECTION_OPTION_SPACES),
            new Flaw(BUFFER_PER_REQUEST, 10, KeepAliveChecks.PIPELINED, Hint.Id.PIPELINED_REQUEST_LOST),
            new Flaw(NO_FLUSH_BETWEEN_ANSWERS, 10, BasicChecks.ANSWERS_A_BROWSER, Hint.Id.NO_ANSWER_KEPT_OPEN),
            new Flaw(NO_REQUEST_LIMIT, 10, KeepAliveChecks.MANY_REQUESTS, Hint.Id.NO_REQUEST_LIMIT),
            new Flaw(NO_IDLE_TIMEOUT, 10, KeepAliveChecks.IDLE_CLOSED, Hint.Id.IDLE_CONNECTION_KEPT),
            new Flaw(HEAD_TIMED_PER_CONNECTION, 10, KeepAliveChecks.EACH_REQUEST_TIMED, Hint.Id.HEAD_TIMED_PER_CONNECTION),
            new Flaw(HEAD_SIZED_PER_CONNECTION, 10, KeepAliveChecks.MANY_REQUESTS, Hint.Id.HEAD_SIZED_PER_CONNECTION),
            new Flaw(CLOSED_AFTER_AN_ERROR, 10, KeepAliveChecks.THREE_REQUESTS, Hint.Id.CLOSED_AFTER_AN_ERROR),
            new Flaw(GET_BODY_AS_REQUEST, 10, KeepAliveChecks.BODY_NEVER_A_REQUEST, Hint.Id.BODY_READ_AS_REQUEST),
            new Flaw(CHUNKED_BY_ITS_TEXT, 10, KeepAliveChecks.BODY_NEVER_A_REQUEST, Hint.Id.BODY_READ_AS_REQUEST),
            new Flaw(LENGTH_AS_INT_FOR_A_BODY, 10, KeepAliveChecks.BODY_NEVER_A_REQUEST, Hint.Id.BODY_LENGTH_OVERFLOW),
            // Request bodies
            new Flaw(IGNORES_BODIES, 11, BodyChecks.CONTENT_LENGTH, Hint.Id.BODY_READ_AS_REQUEST),
            new Flaw(BODY_NEVER_READ, 11, BodyChecks.CONTENT_LENGTH, Hint.Id.BODY_LEFT_UNREAD),
            new Flaw(CHUNK_SIZE_TOO_STRICT, 11, BodyChecks.CHUNKED, Hint.Id.CHUNK_EXTENSION_REFUSED),
            new Flaw(TRAILER_LEFT_UNREAD, 11, BodyChecks.CHUNKED, Hint.Id.CHUNKED_TRAILER_UNREAD),
            new Flaw(HEAD_LIMIT_COUNTS_BODY, 11, BodyChecks.LARGE_BODIES, Hint.Id.BODY_COUNTED_AS_HEAD),
            new Flaw(CHUNK_SKIPPED_SHORT, 11, BodyChecks.LARGE_BODIES, Hint.Id.CHUNK_SKIPPED_SHORT),
            new Flaw(BODY_READ_AFTER_THE_ANSWER, 11, BodyChecks.CONTENT_LENGTH, Hint.Id.BODY_READ_AFTER_THE_ANSWER),
            new Flaw(SKIPS_WHAT_HAS_COME, 11, BodyChecks.TWO_PIECES, Hint.Id.ANSWERED_BEFORE_BODY),
            new Flaw(EXPECT_IGNORED, 11, BodyChecks.EXPECT_CONTINUE, Hint.Id.EXPECT_CONTINUE_IGNORED),
            new Flaw(CONTENT_LENGTH_WINS, 11, BodyChecks.DOUBTFUL_LENGTH, Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED),
            new Flaw(CHUNKED_IN_HTTP10_READ, 11, BodyChecks.DOUBTFUL_LENGTH, Hint.Id.AMBIGUOUS_LENGTH_ACCEPTED),
            new Flaw(CHUNK_LIMIT_PER_CHUNK, 11, BodyChecks.HUGE_BODY_ANSWERED, Hint.Id.CHUNKS_UNLIMITED),
            new Flaw(NO_BODY_LIMIT, 11, BodyChecks.HUGE_BODY_ANSWERED, Hint.Id.HUGE_BODY_AWAITED),
            new Flaw(CLOSES_ABRUPTLY, 11, BodyChecks.HUGE_BODY_ANSWERED, Hint.Id.RESET_AFTER_LAST_ANSWER),
            new Flaw(OUTPUT_NEVER_SHUT_DOWN, 11, BasicChecks.ANSWERS_GET, Hint.Id.LAST_ANSWER_NOT_CLOSED),
            new Flaw(EXPECT_CASE_SENSITIVE, 11, BodyChecks.EXPECT_CONTINUE, Hint.Id.EXPECT_CASE),
            new Flaw(EXPECT_WITH_CHUNKS_AWAITED, 11, BodyChecks.EXPECT_CONTINUE, Hint.Id.EXPECT_CONTINUE_IGNORED),
            new Flaw(LENGTH_AS_INT, 11, BodyChecks.HUGE_BODY_ANSWERED, Hint.Id.BODY_LENGTH_OVERFLOW),
            new Flaw(LENGTH_DIGITS_UNBOUNDED, 11, BodyChecks.DOUBTFUL_LENGTH, Hint.Id.ERROR_BY_CLOSING),
            new Flaw(CHUNK_SIZE_AS_INT, 11, BodyChecks.HUGE_BODY_ANSWERED, Hint.Id.CHUNK_SIZE_AS_INT),
            new Flaw(CHUNK_SIZE_DECIMAL, 11, BodyChecks.CHUNKED, Hint.Id.CHUNKS_MISREAD),
            new Flaw(CHUNK_SIZE_UNBOUNDED, 11, BodyChecks.DOUBTFUL_LENGTH, Hint.Id.ERROR_BY_CLOSING),
            new Flaw(GET_BODY_IGNORED, 11, BodyChecks.DOUBTFUL_LENGTH, Hint.Id.BODY_OF_GET_IGNORED),
            new Flaw(CHUNK_CRLF_UNREAD, 11, BodyChecks.CHUNKED, Hint.Id.CHUNKS_MISREAD),
            new Flaw(CHUNK_END_UNCHECKED, 11, BodyChecks.DOUBTFUL_LENGTH, Hint.Id.CHUNK_END_UNCHECKED),
            new Flaw(CODING_CASE_SENSITIVE, 11, BodyChecks.CHUNKED, Hint.Id.TRANSFER_CODING_CASE),
            // A graceful stop
            new Flaw(STEP_11, 12, StopChecks.ON_SIGTERM, Hint.Id.STOP_NOT_GRACEFUL),
            new Flaw(EXITS_AT_ONCE, 12, StopChecks.ON_SIGTERM, Hint.Id.GRACE_PERIOD_TOO_SHORT),
            new Flaw(SHUTDOWN_NOW, 12, StopChecks.ON_SIGINT, Hint.Id.GRACE_PERIOD_TOO_SHORT),
            new Flaw(EXIT_STATUS_143, 12, StopChecks.ON_SIGTERM, Hint.Id.STOP_EXIT_STATUS),
            new Flaw(HALT_143, 12, StopChecks.ON_SIGINT, Hint.Id.STOP_EXIT_STATUS),
            new Flaw(KEPT_ALIVE_DURING_STOP, 12, StopChecks.ON_SIGTERM, Hint.Id.CLOSE_UNSAID_IN_STOP),
            new Flaw(QUEUE_LEFT, 12, StopChecks.DRAINS_THE_QUEUE, Hint.Id.QUEUE_NOT_DRAINED),
            new Flaw(IDLE_LEFT_OPEN, 12, StopChecks.IDLE_CLOSED_AT_ONCE, Hint.Id.IDLE_KEPT_DURING_STOP),
            new Flaw(IDLE_MARK_KEPT, 12, StopChecks.IDLE_CLOSED_AT_ONCE, Hint.Id.IDLE_MARK_KEPT),
            new Flaw(ACCEPT_WITHOUT_TIMEOUT, 12, StopChecks.WITHIN_GRACE_PERIOD, Hint.Id.ACCEPT_BLOCKS_THE_STOP),
            new Flaw(FIRST_BYTE_KEPT, 12, KeepAliveChecks.EACH_REQUEST_TIMED, Hint.Id.FIRST_BYTE_LOST),
            new Flaw(FIRST_REQUEST_AWAITED, 12, StopChecks.ON_SIGTERM, Hint.Id.FIRST_REQUEST_UNANSWERED),
            new Flaw(KEEPS_ACCEPTING, 12, StopChecks.ON_SIGINT, Hint.Id.STILL_ACCEPTING),
            new Flaw(SECOND_SIGNAL_IGNORED, 12, StopChecks.ON_SIGINT, Hint.Id.SECOND_SIGNAL_IGNORED),
            new Flaw(SECOND_SIGNAL_EXIT_0, 12, StopChecks.ON_SIGINT, Hint.Id.SECOND_SIGNAL_IGNORED),
            new Flaw(NO_GRACE_LIMIT, 12, StopChecks.WITHIN_GRACE_PERIOD, Hint.Id.STOP_NEVER_ENDS),
            // A server to leave running
            new Flaw(NO_WRITE_TIMEOUT, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.WRITE_NEVER_TIMES_OUT),
            new Flaw(WRITE_TIMED_ONCE, 13, KeepAliveChecks.EACH_REQUEST_TIMED, Hint.Id.WRITE_TIMED_ONCE),
            new Flaw(WATCHDOG_CUTS_ANY, 13, KeepAliveChecks.EACH_REQUEST_TIMED, Hint.Id.CUT_WHILE_WAITING),
            new Flaw(WATCHDOG_IN_MILLIS, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.WRITE_LIMIT_TOO_SHORT),
            new Flaw(WATCHDOG_PLAIN_CLOSE, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.WRITE_CUT_NOT_RESET),
            new Flaw(LOG_TIME_NOT_COMMON, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_TIME_WRONG),
            new Flaw(LOG_OFFSET_CONSTANT, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_TIME_WRONG),
            new Flaw(LOG_MONTH_IN_DEFAULT_LOCALE, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_TIME_WRONG),
            new Flaw(LOG_HOUR_12, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_TIME_WRONG),
            new Flaw(LOG_WHOLE_STATUS, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_NOT_COMMON_FORMAT),
            new Flaw(LOG_HOST_WITH_PORT, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_HOST_WRONG),
            new Flaw(LOG_HEAD_BYTES, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_SIZE_WRONG),
            new Flaw(LOG_TILDE_ESCAPED, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_TILDE_ESCAPED),
            new Flaw(LOG_SIZE_WITH_HEAD, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_SIZE_WRONG),
            new Flaw(LOG_SPACE_ESCAPED, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_SPACE_ESCAPED),
            new Flaw(LOG_LOCAL_ADDRESS, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_HOST_WRONG),
            new Flaw(LOG_LAST_CONTROL_RAW, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_UNESCAPED),
            new Flaw(LOG_CUT_SIZE_MINUS_ONE, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.LOG_SIZE_WRONG),
            new Flaw(LOG_SKIPPED_WHEN_CUT, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.LOG_LINE_MISSING_WHEN_CUT),
            new Flaw(LOG_SIZE_SAID, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.LOG_SIZE_WRONG),
            new Flaw(FILE_READ_WHOLE, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.FAILED_BEFORE_WRITING),
            new Flaw(FLUSH_NOT_TIMED, 13, UnattendedChecks.WRITE_TIMEOUT, Hint.Id.FLUSH_NOT_TIMED),
            new Flaw(LOG_UNESCAPED, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_UNESCAPED),
            new Flaw(LOG_ESCAPES_ESC_ONLY, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_UNESCAPED),
            new Flaw(LOG_DEL_UNESCAPED, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_UNESCAPED),
            new Flaw(LOG_HIGH_BYTES_RAW, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_UNESCAPED),
            new Flaw(LOG_HEX_ONE_DIGIT, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_ESCAPE_FORM),
            new Flaw(LOG_QUOTES_RAW, 13, UnattendedChecks.ACCESS_LOG, Hint.Id.LOG_QUOTE_UNESCAPED),
            new Flaw(CONNECTION_CAP_TOO_LOW, 13, UnattendedChecks.SILENT_CROWD_CHECK, Hint.Id.CONNECTION_CAP_TOO_LOW),
            new Flaw(SLOT_NEVER_RELEASED, 13, UnattendedChecks.CONNECTIONS_GIVEN_BACK, Hint.Id.CONNECTION_NOT_GIVEN_BACK),
            // Measured and tuned
            new Flaw(SERVER_TIMING_IN_SECONDS, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_WRONG),
            new Flaw(LOG_NOT_FLUSHED_AT_THE_STOP, 14, TunedChecks.LOG_AT_THE_STOP, Hint.Id.LOG_LOST_AT_THE_STOP),
            new Flaw(TIMING_IN_THE_LOCALE, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_DECIMAL_COMMA),
            new Flaw(TIMING_IN_MICROS, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_TOO_LONG),
            new Flaw(TIMING_IN_WHOLE_MS, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_WHOLE_MS),
            new Flaw(TIMING_CAST_AFTER_DIVIDING, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_WHOLE_MS),
            new Flaw(TIMING_WITH_A_UNIT, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_WRONG),
            new Flaw(TIMING_IN_SECONDS_AS_A_DOUBLE, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_IN_SECONDS),
            new Flaw(TIMING_COUNTS_WAIT, 14, TunedChecks.SERVER_TIMING, Hint.Id.SERVER_TIMING_COUNTS_WAIT),
            new Flaw(INDEX_STALE_ATTRIBUTES, 14, BasicChecks.ANSWERS_GET, Hint.Id.FOLDER_INDEX_NOT_SERVED),
            new Flaw(BUFFER_TEST_ONE_OFF, 14, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.SILENT_CLIENT_KEPT),
            new Flaw(FAST_PATH_UNCOUNTED, 14, ClearNoChecks.URI_TOO_LONG, Hint.Id.WRONG_STATUS),
            new Flaw(ATTRIBUTES_OF_THE_LINK, 14, UrlChecks.LINK_INSIDE, Hint.Id.LINK_INSIDE_REFUSED)),
            ExtensionFlaws.FLAWS.stream()).toList(); // uploads, ranges, compression

    /** The steps whose known-wrong servers are graded on their whole step: a few seconds each, no slow check. */
    private static final int WHOLE_STEPS_UP_TO = 4;

    /**
     * The checks a known-wrong server is graded on, and so those {@link GraderTest#failsOnlyTheChecksItAffects}
     * asserts over. Steps 1 to 4: the whole step. From step 5 on: its own check and those {@link AlsoFails}
     * names, the checks its flaw touches. Not the whole step: the steps before cost 12 to 20 s a server and
     * say nothing new about its flaw (the step modules run them on this repository's steps). Not the rest of
     * its lesson: grading each server on checks it passes took a fifth of GraderTest's CPU (165 against 132 s,
     * 2026-12-06), and the report of a flaw does not rest on them. CI grades every server once more on its
     * whole lesson ({@link #WHOLE_LESSONS}), so that a flaw that starts to fail one more check is still told.
     */
    static List<Check> gradedChecks(KnownWrongServer server) {
        Flaw flaw = flaw(server);
        if (GradedAlone.REASONS.containsKey(server)) {
            return List.of(flaw.check());
        }
        Set<Check> checks = new LinkedHashSet<>(lesson(flaw.step()).stream()
                .filter(check -> WHOLE_LESSONS || flaw.step() <= WHOLE_STEPS_UP_TO).toList());
        checks.remove(StopChecks.DRAINS_THE_QUEUE); // only where the flaw is about it, or fails it (see below)
        checks.add(flaw.check());
        checks.addAll(AlsoFails.of(server).keySet());
        return Course.step(flaw.step()).checks().stream().filter(checks::contains).toList(); // in the step's order
    }

    /**
     * Set by {@code -Dgrader.wholeLessons=true} (.ci/run): every check of the lesson, on servers of their own too.
     * Not the queue's check of step 12, unless it is the flaw's or {@link AlsoFails} names it: a server must answer
     * 225 connections and a download within its 5 s grace period, and beside the other gradings of a test run,
     * EXIT_STATUS_143, which drains its queue well, once missed it. Passing it proves nothing of another flaw.
     */
    static final boolean WHOLE_LESSONS = Boolean.getBoolean("grader.wholeLessons");

    /** The checks step {@code step} adds to the step before it; those of steps 1 to 4: all their checks. */
    static List<Check> lesson(int step) {
        Set<Check> before = step <= WHOLE_STEPS_UP_TO ? Set.of() : Set.copyOf(Course.step(step - 1).checks());
        return Course.step(step).checks().stream().filter(check -> !before.contains(check)).toList();
    }

    static Flaw flaw(KnownWrongServer server) {
        return FLAWS.stream().filter(flaw -> flaw.server() == server).findFirst().orElseThrow();
    }
}
