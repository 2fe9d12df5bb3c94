package httpcourse.spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The uploads folder of a server's web root, as the upload checks ({@link UploadChecks}) see it
 * from outside, on the disk: what a client cannot see, that an upload under way has begun, and
 * that a cut one left nothing, not even a hidden file. Also the disk it lies on, which a check
 * fills where it has a size of its own.
 */
final class UploadsFolder {

    private UploadsFolder() {
    }

    /** What the full disk keeps free: far less than the upload that finds it so. */
    static final long ROOM = 256 * 1024;
    /** How long a server may take to begin writing an upload, or to clean up a cut one: a fail-safe. */
    static final Duration DISK_FAIL_SAFE = Duration.ofSeconds(10);

    // What the system says of a write outside the server's folder (read-only in the grader's sandbox), or of a
    // rename across file systems (EXDEV), such as from /tmp to htdocs/uploads.
    private static final Pattern ELSEWHERE = Pattern.compile("Read-only file system|Invalid cross-device link"
            + "|AtomicMoveNotSupportedException");

    /**
     * A PUT that failed where the server printed that it could not write outside its folder, or rename
     * across file systems: its part file lies elsewhere than the file it becomes (in /tmp, say). That
     * is the mistake, whatever the answer's status says.
     */
    static Optional<Hint> partElsewhere(Exchange exchange, ServerState server) {
        Optional<String> said = new String(exchange.request(), StandardCharsets.ISO_8859_1).startsWith("PUT ")
                ? server.outputOfThisCheck().stream().filter(line -> ELSEWHERE.matcher(line).find()).findFirst()
                : Optional.empty();
        return said.map(line -> new Hint(Hint.Id.UPLOAD_PART_ELSEWHERE, "The server printed \""
                + OutputTail.visible(line.strip()) + "\": its part file lies outside the uploads folder (in the"
                + " system's temporary folder, say), and cannot become the file. The grader's sandbox lets a server"
                + " write in its own folder only, as a careful deployment does; and a rename moves a file in one"
                + " step (ATOMIC_MOVE) within one file system only. Make the part file beside the file it becomes:"
                + " Files.createTempFile(file.getParent(), \".upload-\", \".part\")."));
    }

    /** The file a URL path names, in the server's htdocs. */
    static Path onDisk(Checking c, String path) {
        return c.webRoot().workingDirectory().resolve("htdocs" + path);
    }

    /** A new folder on the server's disk, which the check's PUT then names. */
    static void makeFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in htdocs/uploads, hidden ones too. */
    static Set<String> entries(Checking c) {
        try (Stream<Path> names = Files.list(onDisk(c, WebRoot.UPLOADS))) {
            return new HashSet<>(names.map(name -> name.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in htdocs/uploads that are not in {@code before}, sorted. */
    static List<String> newEntries(Checking c, Set<String> before) {
        return entries(c).stream().filter(name -> !before.contains(name)).sorted().toList();
    }

    /**
     * Waits until the uploads folder holds {@code count} names more than {@code before}, up to the fail-safe,
     * running {@code eachSecond} once a second: a server that reads an upload within a time per read (the
     * course's 10 s, as long as the fail-safe) then never cuts it while the check waits.
     */
    static void awaitNewEntries(Checking c, Set<String> before, int count, Runnable eachSecond) {
        long deadline = System.nanoTime() + DISK_FAIL_SAFE.toNanos();
        for (int waits = 1; newEntries(c, before).size() < count
                && System.nanoTime() < deadline; waits++) {
            Pause.sleep(Duration.ofMillis(20)); // a server that keeps the body in memory writes nothing till the end
            if (waits % 50 == 0) {
                eachSecond.run();
            }
        }
    }

    /** Waits until the uploads folder holds no more than {@code before}; what is left after the fail-safe. */
    static List<String> awaitEntries(Checking c, Set<String> before) {
        long deadline = System.nanoTime() + DISK_FAIL_SAFE.toNanos();
        List<String> left;
        while (!(left = newEntries(c, before)).isEmpty()
                && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(20));
        }
        return left;
    }

    /** The size of the file a URL path names, 0 when it is gone. */
    static long size(Checking c, String path) {
        try {
            return Files.size(onDisk(c, path));
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * Fills the server's disk with {@code filler} (zeros, really written: a sparse file takes no
     * room) until {@link #ROOM} is left of it.
     */
    static void fill(Path filler) throws IOException {
        FileStore disk = Files.getFileStore(filler.getParent());
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE_NEW)) {
            for (long more; (more = disk.getUsableSpace() - ROOM) > 0; ) {
                out.write(zeros, 0, (int) Math.min(zeros.length, more)); // unbuffered: on the disk at once
            }
        } catch (IOException full) {
            if (disk.getUsableSpace() > ROOM) { // not the server's write that took the rest: something else
                throw full;
            }
        }
    }

    static void assertRefused(Checking c, String path, byte[] body, Set<String> statuses) {
        Timed answer = c.send(UploadRequests.putWithLength(path, body));
        String code = answer.exchange().response().length == 0 ? ""
                : answer.code();
        if (code.matches("[45]..") && !statuses.contains(code)) { // refused, as it should be, but not as GET would
            throw FailureReport.failure("PUT " + path + " was refused with " + code + ", not " + String.join(" or ",
                    statuses) + ".", null, answer.reply(), List.of(new Hint(Hint.Id.WRONG_STATUS, "A path GET would"
                    + " not serve gets GET's answer to a PUT too: 404 Not Found (or 403 Forbidden).")));
        }
        if (!statuses.contains(code)) {
            throw FailureReport.failure("PUT " + path + " was not refused with " + String.join(" or ", statuses)
                    + ".", null, answer.reply(), List.of(new Hint(Hint.Id.UPLOAD_PATH_ACCEPTED, "An upload follows"
                    + " GET's rules for paths: decoded, then no \"..\" out of the folder, no hidden name, no link"
                    + " out of htdocs (Path.toRealPath), and a folder that exists. Refuse the others with 404"
                    + " (or 403), as GET would.")));
        }
    }

    static final Hint LEFT_BEHIND = new Hint(Hint.Id.UPLOAD_LEFT_BEHIND, "A cut upload (the client left, or its body"
            + " was refused) leaves nothing behind: delete the part written so far, in a finally block, whatever ended"
            + " the upload.");

    /**
     * After {@code what}, an upload refused while its body came: fails if its file exists (written in place), or if
     * the uploads folder holds more than {@code before} until the fail-safe is over (its part file left).
     */
    static void assertNothingLeft(Checking c, String path, Set<String> before, String what) {
        if (Files.exists(onDisk(c, path))) {
            throw UploadChecks.failure(c, "htdocs" + path + " exists after " + what + ".", new Hint(
                    Hint.Id.UPLOAD_HALF_SEEN, "A refused upload must not become a file: write to a hidden part file."));
        }
        List<String> left = awaitEntries(c, before);
        if (!left.isEmpty()) {
            throw UploadChecks.failure(c, "After " + what + ", the uploads folder still holds " + left + " "
                    + DISK_FAIL_SAFE.toSeconds() + " s later.", LEFT_BEHIND);
        }
    }

    static void assertNotOnDisk(Checking c, String path, String when) {
        if (Files.exists(onDisk(c, path))) {
            throw UploadChecks.failure(c, "htdocs" + path + " exists " + when + ".", new Hint(Hint.Id.UPLOAD_PATH_ACCEPTED,
                    "Refuse an upload before writing anything: check its path, then its size, then write."));
        }
    }
}
