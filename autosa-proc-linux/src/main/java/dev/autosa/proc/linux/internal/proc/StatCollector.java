// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns /proc/stat into CPU time shares ({@code cpu.*}), busy CPUs and the busiest CPU's share (from
 * the per-CPU lines), context switch (whole machine and per CPU) and fork rates, and the
 * runnable/blocked gauges. When the set of online CPUs changes between two ticks (hotplug) the
 * aggregate ticks are not comparable, so the shares are skipped for that tick. When stat has no
 * {@code procs_running} (very old kernels) the runnable count comes from /proc/loadavg.
 */
final class StatCollector extends FileCollector {

    private static final Logger LOG = LoggerFactory.getLogger(StatCollector.class);

    private static final int CTXT = StatParser.FIELDS;
    private static final int PROCESSES = StatParser.FIELDS + 1;

    private final StatParser parser = new StatParser();
    private final Counters counters = new Counters(StatParser.FIELDS + 2);
    private final long[] deltas = new long[StatParser.MIN_FIELDS];
    private final LoadavgCollector loadavg;
    private int[] previousCpuIds = new int[16];
    private int previousCpuCount = -1;
    // Per-CPU busy and total ticks of the previous read (index = line order), for the busiest CPU.
    private long[] previousCpuBusy = new long[16];
    private long[] previousCpuTotal = new long[16];
    private boolean previousPerCpuValid;

    StatCollector(Path root) {
        super(root, "stat", false);
        loadavg = new LoadavgCollector(root);
    }

    StatParser parser() {
        return parser;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
        writeGauges(elapsedNanos, sink);
        boolean sameCpus = checkCpus();
        if (sameCpus && parser.totalValid()) {
            writeShares(sink);
        } else {
            counters.invalidate(0, StatParser.FIELDS);
        }
        writeBusiest(sameCpus, sink);
        double ctxt = rate(counters, counters.delta(CTXT, parser.ctxt()), elapsedNanos, 1, parser.ctxtLine(), "ctxt");
        put(sink, MetricKey.SCHED_CTX_SWITCHES_PER_SEC, ctxt);
        if (parser.cpusValid() && parser.cpuCount() > 0) {
            put(sink, MetricKey.SCHED_CTX_SWITCHES_PER_CPU, ctxt / parser.cpuCount());
        }
        put(sink, MetricKey.SCHED_FORKS_PER_SEC, rate(counters, counters.delta(PROCESSES, parser.processes()),
                elapsedNanos, 1, parser.processesLine(), "processes"));
    }

    private void writeGauges(long elapsedNanos, MetricSink sink) {
        int cpus = parser.cpusValid() ? parser.cpuCount() : 0;
        long running = parser.procsRunning();
        if (running < 0) {
            running = loadavg.runnable(now());
        }
        if (running >= 0 && cpus > 0) {
            sink.put(MetricKey.SCHED_RUNNABLE_PER_CPU, (double) running / cpus);
        }
        if (parser.procsBlocked() >= 0) {
            sink.put(MetricKey.SCHED_BLOCKED, parser.procsBlocked());
        }
    }

    /** Records this tick's CPU ids; false if they differ from the previous tick's. */
    private boolean checkCpus() {
        if (!parser.cpusValid()) {
            previousCpuCount = -1;
            return false;
        }
        int count = parser.cpuCount();
        boolean same = previousCpuCount < 0 || parser.sameCpus(previousCpuIds, previousCpuCount);
        if (!same) {
            LOG.info("{}: online CPUs changed from {} to {}; CPU shares skipped for this tick", file.path(),
                    previousCpuCount, count);
        }
        if (count > previousCpuIds.length) {
            previousCpuIds = Arrays.copyOf(previousCpuIds, Math.max(count, previousCpuIds.length * 2));
        }
        for (int i = 0; i < count; i++) {
            previousCpuIds[i] = parser.cpuId(i);
        }
        previousCpuCount = count;
        return same;
    }

