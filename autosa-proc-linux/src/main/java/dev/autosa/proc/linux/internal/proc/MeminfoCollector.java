// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import java.nio.file.Path;

/** Turns /proc/meminfo into {@code mem.used_fraction} = (MemTotal - MemAvailable) / MemTotal, a gauge. */
final class MeminfoCollector extends FileCollector {

    static final int MEM_TOTAL = 0;
    static final int MEM_AVAILABLE = 1;

    private final KeyValueParser parser = new KeyValueParser("MemTotal:", "MemAvailable:");

    MeminfoCollector(Path root) {
        super(root, "meminfo", false);
    }

    KeyValueParser parser() {
        return parser;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
        long total = parser.value(MEM_TOTAL);
        long available = parser.value(MEM_AVAILABLE);
        if (total <= 0 || available < 0) {
            return;
        }
        if (available > total) {
            problems.problem(parser.line(MEM_AVAILABLE), "MemAvailable is larger than MemTotal");
            return;
        }
        sink.put(MetricKey.MEM_USED_FRACTION, (double) (total - available) / total);
    }
}
