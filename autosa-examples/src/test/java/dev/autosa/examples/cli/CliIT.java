// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.autosa.api.Workload;
import dev.autosa.core.FileOutcomeStore;
import dev.autosa.core.OutcomeRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors, help, version and the commands that need no daemon, run from the packaged jar. */
class CliIT {

    @TempDir
    Path tmp;

    @Test
    void versionAndHelpWorkEverywhere() {
        Cli.Result v = Cli.run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("autosa 0.1.0");
        for (String cmd : new String[] {"start", "stop", "status", "list", "recommend", "capture", "replay", "history"}) {
            Cli.Result h = Cli.run(cmd, "--help");
            assertThat(h.exit()).as(cmd).isZero();
            assertThat(h.out()).as(cmd).contains("Usage: autosa " + cmd);
        }
    }

    @Test
    void badFlagIsOneLineNamingItWithExitCode2() {
        Cli.Result r = Cli.run("start", "--colection-interval", "5");
        assertThat(r.exit()).isEqualTo(2);
        Cli.assertOneLine(r.err());
        assertThat(r.err()).contains("--colection-interval");

        Cli.Result conf = Cli.run("start", "--min-confidence", "1.3");
        assertThat(conf.exit()).isEqualTo(2);
        assertThat(conf.err().strip())
                .isEqualTo("autosa start: --min-confidence: min confidence must be in [0, 1] but was 1.3");

        Cli.Result type = Cli.run("start", "--aggregation-window", "soon");
        assertThat(type.exit()).isEqualTo(2);
        Cli.assertOneLine(type.err());
        assertThat(type.err()).contains("--aggregation-window").contains("'soon'");

        Cli.Result mode = Cli.run("replay", tmp.toString(), "--mode", "fast");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("--mode").contains("\"fast\"");
    }

