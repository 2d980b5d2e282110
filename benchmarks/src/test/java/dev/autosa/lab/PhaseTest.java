// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** phases.csv with and without the name column that lab/record.sh writes for real applications. */
class PhaseTest {

    @TempDir
    Path dir;

    @Test
    void namedPhasesKeepTheirClassAsLabel() throws IOException {
        Path csv = Files.writeString(dir.resolve("phases.csv"),
                "label,start_ms,end_ms,name\nidle,0,100,idle\nlatency-sensitive,200,300,pgbench\n");
        List<Phase> phases = Phase.read(csv);
        assertThat(phases).containsExactly(new Phase("idle", 0, 100), new Phase("latency-sensitive", 200, 300, "pgbench"));
        assertThat(phases.get(1).title()).isEqualTo("pgbench (latency-sensitive)");
        assertThat(phases.get(0).title()).isEqualTo("idle");
    }

    @Test
    void theOldFormatStillReadsAndABadLineIsNamed() throws IOException {
        Path old = Files.writeString(dir.resolve("old.csv"), "label,start_ms,end_ms\nbursty,0,100\n");
        assertThat(Phase.read(old)).containsExactly(new Phase("bursty", 0, 100));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "label,start_ms,end_ms,name\nidle,0,100\n");
        assertThatThrownBy(() -> Phase.read(bad))
                .hasMessage(bad + " line 2: expected label,start_ms,end_ms,name but was \"idle,0,100\"");
    }
}
