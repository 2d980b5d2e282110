// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples;

import dev.autosa.api.Classification;
import dev.autosa.api.Objective;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.ExperimentStatus;
import dev.autosa.core.Mode;
import dev.autosa.jmx.AutoSAManagement;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * AutoSA inside a JVM service: build it in recommend mode with the service's own request latency
 * as the objective, expose it over JMX, start it, read its status now and then, close it on the way
 * out (which leaves the kernel as it was).
 *
 * <p>The objective is why a service embeds AutoSA instead of running the daemon: the service
 * knows its SLO. With {@code .mode(Mode.AUTO)} every switch AutoSA makes is measured against the
 * p99 latency before it, and reverted when the service got slower. Here a small simulated request
 * loop (sorting a random array, timed) stands in for the service's handlers.
 *
 * <pre>
 * java -cp autosa.jar dev.autosa.examples.EmbeddingExample [reports] [seconds-between-reports]
 * </pre>
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Runs AutoSA in recommend mode and prints its status now and then.
     *
     * @param args how many reports (default 12) and the seconds between them (default 5)
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Duration every = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        RequestLatency latency = new RequestLatency();
        AutoSA autosa = builder(latency)
                .mode(Mode.RECOMMEND)
                .aggregationWindow(Duration.ofSeconds(30))
                .build();
        Thread service = new Thread(() -> serve(latency), "example-service");
        service.setDaemon(true);
        service.start();
        CountDownLatch interrupted = new CountDownLatch(1);
        // Ctrl-C: close AutoSA too (try-with-resources does not run when the JVM is signalled).
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            autosa.close();
        }, "autosa-example-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (autosa; AutoSAManagement jmx = AutoSAManagement.register(autosa)) {
            System.out.println("registered " + jmx.objectName() + " (see it in jconsole)");
            run(autosa, reports, every, interrupted, System.out);
        }
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    /**
     * A builder whose objective is the service's p99 request latency, lower is better.
     *
     * @param latency where the service's request handlers record their latencies
     * @return a builder the caller completes and builds
     */
    public static AutoSA.Builder builder(RequestLatency latency) {
        return AutoSA.builder().objective("request p99", "ms", Objective.Direction.LOWER_IS_BETTER,
                latency::p99MillisSinceLastRead);
    }

    /** The stand-in service: requests that sort 20,000 random numbers, timed, until the JVM exits. */
    private static void serve(RequestLatency latency) {
        Random random = new Random(1);
        int[] data = new int[20_000];
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            for (int i = 0; i < data.length; i++) {
                data[i] = random.nextInt();
            }
            Arrays.sort(data);
            latency.record(System.nanoTime() - start);
        }
    }

    /**
     * Starts {@code autosa} and prints its status {@code reports} times, {@code every} apart.
     *
     * @param autosa the engine to start; the caller closes it
     * @param reports how many status lines to print
     * @param every the time between two lines
     * @param stop counted down to end early (e.g. by a shutdown hook)
     * @param out where the lines go
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public static void run(AutoSA autosa, int reports, Duration every, CountDownLatch stop, PrintStream out)
            throws InterruptedException {
        autosa.start();
        out.println("autosa started: " + autosa.status().modeReason());
        for (int i = 0; i < reports; i++) {
            if (stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            out.println(describe(autosa.status(), autosa.experiments()));
        }
    }

    /**
     * One line: what AutoSA sees and recommends, and its objective, e.g. for an application's own health page.
     *
     * @param s a status from {@link AutoSA#status()}
     * @param x the closed loop from {@link AutoSA#experiments()}
     * @return the line, without a line break
     */
    public static String describe(AutoSAStatus s, ExperimentStatus x) {
        Classification c = s.classification();
        String workload = c == null ? "not classified yet"
                : String.format(Locale.ROOT, "%s (confidence %.2f)", c.workload(), c.confidence());
        String verdict = x.lastVerdict() == null ? "" : "; last verdict: " + x.lastVerdict().explanation();
        return String.format(Locale.ROOT, "[tick %d] mode %s, workload %s, recommended %s, kernel runs %s, %s %.3f %s%s",
                s.ticks(), s.mode().id(), workload, s.recommended() == null ? "kernel default" : s.recommended(),
                s.active().displayName(), x.objective(), x.lastValue(), x.unit(), verdict);
    }
}
