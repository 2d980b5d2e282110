// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.AutoSAEvent.Evaluated.Verdict;
import dev.autosa.api.Workload;
import dev.autosa.core.FileOutcomeStore;
import dev.autosa.core.KernelObjective;
import dev.autosa.core.OutcomeRecord;
import dev.autosa.core.OutcomeStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each workload class is remembered under the objective that judges it (the kernel objective has two). */
class OutcomeHistoryTest {

    private static final String HERE = "cpus=2 kernel=7.2.13";
    private static final long NOW = Instant.parse("2026-11-30T15:00:00Z").toEpochMilli();

    private static OutcomeRecord lost(String machine, String objective, Workload w, String scheduler) {
        return new OutcomeRecord(machine, objective, w, scheduler, 1, 0, 1, 0, 0, Instant.ofEpochMilli(NOW),
                List.of(1.0));
    }

    @Test
    void aClassCountsOnlyTheRecordsOfTheObjectiveThatJudgesItHere(@TempDir Path dir) throws Exception {
        OutcomeStore store = new FileOutcomeStore(dir);
        OutcomeRecord cpuByWork = lost(HERE, "cpu work done", Workload.CPU_BOUND, "scx_cpu0");
        OutcomeRecord cpuByContention = lost(HERE, "cpu contention", Workload.CPU_BOUND, "scx_simple");
        OutcomeRecord latencyByContention = lost(HERE, "cpu contention", Workload.LATENCY_SENSITIVE, "scx_simple");
        OutcomeRecord elsewhere = lost("cpus=64 kernel=6.12", "cpu work done", Workload.CPU_BOUND, "scx_rusty");
        store.save(List.of(cpuByWork, cpuByContention, latencyByContention, elsewhere));

        OutcomeHistory history = new OutcomeHistory(store, HERE, new KernelObjective(), Duration.ofHours(24));

        assertThat(history.localRecords()).containsExactly(cpuByWork, latencyByContention);
        assertThat(history.records()).hasSize(4);
        assertThat(history.lostUntil(Workload.CPU_BOUND, "scx_cpu0")).isEqualTo(NOW + Duration.ofHours(24).toMillis());
        // Judged by an objective that no longer judges cpu-bound work: not evidence against scx_simple for it.
        assertThat(history.lostUntil(Workload.CPU_BOUND, "scx_simple")).isEqualTo(Long.MIN_VALUE);
        assertThat(history.lostUntil(Workload.LATENCY_SENSITIVE, "scx_simple")).isGreaterThan(NOW);
        assertThat(history.lostUntil(Workload.CPU_BOUND, "scx_rusty")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aNewOutcomeIsRecordedUnderItsClasssObjectiveAndTheWinnerFollowsItsDirection() {
        OutcomeHistory history = new OutcomeHistory(OutcomeStore.inMemory(), HERE, new KernelObjective(),
                Duration.ofHours(24));
        // More work done is better for cpu-bound work: +0.3 busy CPUs beats +0.1.
        history.record(Workload.CPU_BOUND, "scx_simple", "", Verdict.BETTER, 0.1, NOW);
        history.record(Workload.CPU_BOUND, "scx_rusty", "1.0.4", Verdict.BETTER, 0.3, NOW);
        // Less contention is better for latency-sensitive work: -0.2 beats -0.1.
        history.record(Workload.LATENCY_SENSITIVE, "scx_simple", "", Verdict.BETTER, -0.2, NOW);
        history.record(Workload.LATENCY_SENSITIVE, "scx_rusty", "1.0.4", Verdict.BETTER, -0.1, NOW);

        assertThat(history.get(Workload.CPU_BOUND, "scx_rusty").objective()).isEqualTo("cpu work done");
        assertThat(history.get(Workload.CPU_BOUND, "scx_rusty").schedulerVersion()).isEqualTo("1.0.4");
        assertThat(history.get(Workload.LATENCY_SENSITIVE, "scx_rusty").objective()).isEqualTo("cpu contention");
        assertThat(history.winner(Workload.CPU_BOUND, List.of("scx_simple", "scx_rusty"))).isEqualTo("scx_rusty");
        assertThat(history.winner(Workload.LATENCY_SENSITIVE, List.of("scx_simple", "scx_rusty")))
                .isEqualTo("scx_simple");
    }

    @Test
    void theSchedulerVersionIsReadFromItsOpsName() {
        assertThat(OutcomeHistory.schedulerVersion("rusty_1.0.4_x86_64")).isEqualTo("1.0.4");
        assertThat(OutcomeHistory.schedulerVersion("bpfland_1.0.16")).isEqualTo("1.0.16");
        assertThat(OutcomeHistory.schedulerVersion("simple")).isEmpty();
        assertThat(OutcomeHistory.schedulerVersion("flash_beta_x86_64")).isEmpty();
        assertThat(OutcomeHistory.schedulerVersion("rusty_")).isEmpty();
        assertThat(OutcomeHistory.schedulerVersion(null)).isEmpty();
    }
}
