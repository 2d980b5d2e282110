// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.examples.cli.CliException;
import dev.autosa.examples.cli.Uid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketPathsTest {

    @TempDir
    Path tmp;

    @Test
    void pidFileSitsNextToTheSocket() {
        assertThat(SocketPaths.pidFile(Path.of("/run/autosa/autosa.sock"))).isEqualTo(Path.of("/run/autosa/autosa.pid"));
        assertThat(SocketPaths.pidFile(Path.of("/tmp/x/control"))).isEqualTo(Path.of("/tmp/x/control.pid"));
    }

    @Test
    void defaultSocketDependsOnTheUser() {
        Path s = SocketPaths.defaultSocket();
        if (Uid.isRoot()) {
            assertThat(s).isEqualTo(Path.of("/run/autosa/autosa.sock"));
        } else {
            assertThat(s.toString()).endsWith("/autosa/autosa.sock").doesNotStartWith("/run/autosa");
        }
    }

    @Test
    void createdDirectoryIs0700() throws Exception {
        Path sock = tmp.resolve("a/b/autosa.sock");
        SocketPaths.prepareDirectory(sock, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void directoryOfAnotherUserIsRefused() throws Exception {
        Assumptions.assumeTrue(Uid.isRoot(), "needs root to chown");
        Path dir = Files.createDirectory(tmp.resolve("theirs"));
        Files.setAttribute(dir, "unix:uid", 65534);
        assertThatThrownBy(() -> SocketPaths.prepareDirectory(dir.resolve("autosa.sock"), true))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("belongs to uid 65534");
    }

    @Test
    void pidLockRefusesASecondHolderInTheSameProcess() {
        Path pid = tmp.resolve("autosa.pid");
        try (PidLock lock = PidLock.acquire(pid, "socket x")) {
            assertThat(PidLock.readPid(pid)).isEqualTo(ProcessHandle.current().pid());
            assertThatThrownBy(() -> PidLock.acquire(pid, "socket x"))
                    .hasMessage("autosa is already running (pid " + ProcessHandle.current().pid()
                            + ", socket x); stop it with 'autosa stop' first");
            assertThat(lock.path()).isEqualTo(pid);
        }
        assertThat(pid).doesNotExist();
    }
}
