// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.plugin;

import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.RefiningClassifier;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An example classifier plug-in that refines one class and leaves the rest to the default: on a
 * machine that runs batch jobs at night, a cpu-bound verdict between 22:00 and 06:00 with every CPU
 * saturated is the class {@code nightly-batch} (map it to a throughput scheduler with
 * {@code prefer.nightly-batch = scx_rusty} in the config file); every other verdict is the default
 * classifier's, unchanged.
 *
 * <p>It uses the API only: as a {@link RefiningClassifier} it is handed the default's verdict for
 * each tick (the engine keeps running the default every tick), so it needs no part of
 * {@code autosa-core} and no state. It outranks the default ({@link #priority()} 50 &gt; 0), so putting
 * its jar into the daemon's plug-in directory is all it takes; it is packaged alone, with its
 * {@code META-INF/services} entry, as {@code autosa-examples-<version>-plugin.jar}.
 */
public final class NightlyBatchClassifier implements RefiningClassifier {

    /** The class this plug-in adds. */
    public static final Workload NIGHTLY_BATCH = Workload.of("nightly-batch");
    /** Mean CPU busy share over the window above which a cpu-bound night is a batch run. */
    public static final double BUSY_THRESHOLD = 0.9;

    private final InstantSource clock;
    private final ZoneId zone;

    /** The machine's clock and time zone; for {@link java.util.ServiceLoader}. */
    public NightlyBatchClassifier() {
        this(InstantSource.system(), ZoneId.systemDefault());
    }

    /** Another clock or zone (tests, a machine whose nights are in another time zone). */
    public NightlyBatchClassifier(InstantSource clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

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
        LocalTime now = LocalTime.ofInstant(clock.instant(), zone);
        boolean night = now.getHour() >= 22 || now.getHour() < 6;
        double busy = window.mean(MetricKey.CPU_BUSY);
        if (!night || Double.isNaN(busy) || busy <= BUSY_THRESHOLD) {
            return byDefault;
        }
        List<String> reasons = new ArrayList<>(byDefault.reasons());
        reasons.add(String.format(Locale.ROOT, "nightly batch: cpu-bound at %s with cpu busy mean %.0f%% > %.0f%%",
                now.withNano(0), 100 * busy, 100 * BUSY_THRESHOLD));
        return new Classification(NIGHTLY_BATCH, byDefault.confidence(), reasons);
    }
}
