// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.proc.linux.internal.proc.ProcFileSet;
import dev.autosa.proc.linux.internal.proc.ProcSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Records a proc capture: {@code DIR/meta.properties} and one {@code DIR/ticks/<ms>/} directory per
 * tick holding verbatim copies of the proc files a sample reads. Used by {@code autosa capture} and
 * to make test fixtures; {@link CaptureSource} replays the result.
 *
 * <p>Each tick is written to a hidden directory and renamed into place, so a reader never sees a
 * half-written tick. Not thread-safe.
 */
public final class CaptureWriter implements AutoCloseable {

    /** The subdirectory holding one directory per tick. */
    public static final String TICKS = "ticks";
    /** Tick directory names are milliseconds since the start, zero-padded to this many digits. */
    public static final int TICK_DIGITS = 12;
    /** The largest tick time the name can hold. */
    public static final long MAX_TICK_MS = 999_999_999_999L;

    private final Path procRoot;
    private final Path directory;
    private final Path ticks;
    private final ProcFileSet files;
    private long lastTickMs = -1;

    private CaptureWriter(Path procRoot, Path directory) {
        this.procRoot = procRoot;
        this.directory = directory;
        this.ticks = directory.resolve(TICKS);
        this.files = new ProcFileSet(procRoot);
    }

    /**
     * Starts a capture of {@code procRoot} into {@code directory}, which is created if needed.
     *
     * <p>Run as root into a shared place such as {@code /tmp}, a capture must not write through a
     * link another user planted. So an existing directory must be a real directory (not a link)
     * of this user that nobody else may write, holding nothing or only an earlier capture's
     * {@code meta.properties} (a regular file) and an empty {@code ticks}; a new directory is made
     * only in a parent that others cannot rearrange (not writable by them, or root-owned and sticky).
     *
     * @param procRoot the directory to copy from, e.g. {@code /proc}
     * @param directory where the capture goes: empty or absent
     * @return a writer that has written nothing yet
     * @throws IOException if the directory cannot be created, is not safe to write, holds
     *     unrelated files or already holds ticks
     */
    public static CaptureWriter create(Path procRoot, Path directory) throws IOException {
        Path dir = directory.toAbsolutePath();
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            checkExisting(dir);
        } else {
            Path parent = dir.getParent();
            if (parent == null) {
                throw new IOException("capture directory " + dir + " cannot be the file system root");
            }
            Files.createDirectories(parent);
            Entry p = Entry.of(parent);
            if (p.writableByOthers() && !(p.uid() == 0 && p.sticky())) {
                throw new IOException("capture directory " + dir + " would be created in " + parent
                        + ", which other users may write (mode " + p.octalMode() + "): they could swap it for"
                        + " a link; choose a directory under one only you can write");
            }
            Files.createDirectory(dir);
        }
        Path ticks = dir.resolve(TICKS);
        if (!Files.exists(ticks, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(ticks);
        }
        return new CaptureWriter(procRoot, dir);
    }

