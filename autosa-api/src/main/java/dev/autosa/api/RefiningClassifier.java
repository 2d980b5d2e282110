// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * A classifier that refines the built-in default instead of replacing it: each tick the engine
 * runs the default classifier (with the configured thresholds) and passes its verdict to
 * {@link #refine}, which may return it unchanged, adjust it, or replace it with its own class (a
 * "nightly batch" rule, a class the default does not know). The default keeps following every tick
 * whatever the refiner returns, so a refiner needs nothing from {@code autosa-core}.
 *
 * <p>Found and chosen like any {@link WorkloadClassifier} (by {@link #priority()}, or given to the
 * builder); the engine calls {@link #refine} exactly once per tick, never {@link #classify}.
 */
public interface RefiningClassifier extends WorkloadClassifier {

    /**
     * This tick's verdict.
     *
     * @param window    the window, as for {@link #classify}
     * @param byDefault the built-in default classifier's verdict for the same tick
     * @return the verdict the engine acts on: {@code byDefault} itself, an adjusted copy, or another class
     */
    Classification refine(WindowView window, Classification byDefault);

    /**
     * Not used by the engine, which calls {@link #refine} with the default's verdict; a caller
     * without a default classifier gets an exception naming this classifier.
     */
    @Override
    default Classification classify(WindowView window) {
        throw new UnsupportedOperationException("classifier " + name()
                + " refines the default classifier's verdict: call refine(window, verdict), as the engine does");
    }
}
