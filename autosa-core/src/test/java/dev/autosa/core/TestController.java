// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import java.util.List;
import java.util.Optional;

/** A controller that switches nothing and accepts only the flag {@code --fast}, to test the build-time check. */
final class TestController implements SchedulerController {

    @Override
    public String name() {
        return "test-controller";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public List<SchedulerInfo> available() {
        return List.of();
    }

    @Override
    public ActiveScheduler current() {
        return ActiveScheduler.KERNEL_DEFAULT;
    }

    @Override
    public ActiveScheduler activate(SchedulerSpec spec) {
        return ActiveScheduler.KERNEL_DEFAULT;
    }

    @Override
    public void deactivate() {
    }

    @Override
    public Optional<SchedulerFailure> checkHealth() {
        return Optional.empty();
    }

    @Override
    public void validate(SchedulerSpec spec) {
        for (String a : spec.args()) {
            if (!a.equals("--fast")) {
                throw new IllegalArgumentException("unknown flag " + a + " for " + spec.name());
            }
        }
    }

    @Override
    public void close(boolean keepScheduler) {
    }
}
