package httpcourse.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Steps 2 to 4 serve ./htdocs: started elsewhere, they must say so at once, not fail later. */
@Execution(ExecutionMode.CONCURRENT) // it waits on processes: beside the others (spec/pom.xml)
@DisplayName("A step started without htdocs/")
class MissingWebRootTest {

    @ParameterizedTest(name = "{0} stops at start and says where it looked for htdocs")
    @ValueSource(strings = {"step2-index", "step3-routing", "step4-404"})
    void stopsAndSaysWhere(String step, @TempDir Path emptyDirectory) throws Exception {
        Path source = Repository.root().resolve(step).resolve("src/main/java/HttpServer.java");
        // From its source, as students start it; C1 alone halves the CPU of compiling it at start.
        List<String> command = List.of(SpecConfig.javaExecutable(), "-XX:TieredStopAtLevel=1", source.toString(), "0");
        assertThatThrownBy(() -> ServerProcess.start(command, emptyDirectory, null, Duration.ofSeconds(20)).close())
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("No htdocs folder in " + emptyDirectory.toRealPath())
                .hasMessageContaining("run the server from the repository root");
    }
}
