// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.proc.linux.internal.proc;

import dev.autosa.api.MetricKey;
import dev.autosa.api.MetricSink;
import dev.autosa.proc.linux.CaptureMeta;
import dev.autosa.proc.linux.CaptureWriter;
import dev.autosa.proc.linux.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Inputs for the fuzz properties: the real fixture files as a corpus, and mutations of them that a
 * broken kernel, a bad copy or a hostile capture could produce (flipped and binary bytes, cuts at
 * any offset, duplicated, dropped and swapped lines, numbers replaced by huge, negative or
 * non-numeric text, megabyte lines), next to plain random bytes. Also the range check every
 * sampled value must pass.
 */
public final class FuzzInputs {

    /** Tries per property in the default build; the {@code slow} profile runs the tagged twins with 10^5. */
    public static final int DEFAULT_TRIES = 300;

    /** Text that replaces a number or is inserted: overflow, sign, float and non-number spellings, key words. */
    public static final List<String> TOKENS = List.of(
            "99999999999999999999999", "9223372036854775807", "9223372036854775808", "9223372036854775806",
            "4611686018427387904", "18446744073709551615", "18446744073709551616", "-1", "-0",
            "-9223372036854775808", "0", "00000000000000000000000001", "1", "NaN", "nan", "Infinity", "-Infinity",
            "1e309", "1.5", "0x10", "+5", "", " ", "\t", "\0", "\r", "\n", "\u00ff\u00fe", "\u0080",
            "cpu", "cpu0", "cpu", "cpu99999999999", "cpu-1", "ctxt", "processes", "procs_running", "procs_blocked",
            "total=", "total=99999999999999999999", "total=-5", "some", "full", "version 15", "version 14",
            "MemTotal:", "MemAvailable:", "pgfault", "pgmajfault", "pswpin", "pswpout", "8 0 sda", "1/0", "/", "//");

    /** Bytes that break lines, tokens and text decoding. */
    private static final byte[] SPECIAL_BYTES = {0, (byte) 0xff, (byte) 0xfe, (byte) 0x80, (byte) 0xc3, '\t', '\r',
        '\n', ' ', '-', '/', '=', ':', '9', 'x'};

    private static final Map<String, List<byte[][]>> CORPUS = loadCorpus();

    private FuzzInputs() {
    }

