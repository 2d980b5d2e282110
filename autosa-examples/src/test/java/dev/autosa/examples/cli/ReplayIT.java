// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code autosa replay} over a hand-made capture: six idle seconds, then ten seconds of both CPUs
 * 98% busy. With a 4 s window (warm-up 2 s), a 2 s stability period and no min switch interval,
 * the engine must stay on the kernel default while idle, hold while confidence is low and while
 * scx_rusty has not been recommended for 2 s, switch once, then rest.
 */
class ReplayIT {

    @TempDir
    Path tmp;

    private Path capture;
    private Path config;

    @BeforeEach
    void writeCapture() throws IOException {
        capture = tmp.resolve("capture");
        FixtureCapture f = new FixtureCapture(capture);
        for (int i = 0; i < 6; i++) {
            f.tick(2);
        }
        for (int i = 0; i < 10; i++) {
            f.tick(98);
        }
        config = tmp.resolve("replay.conf");
        Files.writeString(config, "# replay test\nstability_period_secs = 2\nmin_switch_interval_secs = 0\n");
    }

    @Test
    void decisionsPerTickAreTheExpectedJsonLines() {
        Cli.Result r = Cli.run("replay", capture.toString(), "--json", "--config", config.toString(),
                "--aggregation-window", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonObject> lines = parse(r.out());
        assertThat(lines).hasSize(16);

        List<String> summary = new ArrayList<>();
        for (JsonObject o : lines) {
            summary.add(o.get("t_ms").getAsLong() + " " + o.get("workload").getAsString() + " "
                    + o.get("action").getAsString() + " "
                    + (o.get("recommended").isJsonNull() ? "default" : o.get("recommended").getAsString()));
        }
        // The classifier scores the most recent 3 of the 4 ticks: one busy tick gives 0.33, two 0.67,
        // three 1.00; then 2 s of stability, then the switch.
        assertThat(summary).containsExactly(
                "0 idle none default",
                "1000 idle none default",
                "2000 idle none default",
                "3000 idle none default",
                "4000 idle none default",
                "5000 idle none default",
                "6000 cpu-bound hold scx_rusty",
                "7000 cpu-bound hold scx_rusty",
                "8000 cpu-bound hold scx_rusty",
                "9000 cpu-bound hold scx_rusty",
                "10000 cpu-bound switch scx_rusty",
                "11000 cpu-bound none scx_rusty",
                "12000 cpu-bound none scx_rusty",
                "13000 cpu-bound none scx_rusty",
                "14000 cpu-bound none scx_rusty",
                "15000 cpu-bound none scx_rusty");

        assertThat(lines.get(0).get("reason").getAsString()).isEqualTo("warming up: 1s of 2s of data");
        // The first tick has no rates, so no CPU reading: no evidence for any class yet.
        assertThat(lines.get(0).get("confidence").getAsDouble()).isEqualTo(0.0);
        assertThat(lines.get(7).get("reason").getAsString())
                .isEqualTo("confidence 0.67 for cpu-bound below threshold 0.70");
        assertThat(lines.get(8).get("reason").getAsString()).startsWith("waiting for scx_rusty to stay recommended for 2s");
        assertThat(lines.get(10).get("reason").getAsString())
                .isEqualTo("switching kernel default -> scx_rusty: cpu-bound 1.00 >= 0.70, recommended for 2s");
        assertThat(lines.get(11).get("reason").getAsString()).isEqualTo("scx_rusty already runs (cpu-bound 1.00) and is"
                + " evaluated: cpu work done against the time before the switch, verdict due at 2023-11-14T22:14:40Z");
        assertThat(r.err()).contains("replayed 16 ticks").contains("mode dry-run").contains("1 switch");
    }

    @Test
    void replayReportsWhatTheExperimentAroundASimulatedSwitchConcluded() {
        Cli.Result r = Cli.run("replay", capture.toString(), "--json", "--config", config.toString(),
                "--aggregation-window", "4", "--settle-period", "0", "--evaluation-period", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonObject> lines = parse(r.out());
        // Switch at 10 s, evaluated over the 5 ticks after it: the capture holds too few values of the
        // objective on each side for a verdict, and says so.
        assertThat(lines.get(15).get("evaluated").getAsString()).isEqualTo("inconclusive");
        assertThat(lines.get(15).get("evaluation").getAsString()).matches("scx_rusty for cpu-bound: inconclusive after"
                + " 5s, too few values \\(\\d+ before, \\d+ after; 8 needed\\); kept, no penalty");
        assertThat(lines.subList(0, 15)).allSatisfy(l -> assertThat(l.has("evaluated")).isFalse());
        assertThat(r.err()).contains("1 switch").contains("1 experiments (0 reverted)");
    }

    @Test
    void textOutputAndRecommendMode() {
        Cli.Result r = Cli.run("replay", capture.toString(), "--config", config.toString(), "--aggregation-window",
                "4", "--mode", "recommend");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(16);
        assertThat(lines[11]).contains("11.000s").contains("cpu-bound").contains("scx_rusty");
        assertThat(r.err()).contains("mode recommend").contains("kernel would run kernel default");
    }

    @Test
    void pluginClassifierDecidesInReplay() throws IOException {
        Path plugins = TrustedTemp.newDirectory("plugins"); // not under /tmp: a root daemon refuses that
        Files.copy(Cli.PLUGIN_JAR, plugins.resolve("nightly-batch.jar"));
        Cli.Result r = Cli.run("replay", capture.toString(), "--json", "--config", config.toString(),
                "--aggregation-window", "4", "--plugins", plugins.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonObject> lines = parse(r.out());
        // Ticks 6..9 are all 98% busy: the plug-in turns the default's cpu-bound into its own class.
        assertThat(lines.get(9).get("workload").getAsString()).isEqualTo("nightly-batch");
        assertThat(lines.get(9).get("confidence").getAsDouble()).isEqualTo(1.0);
        // Before that the default rules decide, as without the plug-in.
        assertThat(lines.get(7).get("confidence").getAsDouble()).isEqualTo(0.67);
    }

    @Test
    void notACaptureIsAClearError() {
        Cli.Result r = Cli.run("replay", tmp.resolve("nothing").toString());
        assertThat(r.exit()).isEqualTo(1);
        Cli.assertOneLine(r.err());
        assertThat(r.err()).contains("meta.properties not found");
    }

    private static List<JsonObject> parse(String out) {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            lines.add(JsonParser.parseString(line).getAsJsonObject());
        }
        return lines;
    }
}
