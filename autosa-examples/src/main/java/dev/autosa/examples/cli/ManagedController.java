// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import java.util.List;
import java.util.Optional;

/**
 * The discovered controller, shared by the engine's thread and the control socket ({@code list})
 * and serialized by this wrapper.
 */
public final class ManagedController implements SchedulerController {

    private final SchedulerController delegate;

    public ManagedController(SchedulerController delegate) {
        this.delegate = delegate;
    }

    public SchedulerController delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int priority() {
        return delegate.priority();
    }

    @Override
    public boolean isAvailable() {
        return delegate.isAvailable();
    }

    @Override
    public String unavailableReason() {
        return delegate.unavailableReason();
    }

    @Override
    public synchronized List<SchedulerInfo> available() {
        return delegate.available();
    }

    @Override
    public synchronized ActiveScheduler current() {
        return delegate.current();
    }

    @Override
    public synchronized ActiveScheduler activate(SchedulerSpec spec) throws SchedulerException {
        return delegate.activate(spec);
    }

    @Override
    public synchronized void deactivate() throws SchedulerException {
        delegate.deactivate();
    }

    @Override
    public synchronized Optional<SchedulerFailure> checkHealth() {
        return delegate.checkHealth();
    }

    @Override
    public synchronized boolean adopt() {
        return delegate.adopt();
    }

    @Override
    public synchronized void validate(SchedulerSpec spec) {
        delegate.validate(spec);
    }

    @Override
    public synchronized void close(boolean keepScheduler) {
        delegate.close(keepScheduler);
    }
}
