// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every switch is an experiment, on a real sched_ext kernel (one boot of the scx-vm guest): the
 * daemon jar under {@code stress-ng --cpu 2 --cpu-load 90} reverts scx_cpu0 by itself and does not
 * attach it again (also not after a restart); scx_simple in its place is kept and still attached
 * (no false revert). {@link ClosedLoopVmScenario}
 * runs in the guest; its exit code is the verdict and its report
 * ({@code target/vm-closed-loop-report.txt}) holds the state sequence and the verdicts' explanations.
 */
@Tag("vm")
class ClosedLoopVmIT {

    @Test
    void aHarmfulSchedulerIsRevertedAndRememberedAndEveryVerdictIsCarriedOut()
            throws IOException, InterruptedException {
        Path moduleDir = Path.of("").toAbsolutePath();
        Path jar = Path.of(System.getProperty("autosa.jar", "target/autosa.jar")).toAbsolutePath();
        assumeTrue(Files.isRegularFile(jar), "no " + jar + ": package the module first (mvn verify runs this "
                + "test after packaging)");
        Path vm = findScxVm(moduleDir.getParent());
        assumeTrue(vm != null, "scx-vm not available: no shared/scx-vm/scx-vm.sh beside the repository or above it "
                + "(or set -Dscx.vm.script)");
        Process check = new ProcessBuilder(vm.toString(), "check").redirectErrorStream(true).start();
        String why = new String(check.getInputStream().readAllBytes()).trim();
        assumeTrue(check.waitFor() == 0, "scx-vm check failed (run: scx-vm.sh setup): " + why);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path work = moduleDir.resolve("target/vm-closed-loop");
        Files.createDirectories(work);
        Path report = moduleDir.resolve("target/vm-closed-loop-report.txt");
        Files.deleteIfExists(report);
        Path log = moduleDir.resolve("target/vm-closed-loop-run.log");
        Process run = new ProcessBuilder(List.of(vm.toString(), "run", "--cpus", "2", "--timeout", "1500", "--",
                "java", "-cp", classpath, ClosedLoopVmScenario.class.getName(), jar.toString(), report.toString(),
                work.toString()))
                .directory(moduleDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = run.waitFor(1600, TimeUnit.SECONDS);
        if (!finished) {
            run.destroy();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("scx-vm run finished; output:%n%s", output).isTrue();
        assertThat(run.exitValue()).as("guest exit code; output:%n%s", output).isZero();
        String text = Files.readString(report);
        System.out.println("---- " + report + "\n" + text);
        assertThat(text).contains("PASS the daemon switches to scx_cpu0",
                "PASS the experiment finds scx_cpu0 worse and the daemon reverts it by itself",
                "PASS scx_cpu0 is not attached again under the same load",
                "PASS after the restart scx_cpu0 is still not attached",
                "PASS the experiment keeps scx_simple (no false revert)", "RESULT PASS");
    }

    /** {@code shared/scx-vm/scx-vm.sh} beside the repository root or beside one of its parents (worktrees). */
    private static @Nullable Path findScxVm(@Nullable Path repoRoot) {
        String override = System.getProperty("scx.vm.script");
        if (override != null) {
            return Files.isExecutable(Path.of(override)) ? Path.of(override) : null;
        }
        for (Path dir = repoRoot == null ? null : repoRoot.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/scx-vm/scx-vm.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
