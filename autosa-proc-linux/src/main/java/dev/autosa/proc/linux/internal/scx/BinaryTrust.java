// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a binary may be run as root. A scheduler binary runs with full privileges and
 * loads code into the kernel, so only a root-owned regular file that nobody else can change, in a
 * directory nobody else can change, is accepted (the same rule sudo and ssh apply to their files).
 */
public final class BinaryTrust {

    private BinaryTrust() {
    }

    /** Why {@code file} may not be run, or empty when it may. Symbolic links are followed and both ends checked. */
    public static Optional<String> refusalReason(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.of(file + " does not exist");
            }
            Optional<String> dir = checkDirectory(file.toAbsolutePath().getParent());
            if (dir.isPresent()) {
                return dir;
            }
            Path real = file.toRealPath();
            if (!real.equals(file)) {
                dir = checkDirectory(real.getParent());
                if (dir.isPresent()) {
                    return dir;
                }
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(real + " is not a regular file");
            }
            Optional<String> owner = checkOwnerAndMode(real, "");
            if (owner.isPresent()) {
                return owner;
            }
            if (!Files.getPosixFilePermissions(real).contains(PosixFilePermission.OWNER_EXECUTE)) {
                return Optional.of(real + " is not executable");
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot check " + file + ": " + e);
        }
    }

    private static Optional<String> checkDirectory(@org.jspecify.annotations.Nullable Path dir) throws IOException {
        if (dir == null) {
            return Optional.empty();
        }
        return checkOwnerAndMode(dir.toRealPath(), "directory ");
    }

    private static Optional<String> checkOwnerAndMode(Path path, String what) throws IOException {
        int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (uid != 0) {
            return Optional.of(what + path + " is owned by uid " + uid + ", not root");
        }
        boolean group = perms.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (group || others) {
            return Optional.of(what + path + " is " + (group && others ? "group- and world" : group ? "group" : "world")
                    + "-writable (" + PosixFilePermissions.toString(perms) + ")");
        }
        return Optional.empty();
    }
}
