// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code autosa replay}: runs the engine over a capture offline, on the capture's clock. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Replays a proc capture through the engine (dry-run unless --mode) and prints each tick's decision.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A capture written by 'autosa capture'.")
    Path directory = Path.of(".");

    @Option(names = "--json", description = "One JSON line per tick.")
    boolean json;

    @Mixin
    TuningOptions tuning = new TuningOptions();

    @Override
    public Integer call() {
        throw CliException.failure("replay needs autosa-proc-linux's CaptureSource, not in this build yet");
    }
}
