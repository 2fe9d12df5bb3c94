package httpcourse.spec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what the server under test replied. A failure teaches: it shows the
 * request sent, the expected and actual bytes with CR and LF visible, a caret under the first
 * difference, hints in plain words, and what the server printed when it died (see
 * {@link FailureReport}). The failure is a {@link SpecFailure}: the grader reads its hints as data.
 */
public final class ResponseAssert extends AbstractAssert<ResponseAssert, ServerReply> {

    private ResponseAssert(ServerReply reply) {
        super(reply, ResponseAssert.class);
    }

    public static ResponseAssert assertThat(ServerReply reply) {
        return new ResponseAssert(reply);
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
        Exchange exchange = actual.exchange();
        if (exchange.ending() != Exchange.Ending.CLOSED || !Arrays.equals(expected, exchange.response())) {
            throw FailureReport.failure("The response is not the expected one.", expected, actual);
        }
        return this;
    }

    /** The server closed the connection without sending anything (step 3's missing file). */
    public ResponseAssert isClosedWithoutAnswer() {
        isNotNull();
        Exchange exchange = actual.exchange();
        if (exchange.ending() == Exchange.Ending.NOT_CLOSED || exchange.response().length > 0) {
            throw FailureReport.failure("Expected the server to close the connection without an answer.",
                    new byte[0], actual);
        }
        return this;
    }

    /** The server closed the connection (with any answer or none): it did not hang. */
    public ResponseAssert isClosed() {
        isNotNull();
        if (actual.exchange().ending() == Exchange.Ending.NOT_CLOSED) {
            throw FailureReport.failure("Expected the server to close the connection, with or without an answer.",
                    null, actual);
        }
        return this;
    }
}
