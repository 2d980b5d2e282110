// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.VirtualMemory;
import oshi.util.GlobalConfig;

/**
 * The usual JVM way: OSHI reading the closest equivalents of AutoSA's tick (CPU ticks, context
 * switches and interrupts, memory, swap paging, disk counters, load average), with its memoizer
 * off so every call really reads. OSHI has no PSI or schedstat reader, so it reads less than
 * AutoSA does. Its disk counters come from sysfs through libudev, not from {@code
 * <root>/diskstats}, so on the fixture root the disks are still the live ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OshiBenchmark {

    @Param({ProcFiles.FIXTURE, "/proc"})
    public String procRoot;

    private HardwareAbstractionLayer hardware;
    private CentralProcessor processor;
    private GlobalMemory memory;
    private VirtualMemory swap;
    private List<HWDiskStore> disks;

    @Setup(Level.Trial)
    public void setUp() {
        // Before any OSHI class reads its configuration: each JMH fork loads OSHI afresh.
        GlobalConfig.set(GlobalConfig.OSHI_UTIL_MEMOIZER_EXPIRATION, 0);
        GlobalConfig.set(GlobalConfig.OSHI_UTIL_PROC_PATH, ProcFiles.root(procRoot).toString());
        hardware = new SystemInfo().getHardware();
        processor = hardware.getProcessor();
        memory = hardware.getMemory();
        swap = memory.getVirtualMemory();
        disks = hardware.getDiskStores();
    }

    /** Disk counters from a fresh {@code getDiskStores()} each tick: one enumeration of all block devices. */
    @Benchmark
    public void sample(Blackhole bh) {
        sampleWithoutDisks(bh);
        List<HWDiskStore> fresh = hardware.getDiskStores();
        for (int i = 0; i < fresh.size(); i++) {
            consume(bh, fresh.get(i));
        }
    }

    /**
     * Disk counters the documented way, {@code updateAttributes()} on stores enumerated once. On
     * Linux each call enumerates every block device again to find its own, so a tick costs one
     * enumeration per disk (loop devices included).
     */
    @Benchmark
    public void sampleUpdateAttributes(Blackhole bh) {
        sampleWithoutDisks(bh);
        for (int i = 0; i < disks.size(); i++) {
            HWDiskStore d = disks.get(i);
            d.updateAttributes();
            consume(bh, d);
        }
    }

    private static void consume(Blackhole bh, HWDiskStore d) {
        bh.consume(d.getReads());
        bh.consume(d.getWrites());
        bh.consume(d.getReadBytes());
        bh.consume(d.getWriteBytes());
        bh.consume(d.getTransferTime());
    }

    /** The same without disks, to show how much of OSHI's cost is its udev disk enumeration. */
    @Benchmark
    public void sampleWithoutDisks(Blackhole bh) {
        bh.consume(processor.getSystemCpuLoadTicks());
        bh.consume(processor.getContextSwitches());
        bh.consume(processor.getInterrupts());
        bh.consume(memory.getAvailable());
        bh.consume(memory.getTotal());
        bh.consume(swap.getSwapUsed());
        bh.consume(swap.getSwapPagesIn());
        bh.consume(swap.getSwapPagesOut());
        bh.consume(processor.getSystemLoadAverage(3));
    }
}
