// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture never writes through a link someone else planted, nor into a directory of unrelated files. */
class CaptureWriterSafetyTest {

    private static final CaptureMeta META = new CaptureMeta(Duration.ofSeconds(1), 4, "6.18.0", Instant.ofEpochMilli(42));

    @TempDir
    Path tmp;

    private static boolean root() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    @Test
    void directoryOfAnotherUserWithAPlantedMetaLinkIsRefusedAndTheTargetKept() throws Exception {
        Assumptions.assumeTrue(root(), "needs root to hand the directory to another user");
        Path target = Files.writeString(tmp.resolve("root-only"), "secret\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path cap = Files.createDirectory(tmp.resolve("cap"));
        Files.createSymbolicLink(cap.resolve("meta.properties"), target);
        Files.setAttribute(cap, "unix:uid", 65534);

        assertThatThrownBy(() -> CaptureWriter.create(Path.of("/proc"), cap))
                .isInstanceOf(IOException.class)
                .hasMessage("capture directory " + cap + " belongs to uid 65534, not to this user (uid 0): its owner"
                        + " could redirect the files through links; choose a new directory");
        assertThat(Files.readString(target)).isEqualTo("secret\n");
        assertThat(cap.resolve("ticks")).doesNotExist();
    }

    @Test
    void ownDirectoryWithAMetaLinkIsRefused() throws Exception {
        Path target = Files.writeString(tmp.resolve("elsewhere"), "keep\n");
        Path cap = Files.createDirectory(tmp.resolve("cap"));
        Files.createSymbolicLink(cap.resolve("meta.properties"), target);
        assertThatThrownBy(() -> CaptureWriter.create(Path.of("/proc"), cap))
                .hasMessage("capture directory " + cap + " holds meta.properties (a symbolic link), which is not part"
                        + " of a capture: choose an empty or new directory");
        assertThat(Files.readString(target)).isEqualTo("keep\n");
    }

    @Test
    void directoryHoldingUnrelatedFilesIsRefused() throws Exception {
        Path cap = Files.createDirectory(tmp.resolve("home"));
        Files.writeString(cap.resolve("notes.txt"), "mine\n");
        assertThatThrownBy(() -> CaptureWriter.create(Path.of("/proc"), cap))
                .hasMessage("capture directory " + cap + " holds notes.txt (a regular file), which is not part of a"
                        + " capture: choose an empty or new directory");
        assertThat(cap.resolve("ticks")).doesNotExist();
    }

    @Test
    void directoryOthersMayWriteIsRefused() throws Exception {
        Path cap = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(cap, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> CaptureWriter.create(Path.of("/proc"), cap))
                .hasMessageContaining("is writable by other users (mode 777)");
    }

    @Test
    void newDirectoryInAParentOthersMayRearrangeIsRefused() throws Exception {
        Path parent = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path cap = parent.resolve("cap");
        assertThatThrownBy(() -> CaptureWriter.create(Path.of("/proc"), cap))
                .hasMessageContaining("which other users may write (mode 777)");
        assertThat(cap).doesNotExist();
    }

    @Test
    void emptyDirectoryAndAnEarlierEmptyCaptureAreUsedAndMetaIsReplacedNotFollowed() throws Exception {
        Path cap = Files.createDirectory(tmp.resolve("cap"));
        try (CaptureWriter w = CaptureWriter.create(Path.of("/proc"), cap)) {
            w.writeMeta(META);
        }
        // Again: an earlier capture's meta.properties and empty ticks are not "unrelated files".
        try (CaptureWriter w = CaptureWriter.create(Path.of("/proc"), cap)) {
            w.writeMeta(META);
        }
        assertThat(CaptureMeta.readFrom(cap)).isEqualTo(META);
        assertThat(Files.isRegularFile(cap.resolve("meta.properties"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        try (var entries = Files.list(cap)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("meta.properties", "ticks");
        }
    }

    @Test
    void newDirectoryUnderAStickyRootDirectoryIsFine() throws Exception {
        Path tmpDir = Path.of(System.getProperty("java.io.tmpdir"));
        Assumptions.assumeTrue((Integer) Files.getAttribute(tmpDir, "unix:uid") == 0, "needs a root-owned tmp");
        Path cap = tmpDir.resolve("autosa-capture-test-" + ProcessHandle.current().pid());
        try (CaptureWriter w = CaptureWriter.create(Path.of("/proc"), cap)) {
            w.writeMeta(META);
        } finally {
            Files.deleteIfExists(cap.resolve("meta.properties"));
            Files.deleteIfExists(cap.resolve("ticks"));
            Files.deleteIfExists(cap);
        }
    }
}
