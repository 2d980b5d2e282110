// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.plugin;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.RefiningClassifier;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An example classifier plug-in that refines one class and leaves the rest to the default: on a
 * machine that runs nightly batch jobs, a cpu-bound verdict over a window whose CPUs are saturated
 * throughout is the class {@code nightly-batch} (map it to a throughput scheduler with
 * {@code prefer.nightly-batch = scx_rusty} in the config file); every other verdict is the default
 * classifier's, unchanged.
 *
 * <p>It uses the API only: as a {@link RefiningClassifier} it is handed the default's verdict for
 * each tick (the engine keeps running the default every tick), so it needs no part of
 * {@code autosa-core} and keeps no state. It outranks the default ({@link #priority()} 50 &gt; 0), so
 * putting its jar into the daemon's plug-in directory is all it takes; it is packaged alone, with its
 * {@code META-INF/services} entry, as {@code autosa-examples-<version>-plugin.jar}.
 */
public final class NightlyBatchClassifier implements RefiningClassifier {

    /** The class this plug-in adds. */
    public static final Workload NIGHTLY_BATCH = Workload.of("nightly-batch");
    /** Mean CPU busy share over the window above which a cpu-bound window is a batch run. */
    public static final double BUSY_THRESHOLD = 0.9;
    /** The batch verdict needs this share of the window filled, so a few busy seconds do not decide. */
    public static final double MIN_FILL = 0.5;

    @Override
    public String name() {
        return "nightly-batch";
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Classification refine(WindowView window, Classification byDefault) {
        if (!byDefault.workload().equals(Workload.CPU_BOUND)) {
            return byDefault;
        }
        double busy = window.mean(MetricKey.CPU_BUSY);
        int samples = window.count(MetricKey.CPU_BUSY);
        if (Double.isNaN(busy) || busy <= BUSY_THRESHOLD || samples < MIN_FILL * window.capacity()) {
            return byDefault;
        }
        List<String> reasons = new ArrayList<>(byDefault.reasons());
        reasons.add(String.format(Locale.ROOT, "nightly batch: cpu busy mean %.0f%% > %.0f%% over %d of %d ticks",
                100 * busy, 100 * BUSY_THRESHOLD, samples, window.capacity()));
        return new Classification(NIGHTLY_BATCH, byDefault.confidence(), reasons);
    }
}
