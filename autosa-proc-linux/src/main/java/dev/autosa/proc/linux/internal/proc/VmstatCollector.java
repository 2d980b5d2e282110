// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/** Turns /proc/vmstat into page fault, major fault and swap (pages in + out) rates. */
final class VmstatCollector extends FileCollector {

    static final int PGFAULT = 0;
    static final int PGMAJFAULT = 1;
    static final int PSWPIN = 2;
    static final int PSWPOUT = 3;

    private final KeyValueParser parser = new KeyValueParser("pgfault", "pgmajfault", "pswpin", "pswpout");
    private final Counters counters = new Counters(4);

    private final IntSupplier cpus;

    /** {@code cpus}: online CPUs of the same sample (0 when unknown), for the per-CPU fault rate. */
    VmstatCollector(Path root, IntSupplier cpus) {
        super(root, "vmstat", false);
        this.cpus = cpus;
    }

    KeyValueParser parser() {
        return parser;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
        double faults = rate(PGFAULT, elapsedNanos);
        put(sink, MetricKey.MEM_PGFAULTS_PER_SEC, faults);
        int n = cpus.getAsInt();
        if (n > 0) {
            put(sink, MetricKey.MEM_PGFAULTS_PER_CPU, faults / n);
        }
        put(sink, MetricKey.MEM_MAJOR_FAULTS_PER_SEC, rate(PGMAJFAULT, elapsedNanos));
        // Both halves are computed (and their baselines kept) even if one is unusable.
        double in = rate(PSWPIN, elapsedNanos);
        double out = rate(PSWPOUT, elapsedNanos);
        put(sink, MetricKey.MEM_SWAP_PER_SEC, in + out);
    }

    private double rate(int index, long elapsedNanos) {
        return rate(counters, counters.delta(index, parser.value(index)), elapsedNanos, 1, parser.line(index),
                parser.name(index));
    }
}
