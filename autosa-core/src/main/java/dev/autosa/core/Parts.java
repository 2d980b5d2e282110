// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.AutoSAListener;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Objective;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.WorkloadClassifier;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/** What the builder does not keep in the config: parts to use instead of discovery, and where to run. */
final class Parts {
    @Nullable MetricSource metricSource;
    @Nullable WorkloadClassifier classifier;
    @Nullable Thresholds thresholds;
    @Nullable SchedulerController controller;
    @Nullable InstantSource clock;
    @Nullable ScheduledExecutorService executor;
    @Nullable ClassLoader classLoader;
    @Nullable Objective objective;
    @Nullable OutcomeStore outcomeStore;
    final List<AutoSAListener> listeners = new ArrayList<>();

    AutoSA assemble(AutoSAConfig config) {
        return Assembly.assemble(config, this);
    }
}
