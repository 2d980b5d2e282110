// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.AutoSAEvent;
import dev.autosa.api.Decision;
import dev.autosa.api.SchedulerFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the whole engine through hours of simulated time with scripted workloads and asserts the
 * exact switches, holds and failures. Defaults apply unless a test says otherwise: 1 s interval,
 * 60 s window, 30 s warm-up, confidence 0.7, 20 s stability, 300 s between switches.
 *
 * <p>Timing math for a clean change from idle to a busy class: the default classifier scores the 40
 * most recent ticks (2/3 of the window). After k busy ticks idle is disqualified as soon as k >= 8
 * (busy in 20% of the scored ticks), so the busy class's confidence is k/40, which reaches 0.70 at
 * k = 28. The recommendation must then hold for 20 s: the switch happens on the 48th tick of the
 * phase, i.e. 47 s after the phase's first tick.
 */
class EngineScenarioTest {

    private final ManualClock clock = new ManualClock();
    private final List<String> timeline = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();

    private AutoSA engine(ScriptedSource source, SimulatedController controller) {
        return AutoSA.builder()
                .metricSource(source)
                .controller(controller)
                .clock(clock)
                .listener(this::record)
                .build();
    }

    private void record(AutoSAEvent e) {
        long t = (e.time().toEpochMilli() - ManualClock.START.toEpochMilli()) / 1000;
        if (e instanceof AutoSAEvent.Switched s) {
            timeline.add("t=" + t + " switch " + name(s.from()) + " -> " + name(s.to()));
        } else if (e instanceof AutoSAEvent.Failed f) {
            timeline.add("t=" + t + " failed " + f.failure().scheduler() + " " + f.failure().kind() + " backoff "
                    + Durations.format(f.backoff()) + (f.blocklisted() ? " blocklisted" : ""));
        }
    }

    private static String name(String s) {
        return s == null ? "default" : s;
    }

