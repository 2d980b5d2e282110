// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.io.IOException;

/**
 * Samples the machine once per tick. Found with {@link java.util.ServiceLoader}; the engine calls
 * {@link #sample(MetricSink)} from a single thread.
 *
 * <p>Values are normalized over the real time elapsed since the previous sample (rates per
 * second, shares 0..1). The first sample has no rates. A counter that goes backwards (wrap, CPU
 * hotplug, device removed) is skipped for that tick, never turned into a negative rate. Malformed
 * input for one file drops that file's keys for the tick and is logged with the file name; only a
 * failure of the whole source is thrown.
 */
public interface MetricSource extends Provider, AutoCloseable {

    /**
     * Takes one sample and writes its values into {@code sink}.
     *
     * @param sink where this tick's values go; valid only during the call
     * @throws IOException when the whole source failed (a single malformed file is logged and skipped
     *     instead); the engine drops the tick's values, logs the failure and samples again next tick
     */
    void sample(MetricSink sink) throws IOException;

    /**
     * The machine sampled: CPU count, memory and kernel release. Read by the engine after every
     * sample (so keep returning the same instance while nothing changes); the default is what the
     * JVM knows ({@link MachineFacts#ofRuntime()}).
     *
     * @return the facts of the machine the values come from
     */
    default MachineFacts machine() {
        return MachineFacts.ofRuntime();
    }

    /** Releases open files. The source is not used after this. */
    @Override
    default void close() throws IOException {
    }
}
