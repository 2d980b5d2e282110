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

    @Test
    void directoryOthersMayWriteIsRefusedUnlessRootOwnedAndSticky() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> SocketPaths.prepareDirectory(open.resolve("autosa.sock"), false))
                .hasMessage("socket directory " + open + " is writable by other users (mode 777) and not a root-owned"
                        + " sticky directory: another user could replace the socket or pid file; choose a --socket in"
                        + " a directory only you can write");
        Assumptions.assumeTrue(Uid.isRoot(), "needs root for a root-owned sticky directory");
        Files.setAttribute(open, "unix:mode", 01777);
        SocketPaths.prepareDirectory(open.resolve("autosa.sock"), false);
    }

    @Test
    void anythingButAnOwnSocketAtTheSocketPathIsRefused() throws Exception {
        assertThat(SocketPaths.checkSocketPathFree(tmp.resolve("none.sock"))).isFalse();
        Path file = Files.writeString(tmp.resolve("file.sock"), "precious\n");
        assertThatThrownBy(() -> SocketPaths.checkSocketPathFree(file))
                .hasMessage(file + " exists and is a regular file, not a socket: autosa replaces only a stale socket;"
                        + " remove it yourself or choose another --socket");
        Path dir = Files.createDirectory(tmp.resolve("dir.sock"));
        assertThatThrownBy(() -> SocketPaths.checkSocketPathFree(dir)).hasMessageContaining("is a directory, not a socket");
        Path link = Files.createSymbolicLink(tmp.resolve("link.sock"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> SocketPaths.checkSocketPathFree(link))
                .hasMessageContaining("is a symbolic link, not a socket");
        assertThat(Files.readString(file)).isEqualTo("precious\n");
        assertThat(dir).isDirectory();
    }

    @Test
    void pidFileIsNeverOpenedThroughALinkOrOverANonRegularFile() throws Exception {
        Path target = Files.writeString(tmp.resolve("target"), "precious\n");
        Path pid = Files.createSymbolicLink(tmp.resolve("autosa.pid"), target);
        assertThatThrownBy(() -> PidLock.acquire(pid, "socket x"))
                .hasMessage("pid file " + pid + " is a symbolic link, not a regular file: not writing through it;"
                        + " remove it or choose another --socket");
        assertThat(Files.readString(target)).isEqualTo("precious\n");
        Path dir = Files.createDirectory(tmp.resolve("dir.pid"));
        assertThatThrownBy(() -> PidLock.acquire(dir, "socket x")).hasMessageContaining("is a directory, not a regular file");
    }

    @Test
    void pidFileOfAnotherUserOrWithASecondLinkIsRefused() throws Exception {
        Path target = Files.writeString(tmp.resolve("target"), "precious\n");
        Path pid = Files.createLink(tmp.resolve("autosa.pid"), target);
        assertThatThrownBy(() -> PidLock.acquire(pid, "socket x"))
                .hasMessageContaining("has 2 link(s); only a file of this user (uid " + Uid.effective() + ") with one"
                        + " link is reused");
        assertThat(Files.readString(target)).isEqualTo("precious\n");
        Assumptions.assumeTrue(Uid.isRoot(), "needs root to chown");
        Path theirs = Files.writeString(tmp.resolve("theirs.pid"), "1\n");
        Files.setAttribute(theirs, "unix:uid", 65534);
        assertThatThrownBy(() -> PidLock.acquire(theirs, "socket x")).hasMessageContaining("belongs to uid 65534");
    }
}
