package httpcourse.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The course's steps, each with its spec: one ordered list of checks, the previous step's list
 * with this step's own checks after it. Some steps also replace what no longer holds (step 1's
 * Hello World whatever the path is not step 2's answer; from step 7 a POST gets 405, not the file;
 * from step 8 a folder gets its index.html or a 301, not a 404). The step modules and
 * the grader run these very lists ({@link CourseSpec}); a chapter lists its step's.
 */
public final class Course {

    /** One step: its number, its title, and its checks, in the order they run and are reported. */
    public record Step(int number, String title, List<Check> checks) {

        public Step {
            checks = List.copyOf(checks);
            List<String> names = checks.stream().map(Check::name).toList();
            if (names.stream().distinct().count() != names.size()) {
                throw new IllegalArgumentException("Step " + number + " has two checks of the same name: " + names);
            }
        }

        /** "Step 5: many clients at once". */
        public String heading() {
            return "Step " + number + ": " + title;
        }

        /** The next step: this step's checks, to which it adds its own ({@link #add}) or replaces some. */
        Step next(String title) {
            return new Step(number + 1, title, checks);
        }

        /** This step with {@code added} after its checks. */
        Step add(List<Check> added) {
            return new Step(number, title, Stream.concat(checks.stream(), added.stream()).toList());
        }

        /** This step with {@code replacements} where the first of {@code replaced} stood, and without the others. */
        Step replace(List<Check> replaced, List<Check> replacements) {
            List<Check> out = new ArrayList<>(checks);
            int at = out.indexOf(replaced.getFirst());
            if (at < 0 || !out.containsAll(replaced)) {
                throw new IllegalArgumentException("Step " + number + " replaces checks it does not have: " + replaced);
            }
            out.removeAll(replaced);
            out.addAll(at, replacements);
            return new Step(number, title, out);
        }
    }

    private static final List<Step> STEPS = build();

    private Course() {
    }

    private static List<Step> build() {
        List<Step> steps = new ArrayList<>();
        Step step = new Step(1, "Hello World",
                concat(BasicChecks.ANSWERS, ArticleChecks.HELLO_WORLD, BasicChecks.SURVIVES));
        steps.add(step);
        steps.add(step = step.next("always index.html").replace(ArticleChecks.HELLO_WORLD, ArticleChecks.INDEX_PAGE));
        steps.add(step = step.next("the file the request names").replace(ArticleChecks.INDEX_PAGE,
                concat(ArticleChecks.NAMED_FILES, List.of(ArticleChecks.MISSING_FILE_CLOSES))));
        steps.add(step = step.next("404 Not Found").replace(List.of(ArticleChecks.MISSING_FILE_CLOSES),
                ArticleChecks.NOT_FOUND));
        steps.add(step = step.next("many clients at once").add(ManyClientsChecks.ALL));
        steps.add(step = step.next("complete answers").add(CompleteAnswerChecks.ALL));
        // A POST gets 405 now (ClearNoChecks.FORM_POST), not the file, nor a 404 for a missing one.
        steps.add(step = step.next("a clear no").replace(
                List.of(ArticleChecks.FORM_LIKE_A_GET, ArticleChecks.FORM_TO_A_MISSING_FILE), List.of())
                .add(ClearNoChecks.ALL));
        // A folder gets its index.html or a 301 now (UrlChecks), not a 404.
        steps.add(step = step.next("the target is a URL").replace(List.of(ArticleChecks.FOLDER), List.of())
                .add(UrlChecks.ALL));
        steps.add(step = step.next("caching").add(CachingChecks.ALL));
        steps.add(step = step.next("keep-alive").add(KeepAliveChecks.ALL));
        steps.add(step = step.next("request bodies").add(BodyChecks.ALL));
        steps.add(step = step.next("a graceful stop").add(StopChecks.ALL));
        steps.add(step = step.next("a server to leave running").add(UnattendedChecks.ALL));
        steps.add(step = step.next("measured and tuned").add(TunedChecks.ALL));
        steps.add(step = step.next("uploads").add(UploadChecks.ALL));
        steps.add(step = step.next("byte ranges").add(RangeChecks.ALL));
        steps.add(step.next("compression").add(CompressionChecks.ALL));
        return Collections.unmodifiableList(steps);
    }

    @SafeVarargs
    private static List<Check> concat(List<Check>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    /** Every step, in order. */
    public static List<Step> steps() {
        return STEPS;
    }

    /** The step whose lesson a check belongs to: the first whose list has it. */
    public static int lessonOf(Check check) {
        return STEPS.stream().filter(step -> step.checks().contains(check)).findFirst().orElseThrow().number();
    }

    /** Step {@code number}; IllegalArgumentException when there is no such step. */
    public static Step step(int number) {
        if (number < 1 || number > STEPS.size()) {
            throw new IllegalArgumentException("There is no step " + number + ": the steps are 1 to " + STEPS.size());
        }
        return STEPS.get(number - 1);
    }
}
