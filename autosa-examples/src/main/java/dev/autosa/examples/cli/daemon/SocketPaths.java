// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import dev.autosa.examples.cli.CliException;
import dev.autosa.examples.cli.Uid;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where the daemon's socket and pid file live: {@code /run/autosa/autosa.sock} as root, else
 * {@code $XDG_RUNTIME_DIR/autosa/autosa.sock}, else {@code /tmp/autosa-<uid>/autosa.sock}; the pid
 * file sits next to the socket ({@code autosa.pid}).
 */
public final class SocketPaths {

    public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> SOCKET_MODE = PosixFilePermissions.fromString("rw-------");

    private SocketPaths() {
    }

    /** The socket path: the flag if given, else the default for this user. */
    public static Path socket(@Nullable Path flag) {
        if (flag != null) {
            return flag.toAbsolutePath();
        }
        return defaultSocket();
    }

    public static Path defaultSocket() {
        if (Uid.isRoot()) {
            return Path.of("/run/autosa/autosa.sock");
        }
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "autosa", "autosa.sock");
        }
        return Path.of("/tmp", "autosa-" + Uid.effective(), "autosa.sock");
    }

    /** {@code autosa.sock} → {@code autosa.pid}; any other name gets {@code .pid} appended. */
    public static Path pidFile(Path socket) {
        String name = socket.getFileName().toString();
        String pid = name.endsWith(".sock") ? name.substring(0, name.length() - 5) + ".pid" : name + ".pid";
        return socket.resolveSibling(pid);
    }

    /**
     * Makes sure the socket's directory exists. A directory AutoSA creates gets mode 0700. An
     * existing one must belong to this user (or root), so nobody can pre-create
     * {@code /tmp/autosa-<uid>} and watch or replace our socket; the default directory is also
     * tightened to 0700. A directory others may write is refused unless it is root-owned and
     * sticky like {@code /tmp} (there only a file's owner may remove or rename it); the socket and
     * pid file are then still created without following links.
     */
    public static void prepareDirectory(Path socket, boolean isDefault) {
        Path dir = java.util.Objects.requireNonNull(socket.toAbsolutePath().getParent(), "socket directory");
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                } catch (FileAlreadyExistsException e) {
                    // Created concurrently; checked below like any existing directory.
                }
                // The umask may have removed bits we asked for, never added any; set exactly.
                Files.setPosixFilePermissions(dir, DIR_MODE);
            }
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isDirectory()) {
                throw CliException.failure("socket directory " + dir + " is not a directory (a symbolic link?)");
            }
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != Uid.effective() && owner != 0) {
                throw CliException.failure("socket directory " + dir + " belongs to uid " + owner
                        + ", not to this user (uid " + Uid.effective() + "); remove it or choose --socket");
            }
            if (isDefault && owner == Uid.effective() && !a.permissions().equals(DIR_MODE)) {
                Files.setPosixFilePermissions(dir, DIR_MODE);
            }
            FileChecks d = FileChecks.lstat(dir);
            if (d != null && !d.othersCannotReplaceEntries()) {
                throw CliException.failure("socket directory " + dir + " is writable by other users (mode "
                        + d.octalMode() + ") and not a root-owned sticky directory: another user could replace"
                        + " the socket or pid file; choose a --socket in a directory only you can write");
            }
        } catch (IOException e) {
            throw CliException.failure("cannot prepare socket directory " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Checks what is at the socket path before the daemon takes it: nothing, or a socket of this
     * user (maybe stale; the caller checks whether anything answers). Anything else — a regular
     * file, a directory, a symbolic link, a FIFO, another user's socket — is refused, never
     * replaced.
     *
     * @return true when a socket is there
     */
    public static boolean checkSocketPathFree(Path socket) {
        FileChecks f;
        try {
            f = FileChecks.lstat(socket);
        } catch (IOException e) {
            throw CliException.failure("cannot check socket path " + socket + ": " + e.getMessage());
        }
        if (f == null) {
            return false;
        }
        if (!f.isSocket()) {
            throw CliException.failure(socket + " exists and is " + f.type() + ", not a socket: autosa replaces"
                    + " only a stale socket; remove it yourself or choose another --socket");
        }
        if (f.uid() != Uid.effective()) {
            throw CliException.failure("socket " + socket + " belongs to uid " + f.uid() + ", not to this user (uid "
                    + Uid.effective() + "): not replacing it; choose another --socket");
        }
        return true;
    }

    /**
     * Binds {@code server} to {@code path} so nobody can reach the socket before its mode is set:
     * bound in a fresh 0700 directory beside {@code path}, made 0600 there, then renamed into place.
     */
    public static void bindPrivately(ServerSocketChannel server, Path path, int backlog) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IOException("socket " + path + " has no directory");
        }
        Path staging = Files.createTempDirectory(parent, ".autosa-bind");
        try {
            Path bound = staging.resolve("s");
            server.bind(UnixDomainSocketAddress.of(bound), backlog);
            Files.setPosixFilePermissions(bound, SOCKET_MODE);
            // rename(2): never follows a link; the caller has checked that nothing is at path.
            Files.move(bound, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging.resolve("s"));
            Files.delete(staging);
        }
    }
}