    private static void checkExisting(Path dir) throws IOException {
        Entry d = Entry.of(dir);
        if (!d.isDirectory()) {
            throw new IOException("capture directory " + dir + " is " + d.type() + ", not a directory");
        }
        int self = effectiveUid();
        if (d.uid() != self) {
            throw new IOException("capture directory " + dir + " belongs to uid " + d.uid() + ", not to this user (uid "
                    + self + "): its owner could redirect the files through links; choose a new directory");
        }
        if (d.writableByOthers()) {
            throw new IOException("capture directory " + dir + " is writable by other users (mode " + d.octalMode()
                    + "): they could plant links in it; choose a directory only you can write");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path e : (Iterable<Path>) entries::iterator) {
                String name = e.getFileName().toString();
                Entry f = Entry.of(e);
                if (name.equals(CaptureMeta.FILE_NAME) && f.isRegularFile()) {
                    continue;
                }
                if (name.equals(TICKS) && f.isDirectory()) {
                    try (Stream<Path> ticks = Files.list(e)) {
                        if (ticks.findAny().isPresent()) {
                            throw new IOException(e + " already holds ticks: choose an empty directory");
                        }
                    }
                    continue;
                }
                throw new IOException("capture directory " + dir + " holds " + name + " (" + f.type()
                        + "), which is not part of a capture: choose an empty or new directory");
            }
        }
    }

    /** A directory entry read without following a link. */
    private record Entry(String type, int uid, int mode) {

        static Entry of(Path p) throws IOException {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            String type = switch (mode & 0170000) {
                case 0040000 -> "a directory";
                case 0100000 -> "a regular file";
                case 0120000 -> "a symbolic link";
                default -> "a special file";
            };
            return new Entry(type, uid, mode);
        }

        boolean isDirectory() {
            return (mode & 0170000) == 0040000;
        }

        boolean isRegularFile() {
            return (mode & 0170000) == 0100000;
        }

        boolean writableByOthers() {
            return (mode & 0022) != 0;
        }

        boolean sticky() {
            return (mode & 01000) != 0;
        }

        String octalMode() {
            return Integer.toOctalString(mode & 07777);
        }
    }

    private static int effectiveUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /**
     * The capture directory.
     *
     * @return where the ticks and meta.properties are written
     */
    public Path directory() {
        return directory;
    }

    /**
     * Describes the machine behind the proc root: CPUs from {@code stat}, kernel release from
     * {@code sys/kernel/osrelease} ("unknown" if absent, as in a fixture directory).
     *
     * @param interval the nominal time between ticks
     * @param start the wall-clock time of tick 0
     * @return the description to pass to {@link #writeMeta}
     * @throws IOException if stat cannot be read or lists no CPUs
     */
    public CaptureMeta detectMeta(Duration interval, Instant start) throws IOException {
        int cpus;
        try (ProcSampler sampler = new ProcSampler(procRoot, false)) {
            sampler.sample((key, value) -> { }, 0);
            cpus = sampler.cpuCount();
        }
        if (cpus < 1) {
            throw new IOException(procRoot.resolve(ProcSampler.REQUIRED_FILE) + " lists no CPUs");
        }
        String kernel = "unknown";
        Path release = procRoot.resolve("sys/kernel/osrelease");
        if (Files.isReadable(release)) {
            kernel = Files.readString(release, StandardCharsets.US_ASCII).trim();
        }
        return new CaptureMeta(interval, cpus, kernel, start);
    }

    /**
     * Writes {@code meta.properties}: into a fresh private directory first, then renamed into
     * place, which replaces whatever entry had the name (a rename never follows a link).
     *
     * @param meta the capture's description
     * @throws IOException if the file cannot be written
     */
    public void writeMeta(CaptureMeta meta) throws IOException {
        Path staging = Files.createTempDirectory(directory, ".meta");
        try {
            meta.writeTo(staging);
            Files.move(staging.resolve(CaptureMeta.FILE_NAME), directory.resolve(CaptureMeta.FILE_NAME),
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staging.resolve(CaptureMeta.FILE_NAME));
            Files.delete(staging);
        }
    }

    /**
     * Copies the proc files into {@code ticks/<msSinceStart>/}.
     *
     * @param msSinceStart the tick's time in milliseconds since tick 0
     * @return how many files were copied
     * @throws IllegalArgumentException if {@code msSinceStart} is negative, too large, or not after the previous tick
     * @throws IOException if stat cannot be read or the tick cannot be written
     */
    public int captureTick(long msSinceStart) throws IOException {
        if (msSinceStart < 0 || msSinceStart > MAX_TICK_MS) {
            throw new IllegalArgumentException("tick time must be in [0, " + MAX_TICK_MS + "] ms but was " + msSinceStart);
        }
        if (msSinceStart <= lastTickMs) {
            throw new IllegalArgumentException("tick time must increase but " + msSinceStart
                    + " ms follows " + lastTickMs + " ms");
        }
        String name = tickName(msSinceStart);
        Path partial = ticks.resolve("." + name + ".partial");
        Path done = ticks.resolve(name);
        Files.createDirectory(partial);
        int copied;
        try {
            copied = files.copyTo(partial);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(partial, e);
            throw e;
        }
        lastTickMs = msSinceStart;
        return copied;
    }

    static String tickName(long ms) {
        String digits = Long.toString(ms);
        return "0".repeat(TICK_DIGITS - digits.length()) + digits;
    }

    private static void deleteTree(Path dir, Exception cause) {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Closes the proc files. */
    @Override
    public void close() {
        files.close();
    }
}
