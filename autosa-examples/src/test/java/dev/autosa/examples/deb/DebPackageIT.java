// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.deb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs {@code target/autosa_<version>_amd64.deb} on this machine with dpkg, uses it as an
 * operator would, then removes and purges it and checks that nothing is left behind. Needs root
 * on Debian (dpkg, systemd-analyze); refuses to run where an autosa package is already installed,
 * and purges its own installation whatever happens.
 */
@Tag("deb")
class DebPackageIT {

    private static final Path DEB = Path.of(System.getProperty("autosa.deb", "target/autosa.deb")).toAbsolutePath();
    private static final String CONFFILE = "/etc/autosa/autosa.conf";
    private static final Path CDS_CACHE = Path.of("/var/cache/autosa");

    @TempDir
    Path tmp;

    @Test
    void installsRunsAndPurgesWithoutLeavingAnythingBehind() throws IOException, InterruptedException {
        assertThat(DEB).as("the package, built by mvn -Pdeb package").isRegularFile();
        assertThat(Host.run("id", "-u").ok().out().strip()).as("dpkg -i needs root").isEqualTo("0");
        assertThat(Host.run("dpkg-query", "-W", "-f=${db:Status-Status}", "autosa").out())
                .as("an autosa package is already on this machine; this test will not touch it")
                .isNotIn("installed", "config-files", "half-installed", "half-configured", "unpacked");
        List<Path> shipped = contents();
        List<Path> absentBefore = shipped.stream().filter(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
        assertThat(absentBefore).as("the package's own files are not on this machine yet").isNotEmpty();
        assertThat(CDS_CACHE).doesNotExist();

        try {
            Host.run("dpkg", "-i", DEB.toString()).ok();
            usesTheInstalledPackage();
            runsTheInstalledDaemon();

            Host.run("dpkg", "-r", "autosa").ok();
            assertThat(Host.run("dpkg-query", "-W", "-f=${db:Status-Status}", "autosa").out()).isEqualTo("config-files");
            assertThat(Path.of(CONFFILE)).as("dpkg -r keeps the conffile").isRegularFile();
            assertThat(leftOver(absentBefore)).as("left behind by dpkg -r (the conffile and its directory may stay)")
                    .containsOnly(Path.of(CONFFILE), Path.of("/etc/autosa"));
            assertThat(CDS_CACHE).as("the class-data archive postinst built").doesNotExist();

            Host.run("dpkg", "-P", "autosa").ok();
            assertThat(Host.run("dpkg-query", "-W", "-f=${db:Status-Status}", "autosa").out())
                    .isIn("", "not-installed");
            assertThat(leftOver(absentBefore)).as("left behind by dpkg -P").isEmpty();
            assertThat(CDS_CACHE).doesNotExist();
        } finally {
            // Whatever failed above: this machine is shared, so the package never stays installed.
            Host.run("dpkg", "-P", "autosa");
        }
    }

    private static void usesTheInstalledPackage() throws IOException {
        assertThat(Host.run("sh", "-c", "command -v autosa").ok().out().strip()).isEqualTo("/usr/bin/autosa");
        Host.Result version = Host.run("autosa", "--version").ok();
        assertThat(version.out()).startsWith("autosa " + versionOfDeb() + "\n").contains("Java 17");

        // Its own runtime: only the modules it needs, and no compiler or other JDK tool.
        Host.Result modules = Host.run("/usr/lib/autosa/runtime/bin/java", "--list-modules").ok();
        assertThat(modules.out().lines().map(l -> l.replaceAll("@.*", "")).toList())
                .containsExactlyInAnyOrder("java.base", "java.logging", "java.management", "java.xml", "jdk.httpserver",
                        "jdk.net", "jdk.unsupported");
        assertThat(Path.of("/usr/lib/autosa/runtime/bin/javac")).doesNotExist();
        // The class-data archives postinst dumped, the daemon's and the CLI's, map on the packaged
        // runtime (-Xshare:on fails otherwise).
        for (String archive : List.of("autosa.jsa", "autosa-cli.jsa")) {
            assertThat(CDS_CACHE.resolve(archive)).isRegularFile();
            Host.run("/usr/lib/autosa/runtime/bin/java", "-XX:SharedArchiveFile=" + CDS_CACHE.resolve(archive),
                    "-Xshare:on", "-cp", "/usr/lib/autosa/autosa.jar", "dev.autosa.examples.cli.Main", "--version").ok();
        }

        Host.Result recommend = Host.run("autosa", "recommend", "--seconds", "3", "--json").ok();
        JsonObject r = JsonParser.parseString(recommend.out()).getAsJsonObject();
        assertThat(r.get("seconds").getAsInt()).isEqualTo(3);
        assertThat(r.get("workload").getAsString()).isNotBlank();
        assertThat(r.get("action").getAsString()).isNotBlank();

        Host.Result verify = Host.run("systemd-analyze", "verify", "/lib/systemd/system/autosa.service");
        assertThat(verify.exit()).as("systemd-analyze verify: %s%s", verify.out(), verify.err()).isZero();
        assertThat(verify.out() + verify.err()).doesNotContain("autosa.service");
        assertThat(Files.readString(path("/lib/systemd/system/autosa.service"))).contains("ExecStart=/usr/bin/autosa start");

        assertThat(Host.run("dpkg-query", "-W", "-f=${Conffiles}", "autosa").ok().out()).contains(CONFFILE);
        assertThat(path(CONFFILE)).isRegularFile();
        assertThat(path("/usr/lib/autosa/plugins")).isDirectory();
        try (InputStream man = new GZIPInputStream(Files.newInputStream(path("/usr/share/man/man1/autosa.1.gz")))) {
            assertThat(new String(man.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(".TH AUTOSA 1").contains("autosa " + versionOfDeb());
        }
    }

    /** The daemon and its client, as installed: start, status through the socket, stop. */
    private void runsTheInstalledDaemon() throws IOException, InterruptedException {
        Path sock = tmp.resolve("autosa.sock");
        Host.run("autosa", "status", "--socket", sock.toString()).expectExit(3);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process daemon = new ProcessBuilder("autosa", "start", "--mode", "recommend", "--socket", sock.toString(),
                "--metrics", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("daemon.log").toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(sock) && daemon.isAlive(); i++) {
                daemon.waitFor(100, TimeUnit.MILLISECONDS);
            }
            assertThat(sock).as("socket of the installed daemon; log: %s", Files.readString(tmp.resolve("daemon.log")))
                    .exists();
            Host.Result status = Host.run("autosa", "status", "--json", "--socket", sock.toString()).ok();
            assertThat(JsonParser.parseString(status.out()).getAsJsonObject().get("mode").getAsString())
                    .isEqualTo("recommend");
            statusComesFromTheCliArchive(sock);
            // The metrics endpoint needs jdk.httpserver in the packaged runtime.
            HttpURLConnection metrics = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics")
                    .toURL().openConnection();
            try (InputStream in = metrics.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).containsPattern("autosa_running 1(\\.0)?\\s");
            } finally {
                metrics.disconnect();
            }
            mcpAnswersOnTheInstalledRuntime(sock);
            Host.run("autosa", "stop", "--socket", sock.toString()).ok();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).isZero();
        } finally {
            daemon.destroyForcibly();
        }
    }

