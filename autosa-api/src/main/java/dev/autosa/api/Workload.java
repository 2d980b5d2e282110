// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * A kind of work the machine is doing. An open value type: the standard constants cover what the
 * default classifier finds; plug-ins may define more with {@link #of(String)}.
 */
public record Workload(String id) {

    public static final Workload IDLE = new Workload("idle");
    public static final Workload CPU_BOUND = new Workload("cpu-bound");
    public static final Workload IO_BOUND = new Workload("io-bound");
    public static final Workload MEMORY_BOUND = new Workload("memory-bound");
    public static final Workload LATENCY_SENSITIVE = new Workload("latency-sensitive");
    public static final Workload MIXED = new Workload("mixed");

    /** Validates the id: lower-case letters, digits and '-', 1..40 characters. */
    public Workload {
        if (id.isEmpty() || id.length() > 40 || !id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw new IllegalArgumentException(
                    "workload id must be 1 to 40 characters of a-z, 0-9 and '-' but was \"" + id + "\"");
        }
    }

    public static Workload of(String id) {
        return new Workload(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
