// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.AutoSAListener;
import dev.autosa.api.Classification;
import dev.autosa.api.Decision;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import dev.autosa.api.WorkloadClassifier;
import dev.autosa.core.AutoSAStatus.Health;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What an application embedding AutoSA may rely on, even when its own parts misbehave. */
class EmbeddingContractTest {

    private final ManualClock clock = new ManualClock();
    private final List<AutoSAEvent.TickProblem> problems = new ArrayList<>();

    private void problems(AutoSAEvent e) {
        if (e instanceof AutoSAEvent.TickProblem p) {
            problems.add(p);
        }
    }

    private static ScriptedSource cpu() {
        return new ScriptedSource().then("cpu", 3600, ScriptedSource.CPU);
    }

    private void run(AutoSA autosa, int seconds) {
        for (int i = 0; i < seconds; i++) {
            autosa.tick();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** A classifier that answers cpu-bound until told to return null, breaking its contract. */
    static final class NullAfter implements WorkloadClassifier {
        final int goodTicks;
        int calls;

        NullAfter(int goodTicks) {
            this.goodTicks = goodTicks;
        }

        @Override
        public String name() {
            return "null-after";
        }

        @Override
        @SuppressWarnings("NullAway")
        public Classification classify(WindowView window) {
            return ++calls <= goodTicks ? Classification.of(Workload.CPU_BOUND, 0.9, "busy") : nullClassification();
        }

        @SuppressWarnings("unchecked")
        private static <T> T nullClassification() {
            return (T) null;
        }
    }

    @Test
    void aClassifierReturningNullIsReportedAndThePreviousVerdictStands() {
        try (StderrCapture err = new StderrCapture();
                AutoSA autosa = AutoSA.builder().metricSource(cpu()).classifier(new NullAfter(5))
                        .controller(new SimulatedController()).clock(clock).listener(this::problems).build()) {
            run(autosa, 8);
            assertThat(autosa.status().classification()).isNotNull();
            assertThat(autosa.status().classification().workload()).isEqualTo(Workload.CPU_BOUND);
            assertThat(problems).hasSize(3).allMatch(p -> p.problem().equals(
                    "classifier null-after returned null; the previous verdict stands"));
            assertThat(autosa.status().slowTicks()).isEqualTo(3);
            assertThat(err.text()).contains("WARN").contains("classifier null-after returned null");
        }
    }

    @Test
    void aThrowingListenerBecomesATickProblemWithoutEndlessProblems() {
        List<AutoSAEvent.TickProblem> seen = new ArrayList<>();
        AutoSAListener alwaysThrows = e -> {
            throw new IllegalStateException("listener bug");
        };
        AutoSAListener onlyProblems = e -> {
            if (e instanceof AutoSAEvent.TickProblem p) {
                seen.add(p);
            }
        };
        try (AutoSA autosa = AutoSA.builder().metricSource(cpu()).controller(new SimulatedController())
                .clock(clock).listener(alwaysThrows).listener(onlyProblems).build()) {
            autosa.tick();
        }
        // One tick: Sampled, Classified and Decided each fail once; the problems about them are
        // not reported again when the same listener throws on them.
        assertThat(seen).hasSize(3).allMatch(p -> p.problem().startsWith("listener ")
                && p.problem().endsWith("java.lang.IllegalStateException: listener bug"));
        assertThat(seen.get(0).problem()).contains("failed on Sampled");
    }

    @Test
    void closeFromInsideAListenerDoesNotWaitForItsOwnThread() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean sourceClosedDuringTick = new AtomicBoolean();
        AtomicBoolean inTick = new AtomicBoolean();
        AutoSA[] self = new AutoSA[1];
        ScriptedSource scripted = cpu();
        MetricSource source = new MetricSource() {
            @Override
            public String name() {
                return "closing";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public void sample(MetricSink sink) throws java.io.IOException {
                scripted.sample(sink);
            }

            @Override
            public void close() {
                sourceClosedDuringTick.set(inTick.get());
            }
        };
        self[0] = AutoSA.builder().metricSource(source).controller(new SimulatedController())
                .listener(e -> {
                    if (e instanceof AutoSAEvent.Decided) {
                        inTick.set(true);
                        self[0].close();
                        inTick.set(false);
                        closed.countDown();
                    }
                }).build();
        self[0].start();
        // Before the fix close() waited 30 s for the loop thread, i.e. for itself.
        assertThat(closed.await(20, TimeUnit.SECONDS)).as("close() returned on the loop thread").isTrue();
        assertThat(self[0].status().running()).isFalse();
        assertThat(self[0].status().health().state()).isEqualTo(Health.State.STOPPED);
        assertThat(sourceClosedDuringTick).as("the engine is released after the tick, not in the middle").isFalse();
    }

    @Test
    void closeFromAListenerOfAManualTickReleasesTheEngineWhenTheTickEnds() {
        SimulatedController controller = new SimulatedController();
        AutoSA[] self = new AutoSA[1];
        List<String> historyAtClose = new ArrayList<>();
        self[0] = AutoSA.builder().metricSource(cpu()).controller(controller).clock(clock)
                .listener(e -> {
                    if (e instanceof AutoSAEvent.Decided) {
                        self[0].close();
                        historyAtClose.addAll(controller.history());
                    }
                }).build();
        self[0].tick();
        assertThat(historyAtClose).doesNotContain("close keep=false");
        assertThat(controller.history()).endsWith("close keep=false");
        assertThatThrownBy(self[0]::tick).hasMessage("autosa is closed");
    }

    @Test
    void aHostExecutorShutDownUnderTheEngineIsDetected() {
        ScheduledThreadPoolExecutor host = new ScheduledThreadPoolExecutor(1);
        try (StderrCapture err = new StderrCapture();
                AutoSA autosa = AutoSA.builder().metricSource(cpu()).controller(new SimulatedController())
                        .executor(host).build()) {
            autosa.start();
            assertThat(autosa.status().running()).isTrue();
            host.shutdownNow();
            AutoSAStatus s = autosa.status();
            assertThat(s.running()).isFalse();
            assertThat(s.health().state()).isEqualTo(Health.State.STOPPED);
            assertThat(s.health().why()).contains("executor");
            assertThat(err.text()).contains("ERROR").contains("the loop's executor stopped running ticks");
        }
    }

    @Test
    void aLoopWhoseTicksDoNotComeIsStalled() throws InterruptedException {
        ScheduledExecutorService host = new ScheduledThreadPoolExecutor(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        // The host's only thread is busy with something else: AutoSA's ticks queue behind it.
        host.execute(() -> {
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        busy.await();
        try (AutoSA autosa = AutoSA.builder().metricSource(cpu()).controller(new SimulatedController())
                .clock(clock).executor(host).build()) {
            autosa.start();
            assertThat(autosa.status().health()).isEqualTo(Health.OK);
            assertThat(autosa.status().lastTickAt()).isNull();
            clock.advance(Duration.ofSeconds(31));
            AutoSAStatus s = autosa.status();
            assertThat(s.running()).isTrue();
            assertThat(s.health().state()).isEqualTo(Health.State.STALLED);
            assertThat(s.health().why()).isEqualTo("no tick for 31s (collection interval 1s)");
        } finally {
            release.countDown();
            host.shutdownNow();
        }
    }

    /** Writes in-range values plus impossible ones: a negative iowait share and a disk 700% busy. */
    static final class OutOfRangeSource implements MetricSource {
        @Override
        public String name() {
            return "out-of-range";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void sample(MetricSink sink) {
            sink.put(MetricKey.CPU_BUSY, 0.05);
            sink.put(MetricKey.CPU_IOWAIT, -5);
            sink.put(MetricKey.IO_UTIL, 7);
            sink.put(MetricKey.PSI_IO_SOME, 1.5);
            sink.put(MetricKey.IO_READ_BYTES_PER_SEC, -1);
        }
    }

    @Test
    void valuesOutsideTheirDocumentedRangeAreDroppedAndWarnedAboutOnce() {
        try (StderrCapture err = new StderrCapture();
                AutoSA autosa = AutoSA.builder().metricSource(new OutOfRangeSource())
                        .controller(new SimulatedController()).clock(clock).build()) {
            run(autosa, 40);
            AutoSAStatus s = autosa.status();
            assertThat(s.counters().rejectedValues()).isEqualTo(4 * 40);
            assertThat(s.windowMeans()).containsOnlyKeys("cpu.busy");
            assertThat(s.classification().workload()).isNotEqualTo(Workload.IO_BOUND);
            String text = err.text();
            assertThat(text).contains("metric source out-of-range wrote io.read_bytes_per_sec outside its documented"
                    + " range (shares 0..1, rates >= 0); such values are dropped, not classified");
            assertThat(text.split("documented range", -1)).as("one warning in 40 s").hasSize(2);
        }
    }

    @Test
    void missedTicksAreCountedAndWarnedAboutOnceAMinute() {
        try (StderrCapture err = new StderrCapture();
                AutoSA autosa = AutoSA.builder().metricSource(cpu()).controller(new SimulatedController())
                        .clock(clock).collectionInterval(Duration.ofMillis(10)).aggregationWindow(Duration.ofSeconds(1))
                        .build()) {
            autosa.tick();
            clock.advance(Duration.ofMillis(10));
            autosa.tick(); // on time
            clock.advance(Duration.ofMillis(55));
            autosa.tick(); // 4 ticks should have started in between
            clock.advance(Duration.ofMillis(30));
            autosa.tick(); // 2 more
            assertThat(autosa.status().counters().missedTicks()).isEqualTo(6);
            assertThat(err.text().split("ticks were missed", -1)).as("one warning a minute").hasSize(2);
        }
    }

    @Test
    void everySetterRejectsNullAtOnceNamingTheSetting() {
        AutoSA.Builder b = AutoSA.builder();
        List<Consumer<AutoSA.Builder>> calls = List.of(x -> x.collectionInterval(null), x -> x.aggregationWindow(null),
                x -> x.minSwitchInterval(null), x -> x.stabilityPeriod(null), x -> x.warmup(null),
                x -> x.failureBackoff(null), x -> x.maxFailureBackoff(null), x -> x.mode(null),
                x -> x.metricSource(null), x -> x.classifier(null), x -> x.controller(null), x -> x.classLoader(null),
                x -> x.config(null), x -> x.preferences(null), x -> x.clock((InstantSource) null),
                x -> x.executor(null), x -> x.listener(null), x -> x.schedulerArgs("scx_lavd", null),
                x -> x.providerSetting("scx_run_dir", null));
        List<String> names = List.of("collection interval", "aggregation window", "min switch interval",
                "stability period", "warmup", "failure backoff", "max failure backoff", "mode", "metric source",
                "classifier", "controller", "class loader", "config", "preferences", "clock", "executor", "listener",
                "scheduler args for scx_lavd", "provider setting scx_run_dir");
        for (int i = 0; i < calls.size(); i++) {
            Consumer<AutoSA.Builder> call = calls.get(i);
            assertThatThrownBy(() -> call.accept(b)).isInstanceOf(NullPointerException.class)
                    .hasMessage(names.get(i) + " must not be null");
        }
    }

    @Test
    void aBuilderBuildsOnce() {
        AutoSA.Builder b = AutoSA.builder().metricSource(cpu()).controller(new SimulatedController());
        try (AutoSA first = b.build()) {
            assertThat(first.mode()).isEqualTo(Mode.RECOMMEND);
            assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class)
                    .hasMessage("this builder has already built an AutoSA; use a new builder");
        }
    }

    @Test
    void schedulerArgumentsAreCheckedAtOnceAndByTheControllerAtBuild() {
        assertThatThrownBy(() -> AutoSA.builder().schedulerArgs("scx_lavd", List.of("; rm -rf /")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduler args for scx_lavd must be flags or plain values (letters, digits,"
                        + " - _ . , : / + = @ %) but held \"; rm -rf /\"");
        assertThatThrownBy(() -> AutoSA.builder().schedulerArgs("scx_lavd", List.of("--slice\n")))
                .hasMessageEndingWith("but held \"--slice\\u000a\"");
        AutoSA.Builder b = AutoSA.builder().metricSource(cpu()).controller(new TestController())
                .schedulerArgs("scx_lavd", List.of("--fast", "--turbo"));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheduler args for scx_lavd: unknown flag --turbo for scx_lavd (checked by test-controller)");
    }

    @Test
    void aProviderSettingNoProviderClaimsIsRejectedAtBuild() {
        assertThatThrownBy(() -> AutoSA.builder().metricSource(cpu()).providerSetting("scx_run_dir", "/x")
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("provider setting scx_run_dir is claimed by no provider on the class path (prefixes"
                        + " claimed: none)");
    }

    @Test
    void theDecisionHistoryRecordsANewReasonEvenWhenVerdictAndTargetStay() {
        // Nothing installed: io-bound and then cpu-bound both end in "no installed scheduler"
        // with the same (empty) target; status must not keep showing the io-bound reason.
        ScriptedSource source = new ScriptedSource().then("io", 120, ScriptedSource.IO).then("cpu", 120,
                ScriptedSource.CPU);
        try (AutoSA autosa = AutoSA.builder().mode(Mode.AUTO).metricSource(source)
                .controller(new SimulatedController(List.of())).clock(clock).build()) {
            run(autosa, 240);
            List<Decision> history = autosa.status().recentDecisions();
            Decision last = history.get(history.size() - 1);
            assertThat(last.reasonCode().kind()).isEqualTo(Decision.Reason.Kind.NO_CANDIDATE);
            assertThat(last.reason()).startsWith("no installed scheduler for cpu-bound");
            assertThat(history).anyMatch(d -> d.reason().startsWith("no installed scheduler for io-bound"));
        }
    }

    @Test
    void closeDecidesWhetherTheSchedulerStays() {
        SimulatedController controller = new SimulatedController();
        AutoSA autosa = AutoSA.builder().mode(Mode.AUTO).metricSource(cpu()).controller(controller).clock(clock).build();
        run(autosa, 100);
        assertThat(controller.current().scheduler()).isEqualTo("scx_rusty");
        autosa.close(true);
        autosa.close(false); // the first call decided
        assertThat(controller.history()).endsWith("close keep=true");
        assertThat(controller.current().scheduler()).isEqualTo("scx_rusty");
    }
}
