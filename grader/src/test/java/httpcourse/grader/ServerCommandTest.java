package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server runs in a temporary folder: the paths in its command must still lead to the student's files. */
@DisplayName("A server's command")
class ServerCommandTest {

    @Test
    @DisplayName("gets absolute paths for the files and folders it names, seen from where grade was run")
    void makesExistingPathsAbsolute(@TempDir Path here) throws IOException {
        Files.writeString(here.resolve("server.py"), "print('Listening on port 0')");
        Files.createDirectories(here.resolve("out"));
        assertThat(ServerCommand.resolve(List.of("python3", "server.py"), here, 1))
                .containsExactly("python3", here.resolve("server.py").toString());
        assertThat(ServerCommand.resolve(List.of("java", "-cp", "out", "HttpServer"), here, 1))
                .containsExactly("java", "-cp", here.resolve("out").toString(), "HttpServer");
    }

    @Test
    @DisplayName("keeps programs from the PATH, options and words that name no file as they are")
    void keepsOtherWords(@TempDir Path here) throws IOException {
        Files.createDirectories(here.resolve("java")); // a folder named like the program: still the program
        assertThat(ServerCommand.resolve(List.of("java", "-Xmx32m", "Missing.java"), here, 1))
                .containsExactly("java", "-Xmx32m", "Missing.java");
    }

    @Test
    @DisplayName("replaces {step} and {dir}, and finds the one path a * pattern matches")
    void fillsInPlaceholders(@TempDir Path student) throws IOException {
        Path step3 = Files.createDirectories(student.resolve("step3-routing/src/main/java"));
        Files.createDirectories(student.resolve("step4-404/src/main/java"));
        Files.writeString(step3.resolve("HttpServer.java"), "class HttpServer {}");
        assertThat(ServerCommand.resolve(List.of("java", "{dir}/step{step}-*/src/main/java/HttpServer.java"),
                student, 3)).containsExactly("java", step3.resolve("HttpServer.java").toString());
        assertThat(ServerCommand.resolve(List.of("java", "step{step}-*/src/main/java/HttpServer.java"), student, 3))
                .containsExactly("java", step3.resolve("HttpServer.java").toString());
        // No file for step 4: the word stays as written, and the report will show it.
        assertThat(ServerCommand.resolve(List.of("java", "step{step}-*/src/main/java/HttpServer.java"), student, 4))
                .containsExactly("java", "step4-*/src/main/java/HttpServer.java");
    }

    @Test
    @DisplayName("names the folders a sandbox must show: a file's folder, a folder itself, nothing for other words")
    void namesTheFoldersToShow(@TempDir Path here) throws IOException {
        Path lib = Files.createDirectories(here.resolve("lib"));
        Files.writeString(here.resolve("server.py"), "print('Listening on port 0')");
        List<String> command = ServerCommand.resolve(List.of("python3", "server.py", "-X", "lib", "missing.py"), here, 1);
        assertThat(ServerCommand.namedFolders(command)).containsExactly(here, lib);
    }
}
