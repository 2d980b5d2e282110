// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MXBean is opt-in: a daemon started with defaults has none, {@code --jmx} or the config file's
 * {@code jmx = true} registers it, {@code --no-jmx} wins over the file. Checked from outside, as a
 * JMX console would: attach to the daemon's JVM, start its local management agent, ask its MBean server.
 */
class JmxIT {

    private static final String NAME = "dev.autosa:type=AutoSA";

    @TempDir
    Path tmp;

    @Test
    void aDefaultDaemonRegistersNoMXBean() throws Exception {
        try (Cli.Daemon d = Cli.start(tmp.resolve("a.sock"), "--mode", "recommend")) {
            assertThat(registered(d)).isFalse();
            assertThat(d.log()).doesNotContain("MXBean");
        }
    }

    @Test
    void theFlagRegistersItWithTheDaemonsState() throws Exception {
        try (Cli.Daemon d = Cli.start(tmp.resolve("a.sock"), "--mode", "recommend", "--jmx")) {
            assertThat(registered(d)).isTrue();
            assertThat(attribute(d, "Mode")).isEqualTo("recommend");
            assertThat(d.log()).contains("MXBean " + NAME + " registered");
        }
    }

    @Test
    void theConfigFileRegistersItAndNoJmxWins() throws Exception {
        Path conf = Files.writeString(tmp.resolve("autosa.conf"), "jmx = true\n");
        try (Cli.Daemon d = Cli.start(tmp.resolve("a.sock"), "--mode", "recommend", "--config", conf.toString())) {
            assertThat(registered(d)).isTrue();
        }
        try (Cli.Daemon d = Cli.start(tmp.resolve("b.sock"), "--mode", "recommend", "--config", conf.toString(),
                "--no-jmx")) {
            assertThat(registered(d)).isFalse();
        }
    }

    @Test
    void bothFlagsAreRefused() {
        Cli.Result r = Cli.run("start", "--socket", tmp.resolve("a.sock").toString(), "--jmx", "--no-jmx");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("autosa start: --jmx and --no-jmx exclude each other");
        assertThat(tmp.resolve("a.sock")).doesNotExist();
    }

    private static boolean registered(Cli.Daemon d) throws IOException {
        return withServer(d, s -> s.isRegistered(new ObjectName(NAME)));
    }

    private static Object attribute(Cli.Daemon d, String name) throws IOException {
        return withServer(d, s -> s.getAttribute(new ObjectName(NAME), name));
    }

    private interface Query<T> {
        T ask(MBeanServerConnection server) throws Exception;
    }

    private static <T> T withServer(Cli.Daemon d, Query<T> q) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(d.process().pid()));
        } catch (com.sun.tools.attach.AttachNotSupportedException e) {
            throw new IOException("cannot attach to the daemon (pid " + d.process().pid() + ")", e);
        }
        try {
            String address = vm.startLocalManagementAgent();
            try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                return q.ask(c.getMBeanServerConnection());
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("asking the daemon's MBean server failed", e);
            }
        } finally {
            vm.detach();
        }
    }
}
