// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.core.AutoSA;
import dev.autosa.core.Mode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class AutoSAManagementTest {

    private static AutoSA engine() {
        return AutoSA.builder().mode(Mode.RECOMMEND).aggregationWindow(Duration.ofSeconds(4))
                .metricSource(new ConstantSource(0.99)).build();
    }

    @Test
    void exposesStatusAndCountersUnderTheDefaultNameAndUnregistersOnClose() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.autosa:type=AutoSA");
        try (AutoSA autosa = engine(); AutoSAManagement jmx = AutoSAManagement.register(autosa)) {
            for (int i = 0; i < 4; i++) {
                autosa.tick();
            }
            assertThat(jmx.objectName()).isEqualTo(name);
            assertThat(jmx.isRegistered()).isTrue();
            assertThat(server.getAttribute(name, "Mode")).isEqualTo("recommend");
            assertThat(server.getAttribute(name, "Workload")).isEqualTo("cpu-bound");
            assertThat((Double) server.getAttribute(name, "Confidence")).isBetween(0.7, 1.0);
            assertThat(server.getAttribute(name, "Recommended")).isEqualTo("scx_rusty");
            assertThat(server.getAttribute(name, "ActiveScheduler")).isEqualTo("kernel default");
            assertThat(server.getAttribute(name, "Ticks")).isEqualTo(4L);
            assertThat((String) server.getAttribute(name, "LastDecision")).isNotBlank();
            TabularData counters = (TabularData) server.getAttribute(name, "Counters");
            assertThat(counters.get(new Object[] {"ticks"}).get("value")).isEqualTo(4L);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void registeringATakenNameFailsSayingSoAndLeavesTheFirstInPlace() {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = AutoSAManagement.OBJECT_NAME;
        try (AutoSA a = engine(); AutoSA b = engine();
                AutoSAManagement first = AutoSAManagement.register(a, server, name)) {
            assertThatThrownBy(() -> AutoSAManagement.register(b, server, name))
                    .isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(InstanceAlreadyExistsException.class)
                    .hasMessageStartingWith("jmx object name dev.autosa:type=AutoSA is already registered")
                    .hasMessageContaining("dev.autosa:type=AutoSA,name=second");
            assertThat(first.isRegistered()).isTrue();
            assertThat(server.isRegistered(name)).isTrue();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void twoEnginesLiveSideBySideUnderTheirOwnNames() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (AutoSA a = engine(); AutoSA b = engine();
                AutoSAManagement second = AutoSAManagement.register(b, "dev.autosa:type=AutoSA,name=batch")) {
            AutoSAManagement first = AutoSAManagement.register(a, "dev.autosa:type=AutoSA,name=web");
            b.tick();
            assertThat(server.getAttribute(first.objectName(), "Ticks")).isEqualTo(0L);
            assertThat(server.getAttribute(second.objectName(), "Ticks")).isEqualTo(1L);
            first.close();
            assertThat(server.isRegistered(new ObjectName("dev.autosa:type=AutoSA,name=web"))).isFalse();
            assertThat(second.isRegistered()).isTrue();
        }
    }

    @Test
    void badNamesAreRefusedNamingTheValue() {
        try (AutoSA a = engine()) {
            assertThatThrownBy(() -> AutoSAManagement.register(a, "no colon"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("jmx object name is malformed")
                    .hasMessageEndingWith(": \"no colon\"");
            assertThatThrownBy(() -> AutoSAManagement.register(a, "dev.autosa:type=*"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("jmx object name must not be a pattern but was \"dev.autosa:type=*\"");
        }
    }

    @Test
    void closeIsIdempotentAndToleratesAnUnregistrationByTheApplication() throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        try (AutoSA a = engine()) {
            AutoSAManagement jmx = AutoSAManagement.register(a, server, AutoSAManagement.OBJECT_NAME);
            server.unregisterMBean(AutoSAManagement.OBJECT_NAME);
            jmx.close();
            jmx.close();
            assertThat(jmx.isRegistered()).isFalse();
            // The name is free again for a new registration.
            try (AutoSAManagement again = AutoSAManagement.register(a, server, AutoSAManagement.OBJECT_NAME)) {
                assertThat(again.isRegistered()).isTrue();
            }
        }
    }
}
