// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.scx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerLogTest {

    @TempDir
    Path tmp;

    @Test
    void missingFileHasNoLines() {
        assertThat(new SchedulerLog(tmp.resolve("none.log"), 100).lastLines(5)).isEmpty();
    }

    @Test
    void resetStartsAnEmptyPrivateFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("s.log"), "old run\n");
        SchedulerLog log = SchedulerLog.create(file, 100);
        assertThat(Files.size(file)).isZero();
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        assertThat(log.lastLines(5)).isEmpty();
    }

    @Test
    void lastLinesSkipsBlankLinesAndKeepsTheNewest() throws IOException {
        Path file = Files.writeString(tmp.resolve("s.log"), "a\n\nb\n  \nc\nd\n");
        assertThat(new SchedulerLog(file, 100).lastLines(3)).containsExactly("b", "c", "d");
    }

    @Test
    void onlyTheLastBytesAreReadAndACutFirstLineIsDropped() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("line ").append(i).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("s.log"), text);
        SchedulerLog log = new SchedulerLog(file, 1 << 20);
        assertThat(log.lastLines(2)).containsExactly("line 998", "line 999");
        assertThat(log.lastLines(10_000)).first().asString().matches("line \\d+")
                .isNotEqualTo("line 0");
        assertThat(String.join("\n", log.lastLines(10_000)).length()).isLessThanOrEqualTo(SchedulerLog.TAIL_BYTES);
    }

    @Test
    void aFileOverItsCapIsCutBackAndAnAppendingWriterGoesOnAtTheNewEnd() throws IOException {
        Path file = tmp.resolve("s.log");
        SchedulerLog log = SchedulerLog.create(file, 100);
        try (OutputStream child = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            child.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
            log.enforceCap();
            assertThat(Files.size(file)).isEqualTo(100);
            child.write("\nover the cap\n".getBytes(StandardCharsets.US_ASCII));
            log.enforceCap();
            assertThat(Files.size(file)).isZero();
            child.write("after\n".getBytes(StandardCharsets.US_ASCII));
            child.flush();
        }
        assertThat(Files.readString(file)).isEqualTo("after\n");
        assertThat(log.lastLines(5)).containsExactly("after");
    }

    @Test
    void longLinesAreShortened() throws IOException {
        Path file = Files.writeString(tmp.resolve("s.log"), "y".repeat(600) + "\n");
        assertThat(new SchedulerLog(file, 1 << 20).lastLines(1)).containsExactly("y".repeat(512) + "...");
    }
}
