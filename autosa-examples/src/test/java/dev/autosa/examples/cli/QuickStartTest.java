// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser-free start path takes exactly the plain start lines and leaves the rest to picocli. */
class QuickStartTest {

    @TempDir
    Path tmp;

    @Test
    void everyOptionInBothPlainFormsLandsWherePicocliWouldPutIt() {
        StartCommand c = QuickStart.parse(new String[] {"start", "--collection-interval", "2", "--aggregation-window=120",
            "--min-confidence", "0.8", "--min-switch-interval", "600", "--settle-period", "5", "--evaluation-period",
            "30", "--retry-lost-after", "0.5", "--mode", "recommend", "--config", "/etc/a.conf", "--socket",
            "/run/a.sock", "--proc-root=/host/proc", "--plugins", "/opt/p", "--state-dir", "/srv/s", "--metrics",
            "127.0.0.1:9464", "--keep-scheduler", "--jmx", "--verbose"});
        assertThat(c).isNotNull();
        assertThat(c.tuning.collectionInterval).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.tuning.aggregationWindow).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.tuning.minConfidence).isEqualTo(0.8);
        assertThat(c.tuning.minSwitchInterval).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.tuning.settlePeriod).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.tuning.evaluationPeriod).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.tuning.retryLostAfter).isEqualTo(Duration.ofMillis(500));
        assertThat(c.tuning.mode).isEqualTo("recommend");
        assertThat(c.tuning.config.path).isEqualTo(Path.of("/etc/a.conf"));
        assertThat(c.socket.flag).isEqualTo(Path.of("/run/a.sock"));
        assertThat(c.procRoot).isEqualTo(Path.of("/host/proc"));
        assertThat(c.plugins).isEqualTo(Path.of("/opt/p"));
        assertThat(c.stateDir).isEqualTo(Path.of("/srv/s"));
        assertThat(c.metrics).isEqualTo("127.0.0.1:9464");
        assertThat(c.keepScheduler).isTrue();
        assertThat(c.jmx).isTrue();
        assertThat(c.noJmx).isFalse();
        assertThat(c.verbose).isTrue();

        StartCommand bare = QuickStart.parse(new String[] {"start"});
        assertThat(bare).isNotNull();
        assertThat(bare.tuning.mode).isNull();
        assertThat(bare.socket.isDefault()).isTrue();
        assertThat(bare.jmx || bare.noJmx || bare.keepScheduler || bare.verbose).isFalse();
    }

    @Test
    void anythingButAPlainStartIsLeftToTheParser() {
        String[][] notPlain = {
            {}, {"status"}, {"start", "--help"}, {"start", "-h"}, {"start", "--version"}, {"start", "--bogus"},
            {"start", "positional"}, {"start", "--socket"}, {"start", "--socket="}, {"start", "--socket", ""},
            {"start", "--socket", "--jmx"}, {"start", "--socket", "a", "--socket", "b"}, {"start", "--jmx", "--jmx"},
            {"start", "--jmx=true"}, {"start", "--collection-interval", "abc"}, {"start", "--min-confidence", "high"},
            {"start", "--min-confidence", "-1"}, {"start", "--", "--jmx"}, {"start", "--socket", "a\0b"},
        };
        for (String[] args : notPlain) {
            assertThat(QuickStart.parse(args)).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void aBadValueTheParserAcceptsFailsAsItDidWithThePicocliMessageShape() {
        StringWriter err = new StringWriter();
        Main.Ran ran = QuickStart.run(new String[] {"start", "--socket", tmp.resolve("a.sock").toString(),
            "--collection-interval", "0"}, new PrintWriter(err, true));
        assertThat(ran).isNotNull();
        assertThat(ran.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ran.daemon()).isNull();
        assertThat(err.toString()).startsWith("autosa start: --collection-interval: ");
        assertThat(tmp.resolve("a.sock")).doesNotExist();
    }

    @Test
    void theFullParserStillAnswersWhatTheQuickPathLeaves() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"start", "--collection-interval", "abc"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'abc' is not a number of seconds").contains("autosa start --help");
    }
}
