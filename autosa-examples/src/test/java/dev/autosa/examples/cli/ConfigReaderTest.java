// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a configuration file: regular files only, bounded, reasons and lines named. */
class ConfigReaderTest {

    @TempDir
    Path tmp;

    @Test
    void deviceFileIsRefusedBeforeReading() {
        // /dev/zero reports size 0 and never ends: a size check alone would read until out of memory.
        assertThatThrownBy(() -> ConfigFile.load(Path.of("/dev/zero")))
                .isInstanceOf(CliException.class)
                .hasMessage("configuration file /dev/zero is not a regular file (a device, FIFO or socket); give a"
                        + " text file")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void fifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = tmp.resolve("autosa.conf");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "needs mkfifo");
        // Opening a FIFO nobody writes to blocks forever; the check comes first, so this returns.
        assertThatThrownBy(() -> ConfigFile.load(fifo))
                .hasMessage("configuration file " + fifo + " is not a regular file (a device, FIFO or socket); give"
                        + " a text file");
    }

    @Test
    void directoryIsNamedAsSuch() {
        assertThatThrownBy(() -> ConfigFile.load(tmp))
                .hasMessage("configuration file " + tmp + " is a directory; give a text file");
    }

    @Test
    void fileOverOneMebibyteIsRefused() throws Exception {
        Path big = tmp.resolve("big.conf");
        Files.write(big, new byte[ConfigReader.MAX_SIZE + 1]);
        assertThatThrownBy(() -> ConfigFile.load(big))
                .hasMessage("configuration file " + big + " is larger than 1048576 bytes; not a configuration file");
        Path exact = tmp.resolve("exact.conf");
        Files.writeString(exact, "# x\n".repeat(ConfigReader.MAX_SIZE / 4));
        assertThat(ConfigReader.read(exact)).hasSize(ConfigReader.MAX_SIZE);
    }

    @Test
    void nonUtf8ByteNamesItsLine() throws Exception {
        Path conf = tmp.resolve("latin1.conf");
        Files.write(conf, "# ok\nmode = auto\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigFile.load(conf))
                .hasMessage(conf + ":3: not UTF-8 text (byte 0xe9 at offset 22); save the file as UTF-8");
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws Exception {
        Assumptions.assumeFalse(Uid.isRoot(), "root reads every file; DaemonSecurityIT covers this as nobody");
        Path conf = Files.writeString(tmp.resolve("secret.conf"), "mode = auto\n");
        Files.setPosixFilePermissions(conf, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        assertThatThrownBy(() -> ConfigFile.load(conf))
                .hasMessage("cannot read configuration file " + conf + ": permission denied (for uid " + Uid.effective()
                        + ")");
    }

    @Test
    void linkToARegularFileIsFollowed() throws Exception {
        Path real = Files.writeString(tmp.resolve("real.conf"), "mode = recommend\n");
        Path link = Files.createSymbolicLink(tmp.resolve("autosa.conf"), real);
        assertThat(ConfigReader.read(link)).isEqualTo("mode = recommend\n");
    }
}
