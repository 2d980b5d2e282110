// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
/** The AutoSA engine: {@code AutoSA.builder()}, the loop, window, classifier and switch policy. */
module dev.autosa.core {
    requires transitive dev.autosa.api;
    requires org.slf4j;

    exports dev.autosa.core;

    uses dev.autosa.api.MetricSource;
    uses dev.autosa.api.WorkloadClassifier;
    uses dev.autosa.api.SchedulerController;
    uses dev.autosa.api.Objective;
    uses dev.autosa.api.RecordingFormat;

    provides dev.autosa.api.WorkloadClassifier with dev.autosa.core.DefaultClassifier;
    provides dev.autosa.api.Objective with dev.autosa.core.KernelObjective;
}
