// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A permanently broken file is logged once a minute (of the sampler's clock), not every tick. */
class ProblemLogTest {

    @Test
    void warnsAtMostOncePerInterval() {
        ProblemLog log = new ProblemLog(new ProcFile(Path.of("/proc"), "stat"));
        for (int tick = 0; tick < 125; tick++) {
            log.setNow(tick * 1_000_000_000L); // one problem a second for 125 s
            log.problem(1, "cpu line has 3 valid tick fields, expected at least 8");
        }
        // At 0 s, 60 s and 120 s.
        assertThat(log.logged()).isEqualTo(3);
        assertThat(log.total()).isEqualTo(125);
    }
}
