package httpcourse.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Budgets that hold for all the processes of one sandbox together, with the kernel's control
 * groups: memory (a tmpfs's files included: they are memory) and processes. A prlimit counts
 * each process alone, so four processes under 1 GiB each hold 4 GiB; a group counts them all.
 *
 * <p>Version 1 (a hierarchy per controller, /sys/fs/cgroup/memory and /sys/fs/cgroup/pids) or
 * version 2 (one hierarchy), wherever this process may make groups: usually as root, outside
 * containers. Each sandbox's group is made under this process's own group in version 1 (so the
 * limits of the grader's own group still apply), and under a group of this JVM's at the top of
 * the hierarchy in version 2 (a group that holds processes may not hand controllers down).
 */
final class Cgroups {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Duration RELEASE_FAIL_SAFE = Duration.ofSeconds(10);

    private final boolean v2;
    // v1: the folders to make each sandbox's groups in, memory's then pids'; v2: this JVM's group.
    private final List<Path> parents;
    private final long memoryBytes;
    private final int processes;

    private Cgroups(boolean v2, List<Path> parents, long memoryBytes, int processes) {
        this.v2 = v2;
        this.parents = List.copyOf(parents);
        this.memoryBytes = memoryBytes;
        this.processes = processes;
    }

    /** What this machine lets this process do with control groups: usable groups, or why not. */
    record Detection(Optional<Cgroups> cgroups, String whyNot) {
    }

    /**
     * Finds the memory and pids controllers, makes a trial group with the limits and moves a
     * trial process into it: only then are control groups usable here.
     */
    static Detection detect(long memoryBytes, int processes) {
        List<String[]> mounts;
        List<String> own;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8).stream()
                    .map(Cgroups::mountFields).flatMap(Optional::stream).toList();
            own = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Detection(Optional.empty(), "cannot read this process's control groups: " + e);
        }
        Optional<Path> memory = v1Folder(mounts, own, "memory");
        Optional<Path> pids = v1Folder(mounts, own, "pids");
        Cgroups cgroups;
        try {
            if (memory.isPresent() && pids.isPresent()) {
                cgroups = new Cgroups(false, List.of(memory.get(), pids.get()), memoryBytes, processes);
            } else {
                Optional<Path> unified = mounts.stream().filter(m -> m[1].equals("cgroup2")).map(m -> Path.of(m[0]))
                        .findFirst();
                if (unified.isEmpty() || !controllers(unified.get().resolve("cgroup.controllers"))
                        .containsAll(List.of("memory", "pids"))) {
                    return new Detection(Optional.empty(), "no memory and pids controllers are mounted"
                            + " (/sys/fs/cgroup has neither cgroup v1's memory and pids nor cgroup v2 with both)");
                }
                cgroups = new Cgroups(true, List.of(v2JvmGroup(unified.get())), memoryBytes, processes);
            }
            cgroups.removeLeftovers();
            try {
                Group trial = cgroups.create();
                try {
                    if (!Programs.runs(trial.join(List.of("true")))) {
                        throw new IOException("a process could not join " + trial.procsFiles());
                    }
                } finally {
                    trial.release();
                }
            } catch (IOException | RuntimeException e) {
                cgroups.close(); // v2: the JVM's group, made for nothing
                throw e;
            }
            return new Detection(Optional.of(cgroups), "");
        } catch (AccessDeniedException e) {
            return new Detection(Optional.empty(), "no permission to make a control group in " + e.getFile()
                    + " (root's, outside containers)");
        } catch (IOException | RuntimeException e) {
            return new Detection(Optional.empty(), "cannot make a control group with limits here (" + e + ")");
        }
    }

    /** One sandbox's groups: where its first process writes its own id, and how to end them. */
    final class Group {
        private final List<Path> folders;

        private Group(List<Path> folders) {
            this.folders = folders;
        }

        /** The files a process writes its id into to join the groups (its children are then in them too). */
        List<Path> procsFiles() {
            return folders.stream().map(folder -> folder.resolve("cgroup.procs")).toList();
        }

        /**
         * {@code command} as a process that first joins these groups: sh writes its own id, then
         * becomes the command (exec), so nothing of the command runs outside the groups.
         */
        List<String> join(List<String> command) {
            List<Path> files = procsFiles();
            StringBuilder script = new StringBuilder();
            for (int i = 1; i <= files.size(); i++) {
                script.append("echo $$ > \"$").append(i).append("\" && ");
            }
            script.append("shift ").append(files.size()).append(" && exec \"$@\"");
            List<String> joined = new ArrayList<>(List.of("sh", "-c", script.toString(), "httpspec-cgroup"));
            files.forEach(file -> joined.add(file.toString()));
            joined.addAll(command);
            return joined;
        }

        /**
         * Kills every process left in the groups (a server's daemons, whatever left the process
         * tree) and removes the groups. Removing waits until the killed processes are gone.
         */
        void release() {
            long deadline = System.nanoTime() + RELEASE_FAIL_SAFE.toNanos();
            for (Path folder : folders) {
                Path kill = folder.resolve("cgroup.kill"); // cgroup v2 on Linux 5.14 and later: all at once
                if (Files.exists(kill)) {
                    tryWrite(kill, "1");
                }
                while (Files.isDirectory(folder) && System.nanoTime() < deadline) {
                    for (long pid : members(folder)) {
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                    try {
                        Files.delete(folder); // only an empty group can go: EBUSY until the last is gone
                    } catch (IOException stillBusy) {
                        Pause.sleep(Duration.ofMillis(10));
                    }
                }
            }
        }
    }

    /** Makes a new sandbox's groups, with the memory (swap included) and process limits. */
    Group create() throws IOException {
        String name = "httpspec-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        List<Path> made = new ArrayList<>();
        try {
            if (v2) {
                Path group = Files.createDirectory(parents.get(0).resolve(name));
                made.add(group);
                write(group.resolve("memory.max"), Long.toString(memoryBytes));
                if (Files.exists(group.resolve("memory.swap.max"))) {
                    write(group.resolve("memory.swap.max"), "0");
                }
                write(group.resolve("pids.max"), Integer.toString(processes));
            } else {
                Path memory = Files.createDirectory(parents.get(0).resolve(name));
                made.add(memory);
                write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                // With swap accounting, memory plus swap is limited too: swapping would not free the budget.
                if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                    write(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryBytes));
                }
                Path pids = Files.createDirectory(parents.get(1).resolve(name));
                made.add(pids);
                write(pids.resolve("pids.max"), Integer.toString(processes));
            }
            return new Group(made);
        } catch (IOException | RuntimeException e) {
            new Group(made).release();
            throw e;
        }
    }

    /**
     * Removes the groups that graders killed before they could (kill -9) left, after killing what
     * still runs in them: their names carry the process id of their JVM, which is gone.
     */
    void removeLeftovers() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path parent : v2 ? List.of(parents.get(0).getParent()) : parents) {
            try (DirectoryStream<Path> groups = Files.newDirectoryStream(parent, "httpspec-*")) {
                groups.forEach(folders::add);
            }
        }
        for (Path folder : folders) {
            Matcher name = LEFTOVER.matcher(folder.getFileName().toString());
            if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                List<Path> groups = new ArrayList<>();
                if (v2) {
                    try (DirectoryStream<Path> inside = Files.newDirectoryStream(folder, "httpspec-*")) {
                        inside.forEach(groups::add);
                    }
                }
                groups.add(folder); // v2: after the sandboxes' groups in it
                new Group(groups).release();
            }
        }
    }

    private static final Pattern LEFTOVER = Pattern.compile("httpspec-(\\d+)(-\\d+)?");

    /** Removes this JVM's own group (cgroup v2), once every sandbox's group in it is gone. */
    void close() {
        if (v2) {
            try {
                Files.deleteIfExists(parents.get(0));
            } catch (IOException stillUsed) {
                // a sandbox's group is still there: the kernel keeps an empty group, which costs nothing
            }
        }
    }

    /**
     * cgroup v2: a group of this JVM's just under the top of the hierarchy, which hands the
     * memory and pids controllers down to the sandboxes' groups. Only the top may both hold
     * processes and hand controllers down.
     */
    private static Path v2JvmGroup(Path top) throws IOException {
        List<String> delegated = controllers(top.resolve("cgroup.subtree_control"));
        if (!delegated.containsAll(List.of("memory", "pids"))) {
            write(top.resolve("cgroup.subtree_control"), "+memory +pids");
        }
        Path group = top.resolve("httpspec-" + ProcessHandle.current().pid());
        if (!Files.isDirectory(group)) {
            Files.createDirectory(group);
        }
        write(group.resolve("cgroup.subtree_control"), "+memory +pids");
        return group;
    }

    /** cgroup v1: the folder of this process's own group in the hierarchy of {@code controller}. */
    private static Optional<Path> v1Folder(List<String[]> mounts, List<String> own, String controller) {
        Optional<String[]> mount = mounts.stream()
                .filter(m -> m[1].equals("cgroup") && Arrays.asList(m[3].split(",")).contains(controller))
                .findFirst();
        Optional<String> path = own.stream().map(line -> line.split(":", 3)).filter(fields -> fields.length == 3)
                .filter(fields -> Arrays.asList(fields[1].split(",")).contains(controller))
                .map(fields -> fields[2]).findFirst();
        if (mount.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        Path mountPoint = Path.of(mount.get()[0]);
        Path root = Path.of(mount.get()[2]);
        Path ownPath = Path.of(path.get());
        // Where the mount shows the hierarchy from a sub-group (a container's), the path is relative to it.
        Path folder = ownPath.startsWith(root) ? mountPoint.resolve(root.relativize(ownPath).toString()) : mountPoint;
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /**
     * A line of /proc/self/mountinfo as {mount point, file system type, root of the mount, super
     * options}; octal escapes (\040 for a space) decoded.
     */
    private static Optional<String[]> mountFields(String line) {
        String[] halves = line.split(" - ", 2);
        if (halves.length != 2) {
            return Optional.empty();
        }
        String[] left = halves[0].split(" ");
        String[] right = halves[1].split(" ");
        if (left.length < 5 || right.length < 3) {
            return Optional.empty();
        }
        return Optional.of(new String[] {unescape(left[4]), right[0], unescape(left[3]), right[2]});
    }

    private static String unescape(String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '\\' && i + 3 < field.length()) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(field.charAt(i));
            }
        }
        return text.toString();
    }

    private static List<String> controllers(Path file) {
        try {
            return Arrays.asList(Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Long> members(Path folder) {
        try {
            return Files.readAllLines(folder.resolve("cgroup.procs"), StandardCharsets.US_ASCII).stream()
                    .filter(line -> !line.isBlank()).map(line -> Long.parseLong(line.strip())).toList();
        } catch (IOException | NumberFormatException gone) {
            return List.of();
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    private static void tryWrite(Path file, String value) {
        try {
            write(file, value);
        } catch (IOException ignored) {
            // the group is gone already, or the kernel has no cgroup.kill: its processes are killed one by one
        }
    }
}
