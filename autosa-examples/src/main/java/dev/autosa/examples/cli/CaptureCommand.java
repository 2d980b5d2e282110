// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import dev.autosa.proc.linux.CaptureMeta;
import dev.autosa.proc.linux.CaptureWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code autosa capture}: records /proc into a capture directory ({@code meta.properties} and
 * {@code ticks/<ms since start>/}) for {@code replay}, bug reports and test fixtures. Tick names
 * are the real elapsed milliseconds, so rates replay exactly as they were measured.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Records a proc capture (meta.properties + ticks/<ms>/...) for replay.")
final class CaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the capture (new or empty).")
    Path directory = Path.of(".");

    @Option(names = "--seconds", paramLabel = "N", required = true,
            description = "How long to record: N seconds, N+1 ticks (the first has no rates).")
    int seconds;

    @Option(names = "--interval", paramLabel = "SECS", converter = SecondsConverter.class, defaultValue = "1",
            description = "Seconds between ticks (default ${DEFAULT-VALUE}).")
    Duration interval = Duration.ofSeconds(1);

    @Option(names = "--proc-root", paramLabel = "DIR", description = "Record this directory instead of /proc.")
    Path procRoot = Path.of("/proc");

    @Override
    public Integer call() {
        if (seconds < 1 || seconds > 7 * 86_400) {
            throw CliException.usage("--seconds must be between 1 and 604800 but was " + seconds);
        }
        if (interval.toMillis() < 10 || interval.toMillis() > 3_600_000) {
            throw CliException.usage("--interval must be between 0.01 and 3600 seconds but was "
                    + interval.toMillis() / 1000.0);
        }
        if (!Files.isReadable(procRoot.resolve("stat"))) {
            throw CliException.usage("--proc-root: " + procRoot.resolve("stat") + " not found or not readable");
        }
        int ticks = (int) Math.min(Integer.MAX_VALUE - 1, Duration.ofSeconds(seconds).toMillis() / interval.toMillis()) + 1;
        int files = 0;
        try (CaptureWriter w = CaptureWriter.create(procRoot, directory)) {
            CaptureMeta meta = w.detectMeta(interval, Instant.now());
            w.writeMeta(meta);
            Progress progress = new Progress(spec.commandLine().getErr(), "capturing tick", ticks);
            long t0 = System.nanoTime();
            for (int i = 0; i < ticks; i++) {
                Progress.waitUntil(t0 + i * interval.toNanos());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                files += w.captureTick(ms);
                progress.step(i + 1);
            }
        } catch (IOException e) {
            throw CliException.failure("capture into " + directory + " failed: " + e.getMessage());
        }
        spec.commandLine().getOut().println("captured " + ticks + " ticks (" + files + " files) of " + procRoot
                + " into " + directory);
        return ExitCodes.OK;
    }
}
