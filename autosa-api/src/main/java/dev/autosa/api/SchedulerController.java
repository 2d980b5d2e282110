// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.List;
import java.util.Optional;

/**
 * Starts and stops sched_ext schedulers and reports what the kernel really runs. The engine calls
 * it from one thread. Implementations must leave no scheduler orphaned: {@link #close()} stops a
 * scheduler this controller started unless told to keep it.
 */
public interface SchedulerController extends Provider, AutoCloseable {

    /**
     * The catalog: known and discovered schedulers, installed or not, with reasons for refusals.
     *
     * @return one entry per scheduler; only those marked {@link SchedulerInfo#installed()} may be activated
     */
    List<SchedulerInfo> available();

    /**
     * What the kernel runs now, read back from the kernel on every call.
     *
     * @return the running scheduler, or {@link ActiveScheduler#KERNEL_DEFAULT} when none is loaded
     */
    ActiveScheduler current();

    /**
     * Replaces whatever runs with {@code spec}; returns only when the kernel confirms it runs.
     * On failure nothing is left running and the kernel default is back.
     *
     * @param spec the scheduler to start and its arguments
     * @return what the kernel runs afterwards, read back from the kernel
     * @throws SchedulerException when the scheduler did not start or attach; the kernel default runs
     */
    ActiveScheduler activate(SchedulerSpec spec) throws SchedulerException;

    /**
     * Checks {@code spec}'s arguments without starting anything, so bad flags are reported when
     * the engine is built rather than at the first switch. Default: accepts everything (the
     * controller then checks at {@link #activate}).
     *
     * @param spec the scheduler and the arguments it would be started with
     * @throws IllegalArgumentException naming the scheduler and the argument at fault
     */
    default void validate(SchedulerSpec spec) {
    }

    /**
     * Returns to the kernel default scheduler; returns only when the kernel confirms it.
     *
     * @throws SchedulerException when the running scheduler would not stop, or is not this controller's to stop
     */
    void deactivate() throws SchedulerException;

    /**
     * Called once per tick: reports a scheduler this controller runs that died, was ejected or
     * stalled since the last call. After a failure the kernel default runs.
     *
     * @return the failure, or empty when the scheduler this controller runs (if any) is healthy
     */
    Optional<SchedulerFailure> checkHealth();

    /**
     * Makes an already attached scheduler that someone else started (by hand, scx_loader, a
     * killed earlier daemon) this controller's to manage. Default: not supported.
     *
     * @return true when a running scheduler was adopted; false when none runs or it cannot be adopted
     */
    default boolean adopt() {
        return false;
    }

    /**
     * Releases resources. The controller is not used after this.
     *
     * @param keepScheduler false stops a scheduler this controller runs (started or adopted), returning
     *     the kernel to its default; true leaves it running
     */
    void close(boolean keepScheduler);

    @Override
    default void close() {
        close(false);
    }
}
