// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.benchmarks;

import dev.autosa.api.Classification;
import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.api.Objective;
import dev.autosa.api.WindowView;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.AutoSA;
import dev.autosa.core.DefaultClassifier;
import dev.autosa.core.KernelObjective;
import dev.autosa.core.Mode;
import dev.autosa.proc.linux.ProcMetricSource;
import dev.autosa.proc.linux.ScxStatsSource;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a tick's CPU time goes when the loop runs as the daemon runs it: once a second, with the
 * daemon's JVM flags, its caches cold after a second of sleep. A hot JMH loop cannot show this
 * (it measures the same code kept hot in the caches and compiled by C2). The loop runs on an
 * executor that reads the loop thread's CPU time around every tick (user + system,
 * {@link ThreadMXBean#getCurrentThreadCpuTime()}), and the metric source, classifier and objective
 * are wrapped to time their own calls; the rest of a tick is the engine's (window, checks, closed
 * loop, policy, decision).
 *
 * <pre>
 *   java &lt;daemon flags&gt; -cp benchmarks.jar dev.autosa.benchmarks.TickProfileMain MODE [TICKS [WARMUP]]
 *   MODE: engine   the daemon's engine on /proc (ScxStatsSource around ProcMetricSource, recommend mode)
 *         fixture  the same on the shipped fixture (no kernel work, a verdict that never changes)
 *         raw      the floor: only pread the tick's files every second, no parsing
 *         rawraf   the same reads through RandomAccessFile (seek, read until end of file)
 *         empty    an empty task every second: the price of waking the loop thread
 *         park     the same wake-up on a thread of its own that parks until the next second (no executor)
 * </pre>
 *
 * Prints the mean and median microseconds of CPU per tick after the warm-up (default 60 ticks of
 * 360), per part, and the loop thread's whole CPU time per tick (wake-ups included).
 */
public final class TickProfileMain {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static int warmupForCounts = 60;

    private TickProfileMain() {
    }

    /** Per-tick samples of one part, in nanoseconds of thread CPU time. */
    static final class Part {
        final String name;
        final long[] nanos;
        int ticks;
        private long start;
        private long sum;

        Part(String name, int capacity) {
            this.name = name;
            this.nanos = new long[capacity];
        }

        void begin() {
            start = THREADS.getCurrentThreadCpuTime();
        }

        void end() {
            sum += THREADS.getCurrentThreadCpuTime() - start;
        }

        /** Closes the tick: what was summed since the last close is one sample. */
        void close() {
            if (ticks < nanos.length) {
                nanos[ticks++] = sum;
            }
            sum = 0;
        }

        String report(int warmup) {
            long[] s = Arrays.copyOfRange(nanos, Math.min(warmup, ticks), ticks);
            if (s.length == 0) {
                return String.format(Locale.ROOT, "%-10s no samples", name);
            }
            // Code that runs once a tick is interpreted until the JIT's thresholds are reached (about
            // 200 calls): the halves show how much of the mean is that.
            double first = mean(s, 0, s.length / 2);
            double second = mean(s, s.length / 2, s.length);
            double mean = mean(s, 0, s.length);
            Arrays.sort(s);
            return String.format(Locale.ROOT, "%-10s mean %8.1f us  median %8.1f us  p90 %8.1f us  halves %8.1f %8.1f us"
                    + "  (%d ticks)", name, mean, s[s.length / 2] / 1000.0, s[(int) (s.length * 0.9)] / 1000.0, first,
                    second, s.length);
        }

