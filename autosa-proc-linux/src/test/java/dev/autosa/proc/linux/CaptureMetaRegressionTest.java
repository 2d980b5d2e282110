// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meta.properties inputs that escaped CaptureMeta.readFrom as something other than a clear IOException. */
class CaptureMetaRegressionTest {

    @TempDir
    Path dir;

    /** interval_ms=9223372036854775807 threw ArithmeticException (Duration.toNanos overflow) out of readFrom. */
    @Test
    void hugeIntervalIsAcceptedWithoutOverflow() throws Exception {
        Files.writeString(dir.resolve("meta.properties"), "interval_ms=9223372036854775807\ncpus=2\nkernel=k\n");
        assertThat(CaptureMeta.readFrom(dir).interval().toMillis()).isEqualTo(Long.MAX_VALUE);
    }

    /**
     * start_epoch_ms=9223372036854775807 was accepted, and the replay clock's millis() then threw
     * ArithmeticException inside the engine's tick.
     */
    @Test
    void startBeyondYear9999IsRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("meta.properties"),
                "interval_ms=1000\ncpus=2\nkernel=k\nstart_epoch_ms=9223372036854775807\n");
        assertThatThrownBy(() -> CaptureMeta.readFrom(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("meta.properties").hasMessageContaining("start must be between 1970 and 9999");
    }

    /** A byte that is not UTF-8 gave IOException "Input length = 1", naming neither file nor problem. */
    @Test
    void nonUtf8NamesTheFile() throws Exception {
        Files.write(dir.resolve("meta.properties"), new byte[] {'c', 'p', 'u', 's', '=', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> CaptureMeta.readFrom(dir)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir.resolve("meta.properties") + " is not valid UTF-8");
    }
}
