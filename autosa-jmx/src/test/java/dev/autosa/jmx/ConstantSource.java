// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.jmx;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;

/** A metric source for tests: the same CPU busy share every tick. */
final class ConstantSource implements MetricSource {

    private final double busy;

    ConstantSource(double busy) {
        this.busy = busy;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void sample(MetricSink sink) {
        sink.put(MetricKey.CPU_BUSY, busy);
        sink.put(MetricKey.CPU_USER, busy);
        sink.put(MetricKey.CPU_IOWAIT, 0.0);
    }
}
