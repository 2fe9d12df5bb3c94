package httpcourse.spec;

import java.util.List;

/**
 * A failed check, with its whole report as the message (what Surefire and IDEs show) and its
 * hints as data (what the grader reads, never parsing them out of the text).
 */
public class SpecFailure extends AssertionError {

    private final List<Hint> hints;

    public SpecFailure(String report, List<Hint> hints) {
        super(report);
        this.hints = List.copyOf(hints);
    }

    /** A failure that is not about bytes received: what happened, then the one hint that explains it. */
    public static SpecFailure of(String whatHappened, Hint hint) {
        return new SpecFailure(whatHappened + "\n" + hint.render(), List.of(hint));
    }

    /** The same, then what the server printed during the check and whether it still runs: its output may say why. */
    public static SpecFailure withOutput(String whatHappened, Hint hint, ServerUnderTest server) {
        return new SpecFailure(whatHappened + "\n" + hint.render() + server.describeThisCheck(), List.of(hint));
    }

    /** The hints of the report, the most likely mistake first; empty when no hint applies. */
    public List<Hint> hints() {
        return hints;
    }
}
