// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static dev.autosa.proc.linux.FakeScx.Behaviour.ATTACH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerInfo;
import dev.autosa.api.SchedulerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trusted directories as ssh's StrictModes sees them: every ancestor counts, and a binary's real
 * path must lie inside a trusted directory (issue 14's risks).
 */
class ScxTrustedDirTest extends FakeScxTestBase {

    private SchedulerInfo info(ScxProcessController c, String name) {
        return c.available().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    /** A copy of a fake scheduler in {@code dir} (root-owned, 0755), made the only trusted directory. */
    private Path binaryIn(Path dir) throws IOException {
        Path script = fake.script("scx_simple", "simple", ATTACH);
        Files.createDirectories(dir);
        FakeScx.chmod(dir, "rwxr-xr-x");
        Path copy = Files.copy(script, dir.resolve("scx_simple"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.delete(script);
        return copy;
    }

    @Test
    void binaryInARootOwnedDirectoryInsideAUserOwnedOneIsRefused() throws Exception {
        Path home = Files.createDirectory(tmp.resolve("home"));
        Files.setAttribute(home, "unix:uid", AsNobody.UID);
        Path bin = home.resolve("bin");
        binaryIn(bin);
        ScxProcessController c = controller(fake.config().withTrustedDirs(List.of(bin)));

        SchedulerInfo info = info(c, "scx_simple");
        assertThat(info.installed()).isFalse();
        assertThat(info.refusedReason()).isEqualTo("directory " + home + " is owned by uid 65534, not root (an "
                + "ancestor of " + bin + ")");
        assertThat(c.trustedDirectoryProblems()).containsExactly(bin + ": directory " + home + " is owned by uid "
                + "65534, not root (an ancestor of " + bin + ")");
        SchedulerFailure f = failureOf(() -> c.activate(SchedulerSpec.of("scx_simple")));
        assertThat(f.kind()).isEqualTo(Kind.START_FAILED);
        assertThat(f.detail()).startsWith("refused: directory " + home + " is owned by uid 65534");
        assertThat(fake.enableSeq()).isZero();

        // why: the owner of an ancestor can swap the root-owned directory for one of their own
        assertThat(AsNobody.run("/bin/mv", bin.toString(), home.resolve("old").toString())).isZero();
        assertThat(AsNobody.run("/bin/mkdir", bin.toString())).isZero();
        assertThat(Files.getAttribute(bin, "unix:uid")).isEqualTo(AsNobody.UID);
    }

    @Test
    void worldWritableTrustedDirectoryLikeTmpIsReportedAndNothingInItRuns() throws Exception {
        Path sticky = tmp.resolve("sticky");
        Path binary = binaryIn(sticky);
        // sticky like /tmp (Java cannot set the sticky bit itself)
        assertThat(new ProcessBuilder("chmod", "1777", sticky.toString()).inheritIO().start().waitFor()).isZero();
        ScxProcessController c = controller(fake.config().withTrustedDirs(List.of(sticky, Path.of("/tmp"))));

        assertThat(c.trustedDirectoryProblems()).containsExactly(
                sticky + ": directory " + sticky + " is group- and world-writable (rwxrwxrwx)",
                "/tmp: directory /tmp is group- and world-writable (rwxrwxrwx)");
        assertThat(info(c, "scx_simple").refusedReason()).isEqualTo("directory " + sticky
                + " is group- and world-writable (rwxrwxrwx)");
        assertThat(Files.exists(binary)).isTrue();
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_simple"))).detail())
                .isEqualTo("refused: directory " + sticky + " is group- and world-writable (rwxrwxrwx)");
    }

    @Test
    void rootOwnedLinkToABinaryOutsideEveryTrustedDirectoryIsRefused() throws Exception {
        Path outside = binaryIn(tmp.resolve("outside"));
        Path link = Files.createSymbolicLink(fake.bin.resolve("scx_simple"), outside);
        ScxProcessController c = controller();

        String why = link + " resolves to " + outside + ", which is outside every trusted directory [" + fake.bin
                + "]";
        assertThat(info(c, "scx_simple").refusedReason()).isEqualTo(why);
        assertThat(failureOf(() -> c.activate(SchedulerSpec.of("scx_simple"))).detail()).isEqualTo("refused: " + why);
        assertThat(fake.enableSeq()).isZero();
    }

    @Test
    void linkBetweenTrustedDirectoriesRunsTheRealPathNotTheLink() throws Exception {
        Path other = tmp.resolve("other-bin");
        Path real = binaryIn(other);
        Path link = Files.createSymbolicLink(fake.bin.resolve("scx_simple"), real);
        ScxProcessController c = controller(fake.config().withTrustedDirs(List.of(fake.bin, other)));

        assertThat(c.trustedDirectoryProblems()).isEmpty();
        assertThat(info(c, "scx_simple").path()).isEqualTo(real);
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        String cmdline = Files.readString(Path.of("/proc", Long.toString(a.pid()), "cmdline"), StandardCharsets.UTF_8);
        assertThat(cmdline.split("\0")).contains(real.toString()).doesNotContain(link.toString());
    }
}
