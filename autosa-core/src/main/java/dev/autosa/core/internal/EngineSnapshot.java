// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything {@code status()} shows, read under the engine's monitor. */
public record EngineSnapshot(Instant time, @Nullable Instant lastTickAt, Mode mode, String modeReason,
        Map<String, String> providers, @Nullable Classification classification, @Nullable String recommended,
        ActiveScheduler active, AutoSAStatus.@Nullable SwitchRecord lastSwitch,
        @Nullable Instant nextSwitchAllowedAt, List<AutoSAStatus.FailureRecord> failures,
        List<Decision> recentDecisions, AutoSAStatus.Counters counters, Map<String, Double> windowMeans) {
}
