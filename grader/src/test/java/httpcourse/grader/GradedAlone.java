package httpcourse.grader;

import static httpcourse.grader.ArticleFixtures.*;
import static httpcourse.grader.Steps10And11Fixtures.*;
import static httpcourse.grader.Steps12To14Fixtures.*;
import static httpcourse.grader.Steps5To7Fixtures.*;
import static httpcourse.grader.Steps8And9Fixtures.*;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The known-wrong servers that GraderTest grades on their own check only ({@link Flaws#gradedChecks}). */
final class GradedAlone {

    private GradedAlone() {
    }

    /**
     * Known-wrong servers graded on the check meant for them only, and why: the rest of their step
     * would cost much waiting and prove nothing about their hint.
     */
    static final Map<KnownWrongServer, String> REASONS = Stream.of(Map.of(
            STEP_4_IN_A_CROWD, "step 4 has none of step 5's limits: SpecsDiscriminateTest shows which check teaches them",
            NO_HEAD_SIZE_LIMIT, "its head may take 60 s, to read 64 MiB however busy the machine: silent clients too",
            LIMIT_PER_LINE, "its head may take 60 s, to read 64 MiB however busy the machine: silent clients too",
            KEEPS_ACCEPTING, "the connections that come during its stop wait in the system's queue, never accepted: the"
                    + " drained queue's check fails or passes as its last connections come before its last accept()",
            NO_FLUSH_BETWEEN_ANSWERS, "every check that waits for an answer on a kept connection fails the same way, each"
                    + " after the response timeout, and some with the hint of what they look at",
            HEAD_TIMED_PER_CONNECTION, "any check whose connection lasts over 10 s fails too, or not, as the machine is"
                    + " busy (the 10 000 requests of one connection, say)",
            HEAD_LIMIT_IN_SECONDS, "a pause over its 9 ms within a head fails a check: which do depends on the machine",
            HEAD_LIMIT_ONE_SECOND, "a head that takes over its 1 s fails a check: which do depends on the machine",
            HEAD_DEADLINE_STATIC, "checks 10 s after its first connection fail: which do depends on the machine",
            THREAD_RUN_NOT_STARTED, "step 4 served in a thread: SpecsDiscriminateTest shows which check teaches it")
            .entrySet().stream(), Stream.of(Map.entry((KnownWrongServer) CLOSED_ON_SUCCESS_ONLY, "every request that"
                    + " throws waits out the response timeout, the silent client 30 s: a minute more, for the same"
                    + " hint (and SILENT_CLIENT_KEPT's, which names the close too)"),
                    Map.entry((KnownWrongServer) HEAD_SIZE_COUNTS_ASKED, "its flaw shows only"
                    + " where a head's pieces come in two reads: a crowd of 200 that sends its halves faster than the"
                    + " server reads them passes, or not"), Map.entry((KnownWrongServer) WATCHDOG_CUTS_ANY, "it cuts every connection"
                    + " at its watchdog's next tick: which other checks a tick falls into depends on the clock"),
                    Map.entry((KnownWrongServer) SHUTDOWN_NOW, "it cuts every answer under way as its stop ends, soon"
                    + " after the signal: which stop checks still read a download then depends on the machine's pace"),
                    Map.entry((KnownWrongServer) LAST_MODIFIED_RFC_1123, "a file modified today shows it only on days"
                    + " 1 to 9 of the month; dated.html's day is always one of them"),
                    Map.entry((KnownWrongServer) WATCHDOG_IN_MILLIS, "its limit of microseconds cuts any write that"
                    + " waits at all: on a busy core, a small answer's too (the log's check lost one)"),
                    Map.entry((KnownWrongServer) LIMITS_READ_PAST, "it reads a head a byte at a time, past both"
                    + " limits: an endless head spins its CPU until the sandbox's limit ends it, 30 s on"),
                    Map.entry((KnownWrongServer) ACCEPT_WITHOUT_TIMEOUT, "its stop ends when a connection comes:"
                    + " in the Ctrl+C check, the second signal's or a probe's, whichever comes first"),
                    Map.entry((KnownWrongServer) FIRST_BYTE_KEPT, "only a request that comes after the server"
                    + " waited for it loses its byte: which other checks of kept connections fail depends on the pace"),
                    Map.entry((KnownWrongServer) FIRST_REQUEST_AWAITED, "its stop closes the connections it finds new:"
                    + " a Ctrl+C check's silent one too, seen as accepting to the end, or not, as its sweep and the"
                    + " probe meet")),
            Stream.of(LOG_TIME_NOT_COMMON, LOG_OFFSET_CONSTANT, LOG_MONTH_IN_DEFAULT_LOCALE, LOG_HOUR_12,
                    LOG_WHOLE_STATUS, LOG_HOST_WITH_PORT, LOG_HEAD_BYTES, LOG_UNESCAPED, LOG_DEL_UNESCAPED, LOG_QUOTES_RAW, LOG_HEX_ONE_DIGIT,
                    LOG_ESCAPES_ESC_ONLY, LOG_HIGH_BYTES_RAW, LOG_TILDE_ESCAPED, LOG_LAST_CONTROL_RAW, LOG_CUT_SIZE_MINUS_ONE,
                    LOG_SKIPPED_WHEN_CUT).map(log -> Map.entry(
                    (KnownWrongServer) log, "a log line's form changes no answer: the other checks of step 13 (a crowd"
                    + " of 2000 connections, a write cut after 10 s) would cost seconds, and prove nothing")))
            .flatMap(entries -> entries).collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
}
