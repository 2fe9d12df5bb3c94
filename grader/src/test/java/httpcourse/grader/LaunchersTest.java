package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import httpcourse.spec.Repository;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every launcher of the grader starts its JVM with {@link Grade#JVM_OPTIONS}: written out in the
 * scripts and in jbang's directive, which cannot read them from the code (the platforms' grader.args
 * is written from them: BundlesTest).
 */
@DisplayName("The grader's launchers")
class LaunchersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            grade.sh                                          | exec "$java"
            grade.cmd                                         | "%JAVA%"
            grader/src/main/java/httpcourse/grader/Grade.java | //JAVA_OPTIONS
            """)
    @DisplayName("start the grader's JVM with its options")
    void startTheJvmWithItsOptions(String launcher, String javaLine) throws IOException {
        String line = Files.readAllLines(Repository.root().resolve(launcher), StandardCharsets.UTF_8).stream()
                .filter(text -> text.startsWith(javaLine)).findFirst().orElseThrow();
        assertThat(line).contains(String.join(" ", Grade.JVM_OPTIONS));
    }
}
