package httpcourse.spec;

import java.util.List;

/**
 * What a failure report asks of the server under test, and no more: whether it stopped, where its
 * files are, what it printed, and one question it may ask the server. {@link ServerUnderTest} is the one implementation; a report
 * depends on this interface, so that the server, which makes the reports, does not depend on them
 * in a circle.
 */
interface ServerState {

    /** Whether the server stopped after this exchange (it may wait a moment for the signs of it). */
    boolean stoppedAfter(Exchange exchange);

    /** The web root the spec wrote for the server. */
    WebRoot webRoot();

    /** Whether the server still runs, and what it printed during the check, when that can tell why. */
    String describeAfterFailure(Exchange exchange, List<Hint> hints);

    /**
     * Whether the server answers 400 to "GET / HTTP/1.0" without Host, and not with one: it asks every
     * version for the Host only HTTP/1.1 requires. Asked only of a 400 that may be that; found once.
     */
    boolean asksHostOfHttp10();

    /**
     * Whether the server gives up on a client that pauses for a moment: a request sent whole, a
     * moment after its connection opened, gets no answer, where the same at once gets one. Asked only
     * of a connection that got no answer; found once.
     */
    boolean givesUpOnAPause();

    /** Whether "GET / HTTP/1.0" gets an answer: the server answers, just not this request. Found once. */
    boolean answersAPlainGet();

    /** Whether "GET /index.html HTTP/1.0" gets 200: the page that GET / names is served. Found once. */
    boolean servesIndexHtml();

    /** Whether a header named X-Probe gets 400 and XProbe does not: "-" left out of a name's characters. Found once. */
    boolean refusesHyphenatedNames();
}
