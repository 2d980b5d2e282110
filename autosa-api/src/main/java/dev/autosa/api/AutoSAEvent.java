// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything the engine tells its listeners, one record per kind. */
public sealed interface AutoSAEvent {

    /** When it happened, on the engine's clock. */
    Instant time();

    /** One tick's sample. Built only when a listener is registered. */
    record Sampled(Instant time, Map<MetricKey, Double> values) implements AutoSAEvent {
        public Sampled {
            values = Map.copyOf(values);
        }
    }

    /** The classifier's verdict on the window after this tick. */
    record Classified(Instant time, Classification classification) implements AutoSAEvent {
    }

    /** The switch policy's decision, including "not switching, because …". */
    record Decided(Instant time, Decision decision) implements AutoSAEvent {
    }

    /** The running scheduler changed: from/to are {@code scx_*} names, null for the kernel default. */
    record Switched(Instant time, @Nullable String from, @Nullable String to, String reason, boolean simulated)
            implements AutoSAEvent {
    }

    /** A scheduler failed; the kernel default runs, and the scheduler is backed off or blocklisted. */
    record Failed(Instant time, SchedulerFailure failure, Duration backoff, boolean blocklisted)
            implements AutoSAEvent {
    }

    /** A tick took longer than the collection interval, or threw; the loop goes on. */
    record TickProblem(Instant time, String problem, Duration tickDuration) implements AutoSAEvent {
    }
}
