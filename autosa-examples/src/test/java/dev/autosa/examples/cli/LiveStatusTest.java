// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerController;
import dev.autosa.api.SchedulerException;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.core.SimulatedController;
import dev.autosa.examples.ConstantSource;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The control socket's status and list while the engine is starting a scheduler: the engine holds
 * its lock for the whole tick, the controller blocks in activate (as a real one does for seconds
 * until the kernel attached the scheduler), and both still answer.
 */
class LiveStatusTest {

    /** Blocks in {@code activate} until released; otherwise the simulated controller. */
    static final class BlockingController implements SchedulerController {
        final SimulatedController sim = new SimulatedController();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "blocking";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public List<SchedulerInfo> available() {
            return sim.available();
        }

        @Override
        public ActiveScheduler current() {
            return sim.current();
        }

        @Override
        public ActiveScheduler activate(SchedulerSpec spec) throws SchedulerException {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sim.activate(spec);
        }

        @Override
        public void deactivate() throws SchedulerException {
            sim.deactivate();
        }

        @Override
        public Optional<SchedulerFailure> checkHealth() {
            return sim.checkHealth();
        }

        @Override
        public void close(boolean keepScheduler) {
            sim.close(keepScheduler);
        }
    }

    @Test
    void statusAndListAnswerWhileASwitchBlocksTheEngine() throws Exception {
        BlockingController blocking = new BlockingController();
        ManagedController managed = new ManagedController(blocking);
        AtomicLong millis = new AtomicLong(1_000_000);
        InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
        ExecutorService engineThread = Executors.newSingleThreadExecutor();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (AutoSA autosa = AutoSA.builder()
                .mode(Mode.AUTO)
                .collectionInterval(Duration.ofSeconds(1))
                .aggregationWindow(Duration.ofSeconds(4))
                .minConfidence(0.5)
                .metricSource(new ConstantSource(0.97))
                .controller(managed)
                .clock(clock)
                .build()) {
            LiveStatus live = new LiveStatus(autosa, managed, reader);
            assertThat(managed.available()).hasSize(5);
            // The engine ticks on its own thread until the policy switches, which blocks in activate.
            Future<?> ticking = engineThread.submit(() -> {
                while (blocking.entered.getCount() > 0) {
                    millis.addAndGet(1_000);
                    autosa.tick();
                }
            });
            assertThat(blocking.entered.await(60, TimeUnit.SECONDS)).as("the engine never switched").isTrue();

            LiveStatus.Snapshot during = live.get();
            assertThat(during.switching()).isNotNull();
            assertThat(during.switching().target()).isEqualTo("scx_rusty");
            assertThat(during.status().active().isKernelDefault()).isTrue();
            // The closed loop's status comes with it, also without the engine's lock (the metrics
            // endpoint reads both): the last one read, before the switch.
            assertThat(during.experiments().running()).isNull();
            assertThat(live.experiments().running()).isNull();
            // A second request during the same switch gets the same answer without a second waiting reader.
            assertThat(live.get().switching()).isEqualTo(during.switching());
            assertThat(managed.available()).hasSize(5);
            assertThat(ticking.isDone()).isFalse();

            blocking.release.countDown();
            ticking.get(60, TimeUnit.SECONDS);
            LiveStatus.Snapshot after = live.get();
            assertThat(after.switching()).isNull();
            assertThat(after.status().active().scheduler()).isEqualTo("scx_rusty");
            assertThat(after.experiments().running()).isNotNull();
            assertThat(after.experiments().running().to()).isEqualTo("scx_rusty");
        } finally {
            blocking.release.countDown();
            engineThread.shutdownNow();
            reader.shutdownNow();
        }
    }

    @Test
    void withoutASwitchStatusIsFresh() throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).metricSource(new ConstantSource(0.5)).build()) {
            LiveStatus live = new LiveStatus(autosa, null, reader);
            autosa.tick();
            autosa.tick();
            assertThat(live.get().status().ticks()).isEqualTo(2);
            assertThat(live.get().switching()).isNull();
        } finally {
            reader.shutdownNow();
        }
    }
}
