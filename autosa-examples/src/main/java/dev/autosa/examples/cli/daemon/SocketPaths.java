// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import dev.autosa.examples.cli.CliException;
import dev.autosa.examples.cli.Uid;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
     * tightened to 0700.
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
        } catch (IOException e) {
            throw CliException.failure("cannot prepare socket directory " + dir + ": " + e.getMessage());
        }
    }
}
