// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.core.AutoSAConfig;
import dev.autosa.core.Mode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checks a switch asked for from outside the policy (an operator, an agent) must pass: the same
 * ones the policy applies to its own switches, minus those about the classification (confidence,
 * stability), which a request overrides by being explicit. The first that fails is the answer.
 */
final class ManualSwitchRules {

    private ManualSwitchRules() {
    }

    /** Why the switch to {@code scheduler} (null: the kernel default) may not happen, or null when it may. */
    static @Nullable String refusal(@Nullable String scheduler, Mode mode, String modeReason,
            @Nullable SchedulerController controller, ActiveScheduler active, AutoSAConfig config,
            SwitchPolicy policy, FailureTracker failures, long now) {
        if (mode == Mode.RECOMMEND) {
            return "autosa runs in recommend mode and never switches (" + modeReason + "); start it with --mode auto"
                    + " to allow switches, or --mode dry-run to simulate them";
        }
        if (controller == null) {
            return "no scheduler controller: " + modeReason;
        }
        if (!active.isKernelDefault() && !active.managed()) {
            return active.displayName() + " was started outside AutoSA; autosa does not interfere with it (hand it"
                    + " over with 'autosa adopt' first)";
        }
        if (scheduler == null) {
            return null;
        }
        try {
            SchedulerSpec.of(scheduler);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String installed = installedRefusal(scheduler, controller);
        if (installed != null) {
            return installed;
        }
        if (failures.isBlocklisted(scheduler)) {
            return scheduler + " is blocklisted after " + failures.failures(scheduler) + " failures";
        }
        long backoff = failures.backoffUntil(scheduler);
        if (now < backoff) {
            return scheduler + " is in failure backoff until " + Instant.ofEpochMilli(backoff) + " after "
                    + failures.failures(scheduler) + " failure(s)";
        }
        long next = policy.nextSwitchAllowedMillis();
        if (now < next) {
            return "min switch interval " + format(config.minSwitchInterval()) + ": next switch allowed at "
                    + Instant.ofEpochMilli(next);
        }
        return null;
    }

    private static @Nullable String installedRefusal(String scheduler, SchedulerController controller) {
        List<SchedulerInfo> catalog;
        try {
            catalog = controller.available();
        } catch (RuntimeException e) {
            return "cannot read the scheduler catalog of " + controller.name() + ": " + e;
        }
        for (SchedulerInfo info : catalog) {
            if (info.name().equals(scheduler)) {
                if (info.installed()) {
                    return null;
                }
                return scheduler + " is not usable: " + (info.refusedReason().isEmpty()
                        ? "not installed in a trusted directory" : info.refusedReason());
            }
        }
        return scheduler + " is not installed in a trusted directory (see 'autosa list')";
    }
}
