// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon and CLI against another user on the same machine (issue 14's adversarial probe):
 * files planted at the socket and pid paths, a capture directory of another user, a fake socket,
 * hostile config files, a status asked by a user who may not see the daemon, and an idle
 * connection flood. The other user is uid 65534 (nobody) via {@code setpriv}; those tests need root.
 */
class DaemonSecurityIT {

    static final List<String> NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    @TempDir
    Path tmp;

    @BeforeEach
    void traversable() throws IOException {
        // Others may pass through (not list) so nobody can reach what a test opens up to it.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
    }

    private static void assumeRootAndSetpriv() {
        Assumptions.assumeTrue(Uid.isRoot(), "needs root to act as another user");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
    }

    @Test
    void startReplacesOnlyAStaleSocketAndNeverWritesThePidFileThroughALink() throws Exception {
        Path file = Files.writeString(tmp.resolve("file.sock"), "precious\n");
        Cli.Result r = Cli.run("start", "--socket", file.toString(), "--mode", "recommend");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("autosa start: " + file + " exists and is a regular file, not a socket: autosa replaces only"
                + " a stale socket; remove it yourself or choose another --socket");
        assertThat(Files.readString(file)).isEqualTo("precious\n");
        assertThat(tmp.resolve("file.pid")).doesNotExist();

        Path dir = Files.createDirectory(tmp.resolve("dir.sock"));
        r = Cli.run("start", "--socket", dir.toString(), "--mode", "recommend");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is a directory, not a socket");
        assertThat(dir).isDirectory();
        assertThat(tmp.resolve("dir.sock.pid")).doesNotExist();

        Path target = Files.writeString(tmp.resolve("target"), "keep\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.sock"), target);
        r = Cli.run("start", "--socket", link.toString(), "--mode", "recommend");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is a symbolic link, not a socket");

