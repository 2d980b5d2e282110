// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every switch is an experiment, on a real sched_ext kernel (one boot of the scx-vm guest): the
 * daemon jar under {@code stress-ng --cpu 2 --cpu-load 90} reverts scx_cpu0 by itself and does not
 * attach it again (also not after a restart); scx_simple in its place is kept and still attached
 * (no false revert). {@link ClosedLoopVmScenario} runs in the guest; its exit code is the verdict
 * and its report ({@code target/vm-closed-loop-report.txt}) holds the state sequence and the
 * verdicts' explanations.
 */
@Tag("vm")
class ClosedLoopVmIT {

    @Test
    void aHarmfulSchedulerIsRevertedAndRememberedAndAHarmlessOneIsKept()
            throws IOException, InterruptedException {
        String text = GuestRun.run(ClosedLoopVmScenario.class, "closed-loop");
        assertThat(text).contains("PASS the daemon switches to scx_cpu0",
                "PASS the experiment finds scx_cpu0 worse and the daemon reverts it by itself",
                "PASS scx_cpu0 is not attached again under the same load",
                "PASS after the restart scx_cpu0 is still not attached",
                "PASS the experiment keeps scx_simple (no false revert)", "RESULT PASS");
    }
}
