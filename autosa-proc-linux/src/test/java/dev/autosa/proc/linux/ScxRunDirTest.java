// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static dev.autosa.proc.linux.FakeScx.Behaviour.ATTACH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autosa.api.ActiveScheduler;
import dev.autosa.api.SchedulerFailure;
import dev.autosa.api.SchedulerFailure.Kind;
import dev.autosa.api.SchedulerSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scheduler log in the run directory, as root: never written or truncated through a link,
 * never placed in a directory someone else can write (issue 14, bug 2).
 */
class ScxRunDirTest extends FakeScxTestBase {

    private static final int SECRET_BYTES = 3 << 20;

    /** A root-only file of 3 MB, larger than the log cap: what an attacker wants truncated. */
    private Path secret() throws IOException {
        Path secret = tmp.resolve("secret");
        Files.write(secret, "precious\n".repeat(SECRET_BYTES / 9).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        FakeScx.chmod(secret, "rw-------");
        return secret;
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file the scheduler really writes to (its stdout), whatever its path now holds. */
    private static Path stdoutOf(ActiveScheduler a) {
        return Path.of("/proc", Long.toString(a.pid()), "fd", "1");
    }

    /** Makes the scheduler's real log larger than the cap, writing through its own descriptor. */
    private static void overfill(ActiveScheduler a) throws IOException {
        try (OutputStream out = Files.newOutputStream(stdoutOf(a), StandardOpenOption.APPEND)) {
            out.write(new byte[(int) ScxControllerConfig.MAX_LOG_BYTES + 4096]);
        }
    }

    @Test
    void theLogCapNeverTruncatesTheTargetOfALinkPutAtTheLogPath() throws Exception {
        Path secret = secret();
        String before = digest(secret);
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        Path log = log("scx_simple");
        Files.delete(log);
        Files.createSymbolicLink(log, secret);
        overfill(a);

        assertThat(c.checkHealth()).isEmpty();

        assertThat(Files.size(secret)).isEqualTo(SECRET_BYTES / 9 * 9);
        assertThat(digest(secret)).isEqualTo(before);
        // the cap still applies, to the file the scheduler writes
        assertThat(Files.size(stdoutOf(a))).isLessThan(ScxControllerConfig.MAX_LOG_BYTES);
    }

    @Test
    void aFailureReportNeverQuotesTheTargetOfALinkPutAtTheLogPath() throws Exception {
        Path secret = secret();
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller();
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        Path log = log("scx_simple");
        Files.delete(log);
        Files.createSymbolicLink(log, secret);
        fake.trigger("crash");
        ProcessHandle.of(a.pid()).ifPresent(h -> h.onExit().join());

        Optional<SchedulerFailure> f = c.checkHealth();

        assertThat(f).isPresent();
        assertThat(f.get().kind()).isEqualTo(Kind.EXITED);
        // the report (shown by status to anyone who may read it) holds none of the root-only file
        assertThat(f.get().detail()).doesNotContain("precious").endsWith("no output (" + log + ")");
    }

    @Test
    void aWorldWritableRunDirIsNotUsedSoALinkPlantedThereByAnotherUserIsHarmless() throws Exception {
        Path secret = secret();
        String before = digest(secret);
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        FakeScx.chmod(shared, "rwxrwxrwx");
        fake.script("scx_simple", "simple", ATTACH);
        ScxProcessController c = controller(fake.config().withRunDir(shared));
        ActiveScheduler a = c.activate(SchedulerSpec.of("scx_simple"));
        Path out = Files.readSymbolicLink(stdoutOf(a));
        try {
            assertThat(out.getParent()).isNotEqualTo(shared);
            assertThat(out.getParent().getFileName().toString()).startsWith("autosa-scx-");

            // nobody replaces the log path with a link to the root-only file
            Path planted = shared.resolve("scx_simple.log");
            assertThat(AsNobody.run("/bin/ln", "-sf", secret.toString(), planted.toString())).isZero();
            assertThat(Files.isSymbolicLink(planted)).isTrue();
            overfill(a);

            assertThat(c.checkHealth()).isEmpty();

            assertThat(digest(secret)).isEqualTo(before);
            assertThat(Files.size(out)).isLessThan(ScxControllerConfig.MAX_LOG_BYTES);
        } finally {
            c.close();
            Files.deleteIfExists(out);
            Files.deleteIfExists(out.getParent());
        }
    }

    @Test
    void anAbsentRunDirIsCreatedPrivate() throws Exception {
        fake.script("scx_simple", "simple", ATTACH);
        controller().activate(SchedulerSpec.of("scx_simple"));
        Path run = fake.root.resolve("run");
        assertThat(Files.getPosixFilePermissions(run)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.exists(log("scx_simple"))).isTrue();
    }
}
