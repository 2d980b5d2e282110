// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.proc.linux.ScxControllerConfig.OrphanPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScxControllerConfigTest {

    private final ScxControllerConfig defaults = ScxControllerConfig.ofDefaults();

    @Test
    void defaults() {
        assertThat(defaults.sysfsRoot()).isEqualTo(Path.of("/sys/kernel/sched_ext"));
        assertThat(defaults.procRoot()).isEqualTo(Path.of("/proc"));
        assertThat(defaults.trustedDirs()).containsExactly(Path.of("/usr/bin"), Path.of("/usr/sbin"),
                Path.of("/usr/local/bin"), Path.of("/usr/local/sbin"));
        assertThat(defaults.startTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.stopTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(defaults.orphanPolicy()).isEqualTo(OrphanPolicy.LEAVE);
        assertThat(defaults.extraFlags()).isEmpty();
        assertThat(defaults.lockFile()).isEqualTo(Path.of("/run/autosa/sched_ext.lock"));
        assertThat(defaults.withRunDir(Path.of("/var/run/other")).lockFile())
                .as("the lock is machine-wide, not per run directory").isEqualTo(defaults.lockFile());
    }

    @Test
    void rejectsBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> defaults.withSysfsRoot(Path.of("sys")))
                .hasMessage("sysfs root must be an absolute path but was \"sys\"");
        assertThatThrownBy(() -> defaults.withTrustedDirs(List.of(Path.of("bin"))))
                .hasMessage("trusted directory must be an absolute path but was \"bin\"");
        assertThatThrownBy(() -> defaults.withLockFile(Path.of("autosa.lock")))
                .hasMessage("lock file must be an absolute path but was \"autosa.lock\"");
        assertThatThrownBy(() -> defaults.withStartTimeout(Duration.ZERO))
                .hasMessage("start timeout must be positive but was PT0S");
        assertThatThrownBy(() -> defaults.withStopTimeout(Duration.ofSeconds(-1)))
                .hasMessage("stop timeout must be positive but was PT-1S");
        assertThatThrownBy(() -> defaults.withPollInterval(Duration.ofSeconds(6)))
                .hasMessage("poll interval must not exceed the start and stop timeouts but was PT6S");
        assertThatThrownBy(() -> defaults.withExtraFlags(Map.of("rusty", Set.of("--x"))))
                .hasMessage("extra flags: scheduler name must be scx_ followed by a-z, 0-9 or '_' but was \"rusty\"");
        assertThatThrownBy(() -> defaults.withExtraFlags(Map.of("scx_rusty", Set.of("--x;y"))))
                .hasMessage("extra flag for scx_rusty must be -c or --name (letters, digits, '-', '_') but was "
                        + "\"--x;y\"");
    }

    @Test
    void isImmutable() {
        ScxControllerConfig c = defaults.withOrphanPolicy(OrphanPolicy.ADOPT);
        assertThat(defaults.orphanPolicy()).isEqualTo(OrphanPolicy.LEAVE);
        assertThat(c.orphanPolicy()).isEqualTo(OrphanPolicy.ADOPT);
        assertThatThrownBy(() -> c.trustedDirs().add(Path.of("/tmp"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
