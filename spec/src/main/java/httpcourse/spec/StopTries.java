package httpcourse.spec;

/**
 * A stop check that a busy machine can leave without a verdict, tried again on a new server. A right
 * server ends its stop once its grace period is over, exit status 0; a check that the machine kept
 * from seeing what it must before that end (the idle connection closed while a download went on, a
 * second signal answered) cannot tell it from a wrong one that exits then. That try is inconclusive
 * ({@link Stopping#unlessInconclusive}): the check runs again, on a new server, and reports the
 * failure, as the order of events names it, only if its last try cannot tell either.
 */
final class StopTries {

    /** How many tries a check has, each on a new server. */
    static final int TRIES = 3;

    private StopTries() {
    }

    /** A try that could not tell a right server from a wrong one: thrown while the check may try again. */
    static final class Inconclusive extends RuntimeException {
        Inconclusive() {
            super("inconclusive: the server ended its stop before the check could tell", null, false, false);
        }
    }

    /** One try of a check, with the stop of its server. */
    @FunctionalInterface
    interface Try {
        void run(Checking c, Stopping stop) throws Exception;
    }

    /**
     * Runs {@code attempt} until a try tells, up to {@link #TRIES} tries: each on a new server. A failure
     * of a later try says so first: whoever reads it knows that the check did not give up at once.
     */
    static void run(Checking c, Try attempt) throws Exception {
        for (int tries = 1; ; tries++) {
            try {
                attempt.run(c, new Stopping(c, tries < TRIES));
                return;
            } catch (Inconclusive again) {
                c.server().startAgain();
            } catch (SpecFailure failure) {
                throw tries == 1 ? failure : new SpecFailure(triedAgain(tries) + failure.getMessage(), failure.hints());
            }
        }
    }

    private static String triedAgain(int tries) {
        return "Try " + tries + " of " + TRIES + ", on a new server: " + (tries == 2 ? "the try" : "the " + (tries - 1)
                + " tries") + " before could not tell, the stop having ended before this busy machine let the check"
                + " see what it must.\n";
    }
}