    @Test
    void badConfigKeyOrValueNamesFileLineAndKey() throws IOException {
        Path conf = tmp.resolve("autosa.conf");
        Files.writeString(conf, "# test\ncollection_interval_secs = 1\nmin_confidense_threshold = 0.8\n");
        Cli.Result r = Cli.run("start", "--config", conf.toString(), "--socket", tmp.resolve("s").toString());
        assertThat(r.exit()).isEqualTo(2);
        Cli.assertOneLine(r.err());
        assertThat(r.err()).contains(conf + ":3").contains("unknown key min_confidense_threshold");

        Files.writeString(conf, "mode = \"recommend\"\nmin_switch_interval_secs = -5\n");
        Cli.Result v = Cli.run("start", "--config", conf.toString(), "--socket", tmp.resolve("s").toString());
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.err().strip()).isEqualTo("autosa start: " + conf + ":2: min_switch_interval_secs: "
                + "min switch interval must be between 0s and 604800s but was -5s");
    }

    @Test
    void clientsSayNotRunningWithExitCode3() {
        Path sock = tmp.resolve("none/autosa.sock");
        Cli.Result status = Cli.run("status", "--socket", sock.toString());
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.out()).contains("autosa is not running");
        Cli.Result json = Cli.run("status", "--json", "--socket", sock.toString());
        assertThat(json.exit()).isEqualTo(3);
        assertThat(JsonParser.parseString(json.out()).getAsJsonObject().get("running").getAsBoolean()).isFalse();
        Cli.Result stop = Cli.run("stop", "--socket", sock.toString());
        assertThat(stop.exit()).isEqualTo(3);
        Cli.assertOneLine(stop.err());
    }

    @Test
    void listWithoutDaemonAsksTheControllerOrNamesTheSeeds() {
        Cli.Result r = Cli.run("list", "--json", "--socket", tmp.resolve("none.sock").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonObject l = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(l.getAsJsonArray("schedulers").toString())
                .contains("scx_bpfland", "scx_flash", "scx_lavd", "scx_rusty", "scx_simple");
        if (l.get("controller").isJsonNull()) {
            assertThat(l.get("controllerUnavailable").getAsString()).startsWith("no SchedulerController available");
        }
    }

    @Test
    void listWithoutDaemonUsesTheConfigFilesTrustedDirectories() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("bin"));
        Path conf = tmp.resolve("autosa.conf");
        Files.writeString(conf, "scx_trusted_dirs = " + empty + "\nprefer.cpu-bound = scx_simple\n");
        Cli.Result r = Cli.run("list", "--json", "--config", conf.toString(), "--socket",
                tmp.resolve("none.sock").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonObject l = JsonParser.parseString(r.out()).getAsJsonObject();
        for (var e : l.getAsJsonArray("schedulers")) {
            JsonObject s = e.getAsJsonObject();
            assertThat(s.get("installed").getAsBoolean()).as(s.toString()).isFalse();
            if (s.get("name").getAsString().equals("scx_simple")) {
                assertThat(s.get("preferredFor").toString()).contains("cpu-bound");
            }
        }

        Files.writeString(conf, "# test\nscx_trusted_dirs = relative/bin\n");
        Cli.Result bad = Cli.run("list", "--config", conf.toString(), "--socket", tmp.resolve("none.sock").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("autosa list: " + conf + ":2: scx_trusted_dirs: trusted directory must be"
                + " an absolute path but was \"relative/bin\"");
    }

    @Test
    void recommendWatchesAndRecommends() {
        Cli.Result r = Cli.run("recommend", "--seconds", "2", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(o.get("workload").getAsString()).isNotBlank();
        assertThat(o.get("confidence").getAsDouble()).isBetween(0.0, 1.0);
        assertThat(o.has("recommended")).isTrue();
        assertThat(r.err()).contains("sampling 2/2");

        Cli.Result bad = Cli.run("recommend", "--seconds", "1");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--seconds");
    }

    @Test
    void captureThenReplay() {
        Path cap = tmp.resolve("cap");
        Cli.Result c = Cli.run("capture", cap.toString(), "--seconds", "2");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(cap.resolve("meta.properties")).exists();
        assertThat(cap.resolve("ticks")).isDirectoryContaining(p -> p.getFileName().toString().equals("000000000000"));
        assertThat(c.err()).contains("capturing tick 3/3");

        Cli.Result r = Cli.run("replay", cap.toString(), "--json", "--aggregation-window", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(JsonParser.parseString(lines[0]).getAsJsonObject().get("t_ms").getAsLong()).isZero();
    }

    @Test
    void launcherFindsTheJarNextToItself() {
        Path launcher = Cli.JAR.resolveSibling("autosa");
        Cli.Result r = Cli.runRaw(List.of("bash", launcher.toString(), "--version"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("autosa 0.1.0");
    }

    @Test
    void procRootReadsAnotherDirectory() throws IOException {
        new FixtureCapture(tmp.resolve("fx")).tick(50);
        Path procRoot = tmp.resolve("fx/ticks/000000000000");
        Cli.Result r = Cli.run("recommend", "--seconds", "2", "--json", "--proc-root", procRoot.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // A directory that never changes: no CPU time passes, nothing is busy.
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(o.get("workload").getAsString()).isEqualTo("idle");
        assertThat(o.getAsJsonObject("window").get("mem.used_fraction").getAsDouble()).isBetween(0.27, 0.28);

        Cli.Result bad = Cli.run("start", "--proc-root", tmp.resolve("nowhere").toString(), "--socket",
                tmp.resolve("s.sock").toString());
        assertThat(bad.exit()).isEqualTo(2);
        Cli.assertOneLine(bad.err());
        assertThat(bad.err()).contains("--proc-root").contains("nowhere");
    }

    @Test
    void historyShowsTheOutcomeTableFromTheStateDirectory() throws IOException {
        Path state = tmp.resolve("state");
        Cli.Result empty = Cli.run("history", "--state-dir", state.toString());
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("no experiments recorded yet");

        new FileOutcomeStore(state).save(List.of(new OutcomeRecord("cpus=2 kernel=7.2", "cpu contention",
                Workload.CPU_BOUND, "scx_cpu0", 2, 0, 2, 0, 0, Instant.parse("2026-11-30T13:00:00Z"),
                List.of(3.5, 3.4))));
        Cli.Result text = Cli.run("history", "--state-dir", state.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("WORKLOAD").contains("MEDIAN CHANGE")
                .containsPattern("cpu-bound +scx_cpu0 +2 +0 +2 +0 +0 +\\+3\\.450  cpu contention / cpus=2 kernel=7.2")
                .contains("last reverted 2026-11-30T13:00:00Z");
        Cli.Result json = Cli.run("history", "--json", "--state-dir", state.toString());
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"scheduler\": \"scx_cpu0\"").contains("\"reverted\": 2")
                .contains("\"medianChange\": 3.45");

        Files.writeString(state.resolve(FileOutcomeStore.FILE_NAME), "garbage\n");
        Cli.Result bad = Cli.run("history", "--state-dir", state.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err().strip()).endsWith("outcomes.tsv: line 1: expected \"# autosa outcome history v2\"");
    }

    @Test
    void closedLoopFlagsAreValidatedByTheLibrary() {
        Cli.Result r = Cli.run("start", "--evaluation-period", "0", "--socket", tmp.resolve("s").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .isEqualTo("autosa start: --evaluation-period: evaluation period must be between 1s and 21600s but was 0s");
        Cli.Result h = Cli.run("start", "--help");
        assertThat(h.out()).contains("--settle-period").contains("--evaluation-period").contains("--retry-lost-after")
                .contains("--state-dir");
    }
}
