// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.SchedulerFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Switches asked for by an operator or an agent ({@link AutoSA#requestSwitch}) pass the policy's own checks. */
class RequestSwitchTest {

    private final ManualClock clock = new ManualClock();

    private AutoSA engine(Mode mode, SimulatedController controller) {
        return AutoSA.builder().metricSource(new ScriptedSource().then("idle", 3600, ScriptedSource.IDLE))
                .controller(controller).clock(clock).mode(mode).build();
    }

    @Test
    void anInstalledSchedulerIsStartedThroughTheControllerAndTheMinIntervalThenHoldsTheNext() {
        SimulatedController ctl = new SimulatedController(List.of("scx_rusty", "scx_lavd"));
        try (AutoSA autosa = engine(Mode.AUTO, ctl)) {
            autosa.tick();
            SwitchOutcome ok = autosa.requestSwitch("scx_lavd", "test");
            assertThat(ok.accepted()).isTrue();
            assertThat(ok.reason()).isEqualTo("switched to scx_lavd (requested by test)");
            assertThat(ok.active().scheduler()).isEqualTo("scx_lavd");
            assertThat(ctl.history()).singleElement().asString().startsWith("activate ").contains("scx_lavd");
            assertThat(autosa.status().lastSwitch().reason()).isEqualTo("requested by test");

            SwitchOutcome again = autosa.requestSwitch("scx_rusty", "test");
            assertThat(again.accepted()).isFalse();
            assertThat(again.reason()).startsWith("min switch interval 300s: next switch allowed at ");
            assertThat(again.active().scheduler()).isEqualTo("scx_lavd");

            SwitchOutcome same = autosa.requestSwitch("scx_lavd", "test");
            assertThat(same.accepted()).isTrue();
            assertThat(same.reason()).isEqualTo("scx_lavd already runs; nothing to do");

            // Back to the kernel default is the safe direction: no interval to wait for.
            SwitchOutcome home = autosa.requestSwitch(null, "test");
            assertThat(home.accepted()).isTrue();
            assertThat(home.active().isKernelDefault()).isTrue();
        }
    }

    @Test
    void refusalsSayWhyInThePolicysWords() {
        SimulatedController ctl = new SimulatedController(List.of("scx_rusty"));
        try (AutoSA autosa = engine(Mode.AUTO, ctl)) {
            assertThat(autosa.requestSwitch("scx_nosuch", "test").reason())
                    .isEqualTo("scx_nosuch is not installed in a trusted directory (see 'autosa list')");
            assertThat(autosa.requestSwitch("rm -rf /", "test").reason())
                    .isEqualTo("scheduler name must be scx_ followed by a-z, 0-9 or '_' but was \"rm -rf /\"");

            ctl.failActivation("scx_rusty", SchedulerFailure.Kind.START_FAILED);
            SwitchOutcome failed = autosa.requestSwitch("scx_rusty", "test");
            assertThat(failed.accepted()).isFalse();
            assertThat(failed.reason()).startsWith("switching to scx_rusty failed; kernel default runs");
            assertThat(autosa.requestSwitch("scx_rusty", "test").reason())
                    .startsWith("scx_rusty is in failure backoff until ");

            ctl.startedByOthers("scx_rusty");
            autosa.tick();
            assertThat(autosa.requestSwitch(null, "test").reason())
                    .startsWith("scx_rusty was started outside AutoSA; autosa does not interfere with it");
        }
        assertThat(ctl.history()).doesNotContain("deactivate");
    }

    @Test
    void recommendModeNeverSwitchesAndSaysHowToAllowIt() {
        SimulatedController ctl = new SimulatedController(List.of("scx_rusty"));
        try (AutoSA autosa = engine(Mode.RECOMMEND, ctl)) {
            SwitchOutcome o = autosa.requestSwitch("scx_rusty", "test");
            assertThat(o.accepted()).isFalse();
            assertThat(o.reason()).startsWith("autosa runs in recommend mode and never switches")
                    .endsWith("start it with --mode auto to allow switches, or --mode dry-run to simulate them");
            assertThat(ctl.history()).isEmpty();
        }
    }

    @Test
    void theMinIntervalPassesOnTheEnginesClock() {
        SimulatedController ctl = new SimulatedController(List.of("scx_rusty", "scx_lavd"));
        try (AutoSA autosa = engine(Mode.DRY_RUN, ctl)) {
            assertThat(autosa.requestSwitch("scx_lavd", "test").reason()).endsWith(
                    "; dry run: simulated, the kernel was not touched");
            clock.advance(Duration.ofMinutes(5));
            assertThat(autosa.requestSwitch("scx_rusty", "test").accepted()).isTrue();
        }
    }
}
