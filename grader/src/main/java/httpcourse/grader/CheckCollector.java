package httpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import httpcourse.spec.ServerProcess;
import httpcourse.spec.ServerStartException;
import httpcourse.spec.ServerUnderTest;
import httpcourse.spec.SpecFailure;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Listens to one run of a step's spec and turns JUnit's events into checks. The checks are known
 * before anything runs (the step's list), so a server that never starts scores 0 of all its
 * checks, not 0 of 0. The hints of a failure come as data, with the spec's failure
 * ({@link SpecFailure}); the server's stops come as report entries ({@link ServerUnderTest#STOPPED}).
 *
 * <p>Three outcomes besides a pass and a failure:
 * <ul>
 *   <li>a check whose server could not start never ran: it fails, and why the server did not
 *       start is the step's problem, told once, not in every check;</li>
 *   <li>a check that cannot run in this grading (JUnit's "aborted": a server somebody else
 *       started cannot be sent signals, this computer cannot make symbolic links) is "not run
 *       here", with the reason it gave: neither passed nor failed, and in no total, since the
 *       server cannot be blamed, nor can a score claim what nothing checked;</li>
 *   <li>a check that never reported (the spec failed around it) fails with the spec's reason.</li>
 * </ul>
 */
final class CheckCollector implements TestExecutionListener {

    private final Map<String, StepResult.Check> checks = new LinkedHashMap<>(); // by name, in the list's order
    private final List<String> serverStops = new ArrayList<>();
    private final Consumer<StepResult.Check> onCheckDone;
    private StepResult.Problem containerFailure;
    private StepResult.Problem startFailure;

    CheckCollector(List<String> names, Consumer<StepResult.Check> onCheckDone) {
        this.onCheckDone = onCheckDone;
        names.forEach(name -> checks.put(name, null));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        String name = identifier.getDisplayName();
        if (identifier.isTest() && checks.containsKey(name)) {
            StepResult.Check check = check(name, result);
            checks.put(name, check);
            onCheckDone.accept(check);
        } else if (!identifier.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                && containerFailure == null) {
            StepResult.Failure failure = describe(result); // the spec failed around its checks
            containerFailure = new StepResult.Problem(failure.report(), failure.hints());
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals(ServerUnderTest.STOPPED)) {
                serverStops.add(value);
            }
        });
    }

    private StepResult.Check check(String name, TestExecutionResult result) {
        Throwable failure = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> StepResult.Check.pass(name);
            case ABORTED -> StepResult.Check.notRunHere(name, failure == null || failure.getMessage() == null
                    ? "the check could not run here (it gave no reason)" : failure.getMessage());
            case FAILED -> failure instanceof ServerStartException start
                    ? notRun(name, start)
                    : StepResult.Check.fail(name, List.of(describe(result)));
        };
    }

    /** A check whose server did not start: why is the step's problem (the first such start, if several). */
    private synchronized StepResult.Check notRun(String name, ServerStartException start) {
        if (startFailure == null) {
            startFailure = new StepResult.Problem(start.getMessage(), start.hints());
        }
        return StepResult.Check.notRun(name,
                new StepResult.Failure(null, "Not run: the server did not start (see above).", List.of()));
    }

    /** Why some checks could not run (the server did not start, or the spec failed around them), or null. */
    StepResult.Problem problem() {
        return startFailure != null ? startFailure : containerFailure;
    }

    /** Each time the server stopped and was started again, in order. */
    List<String> serverStops() {
        return List.copyOf(serverStops);
    }

    /**
     * Every check of the step, in its order. One that never ran (the spec failed before it) fails
     * with the reason the spec failed.
     */
    List<StepResult.Check> checks() {
        List<StepResult.Check> all = new ArrayList<>();
        checks.forEach((name, check) -> all.add(check != null ? check : StepResult.Check.notRun(name,
                new StepResult.Failure(null, containerFailure == null ? "Not run."
                        : "Not run: " + containerFailure.report().lines().findFirst().orElse(""), List.of()))));
        return all;
    }

    /**
     * A failed check carries the spec's teaching report and its hints; a server that could not
     * start, its own; anything else is an error of the grader or the spec, shown as it is.
     */
    private static StepResult.Failure describe(TestExecutionResult result) {
        Throwable failure = result.getThrowable().orElse(null);
        if (failure instanceof SpecFailure spec) {
            return new StepResult.Failure(null, spec.getMessage(), spec.hints());
        }
        if (failure instanceof ServerStartException start) {
            return new StepResult.Failure(null, start.getMessage(), start.hints());
        }
        if (failure == null) {
            return new StepResult.Failure(null, "Failed (" + result.getStatus() + ").", List.of());
        }
        StringBuilder text = new StringBuilder("The check stopped with an unexpected error: ").append(failure);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        return new StepResult.Failure(null, text.append('\n').toString(), List.of());
    }
}
