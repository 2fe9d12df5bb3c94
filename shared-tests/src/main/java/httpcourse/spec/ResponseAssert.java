package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link Exchange}. A failure teaches: it shows the request sent,
 * the expected and actual bytes with CR and LF visible, a caret under the first difference,
 * hints in plain words, and what the server printed when it died.
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, Exchange> {

    private ResponseAssert(Exchange exchange) {
        super(exchange, ResponseAssert.class);
    }

    public static ResponseAssert assertThat(Exchange exchange) {
        return new ResponseAssert(exchange);
    }

    /** The response is exactly {@code expected}, and the server closed the connection after it. */
    public ResponseAssert isResponse(String statusLine, byte[] body) {
        byte[] head = (statusLine + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] expected = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, expected, head.length, body.length);
        return isExactly(expected);
    }

    public ResponseAssert isResponse(String statusLine, String asciiBody) {
        return isResponse(statusLine, asciiBody.getBytes(StandardCharsets.US_ASCII));
    }

    public ResponseAssert isExactly(byte[] expected) {
        isNotNull();
        if (actual.ending() != Exchange.Ending.CLOSED || !Arrays.equals(expected, actual.response())) {
            fail(expected, "The response is not the expected one.");
        }
        return this;
    }

    /** The server closed the connection without sending anything (step 3's missing file). */
    public ResponseAssert isClosedWithoutAnswer() {
        isNotNull();
        if (actual.ending() == Exchange.Ending.NOT_CLOSED || actual.response().length > 0) {
            fail(new byte[0], "Expected the server to close the connection without an answer.");
        }
        return this;
    }

    /** The server closed the connection (with any answer or none): it did not hang. */
    public ResponseAssert isClosed() {
        isNotNull();
        if (actual.ending() == Exchange.Ending.NOT_CLOSED) {
            fail(null, "Expected the server to close the connection, with or without an answer.");
        }
        return this;
    }

    private void fail(byte[] expected, String headline) {
        failWithMessage("%s", report(headline, expected, actual));
    }

    /** The whole failure report; public so the grader prints the very same text. */
    public static String report(String headline, byte[] expected, Exchange exchange) {
        return report(headline, expected, exchange, List.of());
    }

    /** The same report, with {@code firstHints} before the general ones (see {@link ResponseCheck}). */
    public static String report(String headline, byte[] expected, Exchange exchange, List<String> firstHints) {
        byte[] got = exchange.response();
        StringBuilder report = new StringBuilder(headline).append("\n");
        report.append("Request sent (").append(exchange.request().length).append(" bytes):\n")
                .append(VisibleBytes.render(exchange.request()));
        if (expected != null) {
            report.append("Expected response (").append(expected.length).append(" bytes), then the connection closed:\n")
                    .append(VisibleBytes.render(expected));
        }
        report.append("Actual response (").append(got.length).append(" bytes), ")
                .append(describeEnding(exchange)).append(":\n")
                .append(VisibleBytes.render(got));
        if (expected != null) {
            report.append(VisibleBytes.firstDifference(expected, got));
        }
        List<String> hints = new ArrayList<>(firstHints);
        hints.addAll(Hints.explain(expected == null ? got : expected, exchange));
        for (String hint : hints) {
            report.append("Hint: ").append(hint).append("\n");
        }
        TestServer server = exchange.server();
        if (server != null && (server.hasExited() || got.length == 0 || exchange.ending() != Exchange.Ending.CLOSED)) {
            report.append(server.diagnosis());
        }
        return report.toString();
    }

    private static String describeEnding(Exchange exchange) {
        return switch (exchange.ending()) {
            case CLOSED -> "then the server closed the connection";
            case NOT_CLOSED -> "and the connection was still open after " + exchange.waited().toSeconds() + " s";
            case RESET -> "then the connection was reset";
            case REFUSED -> "because the connection was refused";
        };
    }
}
