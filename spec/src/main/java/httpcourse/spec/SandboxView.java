package httpcourse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a sandboxed server sees of the file system, as bwrap's arguments: the allow-list that
 * {@link Sandbox}'s comment describes. Its own class, so that the sandbox's other work (users,
 * budgets, limits) reads apart from the long list of what is shown.
 */
final class SandboxView {

    /** The user id of nobody, as which the sandbox runs a server. */
    static final int NOBODY = 65534;

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
    static final Map<String, String> ETC_WRITTEN = Map.of(
            "passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                    + "nobody:x:" + NOBODY + ":" + NOBODY + ":nobody:/nonexistent:/usr/sbin/nologin\n",
            "group", "root:x:0:\nnogroup:x:" + NOBODY + ":\n",
            "hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n",
            "nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\n"
                    + "protocols: files\nservices: files\nethers: files\nrpc: files\n");

    private final List<Path> shown;
    private final List<Path> hidden;

    /** The view of a server: the system, and {@code shown}, without {@code hidden} (see {@link Sandbox}). */
    SandboxView(List<Path> shown, List<Path> hidden) {
        this.shown = List.copyOf(shown);
        this.hidden = List.copyOf(hidden);
    }

    /**
     * The bwrap arguments that show the allow-list (see {@link Sandbox}'s comment) and the working
     * folder, and make everything else in the new root read-only. Folders bwrap makes on the way
     * to a place are made readable by all (bwrap's default, 0700, would keep nobody out when root
     * runs it).
     */
    List<String> arguments(Path program, Path work, Path etcFolder) throws IOException {
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
            args.addAll(List.of("--ro-bind", etcFolder.resolve(name).toString(), "/etc/" + name));
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

    static List<Path> realPaths(Collection<Path> paths) {
        return paths.stream().map(SandboxView::realPath).flatMap(Optional::stream).distinct().toList();
    }

    static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    /** Writes the files of {@link #ETC_WRITTEN} once, in a folder of their own, readable by all. */
    static Path writeEtc() {
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
}
