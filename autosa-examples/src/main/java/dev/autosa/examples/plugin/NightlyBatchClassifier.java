// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.plugin;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.DefaultClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An example classifier plug-in for a machine that runs nightly batch jobs: when the CPUs are
 * saturated for most of the window it calls the work cpu-bound with high confidence (a batch job
 * wants throughput, whatever else the window shows); otherwise it defers to the default rules.
 *
 * <p>It outranks the default classifier ({@link #priority()} 50 &gt; 0), so putting its jar into
 * the daemon's plug-in directory is all it takes. It is packaged alone, with its
 * {@code META-INF/services} entry, as {@code autosa-examples-<version>-plugin.jar}.
 */
public final class NightlyBatchClassifier implements WorkloadClassifier {

    /** Mean CPU busy share above which the window counts as a batch run. */
    public static final double BUSY_THRESHOLD = 0.9;
    /** The batch verdict needs this share of the window filled, so one busy second does not decide. */
    public static final double MIN_FILL = 0.5;

    private final DefaultClassifier fallback = new DefaultClassifier();

    @Override
    public String name() {
        return "nightly-batch";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Classification classify(WindowView window) {
        double busy = window.mean(MetricKey.CPU_BUSY);
        int samples = window.count(MetricKey.CPU_BUSY);
        if (!Double.isNaN(busy) && busy > BUSY_THRESHOLD && samples >= MIN_FILL * window.capacity()) {
            return Classification.of(Workload.CPU_BOUND, 0.95,
                    String.format(Locale.ROOT, "nightly batch: cpu busy mean %.0f%% > %.0f%% over %d of %d ticks",
                            100 * busy, 100 * BUSY_THRESHOLD, samples, window.capacity()));
        }
        Classification c = fallback.classify(window);
        List<String> reasons = new ArrayList<>(c.reasons());
        reasons.add("nightly-batch: not a batch run, default rules decide");
        return new Classification(c.workload(), c.confidence(), reasons);
    }
}
