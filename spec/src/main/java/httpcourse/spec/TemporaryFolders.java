package httpcourse.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working folders of the servers under test: created fresh, deleted when done, and deleted
 * even when the JVM is stopped first (Ctrl+C, a killed build), so that no run leaves folders behind.
 */
public final class TemporaryFolders {

    private static final Set<Path> NOT_DELETED_YET = ConcurrentHashMap.newKeySet();

    static {
        // A sandbox's tmpfs is unmounted first, or only what it holds would be deleted.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Sandbox.releaseAll();
            NOT_DELETED_YET.forEach(TemporaryFolders::deleteTree);
        }));
    }

    private TemporaryFolders() {
    }

    /** A new empty folder in the system's temporary folder, e.g. /tmp/httpspec-123. */
    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            NOT_DELETED_YET.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a folder made by {@link #create}, with everything in it, after the sandbox gave back
     * what it gave the folder (its control group, its tmpfs: see {@link Sandbox#release}).
     */
    public static void delete(Path folder) {
        Sandbox.release(folder);
        deleteTree(folder);
        NOT_DELETED_YET.remove(folder);
    }

    /**
     * Deletes a folder and everything in it, as far as possible: a leftover is not worth failing
     * a check for. A server may have taken away its own permissions on the folders it made
     * (chmod 000): they are given back first, since we own them.
     */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    allowOwner(dir); // to delete what is inside
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path path, IOException e) {
                    if (e instanceof AccessDeniedException && Files.isDirectory(path) && allowOwner(path)) {
                        deleteTree(path); // a folder we could not even open: open it now
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover temporary folder is not worth failing a check for
        }
    }

    private static boolean allowOwner(Path dir) {
        try {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            permissions.addAll(Files.getPosixFilePermissions(dir));
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            Files.setPosixFilePermissions(dir, permissions);
            return true;
        } catch (IOException | UnsupportedOperationException notPossible) {
            return false; // not ours, or not a POSIX file system (Windows): delete what we can
        }
    }
}
