// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.lab;

import dev.autosa.core.AutoSA;
import dev.autosa.proc.linux.CaptureMeta;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Command line of the workload lab (run by lab/score.sh):
 *
 * <pre>
 * score   CAPTURE [--phases CSV] [--settle S] [--json-lines FILE] [--window S] [--min-confidence X] [--all-ticks]
 * metrics CAPTURE [--phases CSV] [--settle S]
 * summary CAPTURE...
 * </pre>
 *
 * CAPTURE is a capture directory or a {@code .tar.gz} of one. {@code score} replays it through the
 * engine (or reads the rows of {@code autosa replay --json} from FILE) and prints the report,
 * leaving out of accuracy and calibration the idle, io-bound and bursty ticks other processes
 * disturbed (see {@link #MAX_OTHER_CPUS} and {@link #LOAD_PROOF_LABELS});
 * {@code metrics} prints per-phase statistics of every metric key; {@code summary} scores several
 * captures as {@code score} does and prints one per-capture, per-phase table and their combined
 * confusion matrix.
 */
public final class LabMain {

    /**
     * A tick is scored only if other processes used at most this many CPUs over the
     * {@link #CLEAN_WINDOW_MS} before it: their load, not the labelled workload, is what the
     * classifier sees then. (0.25 CPUs: a quarter of one CPU, a background daemon, not a build.)
     */
    public static final double MAX_OTHER_CPUS = 0.25;
    /** How long others must have been quiet for a disturbed phase's reaction clock to start. */
    public static final long QUIET_WINDOW_MS = 5_000;
    /** The span the classifier scores at default settings (40 of 60 ticks). */
    public static final long CLEAN_WINDOW_MS = 40_000;
    /**
     * Phases whose label other processes' CPU load cannot falsify: the builds that share the lab
     * machine add busy CPU and nothing else, and these classes are busy already (cpu-bound, mixed)
     * or are told by a signal that extra CPU load does not remove (memory pressure, wake-ups). Their
     * ticks are scored even when disturbed; idle, io-bound and bursty ticks only when clean.
     */
    public static final java.util.Set<String> LOAD_PROOF_LABELS =
            java.util.Set.of("cpu-bound", "memory-bound", "latency-sensitive", "mixed");

    /** Ticks at which other processes had just gone quiet (last {@link #QUIET_WINDOW_MS}): reaction starts there. */
    public static java.util.function.LongPredicate quietTicks(Path dir) throws IOException {
        return Contamination.cleanTicks(dir, userHz(dir), QUIET_WINDOW_MS, MAX_OTHER_CPUS);
    }

    /**
     * Share of all CPUs that other processes must use for even a {@link #LOAD_PROOF_LABELS} phase to
     * count as disturbed: on a machine they saturate, the labelled workload hardly runs (a service
     * that gets a tenth of a CPU is not the service the label means).
     */
    public static final double SATURATED_BY_OTHERS = 0.75;

    /**
     * The ticks to score: clean ones, and the ticks of a {@link #LOAD_PROOF_LABELS} phase unless
     * others saturated the machine ({@link #SATURATED_BY_OTHERS}).
     */
    public static java.util.function.LongPredicate scoredTicks(Path dir, List<Phase> phases) throws IOException {
        int hz = userHz(dir);
        java.util.function.LongPredicate clean = Contamination.cleanTicks(dir, hz, CLEAN_WINDOW_MS, MAX_OTHER_CPUS);
        java.util.function.LongPredicate notSaturated = Contamination.cleanTicks(dir, hz, CLEAN_WINDOW_MS,
                SATURATED_BY_OTHERS * CaptureMeta.readFrom(dir).cpus());
        return t -> clean.test(t) || (notSaturated.test(t) && phases.stream()
                .anyMatch(p -> p.contains(t) && LOAD_PROOF_LABELS.contains(p.label())));
    }

    private LabMain() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length >= 2 && args[0].equals("summary")) {
            List<Summary.Entry> entries = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                entries.add(summaryEntry(Path.of(args[i])));
            }
            out.print(Summary.render(entries));
            return 0;
        }
        if (args.length < 2 || !(args[0].equals("score") || args[0].equals("metrics"))) {
            err.println("usage: score|metrics CAPTURE [--phases CSV] [--settle SECONDS] [--json-lines FILE]"
                    + " [--window SECONDS] [--min-confidence X] [--all-ticks] | summary CAPTURE...");
            return 2;
        }
        Path capture = Path.of(args[1]);
        Path phasesCsv = null;
        long settleMs = Scorer.Options.DEFAULT_SETTLE_MS;
        Path jsonLines = null;
        Duration window = null;
        Double minConfidence = null;
        boolean allTicks = false;
        for (int i = 2; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--all-ticks")) {
                allTicks = true;
                continue;
            }
            if (i + 1 >= args.length) {
                err.println(flag + " needs a value");
                return 2;
            }
            String v = args[++i];
            switch (flag) {
                case "--phases" -> phasesCsv = Path.of(v);
                case "--settle" -> settleMs = Long.parseLong(v) * 1000;
                case "--json-lines" -> jsonLines = Path.of(v);
                case "--window" -> window = Duration.ofSeconds(Long.parseLong(v));
                case "--min-confidence" -> minConfidence = Double.parseDouble(v);
                default -> {
                    err.println("unknown option " + flag);
                    return 2;
                }
            }
        }
        Path tmp = null;
        try {
            Path dir = capture;
            if (capture.getFileName().toString().endsWith(".tar.gz")) {
                tmp = Files.createTempDirectory("autosa-lab");
                TarGz.extract(capture, tmp);
                dir = captureRoot(tmp);
            }
            List<Phase> phases = Phase.read(phasesCsv != null ? phasesCsv : dir.resolve("phases.csv"));
            Duration w = window;
            Double mc = minConfidence;
            UnaryOperator<AutoSA.Builder> settings = b -> {
                if (w != null) {
                    b.aggregationWindow(w);
                }
                if (mc != null) {
                    b.minConfidence(mc);
                }
                return b;
            };
            CaptureMeta meta = CaptureMeta.readFrom(dir);
            out.println("Capture: " + capture.getFileName() + " (" + meta.cpus() + " CPUs, kernel " + meta.kernel()
                    + ", " + phases.size() + " phases, start " + meta.start() + ")");
            if (args[0].equals("metrics")) {
                CaptureReplay.Result r = CaptureReplay.run(dir, settings, true);
                out.print(MetricStats.render(r, phases, settleMs));
                return 0;
            }
            List<TickRow> rows = jsonLines != null ? ReplayJson.read(jsonLines) : CaptureReplay.run(dir, settings, false).rows();
            Scorer.Options o = new Scorer.Options(settleMs, mc != null ? mc : 0.7, 30_000);
            out.println();
            out.print(Scorer.render(allTicks ? Scorer.score(rows, phases, o)
                    : Scorer.score(rows, phases, o, scoredTicks(dir, phases), quietTicks(dir))));
            out.println();
            out.print(Contamination.render(Contamination.read(dir, phases, userHz(dir)), meta.cpus()));
            return 0;
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Scores one capture (directory or .tar.gz) at default settings, as CaptureScoreTest does. */
    static Summary.Entry summaryEntry(Path capture) throws IOException {
        Path tmp = null;
        try {
            Path dir = capture;
            if (capture.getFileName().toString().endsWith(".tar.gz")) {
                tmp = Files.createTempDirectory("autosa-lab");
                TarGz.extract(capture, tmp);
                dir = captureRoot(tmp);
            }
            List<Phase> phases = Phase.read(dir.resolve("phases.csv"));
            Scorer.Report report = Scorer.score(CaptureReplay.run(dir).rows(), phases, Scorer.Options.ofDefaults(),
                    scoredTicks(dir, phases), quietTicks(dir));
            String name = capture.getFileName().toString().replace(".tar.gz", "");
            return new Summary.Entry(name, CaptureMeta.readFrom(dir).cpus(), report);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** The directory holding meta.properties inside an extracted archive (itself or one level down). */
    static Path captureRoot(Path extracted) throws IOException {
        if (Files.exists(extracted.resolve(CaptureMeta.FILE_NAME))) {
            return extracted;
        }
        try (Stream<Path> list = Files.list(extracted)) {
            List<Path> dirs = list.filter(p -> Files.exists(p.resolve(CaptureMeta.FILE_NAME))).toList();
            if (dirs.size() != 1) {
                throw new IOException("expected one capture (a directory with meta.properties) in the archive but found "
                        + dirs.size());
            }
            return dirs.get(0);
        }
    }

    static int userHz(Path dir) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve(CaptureMeta.FILE_NAME), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Integer.parseInt(p.getProperty("user_hz", "100").trim());
    }

    static void deleteTree(Path root) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
