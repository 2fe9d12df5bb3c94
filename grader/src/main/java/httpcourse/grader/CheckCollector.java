package httpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import httpcourse.spec.ServerProcess;
import httpcourse.spec.ServerUnderTestExtension;
import httpcourse.spec.SpecFailure;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Listens to one run of a step's spec and turns JUnit's events into checks.
 *
 * <p>The checks are the spec's test methods, taken from the test plan before anything runs:
 * so a server that never starts scores 0 of all its checks, not 0 of 0. A parameterized
 * test is one check; its cases only appear while it runs, and are collected under it. The
 * hints of a failure come as data, with the spec's failure ({@link SpecFailure}); the server's
 * stops come as report entries ({@link ServerUnderTestExtension#SERVER_STOPPED}).
 */
final class CheckCollector implements TestExecutionListener {

    private final Map<String, Progress> checks = new LinkedHashMap<>(); // by unique id, in plan order
    private final List<String> titles = new ArrayList<>();
    private final List<String> serverStops = new ArrayList<>();
    private final Consumer<StepResult.Check> onCheckDone;
    private StepResult.Problem containerFailure;

    CheckCollector(TestPlan plan, Consumer<StepResult.Check> onCheckDone) {
        this.onCheckDone = onCheckDone;
        plan.getRoots().forEach(root -> collect(plan, root));
    }

    private void collect(TestPlan plan, TestIdentifier identifier) {
        Optional<?> source = identifier.getSource();
        if (source.filter(ClassSource.class::isInstance).isPresent()) {
            titles.add(identifier.getDisplayName());
        }
        if (source.filter(MethodSource.class::isInstance).isPresent()) {
            checks.put(identifier.getUniqueId(), new Progress(identifier.getDisplayName()));
            return; // a test method, or a parameterized test whose cases do not exist yet
        }
        plan.getChildren(identifier).forEach(child -> collect(plan, child));
    }

    /** The spec's display name ("Step 4: 404 Not Found"). */
    String title() {
        return String.join(" + ", titles);
    }

    boolean isEmpty() {
        return checks.isEmpty();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Progress check = checks.get(identifier.getUniqueId());
        if (check != null) {
            check.finished(result);
            onCheckDone.accept(check.toCheck(null));
            return;
        }
        Progress parent = identifier.getParentId().map(checks::get).orElse(null);
        if (parent != null) {
            parent.caseFinished(identifier.getDisplayName(), result);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && containerFailure == null) {
            // The spec class (or the engine) failed around its checks: the server did not start.
            StepResult.Failure failure = describe(null, result);
            containerFailure = new StepResult.Problem(failure.report(), failure.hints());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        Progress parent = identifier.getParentId().map(checks::get).orElse(null);
        if (parent != null) {
            parent.caseFinished(identifier.getDisplayName(), TestExecutionResult.aborted(new IllegalStateException(
                    "Not run: " + reason)));
        }
        // A skipped check stays unfinished: result() says why it never ran.
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (key.equals(ServerUnderTestExtension.SERVER_STOPPED)) {
                serverStops.add(value);
            }
        });
    }

    /** How many checks never ran to their end. */
    long unfinished() {
        return checks.values().stream().filter(p -> !p.finished).count();
    }

    /** Why the spec as a whole failed (the server never started), or null. */
    StepResult.Problem containerFailure() {
        return containerFailure;
    }

    /** Each time the server stopped and was started again, in order. */
    List<String> serverStops() {
        return List.copyOf(serverStops);
    }

    /** Every check; those that never ran fail with {@code notRunReason}. */
    List<StepResult.Check> checks(String notRunReason) {
        return checks.values().stream().map(p -> p.toCheck(notRunReason)).toList();
    }

    /**
     * A failed check carries the spec's teaching report and its hints; a server that could not
     * start, its own; anything else is an error of the grader or the spec, shown as it is.
     */
    private static StepResult.Failure describe(String caseName, TestExecutionResult result) {
        Throwable failure = result.getThrowable().orElse(null);
        if (failure instanceof SpecFailure spec) {
            return new StepResult.Failure(caseName, spec.getMessage(), spec.hints());
        }
        if (failure instanceof ServerProcess.ServerStartException start) {
            return new StepResult.Failure(caseName, start.getMessage(), start.hints());
        }
        if (failure == null) {
            return new StepResult.Failure(caseName, "Failed (" + result.getStatus() + ").", List.of());
        }
        StringBuilder text = new StringBuilder("The check stopped with an unexpected error: ").append(failure);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        return new StepResult.Failure(caseName, text.append('\n').toString(), List.of());
    }

    /** What is known about one check so far. */
    private static final class Progress {
        private final String name;
        private final List<StepResult.Failure> failures = new ArrayList<>();
        private boolean finished;

        Progress(String name) {
            this.name = name;
        }

        void finished(TestExecutionResult result) {
            finished = true;
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(describe(null, result));
            }
        }

        void caseFinished(String caseName, TestExecutionResult result) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(describe(caseName, result));
            }
        }

        StepResult.Check toCheck(String notRunReason) {
            if (!finished) {
                String why = notRunReason == null ? "Not run." : notRunReason;
                List<StepResult.Failure> all = new ArrayList<>(failures);
                all.add(new StepResult.Failure(null, why, List.of()));
                return new StepResult.Check(name, false, false, all);
            }
            return new StepResult.Check(name, failures.isEmpty(), true, List.copyOf(failures));
        }
    }
}
