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

/**
 * The host side of a {@link GuestScenario}: boots the scx-vm guest once (2 vCPUs) and runs the
 * scenario's main there on this test's class path with the packaged daemon jar. The test is
 * skipped (not failed) where there is no jar yet or no guest; a failed guest run fails it.
 */
final class GuestRun {

    private GuestRun() {
    }

    /**
     * Runs {@code scenario} in the guest and returns its report.
     *
     * @param name names the files under {@code target/}: {@code vm-NAME} (work directory), {@code
     *     vm-NAME-run.log} (the guest's output) and {@code vm-NAME-report.txt} (the report)
     */
    static String run(Class<? extends GuestScenario> scenario, String name) throws IOException, InterruptedException {
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
        Path work = moduleDir.resolve("target/vm-" + name);
        Files.createDirectories(work);
        Path report = moduleDir.resolve("target/vm-" + name + "-report.txt");
        Files.deleteIfExists(report);
        Path log = moduleDir.resolve("target/vm-" + name + "-run.log");
        Process run = new ProcessBuilder(List.of(vm.toString(), "run", "--cpus", "2", "--timeout", "1500", "--",
                "java", "-cp", classpath, scenario.getName(), jar.toString(), report.toString(), work.toString()))
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
        return text;
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
