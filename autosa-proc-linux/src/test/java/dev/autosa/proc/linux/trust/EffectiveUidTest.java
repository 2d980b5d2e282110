// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one uid helper, on /proc/self/status files captured as root and as nobody (through setpriv). */
class EffectiveUidTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(EffectiveUidTest.class.getResource("/proc/status/" + name).toURI());
    }

    @Test
    void readsTheEffectiveUidFromCapturedStatusFiles() throws Exception {
        assertThat(EffectiveUid.read(fixture("root.txt"))).isZero();
        assertThat(EffectiveUid.read(fixture("nobody.txt"))).isEqualTo(65534);
    }

    @Test
    void theSecondFieldIsTheEffectiveOne(@TempDir Path tmp) throws IOException {
        // a setuid program run by uid 1000: real 1000, effective 0
        Path status = Files.writeString(tmp.resolve("status"), "Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
        assertThat(EffectiveUid.read(status)).isZero();
    }

    @Test
    void unreadableOrMalformedGivesMinusOne(@TempDir Path tmp) throws IOException {
        assertThat(EffectiveUid.read(tmp.resolve("missing"))).isEqualTo(-1);
        assertThat(EffectiveUid.read(Files.writeString(tmp.resolve("no-uid"), "Name:\tx\n"))).isEqualTo(-1);
        assertThat(EffectiveUid.read(Files.writeString(tmp.resolve("bad"), "Uid:\tabc\n"))).isEqualTo(-1);
    }

    @Test
    void thisProcessMatchesTheOwnerOfItsProcEntry() throws IOException {
        assertThat(EffectiveUid.get()).isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        assertThat(EffectiveUid.isRoot()).isEqualTo(EffectiveUid.get() == 0);
    }
}
