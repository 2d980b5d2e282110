// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.MachineFacts;
import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.api.MetricSource;
import dev.autosa.proc.linux.ScxStatsState.Status;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScxStatsSourceTest {

    private static final String REPLY = "{\"errno\":0,\"args\":{\"resp\":{\"nr_queued_task\":3,\"pc_lat_cri\":48.25,"
            + "\"power_mode\":\"performance\"}}}\n";

    @TempDir
    Path tmp;

    /** The inner source: one value, so the test sees that it still samples whatever scx_stats does. */
    private static final MetricSource BASE = base(MachineFacts.ofRuntime());

    /** {@link #BASE} on the given machine. */
    private static MetricSource base(MachineFacts machine) {
        return new MetricSource() {
            @Override
            public String name() {
                return "base";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public void sample(MetricSink sink) {
                sink.put(MetricKey.CPU_BUSY, 0.5);
            }

            @Override
            public MachineFacts machine() {
                return machine;
            }
        };
    }

    private static Map<String, Double> tick(MetricSource s) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        s.sample((k, v) -> out.put(k.name(), v));
        return out;
    }

    /**
     * One tick with a zero budget, then, when a request went out, a wait for the reader (not on a
     * clock) and the tick that takes its answer.
     */
    private static Map<String, Double> settledTick(ScxStatsSource s) throws Exception {
        Map<String, Double> first = tick(s);
        if (s.inFlight() == null) {
            return first;
        }
        try {
            s.inFlight().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // The next tick reports it.
        }
        Map<String, Double> second = tick(s);
        assertThat(first).as("the first tick did not wait").containsOnlyKeys("cpu.busy");
        return second;
    }

    private Path socket() {
        return tmp.resolve("stats");
    }

    @Test
    void aServingSchedulerAddsItsNumericFieldsUnderScxAndAsksTheTopTarget() throws Exception {
        try (FakeStatsServer server = FakeStatsServer.answering(socket(), REPLY);
                ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                        .timeout(Duration.ofSeconds(30)).build()) {
            Map<String, Double> values = settledTick(source);
            assertThat(values).containsEntry("cpu.busy", 0.5).containsEntry("scx.nr_queued_task", 3.0)
                    .containsEntry("scx.pc_lat_cri", 48.25).doesNotContainKey("scx.power_mode");
            assertThat(server.requests).containsExactly("{\"req\":\"stat\",\"args\":{\"target\":\"top\"}}\n");
            ScxStatsState state = source.state();
            assertThat(state.status()).isEqualTo(Status.OK);
            assertThat(state.values()).containsEntry("nr_queued_task", 3.0);
            assertThat(state.reads()).isEqualTo(1);
            assertThat(source.name()).isEqualTo("base");
        }
    }

    @Test
    void theTickDoesNotWaitForASlowSchedulerBeyondItsBudgetAndTakesTheAnswerNextTick() throws Exception {
        try (FakeStatsServer server = FakeStatsServer.slow(socket(), REPLY);
                ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                        .timeout(Duration.ofSeconds(30)).build()) {
            Map<String, Double> first = tick(source);
            // The tick returned while the server still holds its answer back on the latch.
            assertThat(server.release.getCount()).isEqualTo(1);
            assertThat(first).containsOnlyKeys("cpu.busy");
            assertThat(source.state().status()).isEqualTo(Status.PENDING);
            assertThat(source.state().detail()).contains("budget of 0 ms");

            assertThat(server.asked.await(30, TimeUnit.SECONDS)).isTrue();
            Map<String, Double> second = tick(source);
            assertThat(second).as("no second request while one is out").containsOnlyKeys("cpu.busy");
            assertThat(server.requests).hasSize(1);

            server.release.countDown();
            source.inFlight().get(30, TimeUnit.SECONDS);
            assertThat(tick(source)).containsEntry("scx.nr_queued_task", 3.0);
            assertThat(source.state().status()).isEqualTo(Status.OK);
        }
    }

    @Test
    void noSocketMeansNoScxKeysAndALookOnlyEveryFewTicks() throws Exception {
        try (ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).build()) {
            assertThat(tick(source)).containsOnlyKeys("cpu.busy");
            assertThat(source.state().status()).isEqualTo(Status.ABSENT);
            assertThat(source.state().detail()).contains("no socket " + socket());
            // A scheduler appears: it is found within ABSENT_RECHECK_TICKS ticks, not on every tick.
            try (FakeStatsServer server = FakeStatsServer.answering(socket(), REPLY)) {
                int ticks = 0;
                while (source.state().status() == Status.ABSENT) {
                    tick(source);
                    ticks++;
                    if (source.inFlight() != null) {
                        source.inFlight().get(30, TimeUnit.SECONDS);
                    }
                    assertThat(ticks).isLessThanOrEqualTo(ScxStatsSource.ABSENT_RECHECK_TICKS + 1);
                }
                assertThat(ticks).isEqualTo(ScxStatsSource.ABSENT_RECHECK_TICKS);
                assertThat(server.requests).hasSize(1);
            }
        }
    }

    @Test
    void whileNoSocketIsThereTheStateIsBuiltOnceNotOnEveryLook() throws Exception {
        try (ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).build()) {
            tick(source);
            ScxStatsState absent = source.state();
            assertThat(absent.status()).isEqualTo(Status.ABSENT);
            for (int i = 0; i < 3 * ScxStatsSource.ABSENT_RECHECK_TICKS; i++) {
                assertThat(tick(source)).containsOnlyKeys("cpu.busy");
            }
            assertThat(source.state()).isSameAs(absent);
        }
    }

    @Test
    void aDeadSchedulerSocketIsAFailureNamingTheSocketAndTheTickGoesOn() throws Exception {
        // Bound, then closed without unlinking: the file is there, nobody listens (a crashed scheduler).
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket()));
        dead.close();
        try (ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                .build()) {
            assertThat(settledTick(source)).containsOnlyKeys("cpu.busy");
            assertThat(source.state().status()).isEqualTo(Status.FAILED);
            assertThat(source.state().detail()).isNotBlank();
            assertThat(source.state().failures()).isEqualTo(1);
        }
    }

    @Test
    void aSchedulerThatNeverAnswersFailsAfterTheTimeoutOnTheReaderThread() throws Exception {
        try (FakeStatsServer server = FakeStatsServer.slow(socket(), REPLY);
                ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                        .timeout(Duration.ofMillis(50)).build()) {
            tick(source);
            assertThat(source.inFlight()).isNotNull();
            assertThatThrownBy(() -> source.inFlight().get(30, TimeUnit.SECONDS))
                    .hasRootCauseMessage(socket() + ": no answer within 50 ms");
            tick(source);
            assertThat(source.state().status()).isEqualTo(Status.FAILED);
            assertThat(source.state().detail()).isEqualTo(socket() + ": no answer within 50 ms");
            assertThat(server.release.getCount()).isEqualTo(1);
        }
    }

    @Test
    void anEndlessReplyIsCutAtTheSizeLimit() throws Exception {
        byte[] endless = new byte[4096];
        Arrays.fill(endless, (byte) ' ');
        try (FakeStatsServer server = FakeStatsServer.raw(socket(), () -> endless);
                ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                        .timeout(Duration.ofSeconds(30)).maxBytes(1024).build()) {
            settledTick(source);
            assertThat(source.state().status()).isEqualTo(Status.FAILED);
            assertThat(source.state().detail()).isEqualTo(socket() + ": reply longer than 1024 bytes; ignored");
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void anErrorReplyIsAFailureWithTheErrno() throws Exception {
        try (FakeStatsServer server = FakeStatsServer.answering(socket(), "{\"errno\":2,\"args\":{}}\n");
                ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                        .timeout(Duration.ofSeconds(30)).build()) {
            settledTick(source);
            assertThat(source.state().detail()).isEqualTo(socket() + ": the scheduler answered errno 2");
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void theMachineIsTheWrappedSourcesNotTheJvms() throws Exception {
        MachineFacts machine = new MachineFacts(96, 1L << 40, "6.12.0-test");
        MetricSource base = base(machine);
        try (ScxStatsSource source = ScxStatsSource.wrap(base).socket(socket()).build()) {
            assertThat(source.machine()).isSameAs(machine);
        }
    }

    @Test
    void settingsAreCheckedNamingTheValue() {
        assertThatThrownBy(() -> ScxStatsSource.wrap(BASE).budget(Duration.ofSeconds(2)))
                .hasMessage("scx stats budget must be in [0 ms, 1000 ms] but was 2000 ms");
        assertThatThrownBy(() -> ScxStatsSource.wrap(BASE).timeout(Duration.ZERO))
                .hasMessage("scx stats timeout must be in [1 ms, 60000 ms] but was 0 ms");
        assertThatThrownBy(() -> ScxStatsSource.wrap(BASE).maxBytes(10))
                .hasMessage("scx stats max bytes must be in [64, 16777216] but was 10");
    }

    @Test
    void aRegularFileAtTheSocketPathIsAFailureNotAHang() throws Exception {
        Files.writeString(socket(), "not a socket", StandardCharsets.UTF_8);
        try (ScxStatsSource source = ScxStatsSource.wrap(BASE).socket(socket()).budget(Duration.ZERO)
                .build()) {
            settledTick(source);
            assertThat(source.state().status()).isEqualTo(Status.FAILED);
        }
    }
}
