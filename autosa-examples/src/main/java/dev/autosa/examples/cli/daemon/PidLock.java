// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import dev.autosa.examples.cli.CliException;
import dev.autosa.examples.cli.Uid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The pid file, held under an exclusive {@code fcntl} lock for the daemon's life. The kernel drops
 * the lock when the process dies, however it dies, so a second {@code start} is refused exactly
 * while a daemon lives, and a pid file or socket left by a killed daemon is recognised as stale.
 */
public final class PidLock implements AutoCloseable {

    private static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final long previousPid;

    private PidLock(Path path, FileChannel channel, FileLock lock, long previousPid) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.previousPid = previousPid;
    }

    /**
     * Takes the lock and writes this process's pid.
     *
     * @param what names the holder for the error message, e.g. the socket path
     * @throws CliException (exit 1) naming the running daemon's pid when it holds the lock
     */
    public static PidLock acquire(Path path, String what) {
        FileChannel ch = open(path);
        try {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                long pid = readPidOfHolder(ch);
                ch.close();
                throw CliException.failure("autosa is already running (pid " + (pid > 0 ? pid : "unknown")
                        + ", " + what + "); stop it with 'autosa stop' first");
            }
            long previous = readPid(ch);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return new PidLock(path, ch, l, previous);
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw CliException.failure("cannot lock pid file " + path + ": " + e.getMessage());
        }
    }

    /**
     * Opens the pid file without following a link and without truncating it (a running daemon's
     * pid must survive a refused second start). What is there must be a regular file of this
     * user with one link; a symbolic link, FIFO, device, directory or another user's file (or a
     * hard link to one) is refused, so a planted entry never redirects the write.
     */
    private static FileChannel open(Path path) {
        try {
            FileChecks before = FileChecks.lstat(path);
            if (before != null) {
                requireOwnRegularFile(before);
            }
            FileChannel ch;
            try {
                ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(MODE));
            } catch (FileAlreadyExistsException e) {
                ch = FileChannel.open(path, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS));
            }
            try {
                // The entry may have been swapped between the check and the open; in a directory only
                // this user (or a sticky root directory's rules) lets change, what is there now is ours.
                FileChecks after = FileChecks.lstat(path);
                if (after == null) {
                    throw new IOException("it disappeared while being opened");
                }
                requireOwnRegularFile(after);
            } catch (IOException | CliException e) {
                ch.close();
                throw e;
            }
            return ch;
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason() : e.getMessage();
            throw CliException.failure("cannot open pid file " + path + ": " + why);
        }
    }

    private static void requireOwnRegularFile(FileChecks f) {
        if (!f.isRegularFile()) {
            throw CliException.failure("pid file " + f.path() + " is " + f.type() + ", not a regular file: not"
                    + " writing through it; remove it or choose another --socket");
        }
        if (f.uid() != Uid.effective() || f.links() != 1) {
            throw CliException.failure("pid file " + f.path() + " belongs to uid " + f.uid() + " and has " + f.links()
                    + " link(s); only a file of this user (uid " + Uid.effective() + ") with one link is reused;"
                    + " remove it or choose another --socket");
        }
    }

    /** The pid a killed earlier daemon left in the file, or -1. */
    public long previousPid() {
        return previousPid;
    }

    public Path path() {
        return path;
    }

    /** Reads the pid of a running daemon from its pid file, or -1 if there is none. */
    public static long readPid(Path path) {
        try {
            FileChecks f = FileChecks.lstat(path);
            if (f == null || !f.isRegularFile()) {
                return -1;
            }
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return readPid(ch);
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private static long readPidOfHolder(FileChannel ch) throws IOException {
        // The holder writes its pid right after locking; give a daemon that is just starting a moment.
        long deadline = System.nanoTime() + 1_000_000_000L;
        long pid = readPid(ch);
        while (pid <= 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
            pid = readPid(ch);
        }
        return pid;
    }

    private static long readPid(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        int n = ch.read(b, 0);
        if (n <= 0) {
            return -1;
        }
        String s = new String(b.array(), 0, n, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Removes the pid file and releases the lock. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The lock is released anyway; a leftover file is recognised as stale by the next start.
            org.slf4j.LoggerFactory.getLogger(PidLock.class).warn("could not remove pid file {}: {}", path,
                    e.getMessage());
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(PidLock.class).warn("could not release pid file lock {}: {}", path,
                    e.getMessage());
        }
    }
}
