package httpcourse.grader;

import static httpcourse.grader.AlsoFails.everyCheckBut;
import static httpcourse.grader.AlsoFails.failing;
import static httpcourse.grader.AlsoFails.merged;

import java.util.Map;

import httpcourse.spec.ArticleChecks;
import httpcourse.spec.BasicChecks;
import httpcourse.spec.Check;
import httpcourse.spec.ClearNoChecks;
import httpcourse.spec.CompressionChecks;
import httpcourse.spec.Hint;
import httpcourse.spec.KeepAliveChecks;
import httpcourse.spec.RangeChecks;
import httpcourse.spec.UploadChecks;
import httpcourse.spec.UploadLimitChecks;

/** {@link AlsoFails} for the extensions, steps 15 to 17: uploads, byte ranges, compression. */
final class ExtensionsAlsoFail {

    private ExtensionsAlsoFail() {
    }

    /** Step 15, uploads. */
    static Map<Check, Hint.Id> uploads(UploadFixtures server) {
        return merged(uploadsAlone(server), ThisComputer.fillsTheDisk() ? fullDisk(server) : Map.of());
    }

    private static Map<Check, Hint.Id> uploadsAlone(UploadFixtures server) {
        return switch (server) {
            // Step 14 answers every PUT with 405: every check that uploads a file, or that waits for a refusal
            // with another status, or for Allow to name PUT; the cut upload's check sees nothing on disk, and passes.
            case STEP_14 -> merged(failing(Hint.Id.UPLOAD_NOT_CREATED, UploadChecks.REPLACES, UploadChecks.CHUNKED,
                            UploadChecks.CONTINUES, UploadChecks.AT_ONCE),
                    failing(Hint.Id.UPLOAD_LIMIT_MISSING, UploadChecks.TOO_LARGE, UploadLimitChecks.TOO_LARGE_IN_CHUNKS),
                    failing(Hint.Id.ALLOW_WRONG, UploadChecks.ONLY_IN_UPLOADS)); // its first case: DELETE in /uploads/
            // No limit at all: a chunked upload past 16 MiB is taken too, or finds the disk full first (the sandbox's).
            case NO_UPLOAD_LIMIT -> failing(Hint.Id.UPLOAD_LIMIT_MISSING, UploadLimitChecks.TOO_LARGE_IN_CHUNKS);
            // The second PUT of a name, in the check of a replaced file too: it ends without a word.
            case MOVE_WITHOUT_REPLACE -> failing(Hint.Id.WRONG_STATUS, UploadChecks.REPLACES);
            // Every check that uploads a new file.
            case CREATED_AS_200 -> failing(Hint.Id.UPLOAD_NOT_CREATED, UploadChecks.REPLACES, UploadChecks.CHUNKED,
                    UploadChecks.CONTINUES);
            case LOCATION_ON_DISK -> failing(Hint.Id.LOCATION_WRONG, UploadChecks.REPLACES, UploadChecks.CHUNKED,
                    UploadChecks.CONTINUES);
            // Every check that GETs the file uploaded.
            case STORED_BESIDE_HTDOCS -> failing(Hint.Id.UPLOAD_NOT_STORED, UploadChecks.REPLACES,
                    UploadChecks.CHUNKED, UploadChecks.CONTINUES, UploadChecks.AT_ONCE);
            // Two uploads at once write the same file; a chunked upload refused (past the limit, or a bad chunk) stays.
            case WRITES_THE_FILE_ITSELF -> merged(failing(Hint.Id.UPLOAD_TEMP_SHARED, UploadChecks.AT_ONCE),
                    failing(Hint.Id.UPLOAD_HALF_SEEN, UploadChecks.CHUNKED, UploadLimitChecks.TOO_LARGE_IN_CHUNKS));
            // A chunked upload refused, past the limit or for a bad chunk, leaves its part as a cut one does.
            case PART_LEFT_BEHIND -> failing(Hint.Id.UPLOAD_LEFT_BEHIND, UploadChecks.CHUNKED,
                    UploadLimitChecks.TOO_LARGE_IN_CHUNKS);
            // The bad chunk's 400 (an HttpError, which no catch block takes) too.
            case PART_DELETED_IN_CATCH -> failing(Hint.Id.UPLOAD_LEFT_BEHIND, UploadChecks.CHUNKED);
            // Every upload fails as it begins (the sandbox's /tmp is read-only); a refusal comes before, and passes.
            case PART_IN_TMP -> failing(Hint.Id.UPLOAD_PART_ELSEWHERE, UploadChecks.REPLACES, UploadChecks.CHUNKED,
                    UploadChecks.CONTINUES, UploadChecks.AT_ONCE, UploadLimitChecks.TOO_LARGE_IN_CHUNKS);
            default -> Map.of();
        };
    }

