package httpcourse.spec;

import java.util.List;

/** The server never became ready; the message says why and shows its output, the hint what to change. */
public final class ServerStartException extends Exception {
    private final List<Hint> hints;

    /**
     * @param what    what went wrong, in one line
     * @param hint    what to change, or null
     * @param details the command and what the server printed
     */
    public ServerStartException(String what, Hint hint, String details) {
        super(what + "\n" + (hint == null ? "" : hint.render()) + details);
        this.hints = hint == null ? List.of() : List.of(hint);
    }

    public List<Hint> hints() {
        return hints;
    }

    /**
     * Unchecked, for where a check finds its server gone at its first contact, and a new one does not
     * start either: the check never reached a server, and does not run ({@link CheckRunner} unwraps it).
     */
    static final class Unchecked extends RuntimeException {
        Unchecked(ServerStartException cause) {
            super(cause);
        }

        ServerStartException start() {
            return (ServerStartException) getCause();
        }
    }
}
