package httpcourse.grader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import httpcourse.spec.ServerProcess;

import org.junit.platform.engine.TestExecutionResult;
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
 * test is one check; its cases only appear while it runs, and are collected under it.
 */
final class CheckCollector implements TestExecutionListener {

    private final Map<String, Progress> checks = new LinkedHashMap<>(); // by unique id, in plan order
    private final List<String> titles = new ArrayList<>();
    private final Consumer<StepResult.Check> onCheckDone;
    private String containerFailure;

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
            containerFailure = describe(result);
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

    /** How many checks never ran to their end. */
    long unfinished() {
        return checks.values().stream().filter(p -> !p.finished).count();
    }

    /** Why the spec as a whole failed (the server never started), or null. */
    String containerFailure() {
        return containerFailure;
    }

    /** Every check; those that never ran fail with {@code notRunReason}. */
    List<StepResult.Check> checks(String notRunReason) {
        return checks.values().stream().map(p -> p.toCheck(notRunReason)).toList();
    }

    static String describe(TestExecutionResult result) {
        return result.getThrowable().map(CheckCollector::describe).orElse("Failed (" + result.getStatus() + ").");
    }

    /** A failed assertion carries the spec's teaching report; anything else is an error of its own. */
    private static String describe(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage();
        }
        if (failure instanceof ServerProcess.ServerStartException) {
            return failure.getMessage(); // what went wrong, the command, a hint and the server's output
        }
        StringBuilder text = new StringBuilder("The check stopped with an unexpected error: ").append(failure);
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        return text.append('\n').toString();
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
                failures.add(new StepResult.Failure(null, describe(result)));
            }
        }

        void caseFinished(String caseName, TestExecutionResult result) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                failures.add(new StepResult.Failure(caseName, describe(result)));
            }
        }

        StepResult.Check toCheck(String notRunReason) {
            if (!finished) {
                String why = notRunReason == null ? "Not run." : notRunReason;
                List<StepResult.Failure> all = new ArrayList<>(failures);
                all.add(new StepResult.Failure(null, why));
                return new StepResult.Check(name, false, false, all);
            }
            return new StepResult.Check(name, failures.isEmpty(), true, List.copyOf(failures));
        }
    }
}