    /**
     * Every class of autosa and gson a text {@code status} loads comes from the CLI's class-data
     * archive: none is read from the jar, parsed and verified on each call.
     */
    private void statusComesFromTheCliArchive(Path sock) throws IOException {
        Path log = tmp.resolve("status-classes.log");
        Host.Result text = Host.run("env", "JAVA_TOOL_OPTIONS=-Xlog:class+load=info:file=" + log, "autosa", "status",
                "--socket", sock.toString()).ok();
        assertThat(text.out()).startsWith("autosa is running (pid ");
        List<String> ours = Files.readAllLines(log).stream()
                .filter(l -> l.contains("] dev.autosa.") || l.contains("] com.google.gson."))
                .toList();
        assertThat(ours).as("autosa's classes loaded by status").isNotEmpty();
        assertThat(ours).as("loaded by status, not from the archive")
                .allMatch(l -> l.endsWith(" source: shared objects file"));
    }

    /** autosa mcp needs Jackson's XML types in the packaged runtime: one initialize round trip. */
    private void mcpAnswersOnTheInstalledRuntime(Path sock) throws IOException, InterruptedException {
        Path answer = tmp.resolve("mcp.out");
        Process mcp = new ProcessBuilder("autosa", "mcp", "--socket", sock.toString())
                .redirectOutput(answer.toFile()).redirectError(tmp.resolve("mcp.err").toFile()).start();
        try {
            try (OutputStream in = mcp.getOutputStream()) {
                in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"deb-test\",\"version\":\"1\"}}}\n")
                        .getBytes(StandardCharsets.UTF_8));
                in.flush();
                for (int i = 0; i < 300 && Files.size(answer) == 0 && mcp.isAlive(); i++) {
                    mcp.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
            assertThat(Files.readString(answer)).as("mcp stderr: %s", Files.readString(tmp.resolve("mcp.err")))
                    .contains("\"serverInfo\":{\"name\":\"autosa\"");
        } finally {
            mcp.destroy();
            mcp.waitFor(10, TimeUnit.SECONDS);
            mcp.destroyForcibly();
        }
    }

    /** Every path in the package, from its data archive. */
    private static List<Path> contents() {
        List<Path> paths = new ArrayList<>();
        // "drwxr-xr-x root/root 0 2026-11-25 00:00 ./usr/lib/autosa/": the sixth field is the path.
        for (String line : Host.run("dpkg-deb", "-c", DEB.toString()).ok().out().lines().toList()) {
            String entry = line.strip().split("\\s+")[5];
            String path = entry.substring(1).replaceAll("/$", "");
            if (!path.isEmpty()) {
                paths.add(Path.of(path));
            }
        }
        return paths;
    }

    private static List<Path> leftOver(List<Path> absentBefore) {
        return absentBefore.stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    private static Path path(String p) {
        return Path.of(p);
    }

    private static String versionOfDeb() {
        String name = DEB.getFileName().toString();
        return name.substring("autosa_".length(), name.length() - "_amd64.deb".length());
    }
}
