package httpcourse.grader;

import static httpcourse.grader.Steps10And11Fixtures.*;
import static httpcourse.grader.Steps12To14Fixtures.*;
import static httpcourse.grader.Steps5To7Fixtures.*;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import httpcourse.spec.Check;
import httpcourse.spec.Hint;

/**
 * When {@link GraderTest} grades each known-wrong server. Most of a grading's time goes to waiting on
 * its server, so many run side by side; the longest start first, so that none starts last and runs
 * on alone while the cores idle.
 */
final class GradingOrder {

    private GradingOrder() {
    }

    /**
     * The gradings that wait longest, each on a check's 30 s fail-safe (a slow client, or an idle
     * connection, never closed; a stop that never ends; a write that never times out): they start
     * first, each at once, and use almost no CPU.
     */
    static final List<KnownWrongServer> SLOWEST = List.of(NO_READ_TIMEOUT, LIMITS_READ_PAST, TIMEOUT_PER_READ,
            NO_IDLE_TIMEOUT, NO_GRACE_LIMIT, NO_WRITE_TIMEOUT, UploadFixtures.TIME_PER_READ_KEPT);

    /**
     * Gradings side by side: six per core, up to two cores. Not more: besides the one check that
     * waits, a grading's other checks use the cores (step 12's each download 11 MiB or more within
     * the server's 5 s grace period), and on one busy core more than six made correct servers miss
     * that grace period. (Pinned to one core, as with taskset, the JVM sees one.)
     */
    static final int AT_ONCE = 6 * Math.min(2, Runtime.getRuntime().availableProcessors());

    /**
     * The rest, the longest first: those that wait out a fail-safe ({@link #waitsOutAFailSafe}), then
     * those with a check on a server of its own (a crowd, a stop, a time limit: 10 to 40 s, where the
     * others take 1 to 6 s), then those graded on the most checks.
     */
    static final Comparator<KnownWrongServer> LONGEST_FIRST = Comparator
            .comparing((KnownWrongServer server) -> !waitsOutAFailSafe(server))
            .thenComparing(server -> !startsServersOfTheirOwn(server))
            .thenComparing(server -> -checksGraded(server));

    /**
     * Whether its flaw leaves a check waiting out its fail-safe, of 10 s or more, in every check it
     * fails: an answer that never comes or never ends, a connection the server never closes, a
     * pipelined request lost, a part file that never goes. Measured: each took 20 to 45 s, and
     * started last, it ran on alone at the end.
     */
    private static boolean waitsOutAFailSafe(KnownWrongServer server) {
        return Flaws.FLAWS.stream().anyMatch(flaw -> flaw.server() == server
                && EnumSet.of(Hint.Id.NOT_CLOSED, Hint.Id.NO_ANSWER_KEPT_OPEN, Hint.Id.LAST_ANSWER_NOT_CLOSED,
                        Hint.Id.PIPELINED_REQUEST_LOST, Hint.Id.UPLOAD_LEFT_BEHIND).contains(flaw.hint()));
    }

    /** How many checks it is graded on ({@link Flaws#gradedChecks}); none for a step's problem, which stops its step. */
    private static int checksGraded(KnownWrongServer server) {
        return Flaws.FLAWS.stream().anyMatch(flaw -> flaw.server() == server) ? Flaws.gradedChecks(server).size() : 0;
    }

    /** Whether a check it is graded on has a server of its own. */
    private static boolean startsServersOfTheirOwn(KnownWrongServer server) {
        return Flaws.FLAWS.stream().anyMatch(flaw -> flaw.server() == server)
                && Flaws.gradedChecks(server).stream().anyMatch(check -> check.server() != Check.Server.SHARED);
    }

    /** The step whose spec a known-wrong server is graded on. */
    static int specStep(KnownWrongServer server) {
        return Flaws.FLAWS.stream().filter(flaw -> flaw.server() == server).map(Flaws.Flaw::step).findFirst()
                .orElse(server.step());
    }
}
