// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

import java.util.Objects;

/**
 * What kind of machine the metrics come from, so a classifier can judge them by its size: a
 * thousand context switches a second mean something else on 2 CPUs than on 256.
 *
 * @param cpus          online CPUs, at least 1
 * @param memoryBytes   installed memory visible to the kernel (MemTotal), 0 when unknown
 * @param kernelRelease the kernel release ({@code uname -r}), empty when unknown
 */
public record MachineFacts(int cpus, long memoryBytes, String kernelRelease) {

    /**
     * Checks the facts.
     *
     * @param cpus online CPUs, at least 1
     * @param memoryBytes installed memory in bytes, at least 0 (0 when unknown)
     * @param kernelRelease the kernel release, not null (empty when unknown)
     * @throws IllegalArgumentException when {@code cpus} is below 1 or {@code memoryBytes} is negative
     */
    public MachineFacts {
        Objects.requireNonNull(kernelRelease, "kernel release");
        if (cpus < 1) {
            throw new IllegalArgumentException("cpus must be at least 1 but was " + cpus);
        }
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memory bytes must be at least 0 but was " + memoryBytes);
        }
    }

    /**
     * What the JVM itself knows: its available processors and the OS version when this class was
     * loaded; memory unknown. The fallback for sources that cannot tell (a custom source, a platform
     * without /proc). Always the same instance, so asking every tick allocates nothing.
     *
     * @return the JVM's available processors (at least 1), memory 0 and the {@code os.version} property
     */
    public static MachineFacts ofRuntime() {
        return Runtime.FACTS;
    }

    private static final class Runtime {
        static final MachineFacts FACTS = new MachineFacts(
                Math.max(1, java.lang.Runtime.getRuntime().availableProcessors()), 0, System.getProperty("os.version", ""));
    }
}
