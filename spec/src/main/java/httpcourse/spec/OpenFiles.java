package httpcourse.spec;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * How many times a server's processes hold one file open, as Linux shows it: each open file of
 * process P is a link in /proc/P/fd. The link is followed to the file, not read as a name: in a
 * sandbox, a process may see the same file under another one.
 */
final class OpenFiles {

    private OpenFiles() {
    }

    /**
     * How many of the processes' descriptors are {@code file}; empty where the system does not show
     * them (no /proc: macOS, Windows) or hides them from us.
     */
    static OptionalLong timesOpen(List<ProcessHandle> processes, Path file) throws IOException {
        if (!Files.isDirectory(Path.of("/proc/self/fd"))) {
            return OptionalLong.empty();
        }
        Object fileKey = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        long count = 0;
        for (ProcessHandle process : processes) {
            try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
                count += descriptors.filter(descriptor -> fileKey.equals(fileKeyOf(descriptor))).count();
            } catch (AccessDeniedException hidden) {
                return OptionalLong.empty();
            } catch (IOException | java.io.UncheckedIOException ended) {
                // the process ended meanwhile: it holds nothing
            }
        }
        return OptionalLong.of(count);
    }

    private static Object fileKeyOf(Path descriptor) {
        try {
            return Files.readAttributes(descriptor, BasicFileAttributes.class).fileKey();
        } catch (IOException closedMeanwhile) {
            return null;
        }
    }
}
