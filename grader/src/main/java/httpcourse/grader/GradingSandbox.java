package httpcourse.grader;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import httpcourse.spec.Sandbox;

/**
 * What the sandbox of a graded server shows and covers. The sandbox shows the system and what it
 * is told to show, nothing else (see {@link Sandbox}): here, the folders the command names
 * (read-only), or in a batch the submission's own folder and what its command names outside the
 * batch. It covers, should a shown folder hold them, the folder the grader runs in and the
 * grader's own files, and in a batch the folder of all submissions and the gradebooks, so that no
 * server can see, copy or change a classmate's work or the grades.
 */
final class GradingSandbox {

    private GradingSandbox() {
    }

    /** One server, started with {@code command} (already resolved: absolute paths). */
    static Sandbox single(List<String> command) {
        return Sandbox.bubblewrap(ServerCommand.namedFolders(command), alwaysHidden());
    }

    /** One submission of a batch: its own folder only, and what its command names outside the batch. */
    static Sandbox submission(List<String> command, Path submission, Path submissions, Path gradebooks) {
        List<Path> shown = new ArrayList<>(List.of(submission));
        ServerCommand.namedFolders(command).stream()
                .filter(folder -> !folder.startsWith(submissions) && !submissions.startsWith(folder))
                .forEach(shown::add);
        List<Path> hidden = new ArrayList<>(alwaysHidden());
        hidden.addAll(List.of(submissions, gradebooks));
        return Sandbox.bubblewrap(shown, hidden);
    }

    /** Where the grader runs (often the course's folder) and the grader's own files: covered inside shown folders. */
    private static List<Path> alwaysHidden() {
        List<Path> hidden = new ArrayList<>(List.of(Path.of("").toAbsolutePath()));
        graderFiles().ifPresent(hidden::add);
        return hidden;
    }

    /**
     * The repository the grader was built in (a folder with htdocs/ and pom.xml above its
     * classes), or the folder of its classes; jbang's cache is in the home folder, hidden anyway.
     */
    private static Optional<Path> graderFiles() {
        try {
            Path classes = Path.of(GradingSandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = classes; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("htdocs")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return Optional.of(dir);
                }
            }
            return Optional.of(Files.isDirectory(classes) ? classes : classes.getParent());
        } catch (URISyntaxException | RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