        Files.createSymbolicLink(tmp.resolve("x.pid"), target);
        r = Cli.run("start", "--socket", tmp.resolve("x.sock").toString(), "--mode", "recommend");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("autosa start: pid file " + tmp.resolve("x.pid") + " is a symbolic link, not a regular"
                + " file: not writing through it; remove it or choose another --socket");
        assertThat(Files.readString(target)).isEqualTo("keep\n");
        assertThat(tmp.resolve("x.sock")).doesNotExist();

        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        r = Cli.run("start", "--socket", open.resolve("autosa.sock").toString(), "--mode", "recommend");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("is writable by other users (mode 777) and not a root-owned sticky directory");
        assertThat(open.resolve("autosa.pid")).doesNotExist();
    }

    @Test
    void captureIntoAnotherUsersDirectoryNeverWritesThroughItsLinks() throws Exception {
        Assumptions.assumeTrue(Uid.isRoot(), "needs root to hand a directory to another user");
        Path target = Files.writeString(tmp.resolve("root-only"), "secret\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path cap = Files.createDirectory(tmp.resolve("cap"));
        Files.createSymbolicLink(cap.resolve("meta.properties"), target);
        Files.setAttribute(cap, "unix:uid", 65534);
        Cli.Result r = Cli.run("capture", cap.toString(), "--seconds", "1");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("belongs to uid 65534, not to this user (uid 0)");
        assertThat(Files.readString(target)).isEqualTo("secret\n");

        Path home = Files.createDirectory(tmp.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine\n");
        r = Cli.run("capture", home.toString(), "--seconds", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("holds notes.txt (a regular file), which is not part of a capture");
    }

    @Test
    void rootNeverTalksToASocketAnotherUserBound() throws Exception {
        assumeRootAndSetpriv();
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path sock = shared.resolve("autosa.sock");
        Process fake = actor("fake", sock.toString()).process();
        try {
            Cli.Result stop = Cli.run("stop", "--socket", sock.toString());
            assertThat(stop.exit()).as(stop.out() + stop.err()).isEqualTo(1);
            assertThat(stop.err().strip()).isEqualTo("autosa stop: socket " + sock + " belongs to uid 65534, neither root nor this"
                    + " user (uid 0): not talking to it (another user may have put it there)");
            assertThat(stop.out()).doesNotContain("stopped");
            Cli.Result start = Cli.run("start", "--socket", sock.toString(), "--mode", "recommend");
            assertThat(start.exit()).isEqualTo(1);
            assertThat(start.err()).contains("belongs to uid 65534, not to this user (uid 0): not replacing it");
            // Even a socket file that says root is not trusted when the process behind it is not root.
            Files.setAttribute(sock, "unix:uid", 0);
            Cli.Result status = Cli.run("status", "--socket", sock.toString());
            assertThat(status.exit()).isEqualTo(1);
            assertThat(status.err().strip()).isEqualTo("autosa status: the process on " + sock + " runs as nobody, neither root nor"
                    + " this user: not talking to it (another user may have put it there)");
        } finally {
            fake.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void configThatIsADeviceFifoOrUnreadableIsRefusedWithTheReason() throws Exception {
        Cli.Result zero = Cli.run("start", "--config", "/dev/zero", "--socket", tmp.resolve("z.sock").toString());
        assertThat(zero.exit()).as(zero.err()).isEqualTo(2);
        assertThat(zero.err().strip()).isEqualTo("autosa start: configuration file /dev/zero is not a regular file (a device, FIFO"
                + " or socket); give a text file");

        Path fifo = tmp.resolve("fifo.conf");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "needs mkfifo");
        Cli.Result f = Cli.run("start", "--config", fifo.toString(), "--socket", tmp.resolve("f.sock").toString());
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("is not a regular file");

        assumeRootAndSetpriv();
        Path secret = Files.writeString(tmp.resolve("secret.conf"), "mode = recommend\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Cli.Result denied = Cli.runWith(NOBODY, "start", "--config", secret.toString(), "--socket",
                tmp.resolve("n.sock").toString());
        assertThat(denied.exit()).as(denied.out() + denied.err()).isEqualTo(2);
        assertThat(denied.err().strip()).isEqualTo("autosa start: cannot read configuration file " + secret
                + ": permission denied (for uid 65534)");
    }

    @Test
    void anotherUserIsToldItCannotSeeTheDaemonNotThatItIsDown() throws Exception {
        assumeRootAndSetpriv();
        Path sock = tmp.resolve("root/autosa.sock");
        try (Cli.Daemon d = Cli.start(sock, "--mode", "recommend", "--aggregation-window", "4", "--no-jmx")) {
            Cli.Result hidden = Cli.runWith(NOBODY, "status", "--socket", sock.toString());
            assertThat(hidden.exit()).as(hidden.out() + hidden.err()).isEqualTo(ExitCodes.NO_ACCESS);
            assertThat(hidden.out().strip()).isEqualTo("cannot tell whether autosa is running: permission denied on "
                    + sock.getParent() + " for this user (uid 65534); a system daemon's socket directory is root's"
                    + " only: run as root (sudo autosa ...)");
            Cli.Result json = Cli.runWith(NOBODY, "status", "--json", "--socket", sock.toString());
            assertThat(json.exit()).isEqualTo(ExitCodes.NO_ACCESS);
            assertThat(JsonParser.parseString(json.out()).getAsJsonObject().get("running").isJsonNull()).isTrue();

            // The directory passable, the socket still 0600: it is seen running, but not readable.
            Files.setPosixFilePermissions(sock.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
            Cli.Result visible = Cli.runWith(NOBODY, "status", "--socket", sock.toString());
            assertThat(visible.exit()).isEqualTo(ExitCodes.NO_ACCESS);
            assertThat(visible.out().strip()).isEqualTo("autosa is running (socket " + sock + " exists) but this user"
                    + " (uid 65534) may not talk to it: permission denied; run as root or as the daemon's user");
            Cli.Result stop = Cli.runWith(NOBODY, "stop", "--socket", sock.toString());
            assertThat(stop.exit()).isEqualTo(ExitCodes.NO_ACCESS);
            assertThat(d.process().isAlive()).isTrue();
        }
    }

    @Test
    void anIdleConnectionFloodLocksNobodyOut() throws Exception {
        assumeRootAndSetpriv();
        Path dir = Files.createDirectory(tmp.resolve("flood"));
        Path sock = dir.resolve("autosa.sock");
        int clients = 100;
        int seconds = 12;
        try (Cli.Daemon d = Cli.start(sock, "--mode", "recommend", "--aggregation-window", "4", "--no-jmx")) {
            // Test only: open the socket to everybody so the flooder gets in.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rw-rw-rw-"));
            Actor flood = actor("flood", sock.toString(), Integer.toString(clients), Integer.toString(seconds));
            try {
                // Root's requests while the flood runs: every one answered.
                List<Long> micros = new ArrayList<>();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds - 4);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    String answer = Cli.tryRequest(sock, "{\"cmd\":\"status\"}\n");
                    micros.add((System.nanoTime() - t0) / 1_000);
                    assertThat(answer).as("status during the flood").contains("\"ok\":true");
                }
                Cli.Result status = Cli.run("status", "--socket", sock.toString());
                assertThat(status.exit()).as(status.err()).isZero();
                Collections.sort(micros);
                System.out.printf("idle flood: %d clients for %d s; %d status requests by root during it: p50 %d us,"
                        + " p99 %d us, max %d us%n", clients, seconds, micros.size(), micros.get(micros.size() / 2),
                        micros.get(micros.size() * 99 / 100), micros.get(micros.size() - 1));
                Cli.Result stop = Cli.run("stop", "--socket", sock.toString());
                assertThat(stop.exit()).as(stop.err()).isZero();
                assertThat(d.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                if (!flood.process().waitFor(30, TimeUnit.SECONDS)) {
                    flood.process().destroyForcibly();
                }
                System.out.println("flooder: " + flood.out().lines().collect(Collectors.joining(" ")));
            }
            // Thousands of refused and idle connections, a handful of log lines.
            long warnings = d.log().lines().filter(l -> l.contains("control connection from nobody")).count();
            assertThat(warnings).as(d.log()).isBetween(1L, 2L);
        }
    }

    /** {@link HostileClient} running as nobody, and its output after "ready". */
    record Actor(Process process, BufferedReader out) {
    }

    /** Starts {@link HostileClient} as nobody and waits until it says it is ready. */
    private static Actor actor(String... args) throws IOException {
        Path classes;
        try {
            classes = Path.of(HostileClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        List<String> cmd = new ArrayList<>(NOBODY);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Cli.JVM);
        cmd.addAll(List.of("-cp", classes.toString(), HostileClient.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            throw new AssertionError("the other user's client did not start: " + line);
        }
        return new Actor(p, r);
    }
}
