// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import dev.autosa.api.Decision;
import dev.autosa.api.Recording;
import dev.autosa.api.RecordingFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Replays a recording (a capture directory or a {@code .tar.gz} of one, with
 * {@code dev.autosa:autosa-proc-linux} on the class path) through the real engine, offline: one
 * {@link AutoSA#tick()} per recorded tick on the recording's own clock, with a
 * {@link SimulatedController} unless the settings give a controller, at the recording's interval
 * unless they give one. Nothing touches the kernel. The CLI's {@code autosa replay} and the
 * workload lab both use it.
 *
 * <pre>{@code
 * Replay.Result r = Replay.run(Path.of("capture.tar.gz"), b -> b.mode(Mode.DRY_RUN), tick -> {});
 * }</pre>
 */
public final class Replay {

    /**
     * One replayed tick.
     *
     * @param tMs the recording's time of the tick, in milliseconds since it started
     * @param decision the engine's decision (a decision that did not change keeps the time it was
     *     first made, so its own time is not the tick's)
     */
    public record Tick(long tMs, Decision decision) {
    }

    /**
     * Every tick's decision, and the engine's status after the last.
     *
     * @param ticks every replayed tick, in order
     * @param status the engine's status after the last tick
     */
    public record Result(List<Tick> ticks, AutoSAStatus status) {
    }

    private Replay() {
    }

    /**
     * Opens {@code path} with the first {@link RecordingFormat} on the class path that can.
     *
     * @param path a recording, e.g. a capture directory or a {@code .tar.gz} of one
     * @param loader the class loader {@link ServiceLoader} searches for formats
     * @return the open recording; the caller closes it
     * @throws IOException when no format can open it, saying which were tried, or it is malformed
     */
    public static Recording open(Path path, ClassLoader loader) throws IOException {
        List<String> tried = new ArrayList<>();
        for (RecordingFormat f : ServiceLoader.load(RecordingFormat.class, loader)) {
            if (f.canOpen(path)) {
                return f.open(path);
            }
            tried.add(f.name());
        }
        throw new IOException(path + " is not a recording AutoSA can read (formats on the class path: "
                + (tried.isEmpty() ? "none; add " + Discovery.LINUX_ARTIFACT + " for proc captures"
                        : String.join(", ", tried)) + ")");
    }

    /**
     * Replays the recording at {@code path}, opened with this class's loader, and closes it; see
     * {@link #run(Recording, UnaryOperator, Consumer)}.
     *
     * @param path a recording, e.g. a capture directory or a {@code .tar.gz} of one
     * @param settings changes to the builder (mode, window, thresholds, classifier, listeners); the
     *     metric source and clock are the recording's
     * @param each called with every tick as it is replayed
     * @return every tick's decision and the final status
     * @throws IOException when no format can open the recording, or it is malformed
     * @throws IllegalArgumentException when the settings are bad (naming the setting)
     */
    public static Result run(Path path, UnaryOperator<AutoSA.Builder> settings, Consumer<Tick> each)
            throws IOException {
        try (Recording recording = open(path, Replay.class.getClassLoader())) {
            return run(recording, settings, each);
        }
    }

    /**
     * Replays {@code recording} to its end.
     *
     * @param settings changes to the builder (mode, window, thresholds, classifier, listeners); the
     *     metric source and clock are the recording's
     * @param recording the recording to replay; closed when the replay ends
     * @param each called with every tick as it is replayed
     * @return every tick's decision and the final status
     * @throws IllegalArgumentException when the settings are bad (naming the setting)
     */
    public static Result run(Recording recording, UnaryOperator<AutoSA.Builder> settings, Consumer<Tick> each) {
        return run(recording, settings.apply(AutoSA.builder()), each);
    }

    /**
     * Replays {@code recording} with a builder the caller has set up already (so its settings are
     * checked before the recording is opened); see {@link #run(Recording, UnaryOperator, Consumer)}.
     * The recording's interval is used unless {@code b} has one, a {@link SimulatedController} unless
     * {@code b} has a controller.
     *
     * @param recording the recording to replay; closed when the replay ends
     * @param b a builder with no metric source and no clock set (the recording's are used)
     * @param each called with every tick as it is replayed
     * @return every tick's decision and the final status
     * @throws IllegalArgumentException when the settings are bad (naming the setting)
     * @throws IllegalStateException when {@code b} already has a metric source or clock, or has built
     */
    public static Result run(Recording recording, AutoSA.Builder b, Consumer<Tick> each) {
        if (!b.hasCollectionInterval()) {
            b.collectionInterval(recording.interval());
        }
        if (!b.hasController()) {
            b.controller(new SimulatedController());
        }
        b.metricSource(recording).clock(recording.clock());
        List<Tick> ticks = new ArrayList<>(recording.tickCount());
        long start = recording.start().toEpochMilli();
        AutoSAStatus status;
        // Closing the engine closes the recording too; the caller's close is then a no-op.
        try (AutoSA autosa = b.build()) {
            while (recording.hasNext()) {
                long t = recording.clock().millis() - start;
                Tick tick = new Tick(t, autosa.tick());
                ticks.add(tick);
                each.accept(tick);
            }
            status = autosa.status();
        }
        return new Result(List.copyOf(ticks), status);
    }
}
