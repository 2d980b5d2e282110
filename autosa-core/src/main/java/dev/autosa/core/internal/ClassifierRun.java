// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.Classification;
import dev.autosa.api.RefiningClassifier;
import dev.autosa.api.WindowView;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.DefaultClassifier;
import dev.autosa.core.Thresholds;
import org.jspecify.annotations.Nullable;

/**
 * The classifier run every tick: the chosen one, or, when the chosen one refines the default
 * classifier's verdict ({@link RefiningClassifier}), the default classifier followed by it.
 */
final class ClassifierRun {

    private final WorkloadClassifier classifier;
    private final @Nullable RefiningClassifier refined;

    ClassifierRun(WorkloadClassifier chosen, @Nullable Thresholds thresholds) {
        if (chosen instanceof RefiningClassifier r) {
            this.refined = r;
            this.classifier = thresholds == null ? new DefaultClassifier() : new DefaultClassifier(thresholds);
        } else {
            this.refined = null;
            this.classifier = chosen;
        }
    }

    /** The chosen classifier's name (the refining one's, when it refines). */
    String name() {
        return refined == null ? classifier.name() : refined.name();
    }

    /** May return null when a plug-in breaks its contract; the engine handles that. */
    @Nullable Classification classify(WindowView window) {
        return refined == null ? classifier.classify(window) : refined.refine(window, classifier.classify(window));
    }
}
