package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import httpcourse.spec.Hint;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the report shows failures beyond the first three: by their first hint, and by "(the same
 * hint as above)" only when the hint just above was that very hint.
 */
@DisplayName("The report")
class ReportTest {

    private static final Hint BARE_LF = new Hint(Hint.Id.BARE_LINE_FEEDS, "Lines end with a bare \\n (LF).");
    private static final Hint CASE = new Hint(Hint.Id.STATUS_LINE_CASE, "The status line differs in letter case only.");

    private static StepResult.Check failed(String name, Hint... hints) {
        return new StepResult.Check(name, false, true,
                List.of(new StepResult.Failure(null, "The response is not the expected one.\n(the report)\n", List.of(hints))));
    }

    private static String details(StepResult.Check... checks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepResult result = new StepResult(1, "Step 1", "java S.java 0", List.of(checks), null, List.of());
        Report.stepDetails(new PrintStream(bytes, true, StandardCharsets.UTF_8), result, false);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("says \"the same hint as above\" only after that very hint, and shows a failure without a hint by its first line")
    void repeatsOnlyTheSameHint() {
        String report = details(failed("a"), failed("b"), failed("c"), // the first three in full
                failed("d", BARE_LF), failed("e", BARE_LF), failed("f", CASE), failed("g"), failed("h"));
        assertThat(report).containsSubsequence(
                "✗ d", "Hint: Lines end with a bare \\n (LF).",
                "✗ e", "(the same hint as above)",
                "✗ f", "Hint: The status line differs in letter case only.",
                "✗ g", "The response is not the expected one.",
                "✗ h", "The response is not the expected one.");
        assertThat(report).containsOnlyOnce("(the same hint as above)");
    }
}
