// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.proc.linux.internal.proc.FuzzInputs;
import dev.autosa.proc.linux.internal.proc.ProcSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;

/**
 * Fuzzes the capture reader: meta.properties, tick directory names and tick files. A damaged
 * capture may be refused, but only with the documented exceptions (IOException naming the file;
 * IllegalArgumentException naming a bad tick directory); once open, replay throws nothing but
 * IOException for a tick without a readable stat and NoSuchElementException past the end, and every
 * value is finite and in range; the replay clock works for every meta.properties it accepts.
 */
class CaptureFuzzTest {

    private static final String META = "# AutoSA proc capture\ninterval_ms=1000\ncpus=2\nkernel=6.18.44-fc-v657\n"
            + "start_epoch_ms=1795613970000\n";
    private static final String TICK0 = Fixtures.HOST + "/hackbench/ticks/000000001622";
    private static final String TICK1 = Fixtures.HOST + "/hackbench/ticks/000000002639";

    private static Path base;
    private static int n;

    @BeforeContainer
    static void createBase() throws IOException {
        base = FuzzInputs.tempDir("autosa-capture-fuzz-");
    }

    @AfterContainer
    static void deleteBase() throws IOException {
        FuzzInputs.deleteTree(base);
    }

    private static Path freshCapture() throws IOException {
        Path dir = base.resolve(Integer.toString(n++));
        Files.createDirectories(dir);
        return dir;
    }

    // ---- meta.properties ----

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void metaProperties(@ForAll("meta") byte[] meta) throws Exception {
        checkMeta(meta);
    }

    @Property
    @Tag("slow")
    void metaPropertiesFull(@ForAll("meta") byte[] meta) throws Exception {
        checkMeta(meta);
    }

