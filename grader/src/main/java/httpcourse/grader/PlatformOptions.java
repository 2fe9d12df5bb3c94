package httpcourse.grader;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The grader's options for grading a class (a picocli mixin of {@link Options}): points. */
final class PlatformOptions {

    @Option(names = "--points", paramLabel = "P|N=P", description = {
            "batch: the points of every step (P), or of step N (N=P), split",
            "over its checks; repeatable (default: 1 per check)"})
    private List<String> points = new ArrayList<>();

    /** Checks the options here against the others: anything wrong is a usage error. */
    void check(CommandLine commandLine, boolean batch) {
        if (!points.isEmpty() && !batch) {
            throw Options.usage(commandLine, "--points is for --batch: a single grading shows one point per check");
        }
        try {
            Scoring.parse(points);
        } catch (IllegalArgumentException e) {
            throw Options.usage(commandLine, e.getMessage());
        }
    }

    /** The points of the steps graded; a step named by --points N=P must be graded. */
    Scoring scoring(List<Integer> steps, CommandLine commandLine) {
        Scoring scoring = Scoring.parse(points);
        List<Integer> missing = scoring.stepsNotIn(steps);
        if (!missing.isEmpty()) {
            throw Options.usage(commandLine, "--points names step " + missing.get(0) + ", which is not graded: the"
                    + " steps graded are " + steps);
        }
        return scoring;
    }
}
