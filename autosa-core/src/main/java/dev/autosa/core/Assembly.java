// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.MetricSource;
import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.api.Objective;
import dev.autosa.core.internal.ClosedLoop;
import dev.autosa.core.internal.Engine;
import dev.autosa.core.internal.OutcomeHistory;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@link AutoSA.Builder#build()} does after the settings are checked: find the parts, pick the mode, wire the engine. */
final class Assembly {

    private static final Logger LOG = LoggerFactory.getLogger(AutoSA.class);

    private Assembly() {
    }

    static AutoSA assemble(AutoSAConfig config, Parts p) {
        ClassLoader loader = p.classLoader != null ? p.classLoader : AutoSA.class.getClassLoader();
        ProviderSettings settings = config.providerSettings();
        Discovery.requireClaimed(settings, loader);

        Discovery.Choice<MetricSource> source = Discovery.choose(MetricSource.class, p.metricSource, loader, settings);
        MetricSource chosenSource = source.provider();
        if (chosenSource == null) {
            throw new IllegalStateException(source.explanation());
        }
        WorkloadClassifier chosenClassifier = Discovery.choose(WorkloadClassifier.class, p.classifier, loader, settings)
                .provider();
        Thresholds thresholds = p.thresholds;
        if (chosenClassifier == null || (thresholds != null && chosenClassifier instanceof DefaultClassifier)) {
            chosenClassifier = thresholds == null ? new DefaultClassifier() : new DefaultClassifier(thresholds);
        }
        Mode mode = config.mode();
        String modeReason;
        SchedulerController chosenController;
        Discovery.Choice<SchedulerController> choice = Discovery.choose(SchedulerController.class, p.controller, loader,
                settings);
        validateArgs(config, choice.provider() != null ? choice.provider() : choice.bestUnavailable());
        if (mode == Mode.DRY_RUN && !(p.controller instanceof SimulatedController)) {
            List<String> installed = choice.provider() == null ? List.of() : installedNames(choice.provider());
            if (installed.isEmpty()) {
                installed = SimulatedController.SEED_SCHEDULERS;
            }
            chosenController = new SimulatedController(installed);
            modeReason = "dry-run: a simulated controller with " + String.join(", ", installed)
                    + " installed; the kernel is never touched";
            if (choice.provider() != null && choice.provider() != p.controller) {
                // Discovered only to read its catalog: it must leave whatever runs alone.
                choice.provider().close(true);
            }
        } else {
            chosenController = choice.provider();
            if (chosenController == null && mode == Mode.AUTO) {
                mode = Mode.RECOMMEND;
                modeReason = choice.explanation() + "; running in recommend mode";
                LOG.warn("{}", modeReason);
            } else if (chosenController == null) {
                modeReason = "recommend mode (configured); " + choice.explanation();
            } else if (mode == Mode.AUTO && !config.autoSwitch()) {
                modeReason = "auto mode with auto switch off: recommending only";
            } else {
                modeReason = mode.id() + " mode (configured), controller " + chosenController.name();
            }
        }

        Objective chosenObjective = Discovery.choose(Objective.class, p.objective, loader, settings).provider();
        if (chosenObjective == null) {
            chosenObjective = new KernelObjective();
        }
        OutcomeHistory history = new OutcomeHistory(p.outcomeStore != null ? p.outcomeStore : OutcomeStore.inMemory(),
                MachineFingerprint.current(), chosenObjective, config.experiment().retryLostAfter());
        ClosedLoop closedLoop = new ClosedLoop(config.experiment(), chosenObjective, history,
                config.collectionInterval());
        Engine engine = new Engine(config, mode, modeReason, chosenSource, chosenClassifier, thresholds, chosenController,
                p.clock != null ? p.clock : InstantSource.system(), p.listeners, closedLoop);
        boolean owns = p.executor == null;
        ScheduledExecutorService exec = p.executor != null ? p.executor
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "autosa-loop");
                    t.setDaemon(true);
                    return t;
                });
        return new AutoSA(config, engine, exec, owns);
    }

    /** Asks the controller (when one can tell) whether it accepts each configured scheduler's arguments. */
    private static void validateArgs(AutoSAConfig config, @Nullable SchedulerController controller) {
        if (controller == null) {
            return;
        }
        for (Map.Entry<String, List<String>> e : config.schedulerArgs().entrySet()) {
            try {
                controller.validate(config.specFor(e.getKey()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("scheduler args for " + e.getKey() + ": " + ex.getMessage()
                        + " (checked by " + controller.name() + ")", ex);
            }
        }
    }

    private static List<String> installedNames(SchedulerController c) {
        List<String> names = new ArrayList<>();
        try {
            for (SchedulerInfo info : c.available()) {
                if (info.installed()) {
                    names.add(info.name());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the catalog of {}", c.name(), e);
        }
        return names;
    }
}
