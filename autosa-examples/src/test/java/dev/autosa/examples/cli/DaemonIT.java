// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a user meets it: {@code autosa start} in recommend mode on this machine (no
 * sched_ext here, or no root), then status, list, a refused second start, a hostile client, a
 * client of another uid, and stop. One daemon serves the ordered tests; other tests start their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonIT {

    @TempDir
    Path tmp;

    private Path dir;
    private Path socket;
    private Cli.Daemon daemon;

    @BeforeAll
    void startDaemon() throws IOException {
        // Traversable by others (0711) so the other-uid test can reach the socket once it opens it up.
        dir = Files.createTempDirectory("autosa-it");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        socket = dir.resolve("autosa.sock");
        daemon = Cli.start(socket, "--mode", "recommend", "--aggregation-window", "4", "--no-jmx");
    }

    @AfterAll
    void stopDaemon() throws IOException {
        daemon.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Test
    @Order(1)
    void socketAndPidFileAreThereWithTightPermissions() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        Path pid = dir.resolve("autosa.pid");
        assertThat(Files.readString(pid).strip()).isEqualTo(String.valueOf(daemon.process().pid()));
        assertThat(daemon.log()).contains("mode recommend");
    }

    @Test
    @Order(2)
    void statusShowsLiveData() {
        Cli.Result text = Cli.run("status", "--socket", socket.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("autosa is running (pid " + daemon.process().pid())
                .contains("mode:         recommend")
                .contains("workload:")
                .contains("recommended:")
                .contains("kernel runs:")
                .containsPattern("metrics: +cpu busy [0-9.]+%");

        Cli.Result json = Cli.run("status", "--json", "--socket", socket.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonObject s = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(s.get("running").getAsBoolean()).isTrue();
        assertThat(s.get("pid").getAsLong()).isEqualTo(daemon.process().pid());
        assertThat(s.get("mode").getAsString()).isEqualTo("recommend");
        assertThat(s.get("modeReason").getAsString()).isNotBlank();
        assertThat(s.get("ticks").getAsLong()).isPositive();
        assertThat(s.getAsJsonObject("providers").get("metricSource").getAsString()).isEqualTo("proc");
        assertThat(s.getAsJsonObject("window").has("cpu.busy")).isTrue();
        assertThat(s.getAsJsonObject("window").get("mem.used_fraction").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(s.getAsJsonObject("active").get("display").getAsString()).isNotBlank();
        assertThat(s.getAsJsonObject("counters").get("switches").getAsLong()).isZero();
        assertThat(s.getAsJsonObject("config").get("aggregationWindowSecs").getAsDouble()).isEqualTo(4.0);
    }

    @Test
    @Order(3)
    void listNamesTheSeedSchedulers() {
        Cli.Result r = Cli.run("list", "--socket", socket.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("scx_bpfland", "scx_flash", "scx_lavd", "scx_rusty", "scx_simple", "active:");
        Cli.Result json = Cli.run("list", "--json", "--socket", socket.toString());
        JsonObject l = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(l.getAsJsonArray("schedulers")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(l.getAsJsonArray("schedulers").get(0).getAsJsonObject().get("description").getAsString())
                .isNotBlank();
    }

    @Test
    @Order(4)
    void secondStartIsRefusedNamingThePid() {
        Cli.Result r = Cli.run("start", "--socket", socket.toString(), "--mode", "recommend");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("already running (pid " + daemon.process().pid());
        Cli.assertOneLine(r.err());
        assertThat(daemon.process().isAlive()).isTrue();
    }

    @Test
    @Order(5)
    void garbageOnTheSocketIsAnsweredAndSurvived() throws IOException {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[100] = '\n';
        assertThat(Cli.request(socket, junk)).contains("\"ok\":false").contains("malformed request");

        assertThat(Cli.request(socket, "not json\n".getBytes(StandardCharsets.UTF_8)))
                .contains("\"ok\":false").contains("malformed request");
        assertThat(Cli.request(socket, "{\"cmd\":\"reboot\"}\n".getBytes(StandardCharsets.UTF_8)))
                .contains("unknown command");

        byte[] huge = new byte[1 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        String answer = Cli.request(socket, huge);
        // The daemon answers after 64 KiB and closes; the client may see the answer or a reset.
        assertThat(answer).satisfiesAnyOf(a -> assertThat(a).contains("longer than 65536 bytes"),
                a -> assertThat(a).isEmpty());

        // A slow client that sends half a request and waits does not block anyone else.
        try (SocketChannel slow = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            slow.connect(UnixDomainSocketAddress.of(socket));
            slow.write(ByteBuffer.wrap("{\"cmd\":".getBytes(StandardCharsets.UTF_8)));
            assertThat(Cli.tryRequest(socket, "{\"cmd\":\"status\"}\n")).contains("\"ok\":true");
        }
        Cli.Result r = Cli.run("status", "--socket", socket.toString());
        assertThat(r.exit()).isZero();
    }

    @Test
    @Order(5)
    void manyConcurrentClientsAreServedOrRefusedAndTheDaemonGoesOn() throws Exception {
        // 40 silent connections (the daemon serves at most 32 at once) plus 16 clients asking for
        // status at the same time: every status request gets an answer or a refusal that says
        // why, none hangs, and once the silent ones are gone the daemon answers as before.
        List<SocketChannel> silent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
                c.connect(UnixDomainSocketAddress.of(socket));
                silent.add(c);
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            try {
                List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    answers.add(pool.submit(() -> Cli.tryRequest(socket, "{\"cmd\":\"status\"}\n")));
                }
                for (java.util.concurrent.Future<String> a : answers) {
                    assertThat(a.get(60, TimeUnit.SECONDS)).satisfiesAnyOf(
                            answer -> assertThat(answer).contains("\"ok\":true"),
                            answer -> assertThat(answer).contains(
                                    "daemon busy: more than 32 control connections open; try again"));
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            for (SocketChannel c : silent) {
                c.close();
            }
        }
        assertThat(Cli.run("status", "--socket", socket.toString()).exit()).isZero();
    }

    @Test
    @Order(5)
    void adoptWithNothingForeignRunningSaysSo() {
        Cli.Result r = Cli.run("adopt", "--socket", socket.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().strip()).isEqualTo(
                "nothing to adopt: the kernel runs kernel default, and it is not a scheduler started outside autosa");
    }

    @Test
    @Order(6)
    void anotherUserMayReadStatusButNotStop() throws IOException {
        Assumptions.assumeTrue(Uid.isRoot(), "needs root to run a client as nobody");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        // Test only: open the socket to everybody so the daemon's own peer-uid check is what refuses.
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        try {
            List<String> nobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            Cli.Result stop = Cli.runWith(nobody, "stop", "--socket", socket.toString());
            assertThat(stop.exit()).as(stop.out() + stop.err()).isEqualTo(1);
            assertThat(stop.err()).contains("permission denied").contains("only root or the user running autosa");
            Cli.assertOneLine(stop.err());
            assertThat(daemon.process().isAlive()).isTrue();

            Cli.Result adopt = Cli.runWith(nobody, "adopt", "--socket", socket.toString());
            assertThat(adopt.exit()).isEqualTo(1);
            assertThat(adopt.err()).contains("permission denied: only root or the user running autosa may hand a"
                    + " scheduler over to it (you are nobody)");

            Cli.Result status = Cli.runWith(nobody, "status", "--socket", socket.toString());
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(daemon.log()).contains("refused stop from user nobody");
        } finally {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    @Order(7)
    void stopStopsItAndCleansUp() throws InterruptedException {
        Cli.Result r = Cli.run("stop", "--socket", socket.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip())
                .isEqualTo("stopped (pid " + daemon.process().pid() + "); kernel default scheduler restored");
        assertThat(daemon.process().waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.process().exitValue()).isZero();
        assertThat(socket).doesNotExist();
        assertThat(dir.resolve("autosa.pid")).doesNotExist();
        assertThat(daemon.log()).contains("kernel default scheduler restored");

        Cli.Result status = Cli.run("status", "--socket", socket.toString());
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("not running");
        Cli.Result stop = Cli.run("stop", "--socket", socket.toString());
        assertThat(stop.exit()).isEqualTo(3);
        Cli.assertOneLine(stop.err());
    }

    @Test
    @Order(10)
    void sigtermStopsCleanly() throws Exception {
        Path sock = tmp.resolve("term/autosa.sock");
        try (Cli.Daemon d = Cli.start(sock, "--mode", "recommend", "--aggregation-window", "4")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock.getParent())))
                    .isEqualTo("rwx------");
            d.process().destroy();
            assertThat(d.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(d.log()).contains("kernel default scheduler restored");
            assertThat(sock).doesNotExist();
        }
    }

    @Test
    @Order(11)
    void staleSocketOfAKilledDaemonIsReplaced() throws Exception {
        Path sock = tmp.resolve("stale/autosa.sock");
        long killedPid;
        try (Cli.Daemon d = Cli.start(sock, "--mode", "recommend", "--aggregation-window", "4")) {
            killedPid = d.process().pid();
            d.process().destroyForcibly();
            d.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(sock).exists();
        assertThat(Cli.run("status", "--socket", sock.toString()).exit()).isEqualTo(3);
        try (Cli.Daemon d = Cli.start(sock, "--mode", "dry-run", "--aggregation-window", "4")) {
            assertThat(d.log()).contains("replaced stale socket " + sock).contains("(pid " + killedPid + ")");
            Cli.Result r = Cli.run("stop", "--keep-scheduler", "--socket", sock.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("stopped (pid " + d.process().pid() + "); scheduler kept running: ");
            assertThat(d.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Order(12)
    void pluginClassifierFromThePluginsDirectoryIsUsed() throws Exception {
        Path plugins = TrustedTemp.newDirectory("plugins"); // not under /tmp: a root daemon refuses that
        Files.copy(Cli.PLUGIN_JAR, plugins.resolve("nightly-batch.jar"));
        Path sock = tmp.resolve("plugin/autosa.sock");
        try (Cli.Daemon d = Cli.start(sock, "--mode", "recommend", "--aggregation-window", "4", "--plugins",
                plugins.toString())) {
            Cli.Result r = Cli.run("status", "--json", "--socket", sock.toString());
            JsonObject s = JsonParser.parseString(r.out()).getAsJsonObject();
            assertThat(s.getAsJsonObject("providers").get("classifier").getAsString()).isEqualTo("nightly-batch");
            assertThat(Cli.run("stop", "--socket", sock.toString()).exit()).isZero();
            assertThat(d.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
