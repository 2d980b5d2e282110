// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * Decides what kind of work the window shows. Called once per tick from the engine's thread; must
 * not keep a reference to the {@link WindowView} after returning.
 */
public interface WorkloadClassifier extends Provider {

    Classification classify(WindowView window);

    /** Classifiers are pure functions of the window, so they are available by default. */
    @Override
    default boolean isAvailable() {
        return true;
    }
}
