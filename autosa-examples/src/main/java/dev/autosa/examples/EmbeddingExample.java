// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples;

import dev.autosa.api.Classification;
import dev.autosa.core.AutoSA;
import dev.autosa.core.AutoSAStatus;
import dev.autosa.core.Mode;
import dev.autosa.jmx.AutoSAManagement;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * AutoSA inside a JVM service: build it in recommend mode, expose it over JMX, start it, read its
 * status now and then, close it on the way out (which leaves the kernel as it was).
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
        AutoSA autosa = AutoSA.builder()
                .mode(Mode.RECOMMEND)
                .aggregationWindow(Duration.ofSeconds(30))
                .build();
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
            out.println(describe(autosa.status()));
        }
    }

    /**
     * One line: what AutoSA sees and recommends, e.g. for an application's own health page.
     *
     * @param s a status from {@link AutoSA#status()}
     * @return the line, without a line break
     */
    public static String describe(AutoSAStatus s) {
        Classification c = s.classification();
        String workload = c == null ? "not classified yet"
                : String.format(Locale.ROOT, "%s (confidence %.2f)", c.workload(), c.confidence());
        return String.format(Locale.ROOT, "[tick %d] mode %s, workload %s, recommended %s, kernel runs %s",
                s.ticks(), s.mode().id(), workload, s.recommended() == null ? "kernel default" : s.recommended(),
                s.active().displayName());
    }
}
