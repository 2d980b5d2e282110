// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.AutoSAEvent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** start() runs the loop on its own daemon thread; close() stops it and restores the default. */
class LoopTest {

    @Test
    void theLoopTicksOnADaemonThreadUntilClosed() throws InterruptedException {
        CountDownLatch fiveTicks = new CountDownLatch(5);
        AtomicReference<Thread> loopThread = new AtomicReference<>();
        SimulatedController controller = new SimulatedController();
        AutoSA autosa = AutoSA.builder()
                .collectionInterval(Duration.ofMillis(10))
                .aggregationWindow(Duration.ofMillis(100))
                .metricSource(new ScriptedSource().then("cpu", 10_000, ScriptedSource.CPU))
                .controller(controller)
                .listener(e -> {
                    if (e instanceof AutoSAEvent.Sampled) {
                        loopThread.set(Thread.currentThread());
                        fiveTicks.countDown();
                    }
                })
                .build();
        autosa.start();
        assertThatThrownBy(autosa::start).hasMessage("autosa is already started");
        assertThatThrownBy(autosa::tick)
                .hasMessage("tick() cannot be called while the loop runs; call it instead of start()");
        assertThat(fiveTicks.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(loopThread.get().getName()).isEqualTo("autosa-loop");
        assertThat(loopThread.get().isDaemon()).isTrue();
        assertThat(autosa.status().running()).isTrue();
        autosa.close();
        loopThread.get().join(10_000);
        assertThat(loopThread.get().isAlive()).isFalse();
        assertThat(autosa.status().running()).isFalse();
        assertThat(controller.history()).endsWith("close keep=false");
        assertThatThrownBy(autosa::start).hasMessage("autosa is closed");
        autosa.close(); // idempotent
    }
}