    private void writeShares(MetricSink sink) {
        boolean ok = true;
        // guest and guest_nice are already inside user and nice: only the first 8 fields count.
        for (int f = 0; f < StatParser.MIN_FIELDS; f++) {
            long d = counters.delta(f, parser.total(f));
            if (d == Counters.WENT_BACKWARDS) {
                problems.problem(parser.totalLine(), "cpu tick field " + (f + 1) + " went backwards from "
                        + counters.lastPrevious() + " (reset or hotplug)");
            }
            ok &= d >= 0;
            deltas[f] = d;
        }
        if (!ok) {
            return;
        }
        // Summed as doubles: two deltas near Long.MAX_VALUE (a corrupt or hostile file) overflow a
        // long into a negative share. Each part is >= 0 and at most the total, so shares stay in 0..1.
        double user = (double) deltas[StatParser.USER] + deltas[StatParser.NICE];
        double system = (double) deltas[StatParser.SYSTEM] + deltas[StatParser.IRQ] + deltas[StatParser.SOFTIRQ];
        double idle = deltas[StatParser.IDLE];
        double iowait = deltas[StatParser.IOWAIT];
        double steal = deltas[StatParser.STEAL];
        double busy = user + system + steal;
        double t = busy + idle + iowait;
        if (t <= 0) {
            return;
        }
        sink.put(MetricKey.CPU_BUSY, Math.min(busy / t, 1));
        if (parser.cpusValid()) {
            sink.put(MetricKey.CPU_BUSY_CPUS, Math.min(busy / t, 1) * parser.cpuCount());
        }
        sink.put(MetricKey.CPU_USER, Math.min(user / t, 1));
        sink.put(MetricKey.CPU_SYSTEM, Math.min(system / t, 1));
        sink.put(MetricKey.CPU_IOWAIT, Math.min(iowait / t, 1));
        sink.put(MetricKey.CPU_STEAL, Math.min(steal / t, 1));
    }

    /**
     * The busiest CPU's busy share since the previous read, from the per-CPU lines. Skipped when the
     * CPUs changed or a CPU's counters went backwards (the next read starts over).
     */
    private void writeBusiest(boolean sameCpus, MetricSink sink) {
        if (!parser.cpusValid()) {
            previousPerCpuValid = false;
            return;
        }
        int count = parser.cpuCount();
        if (count > previousCpuBusy.length) {
            previousCpuBusy = Arrays.copyOf(previousCpuBusy, Math.max(count, previousCpuBusy.length * 2));
            previousCpuTotal = Arrays.copyOf(previousCpuTotal, previousCpuBusy.length);
            previousPerCpuValid = false;
        }
        boolean comparable = sameCpus && previousPerCpuValid;
        double busiest = -1;
        for (int i = 0; i < count; i++) {
            long busy = parser.cpuTicks(i, StatParser.USER) + parser.cpuTicks(i, StatParser.NICE)
                    + parser.cpuTicks(i, StatParser.SYSTEM) + parser.cpuTicks(i, StatParser.IRQ)
                    + parser.cpuTicks(i, StatParser.SOFTIRQ) + parser.cpuTicks(i, StatParser.STEAL);
            long total = busy + parser.cpuTicks(i, StatParser.IDLE) + parser.cpuTicks(i, StatParser.IOWAIT);
            if (comparable) {
                long dBusy = busy - previousCpuBusy[i];
                long dTotal = total - previousCpuTotal[i];
                if (dBusy < 0 || dTotal < dBusy) {
                    comparable = false;
                } else if (dTotal > 0) {
                    busiest = Math.max(busiest, (double) dBusy / dTotal);
                }
            }
            previousCpuBusy[i] = busy;
            previousCpuTotal[i] = total;
        }
        previousPerCpuValid = true;
        if (comparable && busiest >= 0) {
            sink.put(MetricKey.CPU_BUSIEST, Math.min(busiest, 1));
        }
    }

    @Override
    int bufferCapacity() {
        return Math.max(super.bufferCapacity(), loadavg.bufferCapacity());
    }

    @Override
    void setRoot(Path root) {
        super.setRoot(root);
        loadavg.setRoot(root);
    }

    @Override
    public void close() {
        super.close();
        loadavg.close();
    }
}
