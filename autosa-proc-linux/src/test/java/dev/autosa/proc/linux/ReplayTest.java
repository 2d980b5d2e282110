// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.Decision;
import dev.autosa.core.Mode;
import dev.autosa.core.Replay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library replay: a capture directory or the lab's .tar.gz in, the engine's decisions out. */
class ReplayTest {

    private static final Path LAB_ARCHIVE = Path.of("..", "lab", "captures", "2026-11-25-d-2cpu.tar.gz");

    @TempDir
    Path tmp;

    @Test
    void aCaptureDirectoryReplaysTickByTickOnItsOwnClock() throws IOException {
        Path dir = Fixtures.path(Fixtures.HOST + "/stress-cpu");
        List<Replay.Tick> seen = new ArrayList<>();
        Replay.Result r = Replay.run(dir, b -> b.mode(Mode.DRY_RUN), seen::add);
        int ticks;
        try (CaptureSource s = CaptureSource.open(dir)) {
            ticks = s.tickCount();
        }
        assertThat(r.ticks()).hasSize(ticks).isEqualTo(seen);
        assertThat(r.status().ticks()).isEqualTo(ticks);
        assertThat(r.status().mode()).isEqualTo(Mode.DRY_RUN);
        assertThat(r.status().providers()).containsEntry("metricSource", CaptureSource.NAME)
                .containsEntry("controller", "simulated");
        assertThat(r.ticks()).extracting(Replay.Tick::tMs).isSorted();
    }

    @Test
    void anArchiveReplaysLikeItsUnpackedDirectoryAndLeavesNothingBehind() throws IOException {
        CaptureArchive.extract(LAB_ARCHIVE, tmp);
        Path dir = CaptureArchive.captureRoot(tmp);
        List<Decision> fromDir = Replay.run(dir, b -> b, t -> { }).ticks().stream().map(Replay.Tick::decision).toList();
        List<Decision> fromArchive = Replay.run(LAB_ARCHIVE, b -> b, t -> { }).ticks().stream()
                .map(Replay.Tick::decision).toList();
        assertThat(fromArchive).hasSizeGreaterThan(100).isEqualTo(fromDir);

        Path unpacked;
        try (CaptureSource s = CaptureSource.openAny(LAB_ARCHIVE)) {
            unpacked = s.directory();
            assertThat(unpacked).exists();
        }
        assertThat(unpacked).doesNotExist();
    }

    @Test
    void somethingThatIsNoRecordingIsRefusedSayingWhichFormatsWereTried() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> Replay.run(file, b -> b, t -> { })).isInstanceOf(IOException.class)
                .hasMessage(file + " is not a recording AutoSA can read (formats on the class path: proc-capture)");
    }
}
