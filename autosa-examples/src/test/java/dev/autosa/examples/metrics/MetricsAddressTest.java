// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsAddressTest {

    @Test
    void literalAddressesWithAPortAreAccepted() {
        assertThat(MetricsAddress.parse("127.0.0.1:9464").toString()).isEqualTo("127.0.0.1:9464");
        assertThat(MetricsAddress.parse("0.0.0.0:0").port()).isZero();
        assertThat(MetricsAddress.parse("[::1]:9464").toString()).isEqualTo("[0:0:0:0:0:0:0:1]:9464");
    }

    @Test
    void namesMissingPortsAndBadPortsAreRefusedNamingTheValue() {
        for (String bad : new String[] {"localhost:9464", "127.0.0.1", "9464", ":9464", "::1:9464", "127.0.0.1:",
            "127.0.0.1:http", "10.1:80", "example.org:80"}) {
            assertThatThrownBy(() -> MetricsAddress.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metrics address must be IP:PORT (e.g. 127.0.0.1:9464 or [::1]:9464) but was \""
                            + bad + "\"");
        }
        assertThatThrownBy(() -> MetricsAddress.parse("127.0.0.1:70000"))
                .hasMessage("metrics port must be in [0, 65535] but was 70000");
    }
}
