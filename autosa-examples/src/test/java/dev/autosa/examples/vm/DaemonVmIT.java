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
 * The real daemon jar in the scx-vm guest (one boot): {@code autosa start --mode auto} with short
 * timings, a real CPU load, until the kernel runs scx_simple; then {@code autosa stop}.
 * {@link DaemonVmScenario} runs in the guest; its exit code is the verdict and its report
 * ({@code target/vm-daemon-report.txt}) holds the state sequence and sysfs before and after.
 * An IT, so it runs after the shaded jar is packaged; skipped where the guest cannot run.
 */
@Tag("vm")
class DaemonVmIT {

    @Test
    void daemonSwitchesTheRealKernelToScxSimpleUnderCpuLoadAndRestoresTheDefaultOnStop()
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
        Path work = moduleDir.resolve("target/vm-daemon");
        Files.createDirectories(work);
        Path report = moduleDir.resolve("target/vm-daemon-report.txt");
        Files.deleteIfExists(report);
        Path log = moduleDir.resolve("target/vm-daemon-run.log");
        Process run = new ProcessBuilder(List.of(vm.toString(), "run", "--cpus", "2", "--timeout", "1500", "--",
                "java", "-cp", classpath, DaemonVmScenario.class.getName(), jar.toString(), report.toString(),
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
        assertThat(text).contains("PASS daemon up in auto mode", "PASS kernel runs scx_simple by the daemon",
                "PASS autosa stop restored the kernel default", "RESULT PASS");
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
