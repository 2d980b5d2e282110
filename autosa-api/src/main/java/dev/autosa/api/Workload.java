// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.api;

/**
 * A kind of work the machine is doing. An open value type: the standard constants cover what the
 * default classifier finds; plug-ins may define more with {@link #of(String)}.
 */
public record Workload(String id) {

    /** Next to nothing runs. */
    public static final Workload IDLE = new Workload("idle");
    /** A CPU's worth of work or more: busy CPUs, or one CPU kept busy by a single thread. */
    public static final Workload CPU_BOUND = new Workload("cpu-bound");
    /** Tasks waiting on I/O (iowait, disk utilisation, I/O pressure) on a machine that is otherwise not busy. */
    public static final Workload IO_BOUND = new Workload("io-bound");
    /** Memory stalls: memory pressure, major page faults, swapping. */
    public static final Workload MEMORY_BOUND = new Workload("memory-bound");
    /** Many short wake-ups: frequent context switches, each after little CPU time. */
    public static final Workload LATENCY_SENSITIVE = new Workload("latency-sensitive");
    /** Waiting on I/O while the CPUs are busy too. */
    public static final Workload MIXED = new Workload("mixed");

    /**
     * Validates the id.
     *
     * @param id lower-case letters, digits and '-', 1..40 characters, e.g. {@code "nightly-batch"}
     * @throws IllegalArgumentException when the id is not of that form
     */
    public Workload {
        if (id.isEmpty() || id.length() > 40 || !id.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            throw new IllegalArgumentException(
                    "workload id must be 1 to 40 characters of a-z, 0-9 and '-' but was \"" + id + "\"");
        }
    }

    /**
     * A workload class of a plug-in's own, or one of the standard ones by id.
     *
     * @param id lower-case letters, digits and '-', 1..40 characters
     * @return the workload; equal to the constant of the same id, if there is one
     * @throws IllegalArgumentException when the id is not of that form
     */
    public static Workload of(String id) {
        return new Workload(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
