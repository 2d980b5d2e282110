// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.proc.linux.internal.proc.ProcSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The standard Linux {@link MetricSource}: samples /proc (stat, meminfo, vmstat, diskstats,
 * loadavg, and schedstat and pressure/* when present) and writes every standard
 * {@link dev.autosa.api.MetricKey}. Files stay open and are re-read into reused buffers, so a
 * steady-state sample allocates nothing. Rates are computed over the real time between samples.
 *
 * <p>Found by {@link java.util.ServiceLoader} through the public no-argument constructor; use
 * {@link #builder()} for another proc root ({@code /host/proc} in a container), an injected clock
 * or virtual block devices. Not thread-safe: one sampling thread, as the engine does.
 */
public final class ProcMetricSource implements MetricSource {

    /** Provider name. */
    public static final String NAME = "proc";
    /** Priority among metric sources: the built-in source for Linux. */
    public static final int PRIORITY = 100;
    /** The default proc root. */
    public static final Path DEFAULT_PROC_ROOT = Path.of("/proc");

    private final Path procRoot;
    private final LongSupplier nanoTime;
    private final boolean includeVirtualDevices;
    private @Nullable ProcSampler sampler;
    private @Nullable String kernelRelease;
    private @Nullable MachineFacts fallback;
    private boolean closed;

    /** Samples {@code /proc} with {@link System#nanoTime()}; for {@link java.util.ServiceLoader}. */
    public ProcMetricSource() {
        this(DEFAULT_PROC_ROOT, System::nanoTime, false);
    }

    private ProcMetricSource(Path procRoot, LongSupplier nanoTime, boolean includeVirtualDevices) {
        this.procRoot = procRoot;
        this.nanoTime = nanoTime;
        this.includeVirtualDevices = includeVirtualDevices;
    }

    /**
     * A builder for a source with another proc root, clock or device selection.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The directory read as /proc.
     *
     * @return the proc root
     */
    public Path procRoot() {
        return procRoot;
    }

    /**
     * Whether loop, ram, zram, device-mapper and md devices count towards {@code io.*}.
     *
     * @return true if they do
     */
    public boolean includesVirtualDevices() {
        return includeVirtualDevices;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        Path stat = procRoot.resolve(ProcSampler.REQUIRED_FILE);
        if (Files.isReadable(stat)) {
            return "";
        }
        return Files.exists(stat) ? stat + " is not readable by this user"
                : stat + " not found (not Linux, or the proc root is wrong)";
    }

    /**
     * Samples once. The first call writes gauges only; later calls add rates over the time since
     * the previous call.
     *
     * @throws IOException when {@code <procRoot>/stat} cannot be read: the source as a whole is broken
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public void sample(MetricSink sink) throws IOException {
        if (closed) {
            throw new IllegalStateException("proc metric source for " + procRoot + " is closed");
        }
        ProcSampler s = sampler;
        if (s == null) {
            // Opened lazily: ServiceLoader instantiates providers on machines where /proc may not exist.
            s = new ProcSampler(procRoot, includeVirtualDevices);
            sampler = s;
            kernelRelease = readKernelRelease();
        }
        s.sample(sink, nanoTime.getAsLong());
    }

    /**
     * The machine: online CPUs and MemTotal as the last sample read them, the kernel release from
     * {@code <procRoot>/sys/kernel/osrelease}; what the JVM knows before the first sample.
     */
    @Override
    public MachineFacts machine() {
        ProcSampler s = sampler;
        MachineFacts runtime = fallback;
        if (runtime == null) {
            runtime = MachineFacts.ofRuntime();
            fallback = runtime;
        }
        String kernel = kernelRelease;
        return s == null ? runtime : s.machine(kernel == null ? runtime.kernelRelease() : kernel, runtime);
    }

    private @Nullable String readKernelRelease() {
        Path file = procRoot.resolve("sys/kernel/osrelease");
        try {
            String release = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return release.isEmpty() ? null : release;
        } catch (IOException | RuntimeException e) {
            // Optional: a fixture root or a container's /host/proc may not have it.
            return null;
        }
    }

    /** Closes the open files; the source cannot be used afterwards. */
    @Override
    public void close() {
        closed = true;
        ProcSampler s = sampler;
        sampler = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "ProcMetricSource[" + procRoot + (includeVirtualDevices ? ", virtual devices" : "") + "]";
    }

    /** Builds a {@link ProcMetricSource}; every setting may be given once and is checked at once. */
    public static final class Builder {

        private @Nullable Path procRoot;
        private @Nullable LongSupplier nanoTime;
        private @Nullable Boolean includeVirtualDevices;

        private Builder() {
        }

        /**
         * The directory to read as /proc, e.g. {@code /host/proc} or a fixture; default {@code /proc}.
         *
         * @param procRoot the directory
         * @return this builder
         * @throws IllegalStateException if it was already set
         */
        public Builder procRoot(Path procRoot) {
            Objects.requireNonNull(procRoot, "proc root");
            if (this.procRoot != null) {
                throw new IllegalStateException("proc root was already set to " + this.procRoot);
            }
            this.procRoot = procRoot;
            return this;
        }

        /**
         * A monotonic nanosecond clock for rates; default {@link System#nanoTime()}.
         *
         * @param nanoTime the clock
         * @return this builder
         * @throws IllegalStateException if it was already set
         */
        public Builder nanoTime(LongSupplier nanoTime) {
            Objects.requireNonNull(nanoTime, "nano time");
            if (this.nanoTime != null) {
                throw new IllegalStateException("nano time was already set");
            }
            this.nanoTime = nanoTime;
            return this;
        }

        /**
         * Whether loop, ram, zram, device-mapper and md devices count towards {@code io.*}; default false.
         *
         * @param include true to count them
         * @return this builder
         * @throws IllegalStateException if it was already set
         */
        public Builder includeVirtualDevices(boolean include) {
            if (this.includeVirtualDevices != null) {
                throw new IllegalStateException("include virtual devices was already set to " + includeVirtualDevices);
            }
            this.includeVirtualDevices = include;
            return this;
        }

        /**
         * Creates the source; nothing is read until its first sample.
         *
         * @return a new source with these settings
         */
        public ProcMetricSource build() {
            return new ProcMetricSource(procRoot == null ? DEFAULT_PROC_ROOT : procRoot,
                    nanoTime == null ? System::nanoTime : nanoTime,
                    includeVirtualDevices != null && includeVirtualDevices);
        }
    }
}
