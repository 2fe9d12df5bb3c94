package httpcourse.spec;

/**
 * One check of the course's spec: the sentence a student reads (its name), and what it does.
 * Checks are values: each step's spec is an ordered list of them ({@link Course}), which the
 * step modules and the grader run alike ({@link CourseSpec}).
 *
 * @param name   what the server must do, in the words a report shows: "answers 404 Not Found for a missing file"
 * @param server where it runs: on the step's server, one check after the other, or on a server of its own
 * @param action what it sends, and what it expects
 */
public record Check(String name, Server server, Action action) {

    /** Where a check runs. */
    public enum Server {
        /** The step's server, shared by the checks that run one after the other, in the list's order. */
        SHARED,
        /**
         * A server of its own, started for it, beside the shared one: a check that waits long (for a
         * timeout of the server's), that sends a crowd, or that stops the server. It runs while the
         * others do, so a step takes about as long as its longest check.
         */
        OWN,
        /**
         * A server of its own, for a check that mostly waits for one of the server's time limits
         * (10 s for a head, an idle connection, a write): it starts first, and never waits for a
         * turn, since waiting costs no CPU. The step then takes about as long as that limit.
         */
        OWN_WAITING,
        /**
         * A server of its own, as for OWN, started in a folder whose own name starts with a dot
         * (/tmp/.httpspec-123): a course checked out under ~/.projects/ must work as well.
         */
        OWN_IN_A_HIDDEN_FOLDER
    }

    /** The body of a check: it fails by throwing, with a {@link SpecFailure} that teaches. */
    @FunctionalInterface
    public interface Action {
        void run(Checking checking) throws Exception;
    }

    /** A check on the step's server. */
    public static Check check(String name, Action action) {
        return new Check(name, Server.SHARED, action);
    }

    /** A check on a server of its own (see {@link Server#OWN}). */
    public static Check onItsOwnServer(String name, Action action) {
        return new Check(name, Server.OWN, action);
    }

    /** A check that waits for a time limit of the server's, on a server of its own (see {@link Server#OWN_WAITING}). */
    public static Check waitingOnItsOwnServer(String name, Action action) {
        return new Check(name, Server.OWN_WAITING, action);
    }

    /** A check on a server of its own started in a hidden folder (see {@link Server#OWN_IN_A_HIDDEN_FOLDER}). */
    public static Check inAHiddenFolder(String name, Action action) {
        return new Check(name, Server.OWN_IN_A_HIDDEN_FOLDER, action);
    }

    @Override
    public String toString() {
        return name;
    }
}
