// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Samples every proc file of one proc root into a {@link MetricSink}, keeping the previous counters
 * between calls. The one engine behind both the live source (a fixed root, the machine's clock) and
 * capture replay (a root per tick, the capture's clock), so both parse exactly the same way.
 */
public final class ProcSampler implements AutoCloseable {

    /** The files a sample reads, relative to the proc root; a capture tick holds copies of these. */
    public static final List<String> FILES = List.of("stat", "meminfo", "vmstat", "diskstats", "loadavg",
            "schedstat", "pressure/cpu", "pressure/io", "pressure/memory");

    /** The file without which there is no sample at all. */
    public static final String REQUIRED_FILE = "stat";

    private final StatCollector stat;
    private final MeminfoCollector meminfo;
    private final FileCollector[] others;
    private @Nullable MachineFacts machine;

    public ProcSampler(Path root, boolean includeVirtualDevices) {
        stat = new StatCollector(root);
        meminfo = new MeminfoCollector(root);
        StatParser statParser = stat.parser();
        others = new FileCollector[] {
            meminfo,
            new VmstatCollector(root, () -> statParser.cpusValid() ? statParser.cpuCount() : 0),
            new DiskstatsCollector(root, includeVirtualDevices),
            new SchedstatCollector(root),
            new PressureCollector(root, "cpu", MetricKey.PSI_CPU_SOME, null),
            new PressureCollector(root, "io", MetricKey.PSI_IO_SOME, MetricKey.PSI_IO_FULL),
            new PressureCollector(root, "memory", MetricKey.PSI_MEM_SOME, MetricKey.PSI_MEM_FULL),
        };
    }

    /** Reads the files under {@code root} from now on (the next tick of a capture). */
    public void setRoot(Path root) {
        stat.setRoot(root);
        for (FileCollector c : others) {
            c.setRoot(root);
        }
    }

    /**
     * Takes one sample at {@code nowNanos} (any monotonic nanosecond clock). Problems in one file
     * cost that file's values only; only an unreadable stat file, without which nothing useful can
     * be said, is thrown.
     */
    public void sample(MetricSink sink, long nowNanos) throws IOException {
        if (!stat.collect(nowNanos, sink)) {
            throw new IOException(stat.file.path() + " could not be read (" + stat.file.lastError()
                    + "); is the proc root right?");
        }
        for (FileCollector c : others) {
            c.collect(nowNanos, sink);
        }
    }

    /** Online CPUs in the last sample (per-CPU lines of stat), 0 before the first. */
    public int cpuCount() {
        return stat.parser().cpuCount();
    }

    /**
     * The machine as the last sample saw it: online CPUs (per-CPU lines of stat), MemTotal, and
     * {@code kernelRelease}; {@code fallback} until a sample had valid CPU lines. The same instance
     * while nothing changes.
     */
    public MachineFacts machine(String kernelRelease, MachineFacts fallback) {
        int cpus = stat.parser().cpusValid() ? stat.parser().cpuCount() : 0;
        if (cpus < 1) {
            return fallback;
        }
        long kb = meminfo.parser().value(MeminfoCollector.MEM_TOTAL);
        long bytes = kb > 0 && kb < Long.MAX_VALUE / 1024 ? kb * 1024 : 0;
        MachineFacts m = machine;
        if (m == null || m.cpus() != cpus || m.memoryBytes() != bytes || !m.kernelRelease().equals(kernelRelease)) {
            m = new MachineFacts(cpus, bytes, kernelRelease);
            machine = m;
        }
        return m;
    }

    /** Problems reported across all files so far (logged or rate-limited), for tests and status. */
    public int problemCount() {
        int n = stat.problems.total();
        for (FileCollector c : others) {
            n += c.problems.total();
        }
        return n;
    }

    /** The largest read buffer held for any file, in bytes; never above {@link ProcFile#MAX_SIZE}. */
    int largestBuffer() {
        int max = stat.bufferCapacity();
        for (FileCollector c : others) {
            max = Math.max(max, c.bufferCapacity());
        }
        return max;
    }

    @Override
    public void close() {
        stat.close();
        for (FileCollector c : others) {
            c.close();
        }
    }
}
