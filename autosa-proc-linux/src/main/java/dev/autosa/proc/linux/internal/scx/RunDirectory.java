// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory scheduler logs go to. Running as root, the controller creates and truncates
 * files there, so only a directory nobody else can change is used: not a link, owned by this
 * process's uid, not writable by group or others (created 0700 when absent). Otherwise a private
 * temp directory is used, with a warning that says why.
 */
public final class RunDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);

    private final Path configured;
    private final IntSupplier uid;
    private @Nullable Path chosen;

    public RunDirectory(Path configured, IntSupplier uid) {
        this.configured = configured;
        this.uid = uid;
    }

    /** The directory to use, checked (and created) at first call. */
    public synchronized Path get() throws IOException {
        Path dir = chosen;
        if (dir == null) {
            Optional<String> problem;
            try {
                problem = prepare(configured, uid.getAsInt());
            } catch (IOException e) {
                problem = Optional.of("it cannot be created: " + e);
            }
            if (problem.isEmpty()) {
                dir = configured;
            } else {
                dir = Files.createTempDirectory("autosa-scx-");
                LOG.warn("cannot use run directory {} for scheduler logs: {}; using {}", configured, problem.get(), dir);
            }
            chosen = dir;
        }
        return dir;
    }

    /** Creates {@code dir} (0700) when absent; why it may not be used, or empty. */
    static Optional<String> prepare(Path dir, int uid) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir);
            // set after creation: the umask may have taken bits away, never adds any
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return problem(dir, uid);
    }

    /** Why {@code dir} is not safe for files created as {@code uid}, or empty. */
    public static Optional<String> problem(Path dir, int uid) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return Optional.of("it is a symbolic link (to " + Files.readSymbolicLink(dir) + ")");
        }
        if (!a.isDirectory()) {
            return Optional.of("it is not a directory");
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != uid) {
            return Optional.of("it is owned by uid " + owner + ", not by this process (uid " + uid + ")");
        }
        boolean group = a.permissions().contains(PosixFilePermission.GROUP_WRITE);
        boolean others = a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            return Optional.of("it is " + (group && others ? "group- and world" : group ? "group" : "world")
                    + "-writable (" + PosixFilePermissions.toString(a.permissions()) + ")");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("it is not writable");
        }
        return Optional.empty();
    }
}
