// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.MetricSource;
import java.nio.file.Path;

/** The metric source for {@code --proc-root}: the Linux /proc source reading another directory. */
final class MetricSources {

    private MetricSources() {
    }

    static MetricSource forProcRoot(Path procRoot) {
        throw CliException.failure("--proc-root " + procRoot + ": the /proc metric source is not in this build");
    }
}
