package httpcourse.spec;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a server under test runs. {@link #NONE}: as any program of the person who runs the
 * specs (the course's own servers, in the step modules). {@link #bubblewrap}: in a sandbox, for
 * code nobody has read (the grader's default, on Linux), made with bubblewrap
 * (<a href="https://github.com/containers/bubblewrap">bwrap</a>):
 *
 * <ul>
 *   <li>it runs as user 65534 (nobody) in a user namespace of its own, with no capability, and
 *       may make no further user namespace: it cannot gain one. Run by root, bwrap first drops
 *       to user 65534 of the machine (setpriv): root mapped into a namespace keeps the powers of
 *       root's user id over what checks the id, not the capabilities (global sysctls in /proc/sys,
 *       services that trust a peer whose id is 0);</li>
 *   <li>it sees an allow-list: the system's programs and libraries (/usr, /bin, /lib...) and the
 *       few files of /etc that programs read, read-only; a minimal passwd, group and hosts; the
 *       folders the caller shows (the submission), the JDK and the program's installation,
 *       read-only; its working folder, read-write. Nothing else: not /home, /root, /opt, /srv,
 *       /var, /run, /sys, nor the rest of /tmp. A place the caller hides is covered even inside a
 *       shown folder;</li>
 *   <li>its working folder is the only place it may write to, besides a small /dev/shm; as root,
 *       the folder is a tmpfs of {@link #DISK_BYTES} ({@link DiskBudget}), which the spec shares;</li>
 *   <li>all its processes together have budgets of memory and processes, where the machine lets
 *       this process make control groups ({@link Cgroups}), and each process the limits below
 *       (prlimit) everywhere: see {@link #limitations()} for what this machine does not allow;</li>
 *   <li>it has its own process namespace: when the sandbox ends, every process the server
 *       started ends with it, daemons included, and so does the sandbox when the JVM that started
 *       it dies, even by {@code kill -9};</li>
 *   <li>it shares the network, so that the specs reach it on 127.0.0.1;</li>
 *   <li>it gets a fresh environment (no tokens, no agents).</li>
 * </ul>
 */
public final class Sandbox {

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
    /** The user (and group) a server runs as: nobody, inside and, when root grades, outside too. */
    public static final int USER = 65534;
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

    /** The system's programs and libraries: shown read-only (a link such as /bin -> usr/bin stays a link). */
    private static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    /**
     * What programs read in /etc, and nothing private: the dynamic linker's cache, the
     * alternatives (/usr/bin/java is a link through them), the time zone, the MIME types (Python's
     * mimetypes and Java's Files.probeContentType read them), the name service's files, the public
     * certificates (never /etc/ssl/private), and the configuration of the JDKs and Pythons that
     * Debian and Fedora keep here (a Debian JDK does not start without it).
     */
    private static final List<String> ETC = List.of("alternatives", "ld.so.cache", "ld.so.conf", "ld.so.conf.d",
            "localtime", "timezone", "mime.types", "host.conf", "gai.conf", "protocols", "services", "os-release",
            "ssl/certs", "ssl/openssl.cnf", "ca-certificates", "ca-certificates.conf", "pki/ca-trust", "pki/java",
            "pki/tls/certs", "pki/tls/openssl.cnf", "crypto-policies");
    private static final List<String> ETC_PREFIXES = List.of("java", "jvm", "python3");

    /** The files of /etc written for the sandbox: who is who, and where localhost is, and nothing about this machine. */
    private static final Map<String, String> ETC_WRITTEN = Map.of(
            "passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                    + "nobody:x:" + USER + ":" + USER + ":nobody:/nonexistent:/usr/sbin/nologin\n",
            "group", "root:x:0:\nnogroup:x:" + USER + ":\n",
            "hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n",
            "nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\n"
                    + "protocols: files\nservices: files\nethers: files\nrpc: files\n");

    /** No sandbox: the server runs as any other program (the specs' default). */
    public static final Sandbox NONE = new Sandbox(false, List.of(), List.of());

    private static volatile Optional<String> unavailable;
    private static volatile Machine machine;
    /** What each working folder got (a control group, a tmpfs), until {@link #release}. */
    private static final Map<Path, Prepared> PREPARED = new ConcurrentHashMap<>();

    private final boolean on;
    private final List<Path> shown;
    private final List<Path> hidden;

    private Sandbox(boolean on, List<Path> shown, List<Path> hidden) {
        this.on = on;
        this.shown = List.copyOf(shown);
        this.hidden = List.copyOf(hidden);
    }

    /**
     * A bubblewrap sandbox.
     *
     * @param shown  folders and files the server may read (its submission), read-only; never / nor
     *               a folder at the top (/tmp, /home...), which would undo the allow-list
     * @param hidden places to cover even where they lie inside a shown folder (the other
     *               submissions, the grades, the grader's files); a hidden place that is itself
     *               shown stays shown
     */
    public static Sandbox bubblewrap(Collection<Path> shown, Collection<Path> hidden) {
        return new Sandbox(true, List.copyOf(shown), List.copyOf(hidden));
    }

    public boolean isOn() {
        return on;
    }

    /** What the caller shows, read-only. */
    public List<Path> shown() {
        return shown;
    }

    /** What the caller hides inside what it shows. */
    public List<Path> hidden() {
        return hidden;
    }

    /**
     * Why a sandbox cannot be made on this machine, in words that say what to do; empty when it
     * can. Checked once (it runs bwrap), then remembered.
     */
    public static Optional<String> unavailable() {
        if (unavailable == null) {
            unavailable = findWhyUnavailable();
        }
        return unavailable;
    }

    /**
     * What the sandbox cannot enforce on this machine, each in a sentence with what still holds:
     * the budgets of all a server's processes together (no control groups here), the total size of
     * its folder (not root). Empty where it enforces everything. For the grader to say once.
     */
    public static List<String> limitations() {
        Machine here = machine();
        List<String> notes = new ArrayList<>();
        if (!budgetsAllProcesses()) {
            notes.add("The sandbox cannot budget the memory and processes of all a server's processes together here: "
                    + here.cgroupsWhyNot() + ". Each process still has its own limit of " + (MEMORY_BYTES >> 20)
                    + " MiB of memory" + (countsProcessesPerUserNamespace()
                    ? ", and the sandbox a limit of " + PROCESSES + " processes and threads." : ".")
                    + " As root, outside a container, the grader makes control groups (v1 or v2).");
        }
        if (!bwrapKnows("--disable-userns")) {
            notes.add("This bubblewrap is older than 0.8.0: it cannot stop a server from making a user namespace of"
                    + " its own, where it would hold capabilities over that namespace only, nor limit /dev/shm to "
                    + (SHARED_MEMORY_BYTES >> 20) + " MiB. Install bubblewrap 0.8.0 or later.");
        }
        here.diskWhyNot().ifPresent(why -> notes.add("A server's folder has no total size here: " + why
                + ". Each file it writes is still limited to " + (FILE_BYTES >> 20) + " MiB, not their sum."
                + " As root, its folder is a tmpfs of " + (DISK_BYTES >> 20) + " MiB."));
        return notes;
    }

    /** Whether this machine lets the sandbox budget the memory and processes of all a server's processes together. */
    public static boolean budgetsAllProcesses() {
        return machine().cgroups().isPresent();
    }

    /** Whether this machine lets the sandbox give a server's folder a total size (root: a tmpfs). */
    public static boolean budgetsTheFolder() {
        return machine().root() && machine().diskWhyNot().isEmpty();
    }

    /**
     * The command that runs {@code command} in this sandbox, with {@code workingDirectory} as its
     * folder, and SIGINT handled as by default (see {@link #sigintAsDefault}). The first time for a
     * folder, gives it its budgets (a control group, a tmpfs), which {@link #release} takes back.
     */
    public List<String> wrap(List<String> command, Path workingDirectory) throws IOException {
        if (!on) {
            // A program that does not exist keeps failing to start, as ProcessBuilder reports it.
            return findProgram(command.get(0)).isEmpty() ? command
                    : Stream.concat(sigintAsDefault().stream(), command.stream()).toList();
        }
        Path program = findProgram(command.get(0))
                .orElseThrow(() -> new NoSuchFileException(command.get(0), null, "no such program on the PATH"));
        Path work = workingDirectory.toAbsolutePath().normalize();
        Machine here = machine();
        Prepared prepared = prepare(work, here);

        List<String> server = new ArrayList<>(List.of("--chdir", work.toString(), "--",
                "prlimit", "--data=" + MEMORY_BYTES));
        if (countsProcessesPerUserNamespace()) {
            server.add("--nproc=" + PROCESSES);
        }
        server.addAll(List.of("--cpu=" + CPU_SECONDS + ":" + (CPU_SECONDS + 5), "--fsize=" + FILE_BYTES, "--core=0",
                "--"));
        server.addAll(sigintAsDefault());
        server.add(program.toString());
        server.addAll(command.subList(1, command.size()));

        List<String> wrapped = new ArrayList<>(List.of("bwrap"));
        if (here.root()) {
            // Root's bwrap arranges what is seen (it may read every source); a second bwrap, as nobody, isolates.
            // The first one's process namespace holds the second: when the JVM dies, it takes all with it (the
            // second bwrap's own --die-with-parent is lost on the way: setpriv's change of user clears it).
            wrapped.addAll(List.of("--unshare-pid", "--die-with-parent"));
            wrapped.addAll(allowList(program, work, here));
            wrapped.addAll(List.of("--dev", "/dev", "--bind", "/proc", "/proc", // a whole /proc, for the inner to mount its own
                    "--remount-ro", "/", "--",
                    "setpriv", "--reuid=" + USER, "--regid=" + USER, "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--",
                    "bwrap"));
            wrapped.addAll(userNamespace());
            wrapped.addAll(List.of("--ro-bind", "/", "/"));
            wrapped.addAll(ownDevicesAndFolder(work));
        } else {
            wrapped.addAll(userNamespace());
            wrapped.addAll(allowList(program, work, here));
            wrapped.addAll(ownDevicesAndFolder(work));
            wrapped.addAll(List.of("--remount-ro", "/"));
        }
        wrapped.addAll(List.of("--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", "localhost",
                "--unshare-cgroup-try",
                "--die-with-parent", // the sandbox dies with the JVM that started it
                "--new-session")); // no access to the grader's terminal
        wrapped.addAll(server);
        return prepared.group().map(group -> group.join(wrapped)).orElse(wrapped);
    }

    /**
     * Gives back what {@link #wrap} gave a working folder: kills whatever still runs in its control
     * group, removes the group, unmounts its tmpfs (what the server wrote there is gone). Nothing
     * for a folder that got nothing. {@link TemporaryFolders#delete} calls it.
     */
    public static void release(Path workingDirectory) {
        Path work = workingDirectory.toAbsolutePath().normalize();
        Prepared prepared = PREPARED.remove(work);
        if (prepared == null) {
            return;
        }
        prepared.group().ifPresent(Cgroups.Group::release);
        if (prepared.mounted()) {
            DiskBudget.unmount(work);
        }
    }

    /** Releases every folder (the JVM is ending), and the JVM's own control group. */
    static void releaseAll() {
        List.copyOf(PREPARED.keySet()).forEach(Sandbox::release);
        Machine here = machine;
        if (here != null) {
            here.cgroups().ifPresent(Cgroups::close);
        }
    }

    /**
     * Takes back what graders killed by kill -9 left (their processes die with them, not their
     * tmpfs and control groups): done once when a JVM first makes a sandbox, and by the tests.
     */
    static void removeLeftovers() {
        if (DiskBudget.isRoot()) {
            DiskBudget.unmountLeftovers();
        }
        machine().cgroups().ifPresent(cgroups -> {
            try {
                cgroups.removeLeftovers();
            } catch (IOException e) {
                // the groups are there still: empty, they cost nothing
            }
        });
    }

    /** What this machine lets the sandbox do, found once. */
    private record Machine(boolean root, Optional<Cgroups> cgroups, String cgroupsWhyNot, Optional<String> diskWhyNot,
                           Path etc) {
    }

    /** What a working folder got. */
    private record Prepared(Optional<Cgroups.Group> group, boolean mounted) {
    }

    private static Machine machine() {
        if (machine == null) {
            synchronized (Sandbox.class) {
                if (machine == null) {
                    if (DiskBudget.isRoot()) {
                        DiskBudget.unmountLeftovers(); // a grader killed by kill -9 could not
                    }
                    Cgroups.Detection cgroups = Cgroups.detect(MEMORY_BUDGET_BYTES, PROCESSES);
                    machine = new Machine(DiskBudget.isRoot(), cgroups.cgroups(), cgroups.whyNot(),
                            DiskBudget.unavailable(), writeEtc());
                }
            }
        }
        return machine;
    }

    /** The folder's control group and tmpfs, made the first time it is wrapped (a restarted server keeps them). */
    private static Prepared prepare(Path work, Machine here) throws IOException {
        synchronized (PREPARED) {
            Prepared prepared = PREPARED.get(work);
            if (prepared != null) {
                return prepared;
            }
            Optional<Cgroups.Group> group = Optional.empty();
            boolean mounted = false;
            try {
                if (here.cgroups().isPresent()) {
                    group = Optional.of(here.cgroups().get().create());
                }
                if (here.root() && here.diskWhyNot().isEmpty()) {
                    DiskBudget.mount(work, DISK_BYTES, USER);
                    mounted = true;
                } else if (here.root()) {
                    // The server runs as nobody: its folder must be its own to write in.
                    Files.setAttribute(work, "unix:uid", USER);
                    Files.setAttribute(work, "unix:gid", USER);
                }
            } catch (IOException | RuntimeException e) {
                group.ifPresent(Cgroups.Group::release);
                throw e;
            }
            prepared = new Prepared(group, mounted);
            PREPARED.put(work, prepared);
            return prepared;
        }
    }

    /**
     * A user namespace where the server is nobody, with no capability, and may make no further
     * namespace (bubblewrap 0.8 and later: see {@link #limitations()} for older ones).
     */
    private static List<String> userNamespace() {
        List<String> args = new ArrayList<>(List.of("--unshare-user", "--uid", Integer.toString(USER),
                "--gid", Integer.toString(USER), "--cap-drop", "ALL"));
        if (bwrapKnows("--disable-userns")) {
            args.add("--disable-userns");
        }
        return args;
    }

    /**
     * Whether this bubblewrap has an option: 0.8.0 brought --disable-userns and --size (Debian 12,
     * Ubuntu 24.04); Ubuntu 22.04 has 0.6, and would refuse the sandbox for an unknown option.
     */
    static boolean bwrapKnows(String option) {
        if (bwrapHelp == null) {
            try {
                Process help = new ProcessBuilder("bwrap", "--help").redirectErrorStream(true).start();
                help.getOutputStream().close();
                bwrapHelp = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                help.waitFor(10, TimeUnit.SECONDS); // a fail-safe: it prints and exits
            } catch (IOException e) {
                bwrapHelp = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bwrapHelp = "";
            }
        }
        return Pattern.compile("(?m)^\\s*" + Pattern.quote(option) + "\\b").matcher(bwrapHelp).find();
    }

    private static volatile String bwrapHelp;

    /**
     * A /proc of its own processes, its own /dev, read-only but for a small /dev/shm (writing to
     * /dev/null still works: devices ignore it), and its working folder read-write.
     */
    private static List<String> ownDevicesAndFolder(Path work) {
        List<String> args = new ArrayList<>(List.of("--dev", "/dev", "--proc", "/proc"));
        if (bwrapKnows("--size")) {
            args.addAll(List.of("--size", Long.toString(SHARED_MEMORY_BYTES)));
        }
        args.addAll(List.of("--tmpfs", "/dev/shm", "--remount-ro", "/dev", "--bind", work.toString(), work.toString()));
        return args;
    }

    /**
     * The bwrap arguments that show the allow-list (see the class's comment) and the working
     * folder, and make everything else in the new root read-only. Folders bwrap makes on the way
     * to a place are made readable by all (bwrap's default, 0700, would keep nobody out when root
     * runs it).
     */
    private List<String> allowList(Path program, Path work, Machine here) throws IOException {
        List<String> args = new ArrayList<>();
        Set<Path> made = new HashSet<>();
        Set<Path> bound = new HashSet<>();
        for (String place : SYSTEM) {
            Path path = Path.of(place);
            if (Files.isSymbolicLink(path)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), place));
            } else if (Files.isDirectory(path)) {
                args.addAll(List.of("--ro-bind", place, place));
                bound.add(path);
            }
        }
        Path etc = Path.of("/etc");
        makeFolder(args, etc, made, bound);
        for (Path file : etcFiles()) {
            makeParents(args, file, made, bound);
            if (Files.isSymbolicLink(file)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(file).toString(), file.toString()));
            } else {
                args.addAll(List.of("--ro-bind", file.toString(), file.toString()));
            }
        }
        for (String name : ETC_WRITTEN.keySet().stream().sorted().toList()) {
            args.addAll(List.of("--ro-bind", here.etc().resolve(name).toString(), "/etc/" + name));
        }
        // Shown places and covers, parents first: a cover inside a shown folder, a shown folder inside a cover.
        List<Path> show = placesToShow(program);
        List<Path> covers = placesToCover(show);
        TreeMap<Path, String> mounts = new TreeMap<>();
        show.forEach(place -> mounts.put(place, "--ro-bind"));
        covers.forEach(place -> mounts.put(place, "--tmpfs"));
        for (Map.Entry<Path, String> mount : mounts.entrySet()) {
            makeParents(args, mount.getKey(), made, bound);
            if (mount.getValue().equals("--tmpfs")) {
                args.addAll(List.of("--perms", "0755", "--tmpfs", mount.getKey().toString()));
                made.add(mount.getKey());
            } else {
                args.addAll(List.of("--ro-bind", mount.getKey().toString(), mount.getKey().toString()));
                bound.add(mount.getKey());
            }
        }
        makeParents(args, work, made, bound);
        args.addAll(List.of("--bind", work.toString(), work.toString()));
        // Read-only only now: the binds above needed their mount points made inside these covers.
        covers.forEach(place -> args.addAll(List.of("--remount-ro", place.toString())));
        return args;
    }

    /** The files and folders of /etc on the allow-list that exist here. */
    private static List<Path> etcFiles() throws IOException {
        Set<Path> files = new TreeSet<>();
        ETC.stream().map(name -> Path.of("/etc", name)).filter(file -> Files.exists(file, LinkOption.NOFOLLOW_LINKS))
                .forEach(files::add);
        try (Stream<Path> entries = Files.list(Path.of("/etc"))) {
            entries.filter(entry -> ETC_PREFIXES.stream().anyMatch(entry.getFileName().toString()::startsWith))
                    .forEach(files::add);
        }
        files.removeIf(file -> files.stream().anyMatch(other -> !other.equals(file) && file.startsWith(other)));
        return List.copyOf(files);
    }

    /** Makes the folders on the way to {@code place}, unless they lie in a bound folder (where they exist). */
    private static void makeParents(List<String> args, Path place, Set<Path> made, Set<Path> bound) {
        List<Path> parents = new ArrayList<>();
        for (Path parent = place.getParent(); parent != null && parent.getNameCount() > 0; parent = parent.getParent()) {
            parents.add(0, parent);
        }
        for (Path parent : parents) {
            if (bound.stream().anyMatch(parent::startsWith)) {
                return;
            }
            makeFolder(args, parent, made, bound);
        }
    }

    private static void makeFolder(List<String> args, Path folder, Set<Path> made, Set<Path> bound) {
        if (!bound.contains(folder) && made.add(folder)) {
            args.addAll(List.of("--perms", "0755", "--dir", folder.toString()));
        }
    }

    /**
     * What the server may read besides the system: what the caller shows, the JDK that runs the
     * specs (the course's servers run on it), and the folder the program was installed in (a JDK
     * under /opt, a Python under a home folder: the folder above its bin/), each both as named and
     * as its real path (a JVM finds its libraries from its real path). Not what the system shows
     * already; never / nor a folder at the top, which would undo the allow-list; the JDK and the
     * installation only where they hold no hidden place.
     */
    private List<Path> placesToShow(Path program) {
        Set<Path> places = new LinkedHashSet<>(withRealPaths(shown));
        Set<Path> found = new LinkedHashSet<>();
        found.add(Path.of(System.getProperty("java.home")));
        for (Path path : Stream.concat(Stream.of(program), realPath(program).stream()).toList()) {
            Path folder = path.getParent();
            if (folder != null && folder.getFileName() != null && folder.getFileName().toString().equals("bin")) {
                folder = folder.getParent(); // above bin/
            }
            if (folder != null) {
                found.add(folder);
            }
        }
        List<Path> hiddenPlaces = realPaths(hidden);
        withRealPaths(found).stream()
                .filter(place -> hiddenPlaces.stream().noneMatch(hiddenPlace -> hiddenPlace.startsWith(place)))
                .forEach(places::add);
        return places.stream()
                .filter(place -> place.getNameCount() >= 2)
                .filter(place -> !systemShows(place))
                .toList();
    }

    /**
     * The hidden places that lie inside a shown one or inside the system's folders (a grader
     * installed under /usr/local), and are not shown themselves, each once: these are covered
     * with an empty read-only folder.
     */
    private List<Path> placesToCover(List<Path> show) {
        List<Path> inside = realPaths(hidden).stream()
                .filter(place -> !show.contains(place))
                .filter(place -> systemShows(place) || show.stream().anyMatch(shownPlace -> place.startsWith(shownPlace)))
                .toList();
        return inside.stream()
                .filter(place -> inside.stream().noneMatch(other -> !other.equals(place) && place.startsWith(other)))
                .sorted()
                .toList();
    }

    /** Whether a place is in the system's folders, which the sandbox shows anyway. */
    private static boolean systemShows(Path place) {
        return SYSTEM.stream().map(Path::of).filter(Files::isDirectory).filter(folder -> !Files.isSymbolicLink(folder))
                .anyMatch(place::startsWith);
    }

    /** Each existing place, as named (absolute) and as its real path. */
    private static List<Path> withRealPaths(Collection<Path> places) {
        Set<Path> all = new LinkedHashSet<>();
        for (Path place : places) {
            if (Files.exists(place)) {
                all.add(place.toAbsolutePath().normalize());
                realPath(place).ifPresent(all::add);
            }
        }
        return List.copyOf(all);
    }

    /** Writes the files of {@link #ETC_WRITTEN} once, in a folder of their own, readable by all. */
    private static Path writeEtc() {
        Path folder = TemporaryFolders.create("httpspec-etc-");
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Map.Entry<String, String> file : ETC_WRITTEN.entrySet()) {
                Path written = Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.US_ASCII);
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-r--r--"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * "env --default-signal=INT" (GNU coreutils 8.31 and later), where this system has it; nothing
     * elsewhere. A shell starts its background jobs with SIGINT ignored, and a process passes that
     * on to the processes it starts: a grader run in the background would start servers for which
     * Ctrl+C (SIGINT, which the specs of step 9 send) does nothing. env sets it back to the
     * default, then runs the server in its own process: the server gets SIGINT as in a terminal.
     */
    static List<String> sigintAsDefault() {
        if (sigintAsDefault == null) {
            sigintAsDefault = runs(List.of("env", "--default-signal=INT", "true"))
                    ? List.of("env", "--default-signal=INT") : List.of();
        }
        return sigintAsDefault;
    }

    private static volatile List<String> sigintAsDefault;

    /** Whether {@code command} runs and exits with status 0 (within a fail-safe of 10 s). */
    static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The environment of a server. Without a sandbox: the caller's, in the C locale (a server that
     * relies on the locale's charset for text shows it). In the sandbox: only what a
     * server needs, so that no token, agent socket or password in the caller's environment reaches it.
     */
    public Map<String, String> environment(Map<String, String> inherited, Path workingDirectory) {
        Map<String, String> env = new HashMap<>(on ? Map.of() : inherited);
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        // Python buffers a piped stdout: its "Listening on port N" would stay in the buffer.
        env.put("PYTHONUNBUFFERED", "1");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        if (on) {
            env.put("JDK_JAVA_OPTIONS", JAVA_OPTIONS_IN_SANDBOX);
        }
        if (on) {
            env.put("PATH", inherited.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
            env.put("HOME", workingDirectory.toString());
            env.put("TMPDIR", workingDirectory.toString()); // /tmp is read-only in the sandbox
        }
        return env;
    }

    /** The line the java launcher prints on stderr because of our JDK_JAVA_OPTIONS: not the server's own words. */
    static boolean isJavaOptionsNotice(String line) {
        return line.equals(JAVA_OPTIONS_NOTICE + JAVA_OPTIONS_IN_SANDBOX);
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

    /** The program as the process would find it: a path, or a name looked up on the PATH. */
    static Optional<Path> findProgram(String word) {
        if (word.contains(File.separator)) {
            Path path = Path.of(word).toAbsolutePath();
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(searchPath.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, word))
                .filter(candidate -> Files.isExecutable(candidate) && !Files.isDirectory(candidate))
                .findFirst();
    }

    private static List<Path> realPaths(Collection<Path> paths) {
        return paths.stream().map(Sandbox::realPath).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private static Optional<String> findWhyUnavailable() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return Optional.of("The sandbox that protects your files from the servers needs Linux (bubblewrap)."
                    + " On macOS or Windows, grade code you have not read in a Linux virtual machine, in WSL 2"
                    + " or in a container: docs/instructors.md says how.");
        }
        // Root's sandbox drops to nobody with setpriv (util-linux, like prlimit).
        Optional<String> missing = Stream.of("bwrap", "prlimit", "setpriv")
                .filter(name -> !name.equals("setpriv") || DiskBudget.isRoot())
                .filter(name -> findProgram(name).isEmpty()).findFirst();
        if (missing.isPresent()) {
            return Optional.of("The sandbox that protects your files from the servers needs bubblewrap (bwrap)"
                    + " and util-linux (prlimit, setpriv), and " + missing.get()
                    + " is not installed. Install them:\n  sudo apt-get install bubblewrap util-linux   (Debian, Ubuntu)"
                    + "\n  sudo dnf install bubblewrap util-linux       (Fedora)");
        }
        return tryOnce().map(error -> "bubblewrap is installed but cannot make a sandbox here:\n  " + error
                + "\nThe sandbox needs user namespaces for ordinary users (the server runs as nobody in one, even"
                + " when root grades), and, as root, the right to mount. On Ubuntu 24.04 and later, AppArmor"
                + " restricts user namespaces: docs/instructors.md says what to do. Most containers (Gradescope's,"
                + " PrairieLearn's) allow neither: there, the container is the sandbox.");
    }

    /** Runs {@code true} in a sandbox; returns bwrap's complaint when that fails. */
    private static Optional<String> tryOnce() {
        Path folder = TemporaryFolders.create("httpspec-sandbox-check-");
        try {
            List<String> command = bubblewrap(List.of(), List.of()).wrap(List.of("true"), folder);
            Process trial = new ProcessBuilder(command).redirectErrorStream(true).start();
            trial.getOutputStream().close();
            byte[] output = trial.getInputStream().readAllBytes(); // ends when the sandbox ends
            // A fail-safe only: the sandbox ends as soon as "true" does.
            if (!trial.waitFor(60, TimeUnit.SECONDS) || trial.exitValue() != 0) {
                trial.destroyForcibly();
                return Optional.of(new String(output, StandardCharsets.UTF_8).strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            TemporaryFolders.delete(folder);
        }
    }
}
