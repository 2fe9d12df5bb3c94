package httpcourse.spec;

import java.util.List;

/**
 * What a failure report asks of the server under test, and no more: whether it stopped, where its
 * files are, what it printed, and the questions it may ask the server. {@link ServerUnderTest} is
 * the one implementation; a report depends on this interface, so that the server, which makes the
 * reports, does not depend on them in a circle.
 */
interface ServerState {

    /** Whether the server stopped after this exchange (it may wait a moment for the signs of it). */
    boolean stoppedAfter(Exchange exchange);

    /** The web root the spec wrote for the server. */
    WebRoot webRoot();

    /** Whether the server still runs, and what it printed during the check, when that can tell why. */
    String describeAfterFailure(Exchange exchange, List<Hint> hints);

    /** The lines the server printed during this check, on stdout and on stderr. */
    List<String> outputOfThisCheck();

    /** The questions a report may ask the server, each sent once, when first needed ({@link ServerProbes}). */
    ServerProbes probes();
}
