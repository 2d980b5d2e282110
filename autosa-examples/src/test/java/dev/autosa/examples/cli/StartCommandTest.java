// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.ProviderSettings;
import dev.autosa.api.SchedulerController;
import dev.autosa.proc.linux.ScxControllerConfig;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import dev.autosa.proc.linux.ScxProcessController;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider settings reach the discovered controller through discovery, with no rebuild by type. */
class StartCommandTest {

    @Test
    void discoveryHandsTheScxSettingsToAutoSAsOwnController() {
        ProviderSettings settings = new ProviderSettings(Map.of("scx_orphan_policy", "stop",
                "scx_trusted_dirs", "/opt/scx/bin"));
        Providers.Found<SchedulerController> found = Providers.discover(SchedulerController.class,
                getClass().getClassLoader(), settings);
        SchedulerController c = found.provider() != null ? found.provider() : found.unavailable();
        assertThat(c).isInstanceOf(ScxProcessController.class);
        assertThat(((ScxProcessController) c).config()).isEqualTo(ScxControllerConfig.ofDefaults()
                .withOrphanPolicy(OrphanPolicy.STOP).withTrustedDirs(List.of(Path.of("/opt/scx/bin"))));
        c.close(true);
    }
}
