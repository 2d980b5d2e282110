// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import dev.autosa.api.Classification;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.proc.linux.ScxStatsState;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns one {@link AutoSAStatus} snapshot, taken when Prometheus scrapes, into AutoSA's series. The
 * engine keeps every number already (counters, window means); nothing is counted twice, and a
 * scrape costs one status snapshot.
 */
final class StatusCollector implements MultiCollector {

    /** The label value for the kernel's own scheduler (EEVDF), which has no {@code scx_*} name. */
    static final String KERNEL_DEFAULT = "kernel_default";

    /** Status counters with a name of their own; any other counter is exported as {@code autosa_<name>_total}. */
    private static final Map<String, String[]> KNOWN_COUNTERS = Map.of(
            "ticks", new String[] {"autosa_ticks", "ticks run"},
            "slowTicks", new String[] {"autosa_slow_ticks",
                "ticks that took longer than the collection interval, or whose sample or classification failed"},
            "switches", new String[] {"autosa_switches", "scheduler switches performed (simulated in dry-run)"},
            "holds", new String[] {"autosa_holds", "ticks on which the policy held back a recommended switch"},
            "none", new String[] {"autosa_settled_ticks",
                "ticks with nothing to do (the recommended scheduler runs, or warming up)"},
            "missedTicks", new String[] {"autosa_missed_ticks",
                "ticks that should have started by the clock but did not (the loop fell behind)"},
            "failures", new String[] {"autosa_failures",
                "scheduler failures: did not start or attach, exited, or ejected by the kernel"});

    private final Supplier<AutoSAStatus> status;
    private final @Nullable Supplier<ExperimentStatus> experiments;
    private final @Nullable Supplier<ScxStatsState> scxStats;
    private final String version;

    StatusCollector(Supplier<AutoSAStatus> status, @Nullable Supplier<ExperimentStatus> experiments,
            @Nullable Supplier<ScxStatsState> scxStats, String version) {
        this.status = status;
        this.experiments = experiments;
        this.scxStats = scxStats;
        this.version = version;
    }

    @Override
    public MetricSnapshots collect() {
        AutoSAStatus s = status.get();
        List<MetricSnapshot> out = new ArrayList<>();
        out.add(info("autosa_build", "the daemon's version and the mode in force",
                Labels.of("version", version, "mode", s.mode().id())));
        Classification c = s.classification();
        out.add(info("autosa_scheduler", "the current workload class, the recommended scheduler and the one the kernel"
                + " runs (kernel_default: the kernel's own scheduler)", Labels.of(
                "workload", c == null ? "unknown" : c.workload().id(),
                "recommended", s.recommended() == null ? KERNEL_DEFAULT : s.recommended(),
                "active", s.active().isKernelDefault() || s.active().scheduler() == null ? KERNEL_DEFAULT
                        : s.active().scheduler(),
                "managed", String.valueOf(s.active().managed()))));
        out.add(gauge("autosa_workload_confidence", "confidence of the current workload classification, 0..1",
                c == null ? Double.NaN : c.confidence()));
        out.add(gauge("autosa_running", "1 while the loop runs", s.running() ? 1 : 0));
        if (s.lastSwitch() != null) {
            out.add(GaugeSnapshot.builder().name("autosa_last_switch_timestamp_seconds").unit(Unit.SECONDS)
                    .help("when the last switch happened, seconds since the epoch")
                    .dataPoint(GaugeDataPointSnapshot.builder()
                            .value(s.lastSwitch().time().toEpochMilli() / 1000.0).build())
                    .build());
        }
        counters(s.counters().asMap(), out);
        if (experiments != null) {
            ExperimentSeries.add(experiments.get(), out);
        }
        windowMeans(s.windowMeans(), out);
        if (scxStats != null) {
            scx(scxStats.get(), out);
        }
        return new MetricSnapshots(out);
    }

    /** The engine's counters; one it adds later (e.g. the closed loop's reverts) appears under its own name. */
    private static void counters(Map<String, Long> counters, List<MetricSnapshot> out) {
        for (Map.Entry<String, Long> e : new TreeMap<>(counters).entrySet()) {
            String[] known = KNOWN_COUNTERS.get(e.getKey());
            String name = known != null ? known[0] : "autosa_" + snake(e.getKey());
            String help = known != null ? known[1] : "the engine's " + e.getKey() + " counter";
            out.add(CounterSnapshot.builder().name(name).help(help)
                    .dataPoint(CounterDataPointSnapshot.builder().value(e.getValue()).build()).build());
        }
    }

    private static void windowMeans(Map<String, Double> means, List<MetricSnapshot> out) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name("autosa_window_mean")
                .help("mean of each metric over the aggregation window (rates per second, shares 0..1, scx.* from"
                        + " the scheduler's own statistics)");
        for (Map.Entry<String, Double> e : new TreeMap<>(means).entrySet()) {
            if (!e.getValue().isNaN()) {
                b.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("metric", e.getKey()))
                        .value(e.getValue()).build());
            }
        }
        out.add(b.build());
    }

    private static void scx(ScxStatsState st, List<MetricSnapshot> out) {
        out.add(gauge("autosa_scx_stats_up", "1 when the running scheduler answered its last scx_stats request",
                st.status() == ScxStatsState.Status.OK ? 1 : 0));
        out.add(CounterSnapshot.builder().name("autosa_scx_stats_reads").help("scx_stats requests answered")
                .dataPoint(CounterDataPointSnapshot.builder().value(st.reads()).build()).build());
        out.add(CounterSnapshot.builder().name("autosa_scx_stats_failures")
                .help("scx_stats requests refused, timed out, too long or malformed")
                .dataPoint(CounterDataPointSnapshot.builder().value(st.failures()).build()).build());
    }

    private static InfoSnapshot info(String name, String help, Labels labels) {
        return InfoSnapshot.builder().name(name).help(help)
                .dataPoint(InfoDataPointSnapshot.builder().labels(labels).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    /** {@code slowTicks} → {@code slow_ticks}; anything else not allowed in a name → {@code _}. */
    static String snake(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                b.append(ch);
            } else {
                b.append('_');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
