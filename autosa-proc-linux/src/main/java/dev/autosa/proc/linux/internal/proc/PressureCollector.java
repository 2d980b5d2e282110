// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Turns one /proc/pressure file into stall shares: the growth of the {@code total=} microsecond
 * counters over the elapsed time, clamped to 0..1. Nothing on the first tick (the kernel's avg10
 * is a different, smoothed quantity and is deliberately not mixed in).
 */
final class PressureCollector extends FileCollector {

    private static final double MICROS_TO_SECONDS = 1e-6;

    private final PressureParser parser = new PressureParser();
    private final Counters counters = new Counters(2);
    private final MetricKey some;
    private final @Nullable MetricKey full;

    /** {@code full} is null for cpu, whose system-wide "full" line is always zero. */
    PressureCollector(Path root, String resource, MetricKey some, @Nullable MetricKey full) {
        super(root, "pressure/" + resource, true);
        this.some = some;
        this.full = full;
    }

    PressureParser parser() {
        return parser;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
        double someShare = rate(counters, counters.delta(0, parser.someTotal()), elapsedNanos, MICROS_TO_SECONDS, 0,
                "some total");
        put(sink, some, clamp01(someShare));
        if (full != null) {
            double fullShare = rate(counters, counters.delta(1, parser.fullTotal()), elapsedNanos, MICROS_TO_SECONDS,
                    0, "full total");
            put(sink, full, clamp01(fullShare));
        }
    }
}
