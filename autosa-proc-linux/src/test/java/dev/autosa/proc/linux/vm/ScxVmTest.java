// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.vm;

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
 * Boots the scx-vm guest once and runs {@link ScxVmScenarios} in it against the real kernel: the
 * guest's exit code is the verdict, and the report it writes ({@code target/vm-report.txt}) says
 * what the kernel showed at each step. Skipped (assumption) where the guest cannot run.
 */
@Tag("vm")
class ScxVmTest {

    @Test
    void realKernelScenarios() throws IOException, InterruptedException {
        Path moduleDir = Path.of("").toAbsolutePath();
        Path vm = findScxVm(moduleDir.getParent());
        assumeTrue(vm != null, "scx-vm not available: no shared/scx-vm/scx-vm.sh beside the repository or above it");
        Process check = new ProcessBuilder(vm.toString(), "check").redirectErrorStream(true).start();
        String why = new String(check.getInputStream().readAllBytes()).trim();
        assumeTrue(check.waitFor() == 0, "scx-vm check failed (run: scx-vm.sh setup): " + why);

        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path report = moduleDir.resolve("target/vm-report.txt");
        Files.deleteIfExists(report);
        Path log = moduleDir.resolve("target/vm-run.log");
        Process run = new ProcessBuilder(List.of(vm.toString(), "run", "--cpus", "2", "--timeout", "900", "--",
                "java", "-cp", classpath, ScxVmScenarios.class.getName(), report.toString()))
                .directory(moduleDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(run.waitFor(1000, TimeUnit.SECONDS)).as("scx-vm run finished").isTrue();
        String output = Files.readString(log);
        System.out.println(output);

        assertThat(run.exitValue()).as("guest exit code; output:%n%s", output).isZero();
        assertThat(report).exists();
        String text = Files.readString(report);
        assertThat(text).contains("PASS bare scx_simple attach", "PASS activate scx_simple",
                "PASS switch scx_simple -> scx_central", "PASS switch scx_central -> scx_simple",
                "PASS kill -9 reported as EXITED", "PASS kept scheduler survives close(true)",
                "PASS stubborn scheduler stopped with SIGKILL",
                "PASS orphan left alone, then adopted and stopped", "PASS orphan adopted at startup",
                "PASS orphan stopped at startup", "RESULT PASS");
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
