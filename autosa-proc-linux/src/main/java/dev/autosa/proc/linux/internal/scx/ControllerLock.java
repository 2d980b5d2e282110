// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine-wide lock of "the AutoSA that manages sched_ext": a POSIX lock on a fixed file,
 * taken before the first scheduler is started or adopted and released on close (or when the
 * process dies, by the kernel). Two daemons on different sockets or run directories meet here, so
 * only one of them switches schedulers; the other is told which pid holds the lock.
 *
 * <p>POSIX locks belong to the process, and closing any descriptor of the file drops them all, so
 * a second controller in the same JVM must never open the file: a JVM-wide set of held paths
 * answers for it.
 */
public final class ControllerLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerLock.class);
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path procRoot;
    private final IntSupplier uid;
    private @Nullable FileChannel channel;
    private @Nullable FileLock lock;

    public ControllerLock(Path file, Path procRoot, IntSupplier uid) {
        this.file = file.toAbsolutePath().normalize();
        this.procRoot = procRoot;
        this.uid = uid;
    }

    public Path file() {
        return file;
    }

    public synchronized boolean held() {
        return lock != null;
    }

    /** Takes the lock unless this controller holds it: empty when held now, else why it is not. */
    public synchronized Optional<String> acquire() {
        if (lock != null) {
            return Optional.empty();
        }
        if (!HELD_IN_THIS_JVM.add(file)) {
            return Optional.of(heldBy(ProcessHandle.current().pid(), " (another controller in this process)"));
        }
        FileChannel ch = null;
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Optional<String> problem = RunDirectory.prepare(dir, uid.getAsInt());
                if (problem.isPresent()) {
                    HELD_IN_THIS_JVM.remove(file);
                    return Optional.of("cannot use the sched_ext lock " + file + ": its directory " + dir + " is not "
                            + "safe: " + problem.get());
                }
            }
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            FileLock l = ch.tryLock();
            if (l == null) {
                OptionalLong holder = holder();
                ch.close();
                HELD_IN_THIS_JVM.remove(file);
                return Optional.of(holder.isPresent() ? heldBy(holder.getAsLong(), "")
                        : "another AutoSA manages sched_ext on this machine (lock " + file + " is held)");
            }
            channel = ch;
            lock = l;
            LOG.debug("took the sched_ext lock {}", file);
            return Optional.empty();
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(ch);
            HELD_IN_THIS_JVM.remove(file);
            return Optional.of("cannot take the sched_ext lock " + file + ": " + e);
        }
    }

    /** Why another process holds the lock now, or empty when none does (read from {@code /proc/locks}, nothing taken). */
    public synchronized Optional<String> heldElsewhere() {
        if (lock != null) {
            return Optional.empty();
        }
        if (HELD_IN_THIS_JVM.contains(file)) {
            return Optional.of(heldBy(ProcessHandle.current().pid(), " (another controller in this process)"));
        }
        OptionalLong holder = holder();
        return holder.isPresent() ? Optional.of(heldBy(holder.getAsLong(), "")) : Optional.empty();
    }

    @Override
    public synchronized void close() {
        FileLock l = lock;
        lock = null;
        if (l != null) {
            closeQuietly(channel); // closing releases the lock
            channel = null;
            HELD_IN_THIS_JVM.remove(file);
            LOG.debug("released the sched_ext lock {}", file);
        }
    }

    private String heldBy(long pid, String note) {
        return "another AutoSA (pid " + pid + note + ") manages sched_ext on this machine (it holds " + file + ")";
    }

    /** The pid holding a lock on the file's inode, per {@code /proc/locks}. */
    private OptionalLong holder() {
        long inode;
        long stDev;
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return OptionalLong.empty();
            }
            inode = (Long) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            stDev = (Long) Files.getAttribute(file, "unix:dev", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
        try {
            // "1: POSIX  ADVISORY  WRITE 1234 00:1a:5678 0 EOF": pid, then major:minor:inode
            for (String line : Files.readAllLines(procRoot.resolve("locks"), StandardCharsets.US_ASCII)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 6 && !f[1].equals("->")) {
                    String[] dev = f[5].split(":");
                    long st = stDev;
                    if (dev.length == 3 && dev[2].equals(Long.toString(inode))
                            && Long.parseLong(dev[0], 16) == major(st) && Long.parseLong(dev[1], 16) == minor(st)) {
                        return OptionalLong.of(Long.parseLong(f[4]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {}/locks: {}", procRoot, e.toString());
        }
        return OptionalLong.empty();
    }

    /** glibc's gnu_dev_major: the device number's major part. */
    private static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    private static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & 0xffffff00L);
    }

    private static void closeQuietly(@Nullable FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("closing a lock file: {}", e.toString());
            }
        }
    }
}
