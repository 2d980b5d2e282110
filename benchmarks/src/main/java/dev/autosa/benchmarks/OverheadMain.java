// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import dev.autosa.proc.linux.ProcMetricSource;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's loop without the CLI, for {@code daemon-overhead.sh}: AutoSA built by discovery in
 * recommend mode and started, exactly as the daemon embeds it, then left alone until SIGTERM. On
 * exit it prints how many ticks ran and how many bytes the loop thread allocated per tick, a number
 * /proc cannot show. With {@code idle} as the argument it starts nothing: the baseline JVM; with
 * {@code fixture} it samples the shipped fixture instead of /proc.
 */
public final class OverheadMain {

    private static volatile long baseTicks;
    private static volatile long baseBytes;

    private OverheadMain() {
    }

    /** The id of the loop thread, which exists once start() has scheduled the first tick; -1 if not found. */
    private static long findLoopThread() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if ("autosa-loop".equals(t.getName())) {
                    return t.getId();
                }
            }
            Thread.sleep(10);
        }
        return -1;
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        if (args.length > 0 && "idle".equals(args[0])) {
            Runtime.getRuntime().addShutdownHook(new Thread(done::countDown));
            done.await();
            return;
        }
        AutoSA.Builder builder = AutoSA.builder().mode(Mode.RECOMMEND);
        if (args.length > 0 && ProcFiles.FIXTURE.equals(args[0])) {
            // Same loop on the fixed fixture: no kernel work behind the reads and a verdict that
            // never changes, which separates AutoSA's own steady cost from the machine's.
            builder.metricSource(ProcMetricSource.builder().procRoot(ProcFiles.root(ProcFiles.FIXTURE)).build());
        }
        AutoSA autosa = builder.build();
        autosa.start();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long loopThread = findLoopThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            AutoSAStatus s = autosa.status();
            long ticks = s.ticks() - baseTicks;
            long bytes = loopThread < 0 ? -1 : threads.getThreadAllocatedBytes(loopThread) - baseBytes;
            System.out.printf("overhead: steady ticks=%d slowTicks=%d loopAllocatedBytes=%d bytesPerTick=%.1f"
                    + " recommended=%s classification=%s%n", ticks, s.slowTicks(), bytes,
                    ticks == 0 ? 0.0 : (double) bytes / ticks, s.recommended(), s.classification());
            System.out.flush();
            autosa.close();
            done.countDown();
        }));
        // Allocation is counted after the warm-up (window filling, JIT), as the CPU rate is.
        if (!done.await(Long.getLong("autosa.overhead.warmupSeconds", 60), TimeUnit.SECONDS) && loopThread >= 0) {
            baseTicks = autosa.status().ticks();
            baseBytes = threads.getThreadAllocatedBytes(loopThread);
        }
        done.await();
    }
}
