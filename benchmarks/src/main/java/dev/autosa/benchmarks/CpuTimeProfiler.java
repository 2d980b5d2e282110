// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, for runs on a shared, loaded machine: wall time per op grows whenever
 * the benchmark waits for a CPU, CPU time does not. It is the forked JVM's process CPU time (user
 * and system, so the kernel's work generating /proc content counts; GC and JIT threads count too,
 * which is fair to allocation-heavy readers) divided by the iteration's operations.
 *
 * <p>{@code cpu.norm} is ns of CPU per op; {@code cpu.cores} is the CPU the fork got per second of
 * wall time: about 1.0 for a single-threaded benchmark that was never starved.
 *
 * <p>Use: {@code -prof dev.autosa.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "process CPU time (user + system) per operation, robust to a loaded machine";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallBefore = System.nanoTime();
        cpuBefore = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("cpu.norm", ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.cores", wall == 0 ? Double.NaN : (double) cpu / wall, "cores", AggregationPolicy.AVG));
    }
}
