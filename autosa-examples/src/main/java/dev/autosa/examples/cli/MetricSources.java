// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.MetricSource;
import dev.autosa.proc.linux.ProcMetricSource;
import java.nio.file.Path;

/** The metric source for {@code --proc-root}: the Linux /proc source reading another directory. */
final class MetricSources {

    private MetricSources() {
    }

    /**
     * A /proc source over {@code procRoot} (e.g. {@code /host/proc} in a container).
     *
     * @throws CliException (exit 2) when the directory cannot serve as /proc
     */
    static MetricSource forProcRoot(Path procRoot) {
        ProcMetricSource s = ProcMetricSource.builder().procRoot(procRoot).build();
        if (!s.isAvailable()) {
            throw CliException.usage("--proc-root: " + s.unavailableReason());
        }
        return s;
    }
}
