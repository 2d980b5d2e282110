// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which run directories a root daemon may create files in, and what it says about the others. */
class RunDirectoryTest {

    private static final int UID = dev.autosa.proc.linux.trust.EffectiveUid.get();

    @TempDir
    Path tmp;

    private Path dir(String name, String perms) throws IOException {
        Path d = Files.createDirectory(tmp.resolve(name));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(perms));
        return d;
    }

    @Test
    void anAbsentDirectoryIsCreatedWithMode0700() throws IOException {
        Path run = tmp.resolve("a").resolve("run");
        assertThat(RunDirectory.prepare(run, UID)).isEmpty();
        assertThat(Files.getPosixFilePermissions(run)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aPrivateDirectoryOfThisUidIsUsed() throws IOException {
        assertThat(RunDirectory.problem(dir("ok", "rwxr-xr-x"), UID)).isEmpty();
    }

    @Test
    void writableByOthersIsRefused() throws IOException {
        assertThat(RunDirectory.problem(dir("w", "rwxrwxrwx"), UID))
                .contains("it is group- and world-writable (rwxrwxrwx)");
        assertThat(RunDirectory.problem(dir("g", "rwxrwx---"), UID)).contains("it is group-writable (rwxrwx---)");
    }

    @Test
    void ownedBySomeoneElseIsRefused() throws IOException {
        Path d = dir("theirs", "rwx------");
        Files.setAttribute(d, "unix:uid", 65534);
        assertThat(RunDirectory.problem(d, UID)).contains("it is owned by uid 65534, not by this process (uid " + UID + ")");
    }

    @Test
    void aLinkIsRefusedEvenToAGoodDirectory() throws IOException {
        Path good = dir("good", "rwx------");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), good);
        assertThat(RunDirectory.problem(link, UID)).contains("it is a symbolic link (to " + good + ")");
        assertThat(RunDirectory.prepare(link, UID)).contains("it is a symbolic link (to " + good + ")");
    }

    @Test
    void aFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(RunDirectory.problem(file, UID)).contains("it is not a directory");
    }
}
