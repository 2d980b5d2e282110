// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autosa.proc.linux.Fixtures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes every /proc parser through the real {@link ProcSampler}: one file of a proc root is
 * replaced by damaged or random content for three ticks (then removed), the others stay real.
 * Properties, for every input: nothing is thrown except the documented IOException when stat
 * itself is gone; every value written is finite, not negative, and a share stays within 0..1; no
 * read buffer grows beyond {@link ProcFile#MAX_SIZE}; what one sample allocates is bounded by the
 * size of its input, not by history.
 *
 * <p>Each property runs {@value FuzzInputs#DEFAULT_TRIES} tries in the default build; its
 * {@code slow}-tagged twin runs {@code jqwik.tries.default} tries (10^5 in {@code -Pslow}).
 */
class ParserFuzzTest {

    private static final String CTX0 = Fixtures.HOST + "/fio-randrw/ticks/000000000167/";
    private static final String CTX1 = Fixtures.HOST + "/fio-randrw/ticks/000000001179/";
    private static final String SCHEDSTAT0 = Fixtures.GUEST + "/idle/ticks/000000002375/schedstat";
    private static final String SCHEDSTAT1 = Fixtures.GUEST + "/idle/ticks/000000003832/schedstat";

    /** Clean content of every file, per context tick. */
    private static final List<Map<String, byte[]>> CONTEXT = contexts();

    private static Path root;

    private static List<Map<String, byte[]>> contexts() {
        List<Map<String, byte[]>> ctx = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String f : ProcSampler.FILES) {
                String rel = f.equals("schedstat") ? (t == 0 ? SCHEDSTAT0 : SCHEDSTAT1) : (t == 0 ? CTX0 : CTX1) + f;
                files.put(f, Fixtures.bytes(rel));
            }
            ctx.add(files);
        }
        return ctx;
    }

    @BeforeContainer
    static void createRoot() throws IOException {
        root = FuzzInputs.tempDir("autosa-fuzz-");
    }

    @AfterContainer
    static void deleteRoot() throws IOException {
        ROOTS.clear();
        FuzzInputs.deleteTree(root);
    }

    // ---- one property per parser, a default-size and a slow twin each ----

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void stat(@ForAll("stat") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2) throws Exception {
        check("stat", c, e1, e2);
    }

    @Property
    @Tag("slow")
    void statFull(@ForAll("stat") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2) throws Exception {
        check("stat", c, e1, e2);
    }

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void meminfo(@ForAll("meminfo") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2) throws Exception {
        check("meminfo", c, e1, e2);
    }

    @Property
    @Tag("slow")
    void meminfoFull(@ForAll("meminfo") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("meminfo", c, e1, e2);
    }

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void vmstat(@ForAll("vmstat") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2) throws Exception {
        check("vmstat", c, e1, e2);
    }

    @Property
    @Tag("slow")
    void vmstatFull(@ForAll("vmstat") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("vmstat", c, e1, e2);
    }

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void diskstats(@ForAll("diskstats") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("diskstats", c, e1, e2);
    }

    @Property
    @Tag("slow")
    void diskstatsFull(@ForAll("diskstats") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("diskstats", c, e1, e2);
    }

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void loadavg(@ForAll("loadavg") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("loadavg", c, e1, e2);
    }

    @Property
    @Tag("slow")
    void loadavgFull(@ForAll("loadavg") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("loadavg", c, e1, e2);
    }

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void schedstat(@ForAll("schedstat") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("schedstat", c, e1, e2);
    }

    @Property
    @Tag("slow")
    void schedstatFull(@ForAll("schedstat") byte[][] c, @ForAll("elapsed") long e1, @ForAll("elapsed") long e2)
            throws Exception {
        check("schedstat", c, e1, e2);
    }

    @Property(tries = FuzzInputs.DEFAULT_TRIES)
    void pressure(@ForAll("pressure") byte[][] c, @ForAll("resource") String resource, @ForAll("elapsed") long e1,
            @ForAll("elapsed") long e2) throws Exception {
        check(resource, c, e1, e2);
    }

    @Property
    @Tag("slow")
    void pressureFull(@ForAll("pressure") byte[][] c, @ForAll("resource") String resource, @ForAll("elapsed") long e1,
            @ForAll("elapsed") long e2) throws Exception {
        check(resource, c, e1, e2);
    }

    /** cpu, io and memory share the parser; their collectors differ in whether they read "full". */
    @Provide
    Arbitrary<String> resource() {
        return Arbitraries.of("pressure/cpu", "pressure/io", "pressure/memory");
    }

    @Provide
    Arbitrary<byte[][]> stat() {
        return FuzzInputs.pairs("stat");
    }

    @Provide
    Arbitrary<byte[][]> meminfo() {
        return FuzzInputs.pairs("meminfo");
    }

    @Provide
    Arbitrary<byte[][]> vmstat() {
        return FuzzInputs.pairs("vmstat");
    }

    @Provide
    Arbitrary<byte[][]> diskstats() {
        return FuzzInputs.pairs("diskstats");
    }

    @Provide
    Arbitrary<byte[][]> loadavg() {
        return FuzzInputs.pairs("loadavg");
    }

    @Provide
    Arbitrary<byte[][]> schedstat() {
        return FuzzInputs.pairs("schedstat");
    }

    @Provide
    Arbitrary<byte[][]> pressure() {
        return FuzzInputs.pairs("pressure/io");
    }

    @Provide
    Arbitrary<Long> elapsed() {
        return FuzzInputs.elapsedNanos();
    }

    // ---- the checks ----

    /**
     * Tick 0: damaged content 0; tick 1: damaged content 1; tick 2: content 0 again (counters
     * go backwards); tick 3: the file is gone (the sampler moves to a root without it). The other
     * files are real and stay as they are: only the fuzzed file is written per try, which keeps a
     * try well under a millisecond of CPU.
     */
    private static void check(String file, byte[][] contents, long elapsed1, long elapsed2) throws Exception {
        Path live = root(file, true);
        Path target = live.resolve(file);
        long now = 1_000_000_000_000L;
        boolean includeVirtual = (contents[0].length & 1) == 1;
        try (ProcSampler sampler = new ProcSampler(live, includeVirtual)) {
            FuzzInputs.write(target, contents[0]);
            sampleAndCheck(sampler, now, contents[0].length);
            FuzzInputs.write(target, contents[1]);
            now += elapsed1;
            sampleAndCheck(sampler, now, contents[1].length);
            FuzzInputs.write(target, contents[0]);
            now += elapsed2;
            sampleAndCheck(sampler, now, contents[0].length);
            // An open file stays readable after it is deleted: a missing file means another root.
            sampler.setRoot(root(file, false));
            now += 1_000_000_000L;
            if (file.equals(ProcSampler.REQUIRED_FILE)) {
                long t = now;
                assertThatThrownBy(() -> sampler.sample(new FuzzInputs.CheckingSink(), t))
                        .isInstanceOf(IOException.class).hasMessageContaining("stat could not be read");
            } else {
                sampleAndCheck(sampler, now, 0);
            }
            assertThat(sampler.largestBuffer()).isLessThanOrEqualTo(ProcFile.MAX_SIZE);
        }
    }

    private static final Map<String, Path> ROOTS = new HashMap<>();

    /**
     * The proc root for fuzzing {@code file}: every other file real, written once. {@code withFile}
     * false: the same root without {@code file} at all.
     */
    private static Path root(String file, boolean withFile) throws IOException {
        String key = file + (withFile ? "" : " gone");
        Path existing = ROOTS.get(key);
        if (existing != null) {
            return existing;
        }
        Path dir = root.resolve(ROOTS.size() + "-" + file.replace('/', '-') + (withFile ? "" : "-gone"));
        for (Map.Entry<String, byte[]> e : CONTEXT.get(1).entrySet()) {
            byte[] bytes = e.getValue();
            if (e.getKey().equals(file)) {
                bytes = null;
            } else if (file.equals("loadavg") && e.getKey().equals("stat")) {
                // loadavg is read only when stat lacks procs_running.
                bytes = withoutProcsRunning(bytes);
            }
            FuzzInputs.write(dir.resolve(e.getKey()), bytes);
        }
        ROOTS.put(key, dir);
        return dir;
    }

    private static byte[] withoutProcsRunning(byte[] stat) {
        String s = new String(stat, StandardCharsets.ISO_8859_1);
        return s.replaceAll("(?m)^procs_running .*\n", "").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static void sampleAndCheck(ProcSampler sampler, long now, int inputLength) throws IOException {
        FuzzInputs.CheckingSink sink = new FuzzInputs.CheckingSink();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        sampler.sample(sink, now);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        // Buffer growth doubles up to twice the input; problem messages cost a few hundred bytes a
        // line at most; the rest is steady state (zero). Nothing may depend on earlier ticks.
        assertThat(allocated).as("bytes allocated by one sample of a %d-byte input", inputLength)
                .isLessThanOrEqualTo(1_000_000L + 64L * inputLength);
    }
}
