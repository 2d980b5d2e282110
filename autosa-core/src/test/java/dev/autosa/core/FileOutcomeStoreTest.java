// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.api.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutcomeStoreTest {

    @TempDir
    Path dir;

    private static final OutcomeRecord LOST = new OutcomeRecord("cpus=2 kernel=7.2", "cpu contention",
            Workload.CPU_BOUND, "scx_cpu0", 1, 0, 1, 0, 0, Instant.parse("2026-11-30T13:00:00Z"), List.of(3.5));
    private static final OutcomeRecord WON = new OutcomeRecord("cpus=2 kernel=7.2", "cpu contention",
            Workload.CPU_BOUND, "scx_simple", 3, 2, 0, 1, 1, null, List.of(-0.01, 0.002));
    private static final OutcomeRecord RUSTY = new OutcomeRecord("cpus=2 kernel=7.2", "cpu work done",
            Workload.CPU_BOUND, "scx_rusty", 1, 1, 0, 0, 0, null, List.of(0.02), "1.0.4");

    @Test
    void roundTripsAndCreatesAPrivateDirectory() throws IOException {
        Path state = dir.resolve("state");
        FileOutcomeStore store = new FileOutcomeStore(state);
        assertThat(store.load()).isEmpty();
        store.save(List.of(LOST, WON, RUSTY));
        assertThat(new FileOutcomeStore(state).load()).containsExactly(LOST, WON, RUSTY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(Files.readString(store.file())).startsWith(FileOutcomeStore.HEADER + "\n");
        // The temporary file was renamed over the history, nothing else is left.
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(FileOutcomeStore.FILE_NAME);
        }
    }

    @Test
    void aCorruptFileIsSetAsideAndAFreshHistoryBegins() throws IOException {
        FileOutcomeStore store = new FileOutcomeStore(dir);
        Files.writeString(store.file(), "garbage\n", StandardCharsets.UTF_8);
        assertThat(store.load()).isEmpty();
        assertThat(store.file()).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                    .startsWith("outcomes.tsv.corrupt-");
        }
        store.save(List.of(WON));
        assertThat(store.load()).containsExactly(WON);
    }

    @Test
    void readNamesTheLineAtFault() throws IOException {
        Path f = dir.resolve("h.tsv");
        Files.writeString(f, FileOutcomeStore.HEADER + "\n" + FileOutcomeStore.COLUMNS + "\nm\to\tcpu-bound\tscx_a\t1\t2"
                + "\t0\t0\t0\t-1\t\t\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileOutcomeStore.read(f)).isInstanceOf(IOException.class)
                .hasMessage(f + ": line 3: outcome counts must be non-negative and kept + reverted + inconclusive"
                        + " <= trials but were trials=1 kept=2 reverted=0 inconclusive=0");
    }

    @Test
    void aFieldWithATabIsRefused() {
        OutcomeRecord bad = new OutcomeRecord("a\tb", "o", Workload.IDLE, "default", 0, 0, 0, 0, 0, null, List.of());
        assertThatThrownBy(() -> new FileOutcomeStore(dir).save(List.of(bad)))
                .hasMessage("history field must not hold a tab or a line break: \"a\tb\"");
    }

    @Test
    void aVersion1FileIsReadWithoutSchedulerVersions() throws IOException {
        FileOutcomeStore store = new FileOutcomeStore(dir);
        Files.writeString(store.file(), "# autosa outcome history v1\n# machine\tobjective\tworkload\tscheduler\ttrials"
                + "\tkept\treverted\tbetter\tinconclusive\tlast_lost_ms\tchanges\n"
                + "cpus=2 kernel=7.2\tcpu contention\tcpu-bound\tscx_cpu0\t1\t0\t1\t0\t0\t1796043600000\t3.50000\n",
                StandardCharsets.UTF_8);
        assertThat(store.load()).containsExactly(LOST);
        assertThat(store.file()).exists();
    }
}
