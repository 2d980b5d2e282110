// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real daemon jar in the scx-vm guest (one boot): {@code autosa start --mode auto} with short
 * timings, a real CPU load, until the kernel runs scx_simple; then {@code autosa stop}.
 * {@link DaemonVmScenario} runs in the guest; its exit code is the verdict and its report
 * ({@code target/vm-daemon-report.txt}) holds the state sequence and sysfs before and after.
 * An IT, so it runs after the shaded jar is packaged; skipped where the guest cannot run.
 */
@Tag("vm")
class DaemonVmIT {

    @Test
    void daemonSwitchesTheRealKernelToScxSimpleUnderCpuLoadAndRestoresTheDefaultOnStop()
            throws IOException, InterruptedException {
        String text = GuestRun.run(DaemonVmScenario.class, "daemon");
        assertThat(text).contains("PASS daemon up in auto mode", "PASS kernel runs scx_simple by the daemon",
                "PASS autosa stop restored the kernel default", "RESULT PASS");
    }
}
