package httpcourse.spec;

/**
 * What a header rule needs to judge a value: when the exchange happened, what came, which body to
 * expect. A record of its own, so that the rules ({@link HeaderRules}) need not know the check
 * ({@link ResponseCheck}) that uses them.
 */
public record ResponseContext(Timed timed, HttpResponse actual, byte[] expectedBody) {
}
