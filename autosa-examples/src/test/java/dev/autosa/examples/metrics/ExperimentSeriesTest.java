// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Objective;
import dev.autosa.api.Workload;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.OutcomeRecord;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ExperimentSeriesTest {

    private static final String MACHINE = "cpus=2 kernel=7.2.13";

    private static ExperimentStatus status(boolean enabled, double value, List<OutcomeRecord> history) {
        return new ExperimentStatus(enabled, "cpu contention", "wait/work", Objective.Direction.LOWER_IS_BETTER, value,
                Duration.ofSeconds(10), Duration.ofSeconds(60), null, null, null, MACHINE, "in memory", history,
                history.stream().filter(r -> r.machine().equals(MACHINE)).toList());
    }

    private static OutcomeRecord record(String machine, String scheduler, int trials, int kept, int reverted) {
        return new OutcomeRecord(machine, "cpu contention", Workload.CPU_BOUND, scheduler, trials, kept, reverted, 0, 0,
                reverted > 0 ? Instant.EPOCH : null, List.of());
    }

    /** Every data point as "name{labels}" → value. */
    private static Map<String, Double> points(List<MetricSnapshot> snapshots) {
        Map<String, Double> m = new TreeMap<>();
        for (MetricSnapshot s : snapshots) {
            for (DataPointSnapshot p : s.getDataPoints()) {
                double v = p instanceof CounterSnapshot.CounterDataPointSnapshot c ? c.getValue()
                        : ((GaugeSnapshot.GaugeDataPointSnapshot) p).getValue();
                StringBuilder labels = new StringBuilder();
                p.getLabels().forEach(l -> labels.append(labels.length() == 0 ? "" : ",").append(l.getName())
                        .append('=').append(l.getValue()));
                m.put(s.getMetadata().getName() + "{" + labels + "}", v);
            }
        }
        return m;
    }

    @Test
    void verdictsOfThisMachineAreCountedByClassSchedulerAndVerdict() {
        List<MetricSnapshot> out = new ArrayList<>();
        ExperimentSeries.add(status(true, 0.41, List.of(record(MACHINE, "scx_cpu0", 2, 0, 2),
                record(MACHINE, OutcomeRecord.KERNEL_DEFAULT, 1, 1, 0),
                record("cpus=64 kernel=6.12", "scx_rusty", 5, 5, 0))), out);

        assertThat(points(out))
                .containsEntry("autosa_objective_value{better=lower_is_better,objective=cpu contention,unit=wait/work}",
                        0.41)
                .containsEntry("autosa_experiment_running{}", 0.0)
                .containsEntry("autosa_experiment_trials{scheduler=scx_cpu0,workload=cpu-bound}", 2.0)
                .containsEntry("autosa_experiment_verdicts{scheduler=scx_cpu0,verdict=reverted,workload=cpu-bound}", 2.0)
                .containsEntry("autosa_experiment_verdicts{scheduler=scx_cpu0,verdict=kept,workload=cpu-bound}", 0.0)
                .containsEntry("autosa_experiment_verdicts{scheduler=kernel_default,verdict=kept,workload=cpu-bound}",
                        1.0)
                // Only this machine's records (the status's local history) are exported.
                .doesNotContainKey("autosa_experiment_trials{scheduler=scx_rusty,workload=cpu-bound}");
    }

    @Test
    void nothingIsExportedWhenExperimentsAreOff() {
        List<MetricSnapshot> out = new ArrayList<>();
        ExperimentSeries.add(status(false, 0.41, List.of(record(MACHINE, "scx_cpu0", 1, 0, 1))), out);
        assertThat(out).isEmpty();
    }
}
