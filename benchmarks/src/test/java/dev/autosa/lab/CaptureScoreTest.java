// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every real-workload capture kept in lab/captures through the engine at default settings
 * and holds the default classifier to the lab's targets (issue 6): at least 90% settled-tick
 * accuracy in every labelled phase, a right verdict within 30 s of each phase change, no switch
 * during the bursty phase and at most one switch per phase.
 *
 * <p>The lab machine is shared: other processes (builds) may have used the CPU while a phase was
 * recorded, and then an idle, io-bound or bursty phase really was something else. Those phases'
 * ticks whose window others disturbed (more than {@link LabMain#MAX_OTHER_CPUS}, measured by
 * lab/record.sh through a cpuacct cgroup) are left out, as are any phase's ticks when others
 * saturated the machine ({@link LabMain#SATURATED_BY_OTHERS}); phases with too few clean ticks are
 * printed but not held to the targets (see {@link LabMain#LOAD_PROOF_LABELS}). The captures come
 * from machines of 2, 4 and 8 CPUs (the 4 and 8 vCPU ones from the sched_ext guest).
 */
class CaptureScoreTest {

    static final Path CAPTURES = Path.of("..", "lab", "captures");
    /** A phase with fewer clean settled ticks (of about 55) is printed but not held to the targets. */
    static final int MIN_CLEAN_TICKS = 20;

    static Stream<Path> captures() throws IOException {
        try (Stream<Path> list = Files.list(CAPTURES)) {
            List<Path> all = list.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).sorted().toList();
            assertThat(all).as("captures in " + CAPTURES.toAbsolutePath()).isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void defaultClassifierMeetsTheLabTargets(Path archive, @TempDir Path tmp) throws IOException {
        TarGz.extract(archive, tmp);
        Path dir = LabMain.captureRoot(tmp);
        List<Phase> phases = Phase.read(dir.resolve("phases.csv"));
        int userHz = LabMain.userHz(dir);
        Scorer.Report report = Scorer.score(CaptureReplay.run(dir).rows(), phases, Scorer.Options.ofDefaults(),
                LabMain.scoredTicks(dir, phases), LabMain.quietTicks(dir));
        System.out.println(archive.getFileName() + "\n" + Scorer.render(report));
        System.out.println(Contamination.render(Contamination.read(dir, phases, userHz), 2));

        assertThat(report.phases()).hasSize(phases.size());
        int scored = 0;
        for (Scorer.PhaseScore p : report.phases()) {
            String what = archive.getFileName() + " " + p.phase().label();
            assertThat(p.switches()).as(what + " switches").isLessThanOrEqualTo(1);
            if (p.settledTicks() < MIN_CLEAN_TICKS) {
                System.out.printf(Locale.ROOT, "%s: not held to the targets, only %d clean settled ticks%n", what,
                        p.settledTicks());
                continue;
            }
            scored++;
            if (p.phase().isBursty()) {
                assertThat(p.switches()).as(what + " switches").isZero();
                continue;
            }
            assertThat(p.accuracy()).as(what + " settled accuracy").isGreaterThanOrEqualTo(0.9);
            assertThat(p.reactionMs()).as(what + " reaction ms").isBetween(0L, 30_000L);
        }
        assertThat(scored).as(archive.getFileName() + ": phases clean enough to score").isPositive();
        assertThat(report.overallAccuracy()).as("settled accuracy over clean ticks").isGreaterThanOrEqualTo(0.9);
    }
}
