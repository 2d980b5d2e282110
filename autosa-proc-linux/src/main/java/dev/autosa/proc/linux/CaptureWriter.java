// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.proc.linux.internal.proc.ProcFileSet;
import dev.autosa.proc.linux.internal.proc.ProcSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

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
     * @param procRoot the directory to copy from, e.g. {@code /proc}
     * @param directory where the capture goes: empty or absent
     * @return a writer that has written nothing yet
     * @throws IOException if the directory cannot be created or already holds ticks
     */
    public static CaptureWriter create(Path procRoot, Path directory) throws IOException {
        Path ticks = directory.resolve(TICKS);
        if (Files.isDirectory(ticks)) {
            try (var entries = Files.list(ticks)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(ticks + " already holds ticks: choose an empty directory");
                }
            }
        }
        Files.createDirectories(ticks);
        return new CaptureWriter(procRoot, directory);
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
     * Writes {@code meta.properties}.
     *
     * @param meta the capture's description
     * @throws IOException if the file cannot be written
     */
    public void writeMeta(CaptureMeta meta) throws IOException {
        meta.writeTo(directory);
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
