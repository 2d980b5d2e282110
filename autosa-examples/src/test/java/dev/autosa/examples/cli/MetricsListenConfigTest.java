// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file's {@code metrics_listen} key (the metrics endpoint is off without it). */
class MetricsListenConfigTest {

    private static final Path FILE = Path.of("/etc/autosa/autosa.conf");

    @TempDir
    Path tmp;

    @Test
    void offByDefaultAndAnAddressWhenGiven() {
        assertThat(ConfigFile.parse(FILE, "mode = auto\n").metricsListen()).isNull();
        assertThat(ConfigFile.parse(FILE, "metrics_listen = \"127.0.0.1:9464\"\n").metricsListen())
                .hasToString("127.0.0.1:9464");
    }

    @Test
    void aBadAddressNamesFileLineKeyAndValue() {
        assertThatThrownBy(() -> ConfigFile.parse(FILE, "mode = auto\nmetrics_listen = localhost:9464\n"))
                .isInstanceOf(CliException.class)
                .hasMessage("/etc/autosa/autosa.conf:2: metrics_listen: metrics address must be IP:PORT (e.g."
                        + " 127.0.0.1:9464 or [::1]:9464) but was \"localhost:9464\"");
    }

    @Test
    void aBadMetricsFlagStopsStartBeforeAnythingRunsNamingTheFlag() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"start", "--socket", tmp.resolve("a.sock").toString(), "--metrics",
            "localhost:9464"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("autosa start: --metrics: metrics address must be IP:PORT (e.g."
                + " 127.0.0.1:9464 or [::1]:9464) but was \"localhost:9464\"");
        assertThat(tmp.resolve("a.sock")).doesNotExist();
    }
}
