package httpcourse.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import httpcourse.spec.Hint;
import httpcourse.spec.Repository;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The list of hints (docs/hints.md) names the hints the grader gives: every one, and no other. */
@DisplayName("The list of hints")
class DocumentedHintsTest {

    private static final Pattern HINT_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    @Test
    @DisplayName("lists every hint by its name, and no other")
    void listsEveryHint() throws IOException {
        String guide = Files.readString(Repository.root().resolve("docs/hints.md"), StandardCharsets.UTF_8);
        Matcher rows = HINT_ROW.matcher(guide);
        Stream.Builder<String> listed = Stream.builder();
        while (rows.find()) {
            listed.add(rows.group(1));
        }
        assertThat(listed.build().collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Hint.Id.values()).map(Enum::name).toList());
    }
}
