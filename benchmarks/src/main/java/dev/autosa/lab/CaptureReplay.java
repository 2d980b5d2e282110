// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.MetricKey;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.core.Replay;
import dev.autosa.proc.linux.CaptureSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Replays a proc capture (directory or {@code .tar.gz}) through the library's {@link Replay}: the
 * capture's clock, a simulated controller, the default classifier and settings unless the caller
 * changes the builder; keeps the rows the scorer reads and, when asked, every tick's metric values.
 */
public final class CaptureReplay {

    /** Each tick's decision row and, when asked for, the metric values the source wrote. */
    public record Result(List<TickRow> rows, List<Map<MetricKey, Double>> samples, List<Long> sampleMs) {
    }

    private CaptureReplay() {
    }

    /** Replays {@code capture} at default settings. */
    public static Result run(Path capture) throws IOException {
        return run(capture, UnaryOperator.identity(), false);
    }

    /**
     * Replays {@code capture}.
     *
     * @param settings changes to the builder (window, thresholds, a different classifier); the
     *     metric source, clock and controller are set here
     * @param keepSamples whether to keep every tick's metric values (for {@link MetricStats})
     */
    public static Result run(Path capture, UnaryOperator<AutoSA.Builder> settings, boolean keepSamples)
            throws IOException {
        List<Map<MetricKey, Double>> samples = new ArrayList<>();
        List<Long> sampleMs = new ArrayList<>();
        try (CaptureSource source = CaptureSource.openAny(capture)) {
            Instant start = source.start();
            Replay.Result r = Replay.run(source, b -> {
                if (keepSamples) {
                    b.listener(e -> {
                        if (e instanceof AutoSAEvent.Sampled s) {
                            samples.add(new LinkedHashMap<>(s.values()));
                            sampleMs.add(Duration.between(start, s.time()).toMillis());
                        }
                    });
                }
                // As the CLI's replay: decide as auto would, switching a simulated controller.
                return settings.apply(b.mode(Mode.DRY_RUN));
            }, tick -> { });
            List<TickRow> rows = r.ticks().stream().map(t -> TickRow.of(t.tMs(), t.decision())).toList();
            return new Result(rows, samples, sampleMs);
        }
    }
}
