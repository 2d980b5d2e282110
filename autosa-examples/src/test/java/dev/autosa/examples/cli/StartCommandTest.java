// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.SchedulerController;
import dev.autosa.proc.linux.ScxControllerConfig;
import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import dev.autosa.proc.linux.ScxProcessController;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartCommandTest {

    @Test
    void theDaemonRunsAutoSAsOwnControllerWithTheFileSettings() {
        ScxControllerConfig scx = ScxControllerConfig.ofDefaults().withOrphanPolicy(OrphanPolicy.STOP)
                .withTrustedDirs(List.of(Path.of("/opt/scx/bin")));
        ScxProcessController discovered = new ScxProcessController();
        Providers.Found<SchedulerController> found = StartCommand.withSettings(
                new Providers.Found<>(discovered, "", null), scx);
        assertThat(found.provider()).isInstanceOf(ScxProcessController.class)
                .isNotSameAs(discovered);
        assertThat(((ScxProcessController) found.provider()).config()).isEqualTo(scx);
        Providers.Found<SchedulerController> unavailable = StartCommand.withSettings(
                new Providers.Found<>(null, "why", new ScxProcessController()), scx);
        assertThat(((ScxProcessController) unavailable.unavailable()).config()).isEqualTo(scx);
        assertThat(unavailable.whyNone()).isEqualTo("why");
        found.provider().close(true);
        unavailable.unavailable().close(true);
    }

}
