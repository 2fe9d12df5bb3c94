package httpcourse.spec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits of a server in the {@link Sandbox}: memory, disk, processes, CPU time, files. The
 * sandbox applies them with control groups, a tmpfs and prlimit, where the machine allows each.
 */
public final class SandboxLimits {

    private SandboxLimits() {
    }

    /** Memory a server may map for its data: heap, stacks, malloc. Java servers are told so (MaxRAM). */
    public static final long MEMORY_BYTES = 1L << 30;
    /**
     * The total size of the files a server keeps in its working folder, the spec's web root
     * included (about 1 MiB; its large files are sparse): where {@link DiskBudget} is available.
     */
    public static final long DISK_BYTES = 256L << 20;
    /**
     * Memory of all a server's processes together, its folder's files included (a tmpfs is
     * memory): {@link #MEMORY_BYTES} for the processes plus {@link #DISK_BYTES}. Where control
     * groups are available; the kernel stops the largest process when it is reached.
     */
    public static final long MEMORY_BUDGET_BYTES = MEMORY_BYTES + DISK_BYTES;
    /**
     * Processes and threads of the whole sandbox: a control group where available, and in any
     * case a limit counted in the sandbox's own user namespace, on Linux 5.14 and later (see
     * {@link #countsProcessesPerUserNamespace}).
     */
    public static final int PROCESSES = 256;
    /** CPU time of each process: a server that spins in a loop is stopped (SIGXCPU, then SIGKILL). */
    public static final int CPU_SECONDS = 30;
    /** The largest file a server may write (in its working folder: the only place it can write to). */
    public static final long FILE_BYTES = 64L << 20;
    /** /dev/shm, where POSIX shared memory lives (Python's multiprocessing locks): small, and memory. */
    static final long SHARED_MEMORY_BYTES = 16L << 20;

    /*
     * What the java launcher of a Java server is told in the sandbox (JDK_JAVA_OPTIONS): the JVM
     * sizes its heap to the memory limit, and writes no perf data in /tmp. The platform charset is
     * left alone: it is the charset `java HttpServer.java` reads sources in, and JDK 25's UTF-8 is
     * the one they are written in (a server that relies on the platform charset still shows it: a
     * binary file does not survive a trip through a String).
     */
    static final String JAVA_OPTIONS_IN_SANDBOX = "-XX:MaxRAM=" + (MEMORY_BYTES >> 20) + "m -XX:-UsePerfData";
    private static final String JAVA_OPTIONS_NOTICE = "NOTE: Picked up JDK_JAVA_OPTIONS: ";

    /**
     * The line the java launcher prints on stderr because of JDK_JAVA_OPTIONS, which is always ours
     * ({@link Sandbox#environment}): not the server's own words.
     */
    static boolean isJavaOptionsNotice(String line) {
        return line.startsWith(JAVA_OPTIONS_NOTICE);
    }

    /**
     * Whether the kernel counts a sandbox's processes apart from the user's others (Linux 5.14 and
     * later count them per user namespace). An older kernel counts all of the user's processes and
     * threads, often more than the limit already: there, the process limit would stop the server.
     */
    static boolean countsProcessesPerUserNamespace() {
        Matcher version = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(System.getProperty("os.version"));
        return version.find() && (Integer.parseInt(version.group(1)) > 5
                || Integer.parseInt(version.group(1)) == 5 && Integer.parseInt(version.group(2)) >= 14);
    }
}
