// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.Objective;
import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void runsReportsAndCloses() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AutoSA autosa = AutoSA.builder()
                .mode(Mode.RECOMMEND)
                .collectionInterval(Duration.ofMillis(10))
                .aggregationWindow(Duration.ofMillis(100))
                .metricSource(new ConstantSource(0.97))
                .build();
        try (autosa) {
            EmbeddingExample.run(autosa, 3, Duration.ofMillis(20), new CountDownLatch(1), out);
            assertThat(autosa.status().running()).isTrue();
        }
        assertThat(autosa.status().running()).isFalse();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("autosa started: ");
        assertThat(text.lines().filter(l -> l.startsWith("[tick ")).count()).isEqualTo(3);
        assertThat(text).contains("mode recommend").contains("kernel runs kernel default");
    }

    @Test
    void theServicesOwnLatencyIsTheObjective() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RequestLatency latency = new RequestLatency();
        for (int i = 1; i <= 100; i++) {
            latency.record(i * 1_000_000L);
        }
        AutoSA autosa = EmbeddingExample.builder(latency)
                .mode(Mode.RECOMMEND)
                .collectionInterval(Duration.ofMillis(10))
                .aggregationWindow(Duration.ofMillis(100))
                .metricSource(new ConstantSource(0.97))
                .build();
        try (autosa) {
            assertThat(autosa.experiments().objective()).isEqualTo("request p99");
            assertThat(autosa.experiments().direction()).isEqualTo(Objective.Direction.LOWER_IS_BETTER);
            autosa.tick();
            // The 99th of 100 requests (1..100 ms) took 99 ms; the next read sees no new requests.
            assertThat(autosa.experiments().lastValue()).isEqualTo(99.0);
            autosa.tick();
            assertThat(autosa.experiments().lastValue()).isNaN();
            latency.record(5_000_000L);
            EmbeddingExample.run(autosa, 1, Duration.ofMillis(20), new CountDownLatch(1),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("request p99");
    }

    @Test
    void stopsEarlyWhenAsked() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        stop.countDown();
        try (AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).metricSource(new ConstantSource(0.1)).build()) {
            EmbeddingExample.run(autosa, 1000, Duration.ofHours(1), stop,
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
    }
}