    /** Steps 16 and 17, byte ranges and compression. */
    static Map<Check, Hint.Id> rangesAndCompression(RangeAndCompressionFixtures server) {
        return switch (server) {
            // Every compressed answer's check.
            case GZIP_DROPS_CONTENT_TYPE -> failing(Hint.Id.CONTENT_TYPE_WRONG, CompressionChecks.NEGOTIATION,
                    CompressionChecks.IDENTITY_REFUSED, CompressionChecks.OWN_ETAG, CompressionChecks.HEAD_AS_GET);
            // Step 15 reads no Range: the whole file, 200, for every form of one, and no Accept-Ranges; the checks
            // that want the whole file pass.
            case STEP_15 -> merged(failing(Hint.Id.RANGE_FORMS, RangeChecks.OTHER_FORMS),
                    failing(Hint.Id.RANGE_NOT_SATISFIABLE, RangeChecks.NOT_SATISFIABLE),
                    failing(Hint.Id.RANGE_IGNORED, RangeChecks.IF_RANGE), // its first case: no If-Range
                    failing(Hint.Id.ACCEPT_RANGES_MISSING, RangeChecks.ACCEPT_RANGES));
            // Every 206: the other forms' and If-Range's first, without If-Range.
            case CONTENT_RANGE_END_EXCLUDED -> failing(Hint.Id.CONTENT_RANGE_WRONG, RangeChecks.OTHER_FORMS,
                    RangeChecks.IF_RANGE);
            case WHOLE_LENGTH_ON_PART -> failing(Hint.Id.CONTENT_LENGTH_WRONG, RangeChecks.OTHER_FORMS,
                    RangeChecks.IF_RANGE);
            case PART_DROPS_CONTENT_TYPE -> failing(Hint.Id.CONTENT_TYPE_WRONG, RangeChecks.OTHER_FORMS,
                    RangeChecks.IF_RANGE);
            // Every 206: a large file's part near its end runs out of the file before a byte is sent (told by a
            // small file's part, which goes on to its end).
            case PART_NOT_CUT -> failing(Hint.Id.PART_NOT_CUT, RangeChecks.OTHER_FORMS, RangeChecks.IF_RANGE);
            // Every other form of one range that does not start at 0.
            case RANGE_FROM_THE_START -> failing(Hint.Id.RANGE_FORMS, RangeChecks.OTHER_FORMS);
            // A start past an int: no 416.
            case RANGE_NUMBERS_AS_INTS -> failing(Hint.Id.RANGE_NUMBER_OVERFLOW, RangeChecks.NOT_SATISFIABLE);
            // bytes=-0 read as from 0 on: the whole file as a part, not 416.
            case SUFFIX_FROM_N -> failing(Hint.Id.RANGE_NOT_SATISFIABLE, RangeChecks.NOT_SATISFIABLE);
            // Step 16 never compresses: every check that wants gzip fails for that (NEGOTIATION and IDENTITY_REFUSED
            // by their own hints, which cannot tell a server that never compresses); no Vary on the files as they are.
            case STEP_16 -> merged(failing(Hint.Id.ACCEPT_ENCODING_MISREAD, CompressionChecks.NEGOTIATION),
                    failing(Hint.Id.IDENTITY_REFUSED_IGNORED, CompressionChecks.IDENTITY_REFUSED),
                    failing(Hint.Id.GZIP_MISSING, CompressionChecks.OWN_ETAG, CompressionChecks.HEAD_AS_GET),
                    failing(Hint.Id.VARY_MISSING, CompressionChecks.ONLY_WHAT_SHRINKS,
                            CompressionChecks.NEVER_FOR_RANGES, CompressionChecks.NO_CHUNKS_FOR_HTTP10));
            // Every answer for a file lacks Vary.
            case NO_VARY -> everyCheckBut(server);
            // Every compressed answer is wrong the same way (HEAD's check asks GET first); the plain answers pass.
            case NO_CONTENT_ENCODING, ZLIB_NOT_GZIP, NOT_FINISHED, DECIMAL_CHUNK_SIZES, LENGTH_OF_THE_FILE ->
                    everyCheckBut(server, CompressionChecks.ONLY_WHAT_SHRINKS, CompressionChecks.NEVER_FOR_RANGES,
                            CompressionChecks.NO_CHUNKS_FOR_HTTP10);
            // "*, identity;q=0" accepts gzip by "*" alone.
            case CONTAINS_GZIP, STAR_IGNORED -> failing(Hint.Id.ACCEPT_ENCODING_MISREAD,
                    CompressionChecks.IDENTITY_REFUSED);
            // " identity;q=0", after "gzip, ", read as nothing: the small file goes as it is.
            case SPACES_KEPT -> failing(Hint.Id.IDENTITY_REFUSED_IGNORED, CompressionChecks.IDENTITY_REFUSED);
            // The part, sent as it is, with the compressed answer's tag.
            case GZIP_TAG_BY_ACCEPT -> failing(Hint.Id.GZIP_TAG_ON_PLAIN_BYTES, CompressionChecks.NEVER_FOR_RANGES);
            // The small file on the connection's second request, compressed.
            case COMPRESSES_EVERYTHING -> failing(Hint.Id.GZIP_NOT_WORTH_IT, CompressionChecks.GZIP);
            // The same small file, and every browser's request of earlier steps (Accept-Encoding: gzip, deflate).
            case IDENTITY_DEFAULT_FROM_STAR -> failing(Hint.Id.IDENTITY_DEFAULT_WRONG, BasicChecks.ANSWERS_A_BROWSER,
                    ArticleChecks.BROWSER_FOR_A_PAGE, ClearNoChecks.LARGE_HEAD, KeepAliveChecks.BROWSER_KEPT,
                    CompressionChecks.GZIP);
            default -> Map.of();
        };
    }

