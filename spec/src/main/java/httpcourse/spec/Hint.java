package httpcourse.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One piece of advice in a failure report: the mistake that most likely caused the failure,
 * in plain words, and what to change. Hints travel as data, from the check that failed to the
 * grader's report, inside a {@link SpecFailure} or a {@link ServerStartException}.
 *
 * @param id   which mistake: a stable name that tests and instructors' scripts can rely on
 * @param text the advice, for a person
 */
public record Hint(Id id, String text) implements Serializable {

    /** Long hints are wrapped for an 80- to 120-column terminal. */
    private static final int WRAP_AT = 100;
    private static final String PREFIX = "Hint: ";

    /**
     * The mistakes a hint can name. docs/hints.md lists them with the beginning of their text;
     * the grader's tests show, for each, a wrong server that gets it.
     */
    public enum Id {
        // How the exchange ended
        SERVER_STOPPED, NOT_LISTENING, NO_ANSWER_KEPT_OPEN, NOT_CLOSED, LAST_ANSWER_NOT_CLOSED, RESET_BEFORE_ANSWER,
        CLOSED_WITHOUT_ANSWER, ANSWERED_INSTEAD_OF_CLOSING, ANSWERED_AFTER_ERROR, ROOT_NOT_MAPPED,
        // The head
        OUTSIDE_HTDOCS, BARE_LINE_FEEDS, NO_STATUS_LINE, HEAD_AFTER_BODY, STATUS_LINE_CASE, STATUS_LINE_NOT_EXACT, WRONG_STATUS,
        NOT_FOUND_IN_SUB_FOLDER, REFUSES_EVERY_DOT_DOT, HEAD_NEVER_ENDS, HEADER_LINES,
        // The body
        TRAILING_LINE_BREAK, EXTRA_BYTES, NO_BODY_AFTER_HEAD, BODY_FOR_GET_ONLY, BODY_CUT_SHORT, WRONG_FILE, STALE_COPY,
        NOT_THE_GENERATED_FILE, CHARSET_CONVERSION,
        // The header fields, from step 6 on (see HeaderRules), and step 7's files and folders
        DATE_MISSING, DATE_NOT_IMF_FIXDATE, DATE_IN_DEFAULT_LOCALE, DATE_NOT_NOW, DATE_HOUR_12, DATE_MINUTES_AS_MONTH,
        CONTENT_LENGTH_IN_CHARACTERS, CONTENT_LENGTH_WRONG, CONTENT_TYPE_WRONG, CHARSET_WRONG, ALLOW_WRONG, ERROR_BY_CLOSING, ERROR_WITHOUT_TEXT, BODY_WHERE_NONE,
        LOCATION_WRONG, LAST_MODIFIED_WRONG, HIDDEN_FILE, HIDDEN_FOLDER, HIDDEN_ABOVE_HTDOCS, ETAG_WRONG, SERVER_TIMING_WRONG,
        SERVER_TIMING_TOO_LONG, SERVER_TIMING_COUNTS_WAIT, SERVER_TIMING_DECIMAL_COMMA, LOG_LOST_AT_THE_STOP, FAILED_BEFORE_WRITING, FLUSH_NOT_TIMED,
        // Steps 10 and 11: persistent connections, pipelining, request bodies
        NOT_KEPT_OPEN, CONNECTION_HEADER_WRONG, KEPT_OPEN_AFTER_BAD_REQUEST, PIPELINED_REQUEST_LOST, BODY_READ_AS_REQUEST, BODY_COUNTED_AS_HEAD, ANSWERED_BEFORE_BODY,
        AMBIGUOUS_LENGTH_ACCEPTED, BODY_OF_GET_IGNORED, HUGE_BODY_AWAITED, CHUNKS_UNLIMITED, BODY_LENGTH_OVERFLOW, NO_REQUEST_LIMIT, RESET_AFTER_LAST_ANSWER,
        IDLE_CONNECTION_KEPT, CONNECTION_OPTION_CASE, CONNECTION_OPTION_LIST, CONNECTION_OPTION_SPACES, BODY_LEFT_UNREAD, CHUNK_EXTENSION_REFUSED,
        CHUNKED_TRAILER_UNREAD, CHUNKS_MISREAD, TRANSFER_CODING_CASE, EXPECT_CASE, EXPECT_CONTINUE_IGNORED, HEAD_TIMED_PER_CONNECTION,
        HEAD_SIZED_PER_CONNECTION, CUT_WHILE_WAITING,
        // Steps 12 and 13: the stop, the write timeout, the log, the connections
        STOP_NOT_GRACEFUL, STILL_ACCEPTING, STOP_EXIT_STATUS, SECOND_SIGNAL_IGNORED, STOP_NEVER_ENDS,
        WRITE_NEVER_TIMES_OUT, WRITE_TIMED_ONCE, WRITE_LIMIT_TOO_SHORT, WRITE_CUT_NOT_RESET, LOG_NOT_COMMON_FORMAT, LOG_HOST_WRONG, LOG_TIME_WRONG,
        LOG_SIZE_WRONG, LOG_UNESCAPED, LOG_ESCAPE_FORM, GRACE_PERIOD_TOO_SHORT, QUEUE_NOT_DRAINED, IDLE_KEPT_DURING_STOP, CLOSE_UNSAID_IN_STOP,
        LOG_QUOTE_UNESCAPED, CONNECTION_CAP_TOO_LOW, CONNECTION_NOT_GIVEN_BACK,
        // Step 15: uploads
        UPLOAD_NOT_CREATED, UPLOAD_NOT_REPLACED, UPLOAD_NOT_STORED, UPLOAD_CONTINUE_MISSING, UPLOAD_LIMIT_MISSING, UPLOAD_HALF_SEEN,
        UPLOAD_LIMIT_ITSELF_REFUSED, UPLOAD_LIMIT_TOO_LOW, UPLOAD_LEFT_BEHIND, UPLOAD_TEMP_SHARED, UPLOAD_OUTSIDE_FOLDER, UPLOAD_PATH_ACCEPTED, UPLOAD_DISK_FULL,
        UPLOAD_CUT_STORED, CONTINUE_IN_HTTP10, UPLOAD_ONTO_FOLDER, CONTINUE_BEFORE_REFUSAL, UPLOAD_PART_ELSEWHERE,
        // Step 16: byte ranges
        RANGE_IGNORED, RANGE_FORMS, RANGE_NOT_SATISFIABLE, RANGE_MISREAD, RANGE_NUMBER_OVERFLOW, IF_RANGE_IGNORED, IF_RANGE_DATE_AS_SINCE,
        ACCEPT_RANGES_MISSING,
        CONTENT_RANGE_WRONG,
        // Step 17: compression
        GZIP_MISSING, GZIP_UNSAID, GZIP_BODY_WRONG, CHUNKS_WRONG, GZIP_FRAMING, CHUNKS_TO_HTTP10, VARY_MISSING,
        ACCEPT_ENCODING_MISREAD, IDENTITY_REFUSED_IGNORED, GZIP_NOT_WORTH_IT, GZIP_FOR_RANGE, GZIP_ETAG_SAME,
        GZIP_HEAD_DIFFERS,
        // The start
        PROGRAM_NOT_FOUND, CRASHED_AT_START, NOTHING_PRINTED, NO_PORT_LINE, PORT_LINE_ON_STDERR, PORT_ZERO, PORT_IN_USE,
        FIXED_PORT_SILENT,
        FILE_NOT_STREAMED,
        // Many clients (step 5 on)
        ENDLESS_HEAD_READ, SILENT_CLIENT_KEPT, SLOW_CLIENT_KEPT, NOT_LOOPBACK_ONLY, THREADS_DIE, CROWD_BLOCKS_OTHERS,
        HEAD_LIMIT_PER_LINE, ONE_CONNECTION_AT_A_TIME, BACKLOG_FULL, HEAD_TIME_LIMIT_TOO_SHORT, HEAD_IN_PIECES_CUT, LEFT_OPEN_AFTER_AN_ERROR, HEAD_DEADLINE_SHARED, HEAD_CUT_SERVED,
        // Complete answers (step 6 on)
        FIFO_OPENED, CONTENT_LENGTH_OVERFLOW,
        // A clear no (step 7 on)
        METHOD_NOT_405, UNKNOWN_METHOD_NOT_501, METHOD_CASE_IGNORED, REQUEST_LINE_NOT_CHECKED, VERSION_DOT_UNCHECKED, BARE_CR_ACCEPTED,
        HEADER_LINE_NOT_CHECKED, ERROR_BODY_FOR_HEAD, OBS_TEXT_REFUSED, TAB_REFUSED, HOST_NOT_CHECKED, HOST_EMPTY_REFUSED, VERSION_NOT_CHECKED, HEAD_LIMIT_TOO_SMALL, EMPTY_LINE_NOT_IGNORED,
        HEADER_NAME_CASE, HOST_ASKED_OF_HTTP10, HEADER_LINE_TOO_LONG_AS_URI, HEADER_NAME_HYPHEN_REFUSED,
        // The target is a URL (step 8 on)
        NOT_PERCENT_DECODED, DECODED_TWICE, ESCAPE_AT_THE_END, PLUS_DECODED_AS_SPACE, MALFORMED_ESCAPE_ACCEPTED, NOT_UTF8_ACCEPTED, QUERY_NOT_IGNORED,
        ABSOLUTE_FORM_REFUSED, NOT_NORMALIZED_AFTER_DECODING, FOLDER_INDEX_NOT_SERVED, FOLDER_NOT_REDIRECTED,
        OPEN_REDIRECT,
        // Caching (step 9 on)
        IF_MODIFIED_SINCE_IGNORED, FILE_TIME_NOT_TRUNCATED, IF_MODIFIED_SINCE_STRICT, IF_MODIFIED_SINCE_EQUALITY,
        IF_MODIFIED_SINCE_REVERSED,
        NOT_MODIFIED_FOR_A_NEWER_FILE, IF_NONE_MATCH_IGNORED, IF_NONE_MATCH_TAG_MISSED, IF_NONE_MATCH_LIST,
        IF_NONE_MATCH_SPACES, IF_NONE_MATCH_WEAK, IF_NONE_MATCH_STAR, IF_MODIFIED_SINCE_WINS, BOTH_VALIDATORS_ASKED, ETAG_UNCHANGED,
        ETAG_UNSTABLE, NOT_MODIFIED_WITHOUT_ETAG, HEAD_NOT_CONDITIONAL
    }

    /** "Hint: ..." lines, wrapped, the continuation lines under the text after "Hint: ". */
    public String render() {
        StringBuilder lines = new StringBuilder(PREFIX);
        int column = PREFIX.length();
        boolean lineHasWords = false;
        for (String word : text.split(" ")) {
            if (lineHasWords && column + 1 + word.length() > WRAP_AT) {
                lines.append('\n').append(" ".repeat(PREFIX.length()));
                column = PREFIX.length();
                lineHasWords = false;
            } else if (lineHasWords) {
                lines.append(' ');
                column++;
            }
            lines.append(word);
            column += word.length();
            lineHasWords = true;
        }
        return lines.append('\n').toString();
    }

    public static String render(List<Hint> hints) {
        StringBuilder text = new StringBuilder();
        hints.forEach(hint -> text.append(hint.render()));
        return text.toString();
    }
}
