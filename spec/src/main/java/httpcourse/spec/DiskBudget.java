package httpcourse.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A total size for a sandboxed server's working folder: a tmpfs of that size mounted on it. A
 * prlimit bounds each file (six files under 64 MiB each still fill a disk); a tmpfs bounds them
 * all, and the spec, outside the sandbox, still writes and changes files there, since the mount
 * is the machine's. Mounting needs root; an ordinary user has no such means without changing
 * the machine (disk quotas), so there each file stays bounded, not their sum.
 *
 * <p>The spec writes its web root before the server starts: the files are moved aside, the
 * tmpfs mounted, and the files copied in (cp keeps sparse files sparse, links as links). The
 * tmpfs's files are memory: a server's own count in its memory budget too (see {@link Cgroups}).
 */
final class DiskBudget {

    /** The name of this JVM's tmpfs mounts, then its process id: a later JVM finds those a killed one left. */
    private static final String SOURCE = "httpspec-disk-";

    private DiskBudget() {
    }

    /**
     * Unmounts the tmpfs that graders killed before they could (kill -9) left, and removes their
     * empty mount points: each holds up to its size of memory until then.
     */
    static void unmountLeftovers() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
                String[] halves = line.split(" - ", 2);
                String[] right = halves.length == 2 ? halves[1].split(" ") : new String[0];
                String[] left = halves[0].split(" ");
                if (right.length >= 2 && right[0].equals("tmpfs") && right[1].startsWith(SOURCE) && left.length >= 5
                        && ProcessHandle.of(Long.parseLong(right[1].substring(SOURCE.length()))).isEmpty()) {
                    Path folder = Path.of(left[4]);
                    unmount(folder);
                    Files.deleteIfExists(folder); // empty once unmounted: its files were moved into the tmpfs
                }
            }
        } catch (IOException | NumberFormatException e) {
            // nothing left behind can be found: nothing to do
        }
    }

    /** Why a working folder cannot get a size here; empty when it can (root, and a trial mount worked). */
    static Optional<String> unavailable() {
        if (!isRoot()) {
            return Optional.of("mounting a folder of limited size (tmpfs) needs root");
        }
        Path trial = TemporaryFolders.create("httpspec-disk-check-");
        try {
            String mounted = run(List.of("mount", "-t", "tmpfs", "-o", "size=1m", "httpspec-disk", trial.toString()));
            if (!mounted.isEmpty()) {
                return Optional.of("mounting a tmpfs failed: " + mounted);
            }
            run(List.of("umount", trial.toString()));
            return Optional.empty();
        } finally {
            TemporaryFolders.delete(trial);
        }
    }

    /**
     * Mounts a tmpfs of {@code bytes} on {@code folder}, with what it holds, owned by {@code uid}
     * (the sandbox's user, the only one who writes there besides root) and closed to others.
     */
    static void mount(Path folder, long bytes, int uid) throws IOException {
        Path aside = Files.createTempDirectory(folder.getParent(), folder.getFileName() + "-aside-");
        List<Path> moved = new ArrayList<>();
        boolean mounted = false;
        try {
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.toList()) {
                    moved.add(Files.move(entry, aside.resolve(entry.getFileName()))); // a rename: same file system
                }
            }
            fail(run(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",nr_inodes=65536,mode=0700,uid=" + uid
                    + ",gid=" + uid, SOURCE + ProcessHandle.current().pid(), folder.toString())));
            mounted = true;
            if (!moved.isEmpty()) {
                List<String> copy = new ArrayList<>(List.of("cp", "-a", "--sparse=always"));
                moved.forEach(entry -> copy.add(entry.toString()));
                copy.add(folder + "/");
                fail(run(copy));
            }
            TemporaryFolders.deleteTree(aside);
        } catch (IOException | RuntimeException e) {
            if (mounted) {
                unmount(folder);
            }
            for (Path entry : moved) {
                Files.move(entry, folder.resolve(entry.getFileName()));
            }
            TemporaryFolders.deleteTree(aside);
            throw e;
        }
        // cp -a gave the folder itself nothing: the mount options set its owner and mode.
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }

    /** Unmounts the tmpfs (lazily: a process still in it cannot keep it); what it held is gone. */
    static void unmount(Path folder) {
        run(List.of("umount", "-l", folder.toString()));
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> line.startsWith("Uid:")).findFirst()
                    .map(line -> line.split("\\s+")[2].equals("0")).orElse(false); // the effective uid
        } catch (IOException notLinux) {
            return false;
        }
    }

    private static void fail(String complaint) throws IOException {
        if (!complaint.isEmpty()) {
            throw new IOException(complaint);
        }
    }

    /** Runs {@code command}: empty when it exited with 0, else what it printed (with its status). */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) { // a fail-safe: mount and cp of a web root take milliseconds
                process.destroyForcibly();
                return String.join(" ", command) + ": did not end within 30 s";
            }
            return process.exitValue() == 0 ? "" : String.join(" ", command) + ": " + output;
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted";
        }
    }
}