    /** For each proc file name, every pair (earlier tick, later tick) of it in the fixture captures. */
    private static Map<String, List<byte[][]>> loadCorpus() {
        Map<String, List<byte[][]>> corpus = new LinkedHashMap<>();
        for (String name : ProcSampler.FILES) {
            corpus.put(name, new ArrayList<>());
        }
        Path root = Fixtures.path("");
        try (Stream<Path> metas = Files.walk(root)) {
            for (Path meta : (Iterable<Path>) metas.filter(p -> p.getFileName().toString().equals(CaptureMeta.FILE_NAME))
                    .sorted()::iterator) {
                List<Path> ticks;
                try (Stream<Path> t = Files.list(meta.getParent().resolve(CaptureWriter.TICKS))) {
                    ticks = t.sorted().collect(Collectors.toList());
                }
                for (int i = 0; i + 1 < ticks.size(); i++) {
                    for (String name : ProcSampler.FILES) {
                        Path a = ticks.get(i).resolve(name);
                        Path b = ticks.get(i + 1).resolve(name);
                        if (Files.isRegularFile(a) && Files.isRegularFile(b)) {
                            corpus.get(name).add(new byte[][] {Files.readAllBytes(a), Files.readAllBytes(b)});
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        corpus.forEach((name, pairs) -> {
            if (pairs.isEmpty()) {
                throw new IllegalStateException("no fixture pairs for " + name);
            }
        });
        return corpus;
    }

    /** Every fixture text of {@code file} (each tick of each capture). */
    public static List<byte[]> corpus(String file) {
        List<byte[]> all = new ArrayList<>();
        for (byte[][] pair : CORPUS.get(file)) {
            all.add(pair[0]);
            all.add(pair[1]);
        }
        return all;
    }

    /** The kinds of damage one mutation does. */
    public enum Kind {
        FLIP_BYTE, SET_BYTE, TRUNCATE, DUPLICATE_LINE, DELETE_LINE, SWAP_LINES, REPLACE_NUMBER, REPLACE_LINE_NUMBERS,
        INSERT_TOKEN, LONG_LINE, BIG_INCREMENT, NEGATE_NUMBER
    }

    /** One mutation; {@code a} and {@code b} pick positions and sizes, {@code token} an entry of {@link #TOKENS}. */
    public record Mutation(Kind kind, int a, int b, int token) {

        byte[] apply(byte[] in) {
            switch (kind) {
                case FLIP_BYTE -> {
                    if (in.length == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[a % in.length] ^= (byte) ((b & 0xff) | 1);
                    return out;
                }
                case SET_BYTE -> {
                    if (in.length == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[a % in.length] = SPECIAL_BYTES[b % SPECIAL_BYTES.length];
                    return out;
                }
                case TRUNCATE -> {
                    return Arrays.copyOf(in, a % (in.length + 1));
                }
                case DUPLICATE_LINE, DELETE_LINE, SWAP_LINES -> {
                    List<byte[]> lines = lines(in);
                    if (lines.isEmpty()) {
                        return in;
                    }
                    int i = a % lines.size();
                    int j = b % lines.size();
                    if (kind == Kind.DUPLICATE_LINE) {
                        lines.add(j, lines.get(i));
                    } else if (kind == Kind.DELETE_LINE) {
                        lines.remove(i);
                    } else {
                        byte[] t = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, t);
                    }
                    return join(lines);
                }
                case REPLACE_NUMBER, BIG_INCREMENT, NEGATE_NUMBER -> {
                    int[][] numbers = numbers(in);
                    if (numbers.length == 0) {
                        return in;
                    }
                    int[] n = numbers[a % numbers.length];
                    String replacement = switch (kind) {
                        case REPLACE_NUMBER -> TOKENS.get(token % TOKENS.size());
                        case NEGATE_NUMBER -> "-" + ascii(in, n[0], n[1]);
                        default -> increment(ascii(in, n[0], n[1]), b);
                    };
                    return splice(in, n[0], n[1], bytes(replacement));
                }
                case REPLACE_LINE_NUMBERS -> {
                    List<byte[]> lines = lines(in);
                    if (lines.isEmpty()) {
                        return in;
                    }
                    int i = a % lines.size();
                    byte[] line = lines.get(i);
                    int[][] numbers = numbers(line);
                    byte[] t = bytes(TOKENS.get(token % TOKENS.size()));
                    for (int k = numbers.length - 1; k >= 0; k--) {
                        line = splice(line, numbers[k][0], numbers[k][1], t);
                    }
                    lines.set(i, line);
                    return join(lines);
                }
                case INSERT_TOKEN -> {
                    int at = a % (in.length + 1);
                    return splice(in, at, at, bytes(TOKENS.get(token % TOKENS.size())));
                }
                case LONG_LINE -> {
                    // Up to 1 MiB: digits (one giant number), blanks, or a key followed by junk.
                    byte[] line = new byte[b % (1 << 20) + 1];
                    byte fill = SPECIAL_BYTES[token % SPECIAL_BYTES.length];
                    Arrays.fill(line, fill == '\n' ? (byte) '7' : fill);
                    int at = lineStart(in, a);
                    byte[] key = bytes(TOKENS.get(token % TOKENS.size()));
                    System.arraycopy(key, 0, line, 0, Math.min(key.length, line.length));
                    line[line.length - 1] = '\n';
                    return splice(in, at, at, line);
                }
                default -> throw new AssertionError(kind);
            }
        }
    }

    private static String increment(String number, int b) {
        try {
            long v = Long.parseLong(number);
            long add = b % 3 == 0 ? Long.MAX_VALUE / 2 : (long) b * 1_000_000_007L;
            return Long.toString(v + Math.abs(add % (Long.MAX_VALUE - v + 1)));
        } catch (NumberFormatException e) {
            return number + "0";
        }
    }

    /** A mutation, with the long-line kind rare: a megabyte per try would dominate 10^5 tries. */
    public static Arbitrary<Mutation> mutations() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(Kind.FLIP_BYTE)), Tuple.of(10, Arbitraries.just(Kind.SET_BYTE)),
                Tuple.of(6, Arbitraries.just(Kind.TRUNCATE)), Tuple.of(6, Arbitraries.just(Kind.DUPLICATE_LINE)),
                Tuple.of(6, Arbitraries.just(Kind.DELETE_LINE)), Tuple.of(4, Arbitraries.just(Kind.SWAP_LINES)),
                Tuple.of(14, Arbitraries.just(Kind.REPLACE_NUMBER)),
                Tuple.of(8, Arbitraries.just(Kind.REPLACE_LINE_NUMBERS)),
                Tuple.of(8, Arbitraries.just(Kind.INSERT_TOKEN)), Tuple.of(1, Arbitraries.just(Kind.LONG_LINE)),
                Tuple.of(8, Arbitraries.just(Kind.BIG_INCREMENT)), Tuple.of(4, Arbitraries.just(Kind.NEGATE_NUMBER)));
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(kinds, positions, positions, Arbitraries.integers().between(0, TOKENS.size() - 1))
                .as(Mutation::new);
    }

    /**
     * Two successive contents of {@code file}: a pair of real ticks, each damaged by 0..6 mutations;
     * sometimes random bytes or random text of /proc-like characters instead.
     */
    public static Arbitrary<byte[][]> pairs(String file) {
        Arbitrary<byte[][]> base = Arbitraries.of(CORPUS.get(file));
        Arbitrary<List<Mutation>> list = mutations().list().ofMaxSize(6);
        Arbitrary<byte[][]> mutated = Combinators.combine(base, list, list)
                .as((pair, m0, m1) -> new byte[][] {applyAll(pair[0], m0), applyAll(pair[1], m1)});
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> randomText = Arbitraries.strings().withChars(" \t\n\r\00123456789-:=/.cpuMemTotalfsmeknr_")
                .ofMaxLength(2048).map(FuzzInputs::bytes);
        Arbitrary<byte[]> random = Arbitraries.oneOf(randomBytes, randomText);
        return Arbitraries.frequencyOf(
                Tuple.of(16, mutated),
                Tuple.of(1, Combinators.combine(random, random).as((x, y) -> new byte[][] {x, y})),
                Tuple.of(1, Combinators.combine(base, random).as((pair, y) -> new byte[][] {pair[0], y})));
    }

    public static byte[] applyAll(byte[] in, List<Mutation> mutations) {
        byte[] out = in;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    /** Elapsed nanoseconds between two samples: mostly about a second, sometimes tiny, zero, huge or backwards. */
    public static Arbitrary<Long> elapsedNanos() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(900_000_000L, 1_100_000_000L)),
                Tuple.of(2, Arbitraries.longs().between(1, 1_000_000)),
                Tuple.of(1, Arbitraries.of(0L, -1L, -1_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(1_000_000_000L, Long.MAX_VALUE / 4)));
    }

    /** Keys whose value is a share and must lie in 0..1. */
    public static final Set<String> SHARES = Set.of("cpu.busy", "cpu.user", "cpu.system", "cpu.iowait", "cpu.steal",
            "mem.used_fraction", "io.util", "psi.cpu.some", "psi.io.some", "psi.io.full", "psi.mem.some",
            "psi.mem.full");

    /** Why {@code value} is not acceptable under {@code key}, or null: finite, not negative, shares at most 1. */
    public static @Nullable String rangeProblem(String key, double value) {
        if (!Double.isFinite(value)) {
            return key + " = " + value + " is not finite";
        }
        if (value < 0) {
            return key + " = " + value + " is negative";
        }
        if (SHARES.contains(key) && value > 1) {
            return key + " = " + value + " is a share above 1";
        }
        return null;
    }

    /** A sink that checks every value as it is written and fails on the first bad one. */
    public static final class CheckingSink implements MetricSink {
        public final Map<String, Double> values = new LinkedHashMap<>();

        @Override
        public void put(MetricKey key, double value) {
            String problem = rangeProblem(key.name(), value);
            if (problem != null) {
                throw new AssertionError(problem);
            }
            values.put(key.name(), value);
        }
    }

    /** Writes {@code content} to {@code file} in place (same inode, as /proc regenerates), or deletes it if null. */
    public static void write(Path file, byte @Nullable [] content) throws IOException {
        if (content == null) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /**
     * A new temporary directory, in memory (/dev/shm) where there is one: rewriting files 10^5 times
     * on a disk file system costs milliseconds a write (truncation goes through the journal).
     */
    public static Path tempDir(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, prefix);
        }
        return Files.createTempDirectory(prefix);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    // ---- byte helpers ----

    static byte[] bytes(String s) {
        // ISO-8859-1 keeps \u00ff as the single byte 0xff: invalid UTF-8, as intended.
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static List<byte[]> lines(byte[] in) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                lines.add(Arrays.copyOfRange(in, start, i + 1));
                start = i + 1;
            }
        }
        if (start < in.length) {
            lines.add(Arrays.copyOfRange(in, start, in.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        int n = 0;
        for (byte[] l : lines) {
            n += l.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] l : lines) {
            System.arraycopy(l, 0, out, at, l.length);
            at += l.length;
        }
        return out;
    }

    /** [start, end) of every run of ASCII digits. */
    private static int[][] numbers(byte[] in) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < in.length) {
            if (in[i] >= '0' && in[i] <= '9') {
                int s = i;
                while (i < in.length && in[i] >= '0' && in[i] <= '9') {
                    i++;
                }
                runs.add(new int[] {s, i});
            } else {
                i++;
            }
        }
        return runs.toArray(new int[0][]);
    }

    private static int lineStart(byte[] in, int a) {
        int at = a % (in.length + 1);
        while (at > 0 && in[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }
}
