package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Which requests end their connection")
class RequestsTest {

    @ParameterizedTest(name = "{0}: {2}")
    @DisplayName("an HTTP/1.1 request keeps its connection unless it asks to close, or cannot be read")
    @CsvSource(delimiter = '|', textBlock = """
            a plain HTTP/1.1 request             | GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                  | false
            lines ending with LF alone           | GET / HTTP/1.1\\nHost: x\\n\\n                            | false
            an empty line before it              | \\r\\nGET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n              | false
            tabs and UTF-8 in a value            | GET / HTTP/1.1\\r\\nHost:\\tx\\r\\nX-Name: caf\u00c3\u00a9\\r\\n\\r\\n | false
            a body after the head                | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 3\\r\\n\\r\\nb c | false
            Connection: close                    | GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n | true
            HTTP/1.0 without keep-alive          | GET / HTTP/1.0\\r\\n\\r\\n                                 | true
            a space in a header's name           | GET / HTTP/1.1\\r\\nHost: x\\r\\nX Note: 1\\r\\n\\r\\n      | true
            a line folded onto the one before    | GET / HTTP/1.1\\r\\nHost: x\\r\\nAccept: a\\r\\n b\\r\\n\\r\\n | true
            a bare CR in a value                 | GET / HTTP/1.1\\r\\nHost: x\\rX: y\\r\\n\\r\\n              | true
            another major version                | GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n                  | true
            """)
    void mustClose(String situation, String request, boolean closes) {
        String bytes = request.strip().replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
        assertThat(Requests.mustClose(bytes)).as(situation).isEqualTo(closes);
    }
}
