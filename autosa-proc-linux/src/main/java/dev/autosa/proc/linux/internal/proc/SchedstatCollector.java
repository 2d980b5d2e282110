// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;

/**
 * Turns /proc/schedstat into {@code sched.runqueue_wait_per_sec}: seconds tasks spent waiting on
 * run queues per second, summed over CPUs. A change in the number of CPUs makes the sum jump, so
 * that tick is skipped.
 */
final class SchedstatCollector extends FileCollector {

    private final SchedstatParser parser = new SchedstatParser();
    private final Counters counters = new Counters(1);
    private int previousCpuCount = -1;

    SchedstatCollector(Path root) {
        super(root, "schedstat", true);
    }

    SchedstatParser parser() {
        return parser;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
        int cpus = parser.cpuCount();
        if (!parser.valid() || cpus != previousCpuCount) {
            counters.invalidateAll();
        }
        previousCpuCount = parser.valid() ? cpus : -1;
        long delta = counters.delta(0, parser.valid() ? parser.runDelaySum() : ByteScanner.NONE);
        put(sink, MetricKey.SCHED_RUNQUEUE_WAIT_PER_SEC,
                rate(counters, delta, elapsedNanos, 1 / NANOS_PER_SECOND, 0, "sum of cpu run_delay"));
    }
}