        private static double mean(long[] s, int from, int to) {
            return to <= from ? Double.NaN : Arrays.stream(s, from, to).average().orElse(0) / 1000;
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "engine";
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 360;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        warmupForCounts = warmup;
        Part tick = new Part("tick", ticks);
        Part source = new Part("source", ticks);
        Part proc = new Part("proc", ticks);
        Part classify = new Part("classify", ticks);
        Part objective = new Part("objective", ticks);
        List<Part> parts = List.of(tick, source, proc, classify, objective);
        CountDownLatch done = new CountDownLatch(1);
        long[] loopThread = {-1, 0, -1};
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "autosa-loop");
            t.setDaemon(true);
            return t;
        }) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                if (loopThread[0] < 0) {
                    loopThread[0] = t.getId();
                }
                if (tick.ticks == warmup && loopThread[1] == 0) {
                    loopThread[1] = THREADS.getCurrentThreadCpuTime();
                }
                tick.begin();
            }

            @Override
            protected void afterExecute(Runnable r, Throwable t) {
                tick.end();
                for (Part p : parts) {
                    p.close();
                }
                if (tick.ticks >= ticks) {
                    done.countDown();
                }
            }
        };
        Runnable stop;
        switch (mode) {
            case "engine", "fixture" -> {
                ProcMetricSource.Builder b = ProcMetricSource.builder();
                if (mode.equals("fixture")) {
                    b.procRoot(ProcFiles.root(ProcFiles.FIXTURE));
                }
                MetricSource inner = new TimedSource(b.build(), proc);
                MetricSource outer = new TimedSource(ScxStatsSource.wrap(inner).build(), source);
                TimedClassifier classifier = new TimedClassifier(new DefaultClassifier(), classify);
                AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).metricSource(outer)
                        .classifier(classifier)
                        .objective(new TimedObjective(new KernelObjective(), objective))
                        .executor(executor).build();
                autosa.start();
                stop = () -> {
                    System.out.println("new verdict instances after the warm-up: " + classifier.changes + " of "
                            + (classifier.ticks - warmup) + " ticks; last: " + classifier.last);
                    autosa.close();
                };
            }
            case "raw" -> {
                List<Path> files = ProcFiles.tickFiles(Path.of("/proc"));
                FileChannel[] channels = new FileChannel[files.size()];
                for (int i = 0; i < channels.length; i++) {
                    channels[i] = FileChannel.open(files.get(i), StandardOpenOption.READ);
                }
                ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        for (FileChannel c : channels) {
                            RawReadBenchmark.readFully(c, buffer);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, 0, 1, TimeUnit.SECONDS);
                stop = () -> { };
            }
            case "rawraf" -> {
                // The same reads through RandomAccessFile: seek, then read into a heap array until -1.
                List<Path> files = ProcFiles.tickFiles(Path.of("/proc"));
                RandomAccessFile[] raf = new RandomAccessFile[files.size()];
                for (int i = 0; i < raf.length; i++) {
                    raf[i] = new RandomAccessFile(files.get(i).toFile(), "r");
                }
                byte[] bytes = new byte[8192];
                executor.scheduleWithFixedDelay(() -> {
                    try {
                        for (RandomAccessFile f : raf) {
                            f.seek(0);
                            int at = 0;
                            for (int n; (n = f.read(bytes, at, bytes.length - at)) > 0; ) {
                                at += n;
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, 0, 1, TimeUnit.SECONDS);
                stop = () -> { };
            }
            case "empty" -> {
                executor.scheduleWithFixedDelay(() -> { }, 0, 1, TimeUnit.SECONDS);
                stop = () -> { };
            }
            case "park" -> {
                // A thread of its own that parks until the next tick is due: no executor, queue or lock.
                Thread t = new Thread(() -> {
                    long next = System.nanoTime();
                    while (tick.ticks < ticks) {
                        next += TimeUnit.SECONDS.toNanos(1);
                        for (long wait; (wait = next - System.nanoTime()) > 0; ) {
                            LockSupport.parkNanos(wait);
                        }
                        if (tick.ticks == warmup && loopThread[1] == 0) {
                            loopThread[1] = THREADS.getCurrentThreadCpuTime();
                        }
                        tick.begin();
                        tick.end();
                        tick.close();
                    }
                    // Read here: the thread's CPU time cannot be read once it has ended.
                    loopThread[2] = THREADS.getCurrentThreadCpuTime();
                    done.countDown();
                }, "autosa-loop");
                t.setDaemon(true);
                loopThread[0] = t.getId();
                t.start();
                stop = () -> { };
            }
            default -> throw new IllegalArgumentException("mode must be engine, fixture, raw, empty or park but was " + mode);
        }
        done.await();
        long threadTotal = (loopThread[2] >= 0 ? loopThread[2] : THREADS.getThreadCpuTime(loopThread[0])) - loopThread[1];
        stop.run();
        executor.shutdownNow();
        System.out.println("mode " + mode + ", " + tick.ticks + " ticks, first " + warmup + " left out; "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (Part p : parts) {
            if (p.ticks > 0 && (p == tick || mode.equals("engine") || mode.equals("fixture"))) {
                System.out.println(p.report(warmup));
            }
        }
        System.out.printf(Locale.ROOT, "loop thread: %.1f us of CPU per tick, wake-ups included%n",
                threadTotal / 1000.0 / Math.max(1, tick.ticks - warmup));
    }

    /** Times {@code sample}. */
    private record TimedSource(MetricSource delegate, Part part) implements MetricSource {
        @Override
        public void sample(MetricSink sink) throws IOException {
            part.begin();
            try {
                delegate.sample(sink);
            } finally {
                part.end();
            }
        }

        @Override
        public MachineFacts machine() {
            return delegate.machine();
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean isAvailable() {
            return delegate.isAvailable();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    /** Times {@code classify} and counts the ticks whose verdict is a new instance (re-worded). */
    private static final class TimedClassifier implements WorkloadClassifier {
        private final WorkloadClassifier delegate;
        private final Part part;
        private Classification last = Classification.of(dev.autosa.api.Workload.IDLE, 0);
        private int ticks;
        private int changes;

        TimedClassifier(WorkloadClassifier delegate, Part part) {
            this.delegate = delegate;
            this.part = part;
        }

        @Override
        public Classification classify(WindowView window) {
            part.begin();
            try {
                Classification c = delegate.classify(window);
                if (++ticks > warmupForCounts && c != last) {
                    changes++;
                }
                last = c;
                return c;
            } finally {
                part.end();
            }
        }

        @Override
        public String name() {
            return delegate.name();
        }
    }

    /** Times {@code read}. */
    private record TimedObjective(Objective delegate, Part part) implements Objective {
        @Override
        public double read(WindowView window) {
            part.begin();
            try {
                return delegate.read(window);
            } finally {
                part.end();
            }
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String unit() {
            return delegate.unit();
        }

        @Override
        public Direction direction() {
            return delegate.direction();
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }
}
