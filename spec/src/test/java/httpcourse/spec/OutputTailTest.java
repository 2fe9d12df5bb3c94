package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A report's excerpt of what a server printed")
class OutputTailTest {

    @Test
    @DisplayName("keeps an exception printed before the last lines shown (a log written in batches comes after it)")
    void keepsAnEarlierException() throws IOException {
        String exception = "Connection failed: java.time.format.DateTimeParseException: Text 'W/\"a\"' could not be parsed";
        String printed = "Listening on port 8080 ...\n" + exception + "\n" + IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "127.0.0.1 - - [07/Dec/2026:07:00:00 +0000] \"GET /" + i + " HTTP/1.1\" 200 10")
                .collect(Collectors.joining("\n")) + "\n";
        OutputTail tail = new OutputTail(line -> true);
        tail.drain(new ByteArrayInputStream(printed.getBytes(StandardCharsets.UTF_8)), line -> { });

        assertThat(tail.text()).startsWith("  | ...\n  | " + exception + "\n  | ...\n")
                .contains("\"GET /11 HTTP/1.1\"", "\"GET /30 HTTP/1.1\"").doesNotContain("\"GET /10 HTTP/1.1\"")
                .doesNotContain("Listening on port");
    }

    @Test
    @DisplayName("shows the last lines alone when nothing before them looks like an exception")
    void lastLinesAlone() throws IOException {
        String printed = IntStream.rangeClosed(1, 25).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        OutputTail tail = new OutputTail(line -> true);
        tail.drain(new ByteArrayInputStream(printed.getBytes(StandardCharsets.UTF_8)), line -> { });

        assertThat(tail.text()).startsWith("  | ...\n  | line 6\n").endsWith("  | line 25\n");
    }
}
