// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.Classification;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.api.WindowView;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.SimulatedController;
import dev.autosa.proc.linux.internal.proc.FuzzInputs;
import dev.autosa.proc.linux.internal.proc.ProcSampler;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real engine with the real /proc source for many ticks of simulated time: a fixture root
 * whose files are rewritten in place every tick, cycling through every recorded tick (the
 * malformed variants included), and live /proc. Nothing may leak (file descriptors, threads,
 * heap, decision log), tick() never throws, the source never fails, every sampled value is finite
 * and in range.
 */
class ProcSoakTest {

    private static final long SECOND_MS = 1000;

    /** A clock the test moves by hand; the source's nanoTime follows it. */
    static final class ManualClock implements InstantSource {
        long millis = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }

        long nanos() {
            return millis * 1_000_000L;
        }
    }

    /** Passes the source's values on to the engine, recording any that is out of range. */
    static final class CheckingSource implements MetricSource {
        final MetricSource delegate;
        final List<String> violations = new ArrayList<>();
        private final MetricSink[] target = new MetricSink[1];
        private final MetricSink checking = this::put;

        CheckingSource(MetricSource delegate) {
            this.delegate = delegate;
        }

        private void put(MetricKey key, double value) {
            String problem = FuzzInputs.rangeProblem(key.name(), value);
            if (problem != null && violations.size() < 100) {
                violations.add(problem);
            }
            target[0].put(key, value);
        }

        @Override
        public void sample(MetricSink sink) throws IOException {
            target[0] = sink;
            delegate.sample(checking);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean isAvailable() {
            return delegate.isAvailable();
        }
    }

    @Test
    void anHourOfRecordedAndMalformedTicks() throws Exception {
        soakOnFixtures(3600);
    }

    @Test
    @Tag("slow")
    void aDayOfRecordedAndMalformedTicks() throws Exception {
        soakOnFixtures(86_400);
    }

    @Test
    void liveProc() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc.resolve("stat")), "no /proc/stat here");
        ManualClock clock = new ManualClock();
        soak(ProcMetricSource.builder().procRoot(proc).nanoTime(clock::nanos).build(), clock, 2000, tick -> { });
    }

    /**
     * A classifier and a listener that throw on every call, with the real source: each tick still
     * samples, the throw becomes a TickProblem (classifier) or a logged warning (listener), and
     * the other listener still hears everything.
     */
    @Test
    void throwingClassifierAndListenerDoNotStopTheLoop() throws Exception {
        ManualClock clock = new ManualClock();
        WorkloadClassifier broken = new WorkloadClassifier() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Classification classify(WindowView window) {
                throw new IllegalStateException("injected classifier failure");
            }
        };
        List<String> problems = new ArrayList<>();
        int[] sampled = {0};
        try (AutoSA autosa = AutoSA.builder()
                .metricSource(ProcMetricSource.builder().procRoot(Fixtures.path(Fixtures.HOST + "/idle/ticks/000000000082"))
                        .nanoTime(clock::nanos).build())
                .classifier(broken).controller(new SimulatedController()).clock(clock)
                .listener(e -> {
                    throw new IllegalStateException("injected listener failure");
                })
                .listener(e -> {
                    if (e instanceof AutoSAEvent.Sampled) {
                        sampled[0]++;
                    } else if (e instanceof AutoSAEvent.TickProblem p) {
                        problems.add(p.problem());
                    }
                }).build()) {
            for (int t = 0; t < 100; t++) {
                autosa.tick();
                clock.millis += SECOND_MS;
            }
            assertThat(autosa.status().ticks()).isEqualTo(100);
        }
        assertThat(sampled[0]).isEqualTo(100);
        assertThat(problems).filteredOn(p -> p.startsWith("classifier")).hasSize(100).allMatch(p -> p.equals(
                "classifier broken failed this tick: java.lang.IllegalStateException: injected classifier failure"));
        // The throwing listener is reported too (on every event but the problems themselves).
        assertThat(problems).filteredOn(p -> p.startsWith("listener")).isNotEmpty()
                .allMatch(p -> p.endsWith("java.lang.IllegalStateException: injected listener failure"));
    }

    /** Every tick directory of every fixture capture, in order, each capture twice in a row. */
    private static List<Path> allTicks() throws IOException {
        List<Path> ticks = new ArrayList<>();
        try (Stream<Path> metas = Files.walk(Fixtures.path(""))) {
            for (Path meta : (Iterable<Path>) metas.filter(p -> p.getFileName().toString().equals(CaptureMeta.FILE_NAME))
                    .sorted()::iterator) {
                try (Stream<Path> t = Files.list(meta.getParent().resolve(CaptureWriter.TICKS))) {
                    List<Path> capture = t.sorted().toList();
                    ticks.addAll(capture);
                    ticks.addAll(capture);
                }
            }
        }
        return ticks;
    }

    private void soakOnFixtures(int ticks) throws Exception {
        List<Path> recorded = allTicks();
        // Read every tick's files once: the loop then only writes.
        List<List<byte[]>> contents = new ArrayList<>();
        for (Path tick : recorded) {
            List<byte[]> files = new ArrayList<>();
            for (String f : ProcSampler.FILES) {
                Path p = tick.resolve(f);
                files.add(Files.isRegularFile(p) ? Files.readAllBytes(p) : null);
            }
            contents.add(files);
        }
        Path root = FuzzInputs.tempDir("autosa-soak-");
        try {
            ManualClock clock = new ManualClock();
            soak(ProcMetricSource.builder().procRoot(root).nanoTime(clock::nanos).build(), clock, ticks, t -> {
                List<byte[]> files = contents.get(t % contents.size());
                for (int f = 0; f < files.size(); f++) {
                    // A file a tick lacks keeps its previous content: an open /proc file does not vanish.
                    if (files.get(f) != null) {
                        FuzzInputs.write(root.resolve(ProcSampler.FILES.get(f)), files.get(f));
                    }
                }
            });
        } finally {
            FuzzInputs.deleteTree(root);
        }
    }

    interface TickAction {
        void before(int tick) throws IOException;
    }

    private static void soak(ProcMetricSource proc, ManualClock clock, int ticks, TickAction action) throws Exception {
        List<String> fdsBefore = openFiles();
        int threadsBefore = Thread.activeCount();
        CheckingSource source = new CheckingSource(proc);
        List<String> problems = new CopyOnWriteArrayList<>();
        List<String> badSamples = new CopyOnWriteArrayList<>();
        int[] sampled = {0};
        long heapAfterWarmup = 0;
        AutoSAStatus status;
        try (AutoSA autosa = AutoSA.builder().metricSource(source).controller(new SimulatedController())
                .clock(clock).decisionLogSize(50)
                .listener(e -> {
                    if (e instanceof AutoSAEvent.Sampled s) {
                        sampled[0]++;
                        s.values().forEach((k, v) -> {
                            String p = FuzzInputs.rangeProblem(k.name(), v);
                            if (p != null && badSamples.size() < 100) {
                                badSamples.add(p);
                            }
                        });
                    } else if (e instanceof AutoSAEvent.TickProblem p && !p.problem().startsWith("tick took")) {
                        // A slow tick is the shared machine's doing; anything else is ours.
                        problems.add(p.problem());
                    }
                }).build()) {
            for (int t = 0; t < ticks; t++) {
                action.before(t);
                autosa.tick();
                clock.millis += SECOND_MS;
                if (t == Math.min(600, ticks / 2)) {
                    heapAfterWarmup = usedHeapAfterGc();
                }
            }
            long heapAtEnd = usedHeapAfterGc();
            assertThat(heapAtEnd - heapAfterWarmup).as("heap growth in bytes after warm-up").isLessThan(4_000_000);
            status = autosa.status();
        }
        assertThat(source.violations).isEmpty();
        assertThat(badSamples).isEmpty();
        assertThat(problems).isEmpty();
        assertThat(sampled[0]).isEqualTo(ticks);
        assertThat(status.ticks()).isEqualTo(ticks);
        assertThat(status.recentDecisions()).hasSizeLessThanOrEqualTo(50);
        List<String> leaked = openFiles();
        fdsBefore.forEach(leaked::remove);
        assertThat(leaked).as("files still open after close").isEmpty();
        assertThat(Thread.activeCount()).as("threads after close").isLessThanOrEqualTo(threadsBefore);
    }

    /**
     * What this JVM has open, by target, leaving out what the JVM itself opens on first use of a
     * class (jars, the JDK's own files): those are not ours to close, and which test first loads
     * a class decides when they appear.
     */
    private static List<String> openFiles() throws IOException {
        String jdk = System.getProperty("java.home");
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (!target.endsWith(".jar") && !target.startsWith(jdk)) {
                        targets.add(target);
                    }
                } catch (IOException e) {
                    // The descriptor Files.list itself used is gone by now.
                }
            }
        }
        return targets;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