    @Provide
    Arbitrary<byte[]> meta() {
        Arbitrary<byte[]> mutated = FuzzInputs.mutations().list().ofMaxSize(6)
                .map(m -> FuzzInputs.applyAll(META.getBytes(StandardCharsets.US_ASCII), m));
        Arbitrary<byte[]> values = Combinators.combine(Arbitraries.of("interval_ms", "cpus", "start_epoch_ms", "kernel"),
                Arbitraries.of(FuzzInputs.TOKENS)).as((key, value) -> {
                    String text = META.replaceAll("(?m)^" + key + "=.*$", key + "=" + value.replace("\\", "\\\\"));
                    return text.getBytes(StandardCharsets.ISO_8859_1);
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
        return Arbitraries.frequencyOf(Tuple.of(6, mutated), Tuple.of(3, values), Tuple.of(1, random));
    }

    private static void checkMeta(byte[] content) throws Exception {
        Path dir = freshCapture();
        try {
            checkMeta0(dir, content);
        } finally {
            FuzzInputs.deleteTree(dir);
        }
    }

    private static void checkMeta0(Path dir, byte[] content) throws Exception {
        Files.write(dir.resolve(CaptureMeta.FILE_NAME), content);
        CaptureMeta meta;
        try {
            meta = CaptureMeta.readFrom(dir);
        } catch (IOException expected) {
            assertThat(expected.getMessage()).contains(CaptureMeta.FILE_NAME);
            return;
        }
        // Whatever is accepted round-trips and gives a replay clock that works to the last tick name.
        meta.writeTo(dir);
        assertThat(CaptureMeta.readFrom(dir)).isEqualTo(meta);
        Files.createDirectories(dir.resolve(CaptureWriter.TICKS).resolve(CaptureWriter.tickName(CaptureWriter.MAX_TICK_MS)));
        try (CaptureSource source = CaptureSource.open(dir)) {
            assertThat(source.clock().millis()).isGreaterThanOrEqualTo(0);
        }
    }

    // ---- tick directory names ----

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void tickNames(@ForAll("names") List<String> names) throws Exception {
        checkTickNames(names);
    }

    @Property
    @Tag("slow")
    void tickNamesFull(@ForAll("names") List<String> names) throws Exception {
        checkTickNames(names);
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(CaptureWriter.TICK_DIGITS);
        Arbitrary<String> odd = Arbitraries.strings().withChars("0123456789.-+ ax\u00e9\u0660\uff10").ofMinLength(1)
                .ofMaxLength(14);
        Arbitrary<String> hidden = digits.map(d -> "." + d + ".partial");
        return Arbitraries.frequencyOf(Tuple.of(6, digits), Tuple.of(2, odd), Tuple.of(1, hidden))
                .filter(s -> !s.equals(".") && !s.equals(".."))
                .list().ofMaxSize(5);
    }

    private static void checkTickNames(List<String> names) throws Exception {
        Path dir = freshCapture();
        try {
            checkTickNames0(dir, names);
        } finally {
            FuzzInputs.deleteTree(dir);
        }
    }

    private static void checkTickNames0(Path dir, List<String> names) throws Exception {
        Files.writeString(dir.resolve(CaptureMeta.FILE_NAME), META);
        Path ticks = dir.resolve(CaptureWriter.TICKS);
        Files.createDirectories(ticks);
        TreeSet<String> valid = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            Path entry = ticks.resolve(names.get(i));
            if (Files.exists(entry)) {
                continue;
            }
            if (i % 3 == 2) {
                Files.writeString(entry, "a file, not a tick"); // a stray file
            } else {
                Files.createDirectories(entry);
                if (i % 2 == 0) {
                    copyTick(Fixtures.path(TICK0), entry);
                }
            }
            if (names.get(i).matches("[0-9]{12}")) {
                valid.add(names.get(i));
            }
        }
        CaptureSource source;
        try {
            source = CaptureSource.open(dir);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).startsWith("tick");
            return;
        }
        try (source) {
            assertThat(source.tickCount()).isEqualTo(valid.size());
            for (int i = 0; i < valid.size(); i++) {
                assertThat(source.clock().millis()).isGreaterThanOrEqualTo(0);
                try {
                    source.sample(new FuzzInputs.CheckingSink());
                } catch (IOException expected) {
                    assertThat(expected.getMessage()).contains(ProcSampler.REQUIRED_FILE);
                }
            }
            assertThatThrownBy(() -> source.sample(new FuzzInputs.CheckingSink()))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }

    // ---- tick files ----

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void tickFiles(@ForAll("ticks") List<List<byte @Nullable []>> ticks) throws Exception {
        checkTickFiles(ticks);
    }

    /**
     * 10^4, not jqwik.tries.default: a try writes 27 files, and the parsers behind it have their
     * own 10^5-try properties (ParserFuzzTest); this one is about the replay around them.
     */
    @Property(tries = 10_000)
    @Tag("slow")
    void tickFilesFull(@ForAll("ticks") List<List<byte @Nullable []>> ticks) throws Exception {
        checkTickFiles(ticks);
    }

    /** Three ticks; each file of each tick: real, damaged, random, or missing. */
    @Provide
    Arbitrary<List<List<byte @Nullable []>>> ticks() {
        List<Arbitrary<byte @Nullable []>> files = new ArrayList<>();
        for (String f : ProcSampler.FILES) {
            List<byte[]> corpus = FuzzInputs.corpus(f);
            Arbitrary<byte[]> real = Arbitraries.of(corpus);
            Arbitrary<byte[]> damaged = Combinators.combine(real, FuzzInputs.mutations().list().ofMaxSize(4))
                    .as(FuzzInputs::applyAll);
            Arbitrary<byte @Nullable []> file = Arbitraries.frequencyOf(Tuple.of(4, real), Tuple.of(4, damaged),
                    Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(256)),
                    Tuple.of(1, Arbitraries.just(null)));
            files.add(file);
        }
        Arbitrary<List<byte @Nullable []>> tick = Combinators.combine(files).as(l -> l);
        return tick.list().ofSize(3);
    }

    private static void checkTickFiles(List<List<byte @Nullable []>> ticks) throws Exception {
        Path dir = freshCapture();
        try {
            checkTickFiles0(dir, ticks);
        } finally {
            FuzzInputs.deleteTree(dir);
        }
    }

    private static void checkTickFiles0(Path dir, List<List<byte @Nullable []>> ticks) throws Exception {
        Files.writeString(dir.resolve(CaptureMeta.FILE_NAME), META);
        long[] times = {0, 1000, 1001};
        for (int t = 0; t < ticks.size(); t++) {
            Path tick = dir.resolve(CaptureWriter.TICKS).resolve(CaptureWriter.tickName(times[t]));
            Files.createDirectories(tick);
            for (int f = 0; f < ProcSampler.FILES.size(); f++) {
                FuzzInputs.write(tick.resolve(ProcSampler.FILES.get(f)), ticks.get(t).get(f));
            }
        }
        try (CaptureSource source = CaptureSource.open(dir)) {
            for (int t = 0; t < ticks.size(); t++) {
                boolean statMissing = ticks.get(t).get(0) == null;
                try {
                    source.sample(new FuzzInputs.CheckingSink());
                    assertThat(statMissing).as("sampled a tick without stat").isFalse();
                } catch (IOException e) {
                    assertThat(statMissing).as("IOException with stat present: %s", e).isTrue();
                }
            }
        }
    }

    private static void copyTick(Path from, Path to) throws IOException {
        for (String f : ProcSampler.FILES) {
            Path src = from.resolve(f);
            if (Files.isRegularFile(src)) {
                FuzzInputs.write(to.resolve(f), Files.readAllBytes(src));
            }
        }
    }
}
