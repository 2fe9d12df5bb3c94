package httpcourse.grader;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.stream.Stream;

import httpcourse.spec.DateRule;
import httpcourse.spec.Hint;
import httpcourse.spec.NetworkAddresses;
import httpcourse.spec.Sandbox;
import httpcourse.spec.UploadLimitChecks;

import org.junit.jupiter.api.Assumptions;

/**
 * What this computer, and its clock while the gradings run, lets a known-wrong server show: a
 * flaw that cannot show here is not asked to ({@link GraderTest}, {@link AlsoFails}).
 */
final class ThisComputer {

    private ThisComputer() {
    }

    /** When the gradings began (see clockShows). */
    private static final Instant STARTED = Instant.now();

    /**
     * Whether the clock let the Date's hint show all along the gradings: DATE_HOUR_12's hh differs from
     * HH from 13:00 to 00:59 GMT only, DATE_MINUTES_AS_MONTH's MM from mm but at the month's minute.
     */
    static boolean clockShows(Hint.Id hint) {
        return switch (hint) {
            case DATE_HOUR_12 -> DateRule.hour12Differs(STARTED) && DateRule.hour12Differs(Instant.now());
            case DATE_MINUTES_AS_MONTH -> Stream.iterate(STARTED, t -> t.isBefore(Instant.now().plusSeconds(60)),
                    t -> t.plusSeconds(60)).allMatch(DateRule::minutesAsMonthDiffer);
            // In the days of December of the 1st of January's week, YYYY writes Date wrong too: every check fails.
            case LAST_MODIFIED_WEEK_YEAR -> Stream.of(STARTED, Instant.now()).allMatch(t -> t.atZone(ZoneOffset.UTC)
                    .get(WeekFields.of(Locale.US).weekBasedYear()) == t.atZone(ZoneOffset.UTC).getYear());
            default -> true;
        };
    }

    /**
     * Whether the full disk's check runs here ({@link UploadLimitChecks#DISK_FULL}): only where the grader's
     * sandbox gives a server's folder a size of its own, a tmpfs, as root. Elsewhere it is "not run
     * here", and no known-wrong server fails it.
     */
    static boolean fillsTheDisk() {
        return Sandbox.unavailable().isEmpty() && Sandbox.budgetsTheFolder();
    }

    /**
     * The loopback check cannot tell on a computer with no other address: there is nothing to reach.
     * The full disk's check runs only where the sandbox gives a server's folder a size (as root). A part
     * file in /tmp fails for sure only in the sandbox, whose /tmp is read-only.
     */
    static void assumeItCanTell(Flaws.Flaw flaw) {
        Hint.Id hint = flaw.hint();
        Assumptions.assumeTrue(hint != Hint.Id.NOT_LOOPBACK_ONLY || NetworkAddresses.firstNonLoopback().isPresent(),
                "this computer has no address besides loopback: a server that listens everywhere cannot be told apart");
        Assumptions.assumeTrue(flaw.check() != UploadLimitChecks.DISK_FULL || fillsTheDisk(),
                "the sandbox gives a server's folder no size here (it does as root): the full disk's check is not run");
        Assumptions.assumeTrue(hint != Hint.Id.UPLOAD_PART_ELSEWHERE || Sandbox.unavailable().isEmpty(),
                "without the sandbox, the system's temporary folder may be writable, on the web root's file system");
        Assumptions.assumeTrue(hint != Hint.Id.FAILED_BEFORE_WRITING || Sandbox.unavailable().isEmpty(),
                "without the sandbox's 1 GiB of memory, a file of 1 GiB may fit in the server's");
        Assumptions.assumeTrue(clockShows(hint), "hh and HH (from 01:00 to 12:59 GMT), or MM and mm (at the"
                + " minute whose number is the month's), wrote the same during the gradings, or YYYY wrote the Date"
                + " wrong too (the last days of December): the hint cannot be told apart");
    }

    /**
     * Where root grades, the sandbox runs each server as nobody, and htdocs is root's: a server
     * cannot write over its pages, and the one that tries crashes at start (see
     * {@link GraderTest#stopsAServerThatWritesOverItsWebRoot}).
     */
    static boolean webRootIsNotTheServers() {
        return Sandbox.unavailable().isEmpty() && "root".equals(System.getProperty("user.name"));
    }

    static void assumeItCanWriteItsWebRoot(KnownWrongServer server) {
        Assumptions.assumeFalse(server == ArticleFixtures.TAMPERS_WITH_ITS_WEB_ROOT && webRootIsNotTheServers(),
                "root grades: the sandbox runs the server as nobody, who may not write over htdocs/index.html");
    }
}