    /**
     * Step 15's full disk, where its check runs ({@link ThisComputer#fillsTheDisk}): it uploads a small file before
     * the disk is full and after, and looks for what is left of the uploads that did not fit.
     */
    private static Map<Check, Hint.Id> fullDisk(UploadFixtures server) {
        return switch (server) {
            // Its first upload, before the disk is full: 405 (step 14), 200, or a Location on the disk.
            case STEP_14, CREATED_AS_200 -> failing(Hint.Id.UPLOAD_NOT_CREATED, UploadLimitChecks.DISK_FULL);
            case LOCATION_ON_DISK -> failing(Hint.Id.LOCATION_WRONG, UploadLimitChecks.DISK_FULL);
            // By Content-Length, refused before a byte is written; in chunks, the file itself (or its part) stays.
            case WRITES_THE_FILE_ITSELF -> failing(Hint.Id.UPLOAD_HALF_SEEN, UploadLimitChecks.DISK_FULL);
            case PART_LEFT_BEHIND -> failing(Hint.Id.UPLOAD_LEFT_BEHIND, UploadLimitChecks.DISK_FULL);
            case PART_IN_TMP -> failing(Hint.Id.UPLOAD_PART_ELSEWHERE, UploadLimitChecks.DISK_FULL);
            // 100 Continue before any refusal: before the room's too, to the PUT that waits on the full disk.
            case CONTINUE_BEFORE_LIMIT -> failing(Hint.Id.CONTINUE_BEFORE_REFUSAL, UploadLimitChecks.DISK_FULL);
            default -> Map.of();
        };
    }
}
