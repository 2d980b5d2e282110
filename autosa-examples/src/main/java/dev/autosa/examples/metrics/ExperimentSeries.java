// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.OutcomeRecord;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The closed loop's series: the objective as measured now, whether a switch is under test, and
 * the verdicts of every experiment on this machine by workload class and scheduler (the outcome
 * history, so the counts survive a daemon restart like the history does).
 */
final class ExperimentSeries {

    private ExperimentSeries() {
    }

    static void add(ExperimentStatus x, List<MetricSnapshot> out) {
        if (!x.enabled()) {
            return;
        }
        GaugeSnapshot.Builder objective = GaugeSnapshot.builder().name("autosa_objective_value")
                .help("the objective every switch is judged by, in its own unit, as measured in the latest tick");
        if (!Double.isNaN(x.lastValue())) {
            objective.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("objective", x.objective(), "unit",
                    x.unit(), "better", x.direction().name().toLowerCase(Locale.ROOT)))
                    .value(x.lastValue()).build());
        }
        out.add(objective.build());
        out.add(GaugeSnapshot.builder().name("autosa_experiment_running")
                .help("1 while a switch is settling or being evaluated")
                .dataPoint(GaugeDataPointSnapshot.builder().value(x.running() == null ? 0 : 1).build()).build());
        CounterSnapshot.Builder trials = CounterSnapshot.builder().name("autosa_experiment_trials")
                .help("switches evaluated, by workload class and scheduler (this machine, each class under its objective)");
        CounterSnapshot.Builder verdicts = CounterSnapshot.builder().name("autosa_experiment_verdicts")
                .help("experiment verdicts by workload class, scheduler and verdict: kept (neutral or better),"
                        + " better, reverted (worse), inconclusive");
        for (OutcomeRecord r : x.localHistory()) {
            String workload = r.workload().id();
            String scheduler = r.scheduler().equals(OutcomeRecord.KERNEL_DEFAULT) ? StatusCollector.KERNEL_DEFAULT
                    : r.scheduler();
            trials.dataPoint(point(workload, scheduler, null, r.trials()));
            verdicts.dataPoint(point(workload, scheduler, "kept", r.kept()));
            verdicts.dataPoint(point(workload, scheduler, "better", r.better()));
            verdicts.dataPoint(point(workload, scheduler, "reverted", r.reverted()));
            verdicts.dataPoint(point(workload, scheduler, "inconclusive", r.inconclusive()));
        }
        out.add(trials.build());
        out.add(verdicts.build());
    }

    private static CounterDataPointSnapshot point(String workload, String scheduler, @Nullable String verdict,
            long value) {
        Labels labels = verdict == null ? Labels.of("workload", workload, "scheduler", scheduler)
                : Labels.of("workload", workload, "scheduler", scheduler, "verdict", verdict);
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
