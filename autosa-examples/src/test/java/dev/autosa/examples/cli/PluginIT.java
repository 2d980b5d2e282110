// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.examples.ConstantSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged plug-in jar, loaded from a plug-ins directory the way the daemon loads it. */
class PluginIT {

    /** A root daemon loads plug-ins only from a directory whose ancestors only root can write: not /tmp. */
    @TempDir(factory = TrustedTemp.class)
    Path plugins;

    @Test
    void pluginJarHoldsOnlyThePluginAndWinsDiscovery() throws IOException {
        try (var jar = new java.util.jar.JarFile(Cli.PLUGIN_JAR.toFile())) {
            assertThat(jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class")))
                    .allMatch(n -> n.startsWith("dev/autosa/examples/plugin/"));
            assertThat(jar.getEntry("META-INF/services/dev.autosa.api.WorkloadClassifier")).isNotNull();
        }
        Files.copy(Cli.PLUGIN_JAR, plugins.resolve("nightly-batch.jar"));
        try (AutoSA autosa = AutoSA.builder()
                .mode(Mode.RECOMMEND)
                .aggregationWindow(Duration.ofSeconds(4))
                .metricSource(new ConstantSource(0.97))
                .classLoader(Plugins.loader(plugins))
                .build()) {
            assertThat(autosa.status().providers()).containsEntry("classifier", "nightly-batch");
            for (int i = 0; i < 3; i++) {
                autosa.tick();
            }
            // The plug-in refines the default's cpu-bound verdict (same confidence) into its own class.
            assertThat(autosa.status().classification().workload().id()).isEqualTo("nightly-batch");
            assertThat(autosa.status().classification().confidence()).isEqualTo(1.0);
            assertThat(autosa.status().classification().reasons()).last().asString()
                    .startsWith("nightly batch: cpu busy mean 97%");
        }
        // Without the directory the default rules decide.
        try (AutoSA autosa = AutoSA.builder().metricSource(new ConstantSource(0.97)).mode(Mode.RECOMMEND).build()) {
            assertThat(autosa.status().providers()).containsEntry("classifier", "default-rules");
        }
    }
}
