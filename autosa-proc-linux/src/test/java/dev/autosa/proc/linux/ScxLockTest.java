// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static dev.autosa.proc.linux.FakeScx.Behaviour.ATTACH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One AutoSA manages sched_ext per machine, whatever its socket or run directory: the second one
 * is told who holds the lock and does not switch (issue 14).
 */
class ScxLockTest extends FakeScxTestBase {

    private Path lockFile() {
        return fake.config().lockFile();
    }

    @Test
    void aSecondControllerInTheSameProcessDoesNotSwitchWhileTheFirstManagesSchedExt() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        fake.script("scx_central", "central", ATTACH);
        ScxProcessController first = controller();
        ScxProcessController second = another(fake.config().withRunDir(tmp.resolve("run2")));
        assertThat(second.unavailableReason()).isEmpty();

        ActiveScheduler a = first.activate(SchedulerSpec.of("scx_simple"));

        String held = "another AutoSA (pid " + ProcessHandle.current().pid() + " (another controller in this "
                + "process)) manages sched_ext on this machine (it holds " + lockFile() + ")";
        assertThat(second.isAvailable()).isFalse();
        assertThat(second.unavailableReason()).isEqualTo(held);
        SchedulerFailure f = failureOf(() -> second.activate(SchedulerSpec.of("scx_central")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.detail()).isEqualTo("cannot start: " + held);
        assertThat(second.adopt()).isFalse();
        assertThat(ProcessHandle.of(a.pid()).map(ProcessHandle::isAlive)).contains(true);
        assertThat(fake.ops()).isEqualTo("simple");

        first.close();

        assertThat(second.unavailableReason()).isEmpty();
        assertThat(second.activate(SchedulerSpec.of("scx_central")).ops()).isEqualTo("central");
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedByPidAndNothingStarts() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        Files.createDirectories(lockFile().getParent());
        FakeScx.chmod(lockFile().getParent(), "rwx------");
        Process holder = holdLockInAnotherJvm();
        try {
            ScxProcessController c = controller();
            String held = "another AutoSA (pid " + holder.pid() + ") manages sched_ext on this machine (it holds "
                    + lockFile() + ")";
            assertThat(c.unavailableReason()).isEqualTo(held);
            assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_simple"))).detail())
                    .isEqualTo("cannot start: " + held);
            assertThat(fake.enableSeq()).isZero();

            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(c.unavailableReason()).isEmpty();
            assertThat(c.activate(SchedulerSpec.of("scx_simple")).managed()).isTrue();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A second JVM that takes the lock as another AutoSA would, and holds it until its stdin closes. */
    private Process holdLockInAnotherJvm() throws IOException {
        Path source = tmp.resolve("LockHolder.java");
        try (InputStream in = ScxLockTest.class.getResourceAsStream("LockHolder.java")) {
            assertThat(in).as("LockHolder.java test resource").isNotNull();
            Files.write(source, in.readAllBytes());
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, source.toString(), lockFile().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the other JVM took the lock").isEqualTo("locked");
        return p;
    }
}
