// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** AutoSA's own loop thread: ticks until stopped, whatever a tick throws or does to its thread. */
class ThreadLoopTest {

    private static final Duration SHORT = Duration.ofMillis(5);

    @Test
    void aTickThatThrowsDoesNotEndTheLoop() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        ThreadLoop loop = new ThreadLoop(SHORT, () -> {
            three.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("injected: a tick that escapes the engine");
            }
        });
        loop.start();
        assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.alive()).isTrue();
        loop.stop();
        assertThat(loop.awaitStopped(Duration.ofSeconds(30))).isTrue();
        assertThat(loop.alive()).isFalse();
    }

    @Test
    void anInterruptIsNotAStopAndIsNotCarriedIntoTheNextTick() throws InterruptedException {
        List<Boolean> interruptedAtStart = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch four = new CountDownLatch(4);
        ThreadLoop loop = new ThreadLoop(SHORT, () -> {
            interruptedAtStart.add(Thread.currentThread().isInterrupted());
            // Code in a tick may interrupt its own thread (as an interrupted wait does to pass it on).
            Thread.currentThread().interrupt();
            four.countDown();
        });
        loop.start();
        assertThat(four.await(30, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        assertThat(loop.awaitStopped(Duration.ofSeconds(30))).isTrue();
        assertThat(interruptedAtStart).hasSizeGreaterThanOrEqualTo(4).containsOnly(false);
    }

    @Test
    void stopFromInsideATickEndsTheThreadAfterThatTick() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        ThreadLoop[] self = new ThreadLoop[1];
        self[0] = new ThreadLoop(SHORT, () -> {
            calls.incrementAndGet();
            self[0].stop();
            // Waiting for its own thread must not deadlock.
            try {
                assertThat(self[0].awaitStopped(Duration.ofSeconds(30))).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        self[0].start();
        assertThat(self[0].awaitStopped(Duration.ofSeconds(30))).isTrue();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(self[0].alive()).isFalse();
    }

    @Test
    void aLongIntervalIsCutShortByStop() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        ThreadLoop loop = new ThreadLoop(Duration.ofHours(1), first::countDown);
        loop.start();
        assertThat(first.await(30, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        // Parked for an hour: stop() must wake it, or this waits 30 s and fails.
        assertThat(loop.awaitStopped(Duration.ofSeconds(30))).isTrue();
    }
}
