// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one proc file per tick and hands its bytes to a subclass that parses them and writes
 * metrics. Handles what every file has in common: a missing file (its keys are simply not written;
 * logged once), the elapsed time since this file's previous successful read, and the problem log.
 */
abstract class FileCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileCollector.class);

    /** The nanoseconds-per-second conversion every rate needs. */
    static final double NANOS_PER_SECOND = 1e9;

    final ProcFile file;
    final ProblemLog problems;
    private final ByteScanner scanner = new ByteScanner();
    private final boolean optional;
    private boolean reportedMissing;
    private boolean hasPrevious;
    private long previousNanos;
    private long nowNanos;

    FileCollector(Path root, String name, boolean optional) {
        this.file = new ProcFile(root, name);
        this.problems = new ProblemLog(file);
        this.optional = optional;
    }

    /** Reads, parses and writes; false when the file could not be read at all this tick. */
    final boolean collect(long nowNanos, MetricSink sink) {
        this.nowNanos = nowNanos;
        int length = file.read();
        problems.setNow(nowNanos);
        if (length < 0) {
            if (!reportedMissing) {
                reportedMissing = true;
                if (optional && length == ProcFile.MISSING) {
                    LOG.debug("{} not present ({}): its metrics are not reported", file.path(), file.lastError());
                } else {
                    LOG.warn("{} could not be read ({}): its metrics are not reported until it can", file.path(),
                            file.lastError());
                }
            }
            hasPrevious = false;
            return false;
        }
        if (reportedMissing) {
            reportedMissing = false;
            LOG.debug("{} readable again", file.path());
        }
        long elapsed = hasPrevious ? nowNanos - previousNanos : -1;
        if (hasPrevious && elapsed <= 0) {
            problems.problem(0, "clock did not advance since the previous read");
            elapsed = -1;
        }
        hasPrevious = true;
        previousNanos = nowNanos;
        scanner.reset(file.bytes(), length);
        parseAndWrite(scanner, elapsed, sink);
        return true;
    }

    /**
     * Parses the file and writes its metrics. {@code elapsedNanos} is the time since this file's
     * previous successful read, or negative when there is none (first tick: gauges only, no rates).
     * Counters must still be updated on such ticks so the next one has a baseline.
     */
    abstract void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink);

    /** The largest read buffer this collector holds, in bytes (for the memory-bound tests). */
    int bufferCapacity() {
        return file.bufferCapacity();
    }

    /** The time of the tick being collected. */
    final long now() {
        return nowNanos;
    }

    /** Points the file at a new root (next capture tick). */
    void setRoot(Path root) {
        file.setRoot(root);
    }

    /**
     * Turns a counter delta into a per-second rate scaled by {@code scale}; NaN (not written) when
     * there is no delta or no elapsed time, logging a counter that went backwards.
     */
    final double rate(Counters counters, long delta, long elapsedNanos, double scale, int line, String counter) {
        if (delta == Counters.WENT_BACKWARDS) {
            problems.problem(line, counter + " went backwards from " + counters.lastPrevious() + " (reset or wrap)");
            return Double.NaN;
        }
        if (delta < 0 || elapsedNanos <= 0) {
            return Double.NaN;
        }
        return delta * scale * NANOS_PER_SECOND / elapsedNanos;
    }

    static void put(MetricSink sink, MetricKey key, double value) {
        if (!Double.isNaN(value)) {
            sink.put(key, value);
        }
    }

    static double clamp01(double v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }

    @Override
    public void close() {
        file.close();
    }
}
