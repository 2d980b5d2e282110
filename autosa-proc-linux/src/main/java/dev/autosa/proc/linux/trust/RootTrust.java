// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a file may be executed or loaded by a process running as root. Such a file
 * runs with full privileges (a scheduler binary even loads code into the kernel), so it must be a
 * root-owned regular file that neither group nor others can write, whose real path (links
 * resolved) lies inside a trusted directory, and that directory and every one of its ancestors up
 * to {@code /} must be root-owned and not writable by group or others: whoever can write any of
 * them can swap the file (the rule of ssh's StrictModes). Sticky directories such as {@code /tmp}
 * do not pass: anyone may create entries there.
 *
 * <p>Callers run the {@link Verdict#realPath() real path} the check returns, never the path they
 * asked about, so a link cannot be re-pointed between the check and the use.
 */
public final class RootTrust {

    private RootTrust() {
    }

    /**
     * The outcome of a file check: the real path to use, or why the file is refused.
     *
     * @param realPath the checked file's real path, to use instead of the path asked about; null when refused
     * @param refusal why the file is refused; empty when trusted
     */
    public record Verdict(@Nullable Path realPath, String refusal) {

        /**
         * A file that passed.
         *
         * @param realPath its real path
         * @return the verdict
         */
        public static Verdict trusted(Path realPath) {
            return new Verdict(realPath, "");
        }

        /**
         * A file that failed.
         *
         * @param why the reason, naming the file
         * @return the verdict
         */
        public static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        /**
         * Whether the file passed.
         *
         * @return true when there is a real path to use
         */
        public boolean trusted() {
            return realPath != null;
        }
    }

    /**
     * Why {@code dir} cannot be a trusted directory, or empty when it can: it (links resolved) and
     * every ancestor must be a root-owned directory that group and others cannot write.
     *
     * @param dir the directory to check
     * @return the reason it fails, or empty
     */
    public static Optional<String> checkDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                return Optional.of("trusted directory " + dir + " is not a directory");
            }
            return checkChain(dir.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot check directory " + dir + ": " + e);
        }
    }

    /**
     * Checks a file that will be executed: as {@link #checkFile} and executable by its owner.
     *
     * @param file the file to check
     * @param trustedDirs the directories its real path must lie in
     * @return the verdict
     */
    public static Verdict checkExecutable(Path file, List<Path> trustedDirs) {
        Verdict v = checkFile(file, trustedDirs);
        Path real = v.realPath();
        if (real == null) {
            return v;
        }
        try {
            if (!Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS)
                    .contains(PosixFilePermission.OWNER_EXECUTE)) {
                return Verdict.refused(real + " is not executable");
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Verdict.refused("cannot check " + file + ": " + e);
        }
        return v;
    }

    /**
     * Checks a file that will be loaded (or executed) as root: a root-owned regular file, not
     * writable by group or others, whose real path lies inside one of {@code trustedDirs} and whose
     * directory and all its ancestors pass {@link #checkDirectory}.
     *
     * @param file the file to check
     * @param trustedDirs the directories its real path must lie in
     * @return the verdict
     */
    public static Verdict checkFile(Path file, List<Path> trustedDirs) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Verdict.refused(file + " does not exist");
            }
            if (!Files.exists(file)) {
                return Verdict.refused(file + " is a link to nothing (" + Files.readSymbolicLink(file) + ")");
            }
            Path real = file.toRealPath();
            if (!insideAny(real, trustedDirs)) {
                return Verdict.refused(file + " resolves to " + real + ", which is outside every trusted directory "
                        + trustedDirs);
            }
            Path parent = real.getParent();
            if (parent != null) {
                Optional<String> dir = checkChain(parent);
                if (dir.isPresent()) {
                    return Verdict.refused(dir.get());
                }
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Verdict.refused(real + " is not a regular file");
            }
            Optional<String> owner = ownerAndMode(real, "");
            return owner.isPresent() ? Verdict.refused(owner.get()) : Verdict.trusted(real);
        } catch (IOException | UnsupportedOperationException e) {
            return Verdict.refused("cannot check " + file + ": " + e);
        }
    }

    private static boolean insideAny(Path real, List<Path> trustedDirs) {
        for (Path dir : trustedDirs) {
            try {
                if (Files.isDirectory(dir) && real.startsWith(dir.toRealPath()) && !real.equals(dir.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                // a trusted directory that cannot be resolved holds nothing
            }
        }
        return false;
    }

    /** {@code real} (a directory, links resolved) and each ancestor up to {@code /}. */
    private static Optional<String> checkChain(Path real) throws IOException {
        for (Path p = real; p != null; p = p.getParent()) {
            Optional<String> refusal = ownerAndMode(p, "directory ");
            if (refusal.isPresent()) {
                return Optional.of(p.equals(real) ? refusal.get() : refusal.get() + " (an ancestor of " + real + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ownerAndMode(Path path, String what) throws IOException {
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> perms = a.permissions();
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
