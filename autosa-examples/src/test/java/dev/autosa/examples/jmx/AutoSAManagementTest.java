// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import dev.autosa.examples.ConstantSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class AutoSAManagementTest {

    @Test
    void exposesStatusAndCountersUnderItsName() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (AutoSA autosa = AutoSA.builder().mode(Mode.RECOMMEND).aggregationWindow(Duration.ofSeconds(4))
                .metricSource(new ConstantSource(0.99)).build();
                AutoSAManagement jmx = AutoSAManagement.register(autosa)) {
            for (int i = 0; i < 4; i++) {
                autosa.tick();
            }
            ObjectName name = new ObjectName("dev.autosa:type=AutoSA");
            assertThat(jmx.objectName()).isEqualTo(name);
            assertThat(server.getAttribute(name, "Mode")).isEqualTo("recommend");
            assertThat(server.getAttribute(name, "Workload")).isEqualTo("cpu-bound");
            assertThat((Double) server.getAttribute(name, "Confidence")).isBetween(0.7, 1.0);
            assertThat(server.getAttribute(name, "Recommended")).isEqualTo("scx_rusty");
            assertThat(server.getAttribute(name, "ActiveScheduler")).isEqualTo("kernel default");
            assertThat(server.getAttribute(name, "Ticks")).isEqualTo(4L);
            assertThat((String) server.getAttribute(name, "LastDecision")).isNotBlank();
            TabularData counters = (TabularData) server.getAttribute(name, "Counters");
            assertThat(counters.get(new Object[] {"ticks"}).get("value")).isEqualTo(4L);

            assertThatThrownBy(() -> AutoSAManagement.register(autosa))
                    .isInstanceOf(InstanceAlreadyExistsException.class);
        }
        assertThat(server.isRegistered(AutoSAManagement.OBJECT_NAME)).isFalse();
    }
}
