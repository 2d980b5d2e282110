// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * Decides what kind of work the window shows.
 *
 * <p>The engine calls {@link #classify} exactly once per tick that added a sample to the window,
 * from its one loop thread, with {@link WindowView#sequence()} one higher than at the previous call
 * (a tick whose sample failed is not classified; the previous verdict stands). So a classifier may
 * keep per-tick state, counting each call as one new tick; a jump in the sequence means ticks were
 * missed (another window, a restart) and such state should start over. It must not keep a
 * reference to the {@link WindowView} after returning.
 *
 * <p>To adjust the built-in verdict rather than replace it, implement {@link RefiningClassifier}.
 */
public interface WorkloadClassifier extends Provider {

    /**
     * This tick's verdict on the window.
     *
     * @param window the engine's window, valid only during this call
     * @return the workload class the window shows, with a confidence and reasons
     */
    Classification classify(WindowView window);

    /** Classifiers are pure functions of the window, so they are available by default. */
    @Override
    default boolean isAvailable() {
        return true;
    }
}
