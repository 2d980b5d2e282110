// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Recording;
import dev.autosa.proc.linux.internal.proc.ProcSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Replays a capture written by {@link CaptureWriter} as a {@link MetricSource}: each
 * {@link #sample} reads the next tick directory as if it were /proc, with the same parsers as
 * {@link ProcMetricSource}, and computes rates over the capture's own tick times. {@link #clock()}
 * gives the engine the capture's time so a replay decides exactly as the live run would have.
 */
public final class CaptureSource implements Recording {

    /** Provider name. */
    public static final String NAME = "capture";

    private final Path directory;
    private final CaptureMeta meta;
    private final long[] tickMs;
    private final ProcSampler sampler;
    private int next;
    private @Nullable AutoCloseable cleanup;
    private @Nullable MachineFacts recorded;

    private CaptureSource(Path directory, CaptureMeta meta, long[] tickMs, boolean includeVirtualDevices) {
        this.directory = directory;
        this.meta = meta;
        this.tickMs = tickMs;
        this.sampler = new ProcSampler(directory, includeVirtualDevices);
    }

    /**
     * Opens the capture in {@code directory}, counting whole disks only.
     *
     * @param directory a capture written by {@link CaptureWriter}
     * @return a source positioned before the first tick
     * @throws IOException naming the file if meta.properties or the ticks directory is missing or malformed
     */
    public static CaptureSource open(Path directory) throws IOException {
        return open(directory, false);
    }

    /**
     * Opens the capture in {@code directory}.
     *
     * @param directory a capture written by {@link CaptureWriter}
     * @param includeVirtualDevices whether loop, ram, zram, device-mapper and md devices count towards {@code io.*}
     * @return a source positioned before the first tick
     * @throws IOException naming the file if meta.properties or the ticks directory is missing or malformed
     * @throws IllegalArgumentException naming the entry if a tick directory's name is not 12 digits
     */
    public static CaptureSource open(Path directory, boolean includeVirtualDevices) throws IOException {
        CaptureMeta meta = CaptureMeta.readFrom(directory);
        return new CaptureSource(directory, meta, listTicks(directory.resolve(CaptureWriter.TICKS)), includeVirtualDevices);
    }

    private static long[] listTicks(Path ticks) throws IOException {
        Path[] entries;
        try (Stream<Path> list = Files.list(ticks)) {
            entries = list.toArray(Path[]::new);
        } catch (NoSuchFileException e) {
            throw new IOException(ticks + " not found: not a proc capture", e);
        }
        long[] ms = new long[entries.length];
        int n = 0;
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // a tick still being written (or abandoned) by CaptureWriter
            }
            if (name.length() != CaptureWriter.TICK_DIGITS || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("tick directory name must be " + CaptureWriter.TICK_DIGITS
                        + " digits (milliseconds since the start) but was " + entry);
            }
            if (!Files.isDirectory(entry)) {
                throw new IllegalArgumentException("tick must be a directory but " + entry + " is not");
            }
            ms[n++] = Long.parseLong(name);
        }
        long[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Opens a capture directory or a {@code .tar.gz} of one (unpacked, and deleted again on close).
     *
     * @param path a capture directory or a {@code .tar.gz} of one
     * @return a source that replays the capture tick by tick
     * @throws IOException when the path holds no readable capture
     */
    public static CaptureSource openAny(Path path) throws IOException {
        if (!path.getFileName().toString().endsWith(CaptureArchive.SUFFIX)) {
            return open(path);
        }
        CaptureArchive archive = CaptureArchive.unpack(path);
        try {
            CaptureSource s = open(archive.root());
            s.cleanup = archive;
            return s;
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    /**
     * The capture directory read.
     *
     * @return the directory; for an archive, where it was unpacked
     */
    public Path directory() {
        return directory;
    }

    /**
     * The capture's description.
     *
     * @return what meta.properties says
     */
    public CaptureMeta meta() {
        return meta;
    }

    @Override
    public Instant start() {
        return meta.start();
    }

    /**
     * The nominal interval recorded in meta.properties.
     *
     * @return the time between ticks
     */
    @Override
    public Duration interval() {
        return meta.interval();
    }

    /**
     * The number of ticks in the capture.
     *
     * @return how many tick directories there are
     */
    @Override
    public int tickCount() {
        return tickMs.length;
    }

    /**
     * Whether {@link #sample} has a tick left to read.
     *
     * @return true until the last tick was read
     */
    @Override
    public boolean hasNext() {
        return next < tickMs.length;
    }

    /**
     * The capture's clock: the time of the tick the next {@link #sample} will read (start plus the
     * tick's milliseconds); after the last tick, the last tick's time; the start for an empty capture.
     *
     * @return a clock that follows this source's position
     */
    @Override
    public InstantSource clock() {
        return this::currentInstant;
    }

    private Instant currentInstant() {
        if (tickMs.length == 0) {
            return meta.start();
        }
        return meta.start().plusMillis(tickMs[Math.min(next, tickMs.length - 1)]);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    /**
     * Reads the next tick.
     *
     * @throws NoSuchElementException when every tick has been read
     * @throws IOException when the tick has no readable stat file
     */
    @Override
    public void sample(MetricSink sink) throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException("capture " + directory + " has no more ticks (" + tickMs.length + " read)");
        }
        long ms = tickMs[next++];
        sampler.setRoot(directory.resolve(CaptureWriter.TICKS).resolve(CaptureWriter.tickName(ms)));
        sampler.sample(sink, ms * 1_000_000L);
    }

    /**
     * The recorded machine: online CPUs and MemTotal from the tick last read, the kernel release
     * from meta.properties (its CPU count until the first tick).
     */
    @Override
    public MachineFacts machine() {
        MachineFacts m = recorded;
        if (m == null) {
            m = new MachineFacts(meta.cpus(), 0, meta.kernel());
            recorded = m;
        }
        return sampler.machine(meta.kernel(), m);
    }

    @Override
    public void close() {
        sampler.close();
        AutoCloseable c = cleanup;
        cleanup = null;
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(CaptureSource.class).warn("could not delete the unpacked capture {}: {}",
                        directory, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "CaptureSource[" + directory + ", " + tickMs.length + " ticks]";
    }
}
