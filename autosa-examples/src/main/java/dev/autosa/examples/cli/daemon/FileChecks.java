// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What sits at a path, read without following a link ({@code lstat}), for the checks that keep a
 * root daemon from writing through a link another user planted.
 *
 * @param mode the full mode bits, including the file type and the sticky bit
 */
public record FileChecks(Path path, String type, int uid, int mode, int links) {

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int STICKY = 01000;

    /** The entry at {@code path} (not followed), or null when nothing is there. */
    public static @Nullable FileChecks lstat(Path path) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int links = (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return new FileChecks(path, typeName(mode), uid, mode, links);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** "a socket", "a regular file", "a symbolic link", ... for messages. */
    static String typeName(int mode) {
        return switch (mode & S_IFMT) {
            case S_IFSOCK -> "a socket";
            case S_IFLNK -> "a symbolic link";
            case S_IFREG -> "a regular file";
            case S_IFDIR -> "a directory";
            case S_IFIFO -> "a FIFO";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            default -> "a special file";
        };
    }

    public boolean isSocket() {
        return (mode & S_IFMT) == S_IFSOCK;
    }

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isSymbolicLink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** Group or others may create, remove and rename entries (a directory) or write (a file). */
    public boolean writableByOthers() {
        return (mode & 0022) != 0;
    }

    public boolean sticky() {
        return (mode & STICKY) != 0;
    }

    /**
     * A directory where another user cannot replace what we create: not writable by group or
     * others, or root-owned with the sticky bit (like {@code /tmp}, where only a file's owner may
     * remove or rename it).
     */
    public boolean othersCannotReplaceEntries() {
        return !writableByOthers() || (uid == 0 && sticky());
    }

    /** The permission bits in octal, e.g. "1777". */
    public String octalMode() {
        return Integer.toOctalString(mode & 07777);
    }
}
