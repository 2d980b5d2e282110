// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The discovered controller, shared by the engine's thread and the control socket ({@code list})
 * and serialized by this wrapper. It lets {@code autosa stop --keep-scheduler} decide at stop
 * time whether the scheduler stays, although the engine's keep-on-close setting is fixed when it
 * is built.
 *
 * <p>Starting a scheduler takes seconds (the controller waits until the kernel has attached it),
 * and the control socket must answer meanwhile: so this wrapper says which switch is in progress
 * ({@link #switching()}, {@link #nextSwitch()}) and {@link #available()} answers from the last
 * catalog it read instead of waiting for the switch to end.
 */
public final class ManagedController implements SchedulerController {

    /**
     * A switch under way.
     *
     * @param target the {@code scx_*} name being started, or null when going back to the kernel default
     */
    public record Switch(@Nullable String target, Instant since) {
    }

    private final SchedulerController delegate;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile @Nullable Boolean keepOverride;
    private volatile @Nullable Switch switching;
    private volatile CompletableFuture<Switch> nextSwitch = new CompletableFuture<>();
    private volatile @Nullable List<SchedulerInfo> catalog;

    public ManagedController(SchedulerController delegate) {
        this.delegate = delegate;
    }

    public SchedulerController delegate() {
        return delegate;
    }

    /** At close, keep (true) or stop (false) the scheduler regardless of the configuration. */
    public void overrideKeepOnClose(boolean keep) {
        keepOverride = keep;
    }

    /** The switch in progress, or null. */
    public @Nullable Switch switching() {
        return switching;
    }

    /**
     * Completes when the next switch starts (or the one in progress, if it started after this
     * future was handed out). Read it before checking {@link #switching()} to miss none.
     */
    public CompletableFuture<Switch> nextSwitch() {
        return nextSwitch;
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

    /** The catalog; while a switch holds the controller, the last one read (when there is one). */
    @Override
    public List<SchedulerInfo> available() {
        List<SchedulerInfo> cached = catalog;
        if (cached != null && !lock.tryLock()) {
            return cached;
        }
        if (cached == null) {
            lock.lock();
        }
        try {
            List<SchedulerInfo> fresh = delegate.available();
            catalog = fresh;
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ActiveScheduler current() {
        lock.lock();
        try {
            return delegate.current();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ActiveScheduler activate(SchedulerSpec spec) throws SchedulerException {
        lock.lock();
        try {
            begin(spec.name());
            return delegate.activate(spec);
        } finally {
            switching = null;
            lock.unlock();
        }
    }

    @Override
    public void deactivate() throws SchedulerException {
        lock.lock();
        try {
            begin(null);
            delegate.deactivate();
        } finally {
            switching = null;
            lock.unlock();
        }
    }

    private void begin(@Nullable String target) {
        Switch s = new Switch(target, Instant.now());
        // Published before the future completes, so whoever took the old future and then sees no
        // switch in progress cannot have missed this one.
        switching = s;
        CompletableFuture<Switch> started = nextSwitch;
        nextSwitch = new CompletableFuture<>();
        started.complete(s);
    }

    @Override
    public Optional<SchedulerFailure> checkHealth() {
        lock.lock();
        try {
            return delegate.checkHealth();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean adopt() {
        lock.lock();
        try {
            return delegate.adopt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(boolean keepScheduler) {
        lock.lock();
        try {
            Boolean o = keepOverride;
            delegate.close(o != null ? o : keepScheduler);
        } finally {
            lock.unlock();
        }
    }
}
