package httpcourse.grader;

import static httpcourse.grader.RangeAndCompressionFixtures.*;
import static httpcourse.grader.UploadFixtures.*;

import java.util.List;

import httpcourse.grader.Flaws.Flaw;
import httpcourse.spec.CompressionChecks;
import httpcourse.spec.Hint;
import httpcourse.spec.ManyClientsChecks;
import httpcourse.spec.RangeChecks;
import httpcourse.spec.UploadChecks;
import httpcourse.spec.UploadLimitChecks;

/** The flaws of the extensions, steps 15 to 17: part of {@link Flaws#FLAWS}, in a file of their own. */
final class ExtensionFlaws {

    private ExtensionFlaws() {
    }

    static final List<Flaw> FLAWS = List.of(
            // Uploads
            new Flaw(STEP_14, 15, UploadChecks.CREATES, Hint.Id.UPLOAD_NOT_CREATED),
            new Flaw(CREATED_AS_200, 15, UploadChecks.CREATES, Hint.Id.UPLOAD_NOT_CREATED),
            new Flaw(MOVE_WITHOUT_REPLACE, 15, UploadChecks.AT_ONCE, Hint.Id.UPLOAD_NOT_REPLACED),
            new Flaw(UPLOAD_EXPECT_CASE, 15, UploadChecks.CONTINUES, Hint.Id.UPLOAD_CONTINUE_MISSING),
            new Flaw(CONTINUE_TO_HTTP10, 15, UploadChecks.CONTINUES, Hint.Id.CONTINUE_IN_HTTP10),
            new Flaw(CUT_BODY_STORED, 15, UploadChecks.WHOLE_OR_NOTHING, Hint.Id.UPLOAD_CUT_STORED),
            new Flaw(PUT_ONTO_FOLDER, 15, UploadChecks.ONLY_IN_UPLOADS, Hint.Id.UPLOAD_ONTO_FOLDER),
            new Flaw(CONTINUE_BEFORE_LIMIT, 15, UploadChecks.TOO_LARGE, Hint.Id.CONTINUE_BEFORE_REFUSAL),
            new Flaw(CONTINUE_BEFORE_PATH, 15, UploadChecks.ONLY_IN_UPLOADS, Hint.Id.CONTINUE_BEFORE_REFUSAL),
            new Flaw(CHUNKED_UPLOAD_UNLIMITED, 15, UploadLimitChecks.TOO_LARGE_IN_CHUNKS, Hint.Id.UPLOAD_LIMIT_MISSING),
            new Flaw(LOCATION_ON_DISK, 15, UploadChecks.CREATES, Hint.Id.LOCATION_WRONG),
            new Flaw(LOCATION_UNENCODED, 15, UploadChecks.CREATES, Hint.Id.LOCATION_WRONG),
            new Flaw(STORED_BESIDE_HTDOCS, 15, UploadChecks.CREATES, Hint.Id.UPLOAD_NOT_STORED),
            new Flaw(REPLACED_AS_CREATED, 15, UploadChecks.REPLACES, Hint.Id.WRONG_STATUS),
            new Flaw(NO_CONTENT_WITH_LENGTH, 15, UploadChecks.REPLACES, Hint.Id.CONTENT_LENGTH_WRONG),
            new Flaw(CONTINUE_NEVER_SAID, 15, UploadChecks.CONTINUES, Hint.Id.UPLOAD_CONTINUE_MISSING),
            new Flaw(CONTINUE_WITHOUT_EMPTY_LINE, 15, UploadChecks.CONTINUES, Hint.Id.UPLOAD_CONTINUE_MISSING),
            new Flaw(NO_UPLOAD_LIMIT, 15, UploadChecks.TOO_LARGE, Hint.Id.UPLOAD_LIMIT_MISSING),
            new Flaw(UPLOAD_LENGTH_AS_INT, 15, UploadChecks.TOO_LARGE, Hint.Id.UPLOAD_LENGTH_OVERFLOW),
            new Flaw(LIMIT_ITSELF_REFUSED, 15, UploadChecks.CONTINUES, Hint.Id.UPLOAD_LIMIT_ITSELF_REFUSED),
            new Flaw(LIMIT_TOO_LOW, 15, UploadChecks.CONTINUES, Hint.Id.UPLOAD_LIMIT_TOO_LOW),
            new Flaw(WRITES_THE_FILE_ITSELF, 15, UploadChecks.WHOLE_OR_NOTHING, Hint.Id.UPLOAD_HALF_SEEN),
            new Flaw(PART_LEFT_BEHIND, 15, UploadChecks.WHOLE_OR_NOTHING, Hint.Id.UPLOAD_LEFT_BEHIND),
            new Flaw(PART_DELETED_IN_CATCH, 15, UploadLimitChecks.TOO_LARGE_IN_CHUNKS, Hint.Id.UPLOAD_LEFT_BEHIND),
            new Flaw(PART_NOT_HIDDEN, 15, UploadChecks.WHOLE_OR_NOTHING, Hint.Id.UPLOAD_HALF_SEEN),
            new Flaw(ONE_PART_PER_NAME, 15, UploadChecks.AT_ONCE, Hint.Id.UPLOAD_TEMP_SHARED),
            new Flaw(PART_IN_TMP, 15, UploadChecks.CREATES, Hint.Id.UPLOAD_PART_ELSEWHERE),
            new Flaw(PUT_ANYWHERE, 15, UploadChecks.ONLY_IN_UPLOADS, Hint.Id.UPLOAD_OUTSIDE_FOLDER),
            new Flaw(FOLDER_BY_TEXT, 15, UploadChecks.ONLY_IN_UPLOADS, Hint.Id.UPLOAD_FOLDER_BY_TEXT),
            new Flaw(TIME_PER_READ_KEPT, 15, ManyClientsChecks.SLOW_CLIENTS, Hint.Id.UPLOAD_TIME_KEPT),
            new Flaw(FILE_KEPT_BY_416, 16, ManyClientsChecks.FILES_CLOSED, Hint.Id.FILE_LEFT_OPEN_BY_416),
            new Flaw(HIDDEN_UPLOAD_ACCEPTED, 15, UploadChecks.ONLY_IN_UPLOADS, Hint.Id.UPLOAD_PATH_ACCEPTED),
            new Flaw(LOCATION_FROM_TARGET, 15, UploadChecks.CREATES, Hint.Id.OPEN_REDIRECT),
            new Flaw(ALLOW_WITHOUT_PUT, 15, UploadChecks.ONLY_IN_UPLOADS, Hint.Id.ALLOW_WRONG),
            new Flaw(DISK_FULL_UNANSWERED, 15, UploadLimitChecks.DISK_FULL, Hint.Id.UPLOAD_DISK_FULL),
            new Flaw(DISK_FULL_AS_500, 15, UploadLimitChecks.DISK_FULL, Hint.Id.UPLOAD_DISK_FULL),
            new Flaw(CONTINUE_BEFORE_ROOM, 15, UploadLimitChecks.DISK_FULL, Hint.Id.CONTINUE_BEFORE_REFUSAL),
            // Byte ranges
            new Flaw(STEP_15, 16, RangeChecks.ONE_RANGE, Hint.Id.RANGE_IGNORED),
            new Flaw(CONTENT_RANGE_END_EXCLUDED, 16, RangeChecks.ONE_RANGE, Hint.Id.CONTENT_RANGE_WRONG),
            new Flaw(WHOLE_LENGTH_ON_PART, 16, RangeChecks.ONE_RANGE, Hint.Id.CONTENT_LENGTH_WRONG),
            new Flaw(RANGE_FROM_THE_START, 16, RangeChecks.ONE_RANGE, Hint.Id.RANGE_IGNORED),
            new Flaw(PART_NOT_CUT, 16, RangeChecks.ONE_RANGE, Hint.Id.PART_NOT_CUT),
            new Flaw(PART_DROPS_CONTENT_TYPE, 16, RangeChecks.ONE_RANGE, Hint.Id.CONTENT_TYPE_WRONG),
            new Flaw(SUFFIX_FROM_N, 16, RangeChecks.OTHER_FORMS, Hint.Id.RANGE_FORMS),
            new Flaw(RANGE_END_PAST_THE_FILE, 16, RangeChecks.OTHER_FORMS, Hint.Id.RANGE_FORMS),
            new Flaw(PAST_END_REFUSED, 16, RangeChecks.OTHER_FORMS, Hint.Id.RANGE_FORMS),
            new Flaw(NEVER_416, 16, RangeChecks.NOT_SATISFIABLE, Hint.Id.RANGE_NOT_SATISFIABLE),
            new Flaw(NO_CONTENT_RANGE_ON_416, 16, RangeChecks.NOT_SATISFIABLE, Hint.Id.CONTENT_RANGE_WRONG),
            new Flaw(SEVERAL_RANGES_AS_FIRST, 16, RangeChecks.WHOLE_FILE, Hint.Id.RANGE_MISREAD),
            new Flaw(RANGE_ON_HEAD, 16, RangeChecks.WHOLE_FILE, Hint.Id.RANGE_MISREAD),
            new Flaw(RANGE_DIGITS_UNBOUNDED, 16, RangeChecks.WHOLE_FILE, Hint.Id.RANGE_NUMBER_OVERFLOW),
            new Flaw(RANGE_NUMBERS_AS_INTS, 16, RangeChecks.OTHER_FORMS, Hint.Id.RANGE_NUMBER_OVERFLOW),
            new Flaw(IF_RANGE_NEVER_READ, 16, RangeChecks.IF_RANGE, Hint.Id.IF_RANGE_IGNORED),
            new Flaw(IF_RANGE_DATE_ONLY, 16, RangeChecks.IF_RANGE, Hint.Id.IF_RANGE_IGNORED),
            new Flaw(IF_RANGE_WEAK, 16, RangeChecks.IF_RANGE, Hint.Id.IF_RANGE_IGNORED),
            new Flaw(PART_WITHOUT_ACCEPT_RANGES, 16, RangeChecks.ACCEPT_RANGES, Hint.Id.ACCEPT_RANGES_MISSING),
            new Flaw(IF_RANGE_PARSED_AS_A_DATE, 16, RangeChecks.IF_RANGE, Hint.Id.IF_RANGE_UNREADABLE),
            new Flaw(IF_RANGE_DATE_AS_SINCE, 16, RangeChecks.IF_RANGE, Hint.Id.IF_RANGE_DATE_AS_SINCE),
            new Flaw(NO_ACCEPT_RANGES, 16, RangeChecks.ACCEPT_RANGES, Hint.Id.ACCEPT_RANGES_MISSING),
            new Flaw(HEAD_WITHOUT_ACCEPT_RANGES, 16, RangeChecks.ACCEPT_RANGES, Hint.Id.ACCEPT_RANGES_MISSING),
            new Flaw(RANGE_BEFORE_NOT_MODIFIED, 16, RangeChecks.ACCEPT_RANGES, Hint.Id.IF_NONE_MATCH_IGNORED),
            // Compression
            new Flaw(STEP_16, 17, CompressionChecks.GZIP, Hint.Id.GZIP_MISSING),
            new Flaw(GZIP_DROPS_CONTENT_TYPE, 17, CompressionChecks.GZIP, Hint.Id.CONTENT_TYPE_WRONG),
            new Flaw(GZIP_MIN_LENGTH_EXCLUSIVE, 17, CompressionChecks.GZIP, Hint.Id.GZIP_MISSING),
            new Flaw(NO_VARY, 17, CompressionChecks.GZIP, Hint.Id.VARY_MISSING),
            new Flaw(NO_CONTENT_ENCODING, 17, CompressionChecks.GZIP, Hint.Id.GZIP_UNSAID),
            new Flaw(ZLIB_NOT_GZIP, 17, CompressionChecks.GZIP, Hint.Id.GZIP_BODY_WRONG),
            new Flaw(NOT_FINISHED, 17, CompressionChecks.GZIP, Hint.Id.GZIP_BODY_WRONG),
            new Flaw(DECIMAL_CHUNK_SIZES, 17, CompressionChecks.GZIP, Hint.Id.CHUNKS_WRONG),
            new Flaw(LENGTH_OF_THE_FILE, 17, CompressionChecks.GZIP, Hint.Id.GZIP_FRAMING),
            new Flaw(CONTAINS_GZIP, 17, CompressionChecks.NEGOTIATION, Hint.Id.ACCEPT_ENCODING_MISREAD),
            new Flaw(CASE_SENSITIVE_CODINGS, 17, CompressionChecks.NEGOTIATION, Hint.Id.ACCEPT_ENCODING_MISREAD),
            new Flaw(WEIGHT_NOT_CHECKED, 17, CompressionChecks.NEGOTIATION, Hint.Id.ACCEPT_ENCODING_MISREAD),
            new Flaw(STAR_IGNORED, 17, CompressionChecks.NEGOTIATION, Hint.Id.ACCEPT_ENCODING_MISREAD),
            new Flaw(SPACES_KEPT, 17, CompressionChecks.NEGOTIATION, Hint.Id.ACCEPT_ENCODING_MISREAD),
            new Flaw(IDENTITY_REFUSAL_IGNORED, 17, CompressionChecks.IDENTITY_REFUSED,
                    Hint.Id.IDENTITY_REFUSED_IGNORED),
            new Flaw(COMPRESSES_EVERYTHING, 17, CompressionChecks.ONLY_WHAT_SHRINKS, Hint.Id.GZIP_NOT_WORTH_IT),
            new Flaw(GZIP_DECIDED_ON_THE_FOLDER, 17, CompressionChecks.GZIP, Hint.Id.GZIP_DECIDED_ON_FOLDER),
            new Flaw(IDENTITY_DEFAULT_FROM_STAR, 17, CompressionChecks.ONLY_WHAT_SHRINKS, Hint.Id.IDENTITY_DEFAULT_WRONG),
            new Flaw(GZIP_FOR_RANGES, 17, CompressionChecks.NEVER_FOR_RANGES, Hint.Id.GZIP_FOR_RANGE),
            new Flaw(GZIP_TAG_BY_ACCEPT, 17, CompressionChecks.ONLY_WHAT_SHRINKS, Hint.Id.GZIP_TAG_ON_PLAIN_BYTES),
            new Flaw(SAME_ETAG, 17, CompressionChecks.OWN_ETAG, Hint.Id.GZIP_ETAG_SAME),
            new Flaw(NOT_MODIFIED_BEFORE_GZIP, 17, CompressionChecks.OWN_ETAG, Hint.Id.NOT_MODIFIED_BEFORE_GZIP),
            new Flaw(OWN_WEAK_TAG_KEPT, 17, CompressionChecks.OWN_ETAG, Hint.Id.IF_NONE_MATCH_OWN_WEAK),
            new Flaw(HEAD_NOT_COMPRESSED, 17, CompressionChecks.HEAD_AS_GET, Hint.Id.GZIP_HEAD_DIFFERS),
            new Flaw(CHUNKS_TO_HTTP10, 17, CompressionChecks.NO_CHUNKS_FOR_HTTP10, Hint.Id.CHUNKS_TO_HTTP10));
}
