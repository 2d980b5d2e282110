// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricSink;
import java.nio.file.Path;

/** Reads /proc/loadavg on demand for the runnable count, when /proc/stat does not have it. */
final class LoadavgCollector extends FileCollector {

    private static final MetricSink NOWHERE = (key, value) -> { };

    private final LoadavgParser parser = new LoadavgParser();

    LoadavgCollector(Path root) {
        super(root, "loadavg", true);
    }

    /** Runnable entities now, or {@link ByteScanner#NONE} if loadavg is missing or malformed. */
    long runnable(long nowNanos) {
        return collect(nowNanos, NOWHERE) ? parser.runnable() : ByteScanner.NONE;
    }

    @Override
    void parseAndWrite(ByteScanner s, long elapsedNanos, MetricSink sink) {
        parser.parse(s, problems);
    }
}
