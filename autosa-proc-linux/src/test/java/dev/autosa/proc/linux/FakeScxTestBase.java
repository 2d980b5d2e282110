// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.proc.linux.internal.scx.Poll;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every test of {@link ScxProcessController} against a {@link FakeScx} needs: a trusted temp
 * tree, controllers that are closed afterwards, and a check that no child process is left behind.
 */
abstract class FakeScxTestBase {

    @TempDir(factory = TrustedTempDirFactory.class)
    Path tmp;

    FakeScx fake;
    ScxProcessController controller;
    private final List<ScxProcessController> others = new ArrayList<>();

    @BeforeEach
    void setUpFake() throws IOException {
        fake = new FakeScx(tmp);
    }

    @AfterEach
    void noChildLeft() throws IOException {
        if (controller != null) {
            controller.close();
        }
        others.forEach(ScxProcessController::close);
        // every child must be gone; whatever is left is killed so the next test starts clean
        boolean clean = Poll.until(() -> ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive),
                Duration.ofSeconds(5), Duration.ofMillis(10));
        List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        left.forEach(ProcessHandle::destroyForcibly);
        fake.untrackAll();
        assertThat(clean).as("child processes left behind: %s", left).isTrue();
    }

    ScxProcessController controller(ScxControllerConfig config) {
        controller = new ScxProcessController(config, () -> 0);
        return controller;
    }

    ScxProcessController controller() {
        return controller(fake.config());
    }

    /** A further controller, closed after the test like the main one. */
    ScxProcessController another(ScxControllerConfig config) {
        ScxProcessController c = new ScxProcessController(config, () -> 0);
        others.add(c);
        return c;
    }

    Path log(String scheduler) {
        return fake.root.resolve("run").resolve(scheduler + ".log");
    }

    static SchedulerFailure failureOf(ThrowingRunnable r) {
        SchedulerException e = catchThrowableOfType(SchedulerException.class, r::run);
        assertThat(e).as("expected a SchedulerException").isNotNull();
        return e.failure();
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
