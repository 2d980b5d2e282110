// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code autosa capture}: records /proc into a capture directory for {@code replay} and tests. */
@Command(name = "capture", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Records a proc capture (meta.properties + ticks/<ms>/...) for replay.")
final class CaptureCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Where to write the capture (new or empty).")
    Path directory = Path.of(".");

    @Option(names = "--seconds", paramLabel = "N", required = true, description = "How long to record.")
    int seconds;

    @Option(names = "--proc-root", paramLabel = "DIR", description = "Record this directory instead of /proc.")
    Path procRoot = Path.of("/proc");

    @Override
    public Integer call() {
        throw CliException.failure("capture needs autosa-proc-linux's CaptureWriter, not in this build yet");
    }
}