    /** Ticks once per simulated second for {@code seconds}. */
    private void run(AutoSA autosa, int seconds) {
        for (int i = 0; i < seconds; i++) {
            decisions.add(autosa.tick());
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void switchesOnlyWhenConfidentStableAndAllowed() {
        ScriptedSource source = new ScriptedSource()
                .then("idle", 600, ScriptedSource.IDLE)
                .then("cpu", 1200, ScriptedSource.CPU)
                .then("io", 1200, ScriptedSource.IO)
                .thenBursty("bursty", 1800, ScriptedSource.CPU, 10, ScriptedSource.IDLE, 20)
                .then("idle again", 600, ScriptedSource.IDLE);
        SimulatedController controller = new SimulatedController();
        try (AutoSA autosa = engine(source, controller)) {
            run(autosa, 600);
            // Idle: the kernel default suits it and already runs; nothing to do.
            assertThat(timeline).isEmpty();
            assertThat(decisions.get(10).reason()).isEqualTo("warming up: 11s of 30s of data");
            assertThat(decisions.get(599).action()).isEqualTo(Decision.Action.NONE);
            assertThat(decisions.get(599).reason()).startsWith("the kernel default already runs (idle");

            run(autosa, 1200);
            assertThat(timeline).containsExactly("t=647 switch default -> scx_rusty");
            // Before the switch the policy said why it waited: first confidence, then stability.
            assertThat(decisions.get(600 + 20).reason()).startsWith("confidence 0.");
            assertThat(decisions.get(600 + 35).reason()).startsWith("waiting for scx_rusty to stay recommended for 20s");
            assertThat(controller.current().scheduler()).isEqualTo("scx_rusty");

            run(autosa, 1200);
            // I/O-bound is recognized about as fast (51 s: confident once its ticks outnumber the
            // remaining cpu-bound ones enough); the min interval (300 s since t=647) has long passed.
            assertThat(timeline).containsExactly("t=647 switch default -> scx_rusty",
                    "t=1851 switch scx_rusty -> scx_bpfland");

            run(autosa, 1800);
            // Bursty: 10 s busy, 20 s idle. The scored 40 most recent ticks hold 10 to 20 busy ones:
            // too many for idle (busy in >= 20% of ticks), too few for cpu-bound to reach more than
            // 20/40 = 0.50: the policy holds, no switch.
            assertThat(timeline).hasSize(2);
            Decision bursty = decisions.get(4800 - 1);
            assertThat(bursty.action()).isEqualTo(Decision.Action.HOLD);
            assertThat(bursty.reason()).matches("confidence 0\\.[2-5]\\d for cpu-bound below threshold 0\\.70");

            run(autosa, 600);
            // Back to idle at t=4800: the scored 40 ticks still hold the last 10 s burst (t=4770..4779);
            // once fewer than 8 of them remain (t=4812) idle is no longer disqualified and scores 33 of
            // 40 against cpu-bound's 7 (confidence 0.75), stable 20 s later. The kernel default is
            // restored like any other switch.
            assertThat(timeline).containsExactly("t=647 switch default -> scx_rusty",
                    "t=1851 switch scx_rusty -> scx_bpfland",
                    "t=4832 switch scx_bpfland -> default");
        }
        assertThat(controller.history()).containsExactly("activate scx_rusty", "activate scx_bpfland", "deactivate",
                "close keep=false");
    }

    @Test
    void minSwitchIntervalDelaysTheNextSwitch() {
        ScriptedSource source = new ScriptedSource()
                .then("cpu", 120, ScriptedSource.CPU)
                .then("io", 600, ScriptedSource.IO);
        SimulatedController controller = new SimulatedController();
        try (AutoSA autosa = engine(source, controller)) {
            run(autosa, 720);
        }
        // cpu-bound from the first tick: confident once warm (t=29: 30 of 30 ticks), stable 20 s later.
        // io-bound would be ready at t=120+48=168 but the min interval holds it until t=49+300=349.
        assertThat(timeline).containsExactly("t=49 switch default -> scx_rusty", "t=349 switch scx_rusty -> scx_bpfland");
        assertThat(decisions.get(300).reason()).isEqualTo(
                "min switch interval 300s: next switch allowed at 2026-01-01T00:05:49Z");
    }

    @Test
    void failingSchedulerIsBackedOffThenBlocklistedAndTheNextPreferenceIsUsed() {
        ScriptedSource source = new ScriptedSource().then("cpu", 3600, ScriptedSource.CPU);
        SimulatedController controller = new SimulatedController();
        controller.failActivation("scx_rusty", SchedulerFailure.Kind.START_FAILED);
        try (AutoSA autosa = AutoSA.builder().metricSource(source).controller(controller).clock(clock)
                .listener(this::record).minSwitchInterval(Duration.ZERO).build()) {
            run(autosa, 3600);
            assertThat(autosa.status().failures()).singleElement().satisfies(f -> {
                assertThat(f.scheduler()).isEqualTo("scx_rusty");
                assertThat(f.failures()).isEqualTo(3);
                assertThat(f.blocklisted()).isTrue();
            });
        }
        // First try at t=49. Each failure restarts the 20 s stability wait; the backoff (60 s, then
        // 120 s) is longer, so retries come when it ends. After the third failure scx_rusty is
        // blocklisted and cpu-bound falls back to scx_bpfland from the next tick on, stable 20 s later.
        assertThat(timeline).containsExactly(
                "t=49 failed scx_rusty START_FAILED backoff 60s",
                "t=109 failed scx_rusty START_FAILED backoff 120s",
                "t=229 failed scx_rusty START_FAILED backoff 240s blocklisted",
                "t=250 switch default -> scx_bpfland");
    }

    @Test
    void crashedSchedulerFallsBackToDefaultAndIsBackedOff() {
        ScriptedSource source = new ScriptedSource().then("cpu", 600, ScriptedSource.CPU);
        SimulatedController controller = new SimulatedController();
        try (AutoSA autosa = AutoSA.builder().metricSource(source).controller(controller).clock(clock)
                .listener(this::record).minSwitchInterval(Duration.ZERO).build()) {
            run(autosa, 100);
            controller.crash(SchedulerFailure.Kind.EJECTED);
            run(autosa, 200);
            assertThat(autosa.status().active()).isEqualTo(controller.current());
        }
        // Detected on the next tick (t=100), backed off 60 s, then tried again.
        assertThat(timeline).containsExactly("t=49 switch default -> scx_rusty",
                "t=100 failed scx_rusty EJECTED backoff 60s", "t=160 switch default -> scx_rusty");
    }

    @Test
    void neverFightsASchedulerSomeoneElseStarted() {
        ScriptedSource source = new ScriptedSource().then("cpu", 600, ScriptedSource.CPU);
        SimulatedController controller = new SimulatedController();
        controller.startedByOthers("scx_lavd");
        try (AutoSA autosa = engine(source, controller)) {
            run(autosa, 300);
            assertThat(timeline).isEmpty();
            assertThat(decisions.get(299).action()).isEqualTo(Decision.Action.HOLD);
            assertThat(decisions.get(299).reason()).isEqualTo(
                    "scx_lavd was started outside AutoSA; not interfering (hand it over with 'autosa adopt' or"
                            + " AutoSA.adoptRunningScheduler() to let AutoSA switch)");
            assertThat(autosa.adoptRunningScheduler()).isTrue();
            run(autosa, 300);
            // Adopted at t=300: the stability period counts from when AutoSA may act, so 20 s later.
            assertThat(timeline).containsExactly("t=320 switch scx_lavd -> scx_rusty");
        }
    }

    @Test
    void flappingRecommendationNeverSwitches() {
        // 15 s cpu, 15 s io, repeated: both classes score about half the window; confidence stays low.
        ScriptedSource source = new ScriptedSource()
                .thenBursty("flapping", 3600, ScriptedSource.CPU, 15, ScriptedSource.IO, 15);
        SimulatedController controller = new SimulatedController();
        try (AutoSA autosa = engine(source, controller)) {
            run(autosa, 3600);
            assertThat(autosa.status().counters().get("switches")).isZero();
        }
        assertThat(timeline).isEmpty();
        assertThat(controller.history()).containsExactly("close keep=false");
    }

    @Test
    void recommendModeDecidesButNeverSwitches() {
        ScriptedSource source = new ScriptedSource().then("cpu", 600, ScriptedSource.CPU);
        SimulatedController controller = new SimulatedController();
        try (AutoSA autosa = AutoSA.builder().metricSource(source).controller(controller).clock(clock)
                .mode(Mode.RECOMMEND).listener(this::record).build()) {
            run(autosa, 600);
            assertThat(autosa.status().recommended()).isEqualTo("scx_rusty");
            assertThat(decisions.get(599).reason()).isEqualTo(
                    "recommend mode; would switch to scx_rusty (cpu-bound 1.00 >= 0.70, stable 20s)");
        }
        assertThat(timeline).isEmpty();
        assertThat(controller.history()).containsExactly("close keep=false");
    }

    @Test
    void closeRestoresTheKernelDefaultUnlessTold() {
        ScriptedSource source = new ScriptedSource().then("cpu", 600, ScriptedSource.CPU);
        SimulatedController restored = new SimulatedController();
        try (AutoSA autosa = engine(source, restored)) {
            run(autosa, 100);
            assertThat(restored.current().scheduler()).isEqualTo("scx_rusty");
        }
        assertThat(restored.current()).isEqualTo(ActiveScheduler.KERNEL_DEFAULT);

        SimulatedController kept = new SimulatedController();
        try (AutoSA autosa = AutoSA.builder().metricSource(new ScriptedSource().then("cpu", 600, ScriptedSource.CPU))
                .controller(kept).clock(clock).keepSchedulerOnClose(true).build()) {
            run(autosa, 100);
        }
        assertThat(kept.current().scheduler()).isEqualTo("scx_rusty");
        assertThat(kept.history()).endsWith("close keep=true");
    }

    @Test
    void aFailingSampleIsReportedAndTheLoopGoesOn() {
        ScriptedSource source = new ScriptedSource().then("cpu", 600, ScriptedSource.CPU);
        List<String> problems = new ArrayList<>();
        try (AutoSA autosa = AutoSA.builder().metricSource(source).controller(new SimulatedController()).clock(clock)
                .listener(e -> {
                    if (e instanceof AutoSAEvent.TickProblem p) {
                        problems.add(p.problem());
                    }
                }).build()) {
            run(autosa, 10);
            source.failNextSample();
            run(autosa, 10);
            assertThat(problems).containsExactly(
                    "metric source scripted failed: java.io.IOException: injected: /proc/stat truncated");
            assertThat(autosa.status().ticks()).isEqualTo(20);
            assertThat(autosa.status().slowTicks()).isEqualTo(1);
        }
    }
}
