package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes the grader's tests compile are kept from one run to the next: never stale ones. */
@DisplayName("The grader tests' compiled servers")
class SourcesTest {

    @Test
    @DisplayName("are compiled again when a source changes, and taken as they were when it changes back")
    void followTheirSources(@TempDir Path folder) throws IOException {
        Path server = folder.resolve("src/HttpServer.java");
        Path helper = folder.resolve("src/Words.java");
        Files.createDirectories(server.getParent());
        Files.writeString(server, "void main() { IO.println(Words.WORD); }\n", StandardCharsets.UTF_8);
        Files.writeString(helper, "class Words { static final String WORD = \"one\"; }\n", StandardCharsets.UTF_8);
        byte[] one = mainClass(Sources.compile(server, folder.resolve("first")));
        // Only the other file changes: its constant is copied into HttpServer.class.
        Files.writeString(helper, "class Words { static final String WORD = \"two\"; }\n", StandardCharsets.UTF_8);
        byte[] two = mainClass(Sources.compile(server, folder.resolve("second")));
        Files.writeString(helper, "class Words { static final String WORD = \"one\"; }\n", StandardCharsets.UTF_8);
        byte[] oneAgain = mainClass(Sources.compile(server, folder.resolve("third")));

        assertThat(new String(two, StandardCharsets.ISO_8859_1)).contains("two").doesNotContain("one");
        assertThat(new String(one, StandardCharsets.ISO_8859_1)).contains("one");
        assertThat(oneAgain).isEqualTo(one);
    }

    private static byte[] mainClass(Path classes) throws IOException {
        return Files.readAllBytes(classes.resolve("HttpServer.class"));
    }
}
