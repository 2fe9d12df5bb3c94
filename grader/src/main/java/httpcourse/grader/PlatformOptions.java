package httpcourse.grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The grader's options for where instructors grade beyond one machine (a picocli mixin of
 * {@link Options}): points, Gradescope's autograder, PrairieLearn's external grader.
 */
final class PlatformOptions {

    @Option(names = "--points", paramLabel = "P|N=P", description = {
            "batch and platforms: the points of every step (P), or of step N",
            "(N=P), split over its checks; repeatable (default: 1 per check)"})
    private List<String> points = new ArrayList<>();

    @Option(names = "--gradescope", description = {
            "grade /autograder/submission (with --command) and write",
            "/autograder/results/results.json, as run_autograder does"})
    private boolean gradescope;

    @Option(names = "--gradescope-zip", paramLabel = "ZIP", description = {
            "write Gradescope's autograder zip: setup.sh, run_autograder, this",
            "grader, and the other options given, which it grades with"})
    private Path gradescopeZip;

    @Option(names = "--visibility", paramLabel = "WHEN", description = {
            "Gradescope: when students see the tests: visible (default),",
            "hidden, after_due_date, after_published"})
    private String visibility;

    @Option(names = "--prairielearn", description = {
            "grade /grade/student (with --command) and write",
            "/grade/results/results.json, as the image's entrypoint does"})
    private boolean prairielearn;

    @Option(names = "--prairielearn-image", paramLabel = "DIR", description = {
            "write a Docker build folder for PrairieLearn's external grader:",
            "Dockerfile, this grader, and the other options given, which its",
            "entrypoint grades with (and those info.json gives it)"})
    private Path prairielearnImage;

    /** How many of the modes here were asked for: one at most, with the modes of {@link Options}. */
    int modes() {
        return (gradescope ? 1 : 0) + (gradescopeZip != null ? 1 : 0) + (prairielearn ? 1 : 0)
                + (prairielearnImage != null ? 1 : 0);
    }

    /** Checks the options here against the others: anything wrong is a usage error. */
    void check(CommandLine commandLine, boolean hasTemplate, boolean hasChecks, boolean batch) {
        String mode = gradescope ? "--gradescope" : gradescopeZip != null ? "--gradescope-zip"
                : prairielearn ? "--prairielearn" : prairielearnImage != null ? "--prairielearn-image" : null;
        if (mode == null) {
            if (!points.isEmpty() && !batch) {
                throw Options.usage(commandLine, "--points is for --batch, --gradescope and --prairielearn (and what"
                        + " builds them): a single grading shows one point per check");
            }
            if (visibility != null) {
                throw Options.usage(commandLine, "--visibility is for Gradescope: --gradescope or --gradescope-zip");
            }
        } else {
            checkPlatform(commandLine, mode, hasTemplate, hasChecks);
        }
        try {
            Scoring.parse(points);
        } catch (IllegalArgumentException e) {
            throw Options.usage(commandLine, e.getMessage());
        }
    }

    private void checkPlatform(CommandLine commandLine, String mode, boolean hasTemplate, boolean hasChecks) {
        if (!hasTemplate && !mode.equals("--prairielearn-image")) {
            throw Options.usage(commandLine, mode + " needs --command: the command that starts the submission, with"
                    + " {dir} for its folder, e.g. --command 'java {dir}/HttpServer.java'");
        }
        if (hasChecks) {
            throw Options.usage(commandLine, "--check is for one server: " + mode + " grades every check of the steps");
        }
        if (visibility != null && !mode.startsWith("--gradescope")) {
            throw Options.usage(commandLine, "--visibility is for Gradescope: --gradescope or --gradescope-zip");
        }
        if (visibility != null && !PlatformResults.VISIBILITIES.contains(visibility)) {
            throw Options.usage(commandLine, "--visibility needs one of " + String.join(", ",
                    PlatformResults.VISIBILITIES) + " (got \"" + visibility + "\")");
        }
    }

    Platforms.Layout platform() {
        return gradescope ? Platforms.Layout.GRADESCOPE : prairielearn ? Platforms.Layout.PRAIRIELEARN : null;
    }

    Bundles.Kind bundle() {
        return gradescopeZip != null ? Bundles.Kind.GRADESCOPE_ZIP
                : prairielearnImage != null ? Bundles.Kind.PRAIRIELEARN_IMAGE : null;
    }

    /** The zip file, or the folder of the Docker image, to write. */
    Path bundleTarget() {
        return (gradescopeZip != null ? gradescopeZip : prairielearnImage).toAbsolutePath().normalize();
    }

    /** Gradescope's visibility of the tests: visible unless --visibility says otherwise. */
    String visibility() {
        return visibility == null ? "visible" : visibility;
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
