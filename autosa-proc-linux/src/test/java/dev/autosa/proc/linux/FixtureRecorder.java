// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Not a test: records the fixture captures under src/test/resources/proc with {@link CaptureWriter}
 * (two ticks, about one second apart, real elapsed milliseconds as tick names). Run by hand with
 * {@code java -cp target/classes:target/test-classes:<slf4j-api> dev.autosa.proc.linux.FixtureRecorder DIR [ticks]}
 * while the scenario's load runs.
 */
public final class FixtureRecorder {

    private FixtureRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try (CaptureWriter w = CaptureWriter.create(Path.of("/proc"), dir)) {
            w.writeMeta(w.detectMeta(Duration.ofSeconds(1), start));
            for (int i = 0; i < ticks; i++) {
                if (i > 0) {
                    Thread.sleep(1000);
                }
                w.captureTick((System.nanoTime() - t0) / 1_000_000);
            }
        }
    }
}
