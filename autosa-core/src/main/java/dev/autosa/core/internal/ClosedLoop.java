// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static dev.autosa.core.Durations.format;

import dev.autosa.api.AutoSAEvent.Evaluated;
import dev.autosa.api.AutoSAEvent.Evaluated.Verdict;
import dev.autosa.api.Classification;
import dev.autosa.api.Objective;
import dev.autosa.api.WindowView;
import dev.autosa.api.Workload;
import dev.autosa.core.ExperimentConfig;
import dev.autosa.core.ExperimentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every switch is an experiment: this class reads the objective each tick (the one that judges the
 * tick's workload class, see {@link Objective#forWorkload}), keeps the recent values (with the
 * workload class and the scheduler of their tick) as the baseline for the next switch,
 * runs the {@link Experiment} after a switch, records its outcome in the {@link OutcomeHistory} and
 * holds the workload class (see {@link ClassHold}). The engine asks it three things: filter the
 * classification, run a tick (which may ask for a revert), and note a switch.
 */
public final class ClosedLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ClosedLoop.class);

    private final ExperimentConfig config;
    private final Objective objective;
    private final OutcomeHistory history;
    private final ClassHold hold;
    private final long intervalMillis;
    private final int settleTicks;
    private final int evaluationTicks;
    // The recent ticks, a ring: objective value, class and running scheduler of each.
    private final double[] values;
    private final Workload[] classes;
    private final @Nullable String[] schedulers;
    private int next;
    private int filled;
    private double lastValue = Double.NaN;
    // The objective read in the latest tick, and the one that judges the running experiment.
    private Objective current;
    private Objective judge;
    private String judgedVersion = "";
    private boolean objectiveFailed;
    private @Nullable Experiment experiment;
    private @Nullable Classification lastRaw;
    private @Nullable Classification effective;
    private @Nullable Evaluated lastVerdict;

    public ClosedLoop(ExperimentConfig config, Objective objective, OutcomeHistory history, Duration interval) {
        this.config = config;
        this.objective = objective;
        this.current = objective;
        this.judge = objective;
        this.history = history;
        this.hold = new ClassHold(config.stickyMargin());
        this.intervalMillis = interval.toMillis();
        this.settleTicks = ticks(config.settlePeriod(), interval);
        this.evaluationTicks = Math.max(1, ticks(config.evaluationPeriod(), interval));
        int capacity = Math.max(2 * evaluationTicks, ExperimentEvaluator.MIN_SAMPLES);
        this.values = new double[capacity];
        this.classes = new Workload[capacity];
        this.schedulers = new String[capacity];
    }

    private static int ticks(Duration d, Duration interval) {
        return (int) ((d.toMillis() + interval.toMillis() - 1) / interval.toMillis());
    }

    public OutcomeHistory history() {
        return history;
    }

    /** The objective given to the engine (which may judge each workload class by another, see {@link Objective#forWorkload}). */
    public Objective objective() {
        return objective;
    }

    /** The objective that judges the running experiment, else the one read in the latest tick. */
    public Objective currentObjective() {
        return experiment != null ? judge : current;
    }

    /** The classification the policy sees: the classifier's, unless the class a switch was made for is held. */
    public Classification filter(Classification raw) {
        return hold.filter(raw);
    }

    /** The classifier's verdict this tick: what the policy and the experiment see is derived from it. */
    public void classified(Classification raw) {
        lastRaw = raw;
        effective = hold.filter(raw);
    }

    /** What the policy acts on: the held class or the classifier's last verdict, else {@code fallback}. */
    public Classification effective(Classification fallback) {
        Classification e = effective;
        return e != null ? e : fallback;
    }

    /** A decision's words, plus why the class it acts on is not the classifier's when it is held. */
    public String explain(String words, Classification raw, Classification acted) {
        return acted == raw || acted.reasons().isEmpty() ? words : words + "; " + acted.reasons().get(0);
    }

    /** {@link #advance} on the class {@link #classified} left (or {@code fallback} before the first). */
    public @Nullable Evaluated tick(long nowMillis, WindowView window, Classification fallback,
            @Nullable String running) {
        Evaluated verdict = advance(nowMillis, window, effective(fallback), running);
        Classification raw = lastRaw;
        if (verdict != null && raw != null) {
            // The verdict may have ended the hold (a revert, a changed class): the policy sees it this tick.
            effective = hold.filter(raw);
        }
        return verdict;
    }

    /**
     * The engine switched from {@code from} to {@code to}: an {@code experiment} (a switch the policy
     * or an operator made, now running) is evaluated on the class the policy acted on; a revert or a
     * switch that did not take ends what was held.
     */
    public void switched(long nowMillis, @Nullable String from, @Nullable String to, String toVersion,
            boolean experiment, Classification fallback) {
        if (experiment) {
            switched(nowMillis, effective(fallback), from, to, toVersion);
        } else {
            abandon();
        }
    }

    /**
     * Reads the objective for this tick and advances the experiment.
     *
     * @param c the classification the policy sees this tick
     * @param running what the kernel runs ({@code scx_*}, null for the kernel default)
     * @return the verdict when the experiment ended this tick (a {@link Verdict#WORSE} one asks the
     *     engine to switch back to {@link Evaluated#from()}), else null
     */
    @Nullable Evaluated advance(long nowMillis, WindowView window, Classification c, @Nullable String running) {
        Objective o = objective.forWorkload(c.workload());
        current = o;
        double v = readObjective(o, window);
        lastValue = v;
        values[next] = v;
        classes[next] = c.workload();
        schedulers[next] = running;
        next = (next + 1) % values.length;
        if (filled < values.length) {
            filled++;
        }
        Experiment e = experiment;
        if (e == null) {
            return null;
        }
        Experiment.End end = e.tick(v, c.workload(), running, judge.direction());
        if (end == null) {
            return null;
        }
        experiment = null;
        Evaluated verdict = conclude(nowMillis, e, end);
        lastVerdict = verdict;
        history.record(e.workload(), e.to(), judgedVersion, verdict.verdict(), verdict.after() - verdict.before(),
                nowMillis);
        // A kept switch (also one without enough data to judge) keeps its class held; a reverted one, or
        // one whose class or scheduler changed under it, does not.
        if (verdict.verdict() == Verdict.WORSE || end.result() == null) {
            hold.release();
        } else {
            hold.because(name(e.to()) + " was kept");
        }
        if (verdict.verdict() == Verdict.WORSE) {
            LOG.warn("{}", verdict.explanation());
        } else {
            LOG.info("{}", verdict.explanation());
        }
        return verdict;
    }

    private double readObjective(Objective o, WindowView window) {
        try {
            double v = o.read(window);
            objectiveFailed = false;
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (RuntimeException e) {
            if (!objectiveFailed) {
                LOG.warn("objective {} failed to read; its value is missing until it works again", o.name(), e);
                objectiveFailed = true;
            }
            return Double.NaN;
        }
    }

    /**
     * The engine switched from {@code from} to {@code to} for the class in {@code c}: start the
     * experiment with the baseline of the recent same-class ticks under {@code from}.
     */
    void switched(long nowMillis, Classification c, @Nullable String from, @Nullable String to, String toVersion) {
        if (!config.enabled()) {
            return;
        }
        double[] baseline = new double[evaluationTicks];
        int n = 0;
        for (int i = 1; i <= filled && n < baseline.length; i++) {
            int at = Math.floorMod(next - i, values.length);
            if (classes[at].equals(c.workload()) && Objects.equals(schedulers[at], from) && !Double.isNaN(values[at])) {
                baseline[n++] = values[at];
            }
        }
        experiment = new Experiment(c.workload(), from, to, nowMillis, settleTicks, evaluationTicks, baseline, n);
        judge = objective.forWorkload(c.workload());
        judgedVersion = toVersion;
        hold.hold(c.workload(), c.confidence(), name(to) + " is evaluated");
        LOG.info("evaluating {} for {} by {}: baseline {} {} ({} values), settle {}, evaluation {}", name(to),
                c.workload(), judge.name(), num(ExperimentEvaluator.median(baseline, n)), judge.unit(), n,
                format(config.settlePeriod()), format(config.evaluationPeriod()));
    }

    /** A switch that was not an experiment (a revert) or a failure ended what was held. */
    public void abandon() {
        experiment = null;
        hold.release();
    }

    private Evaluated conclude(long nowMillis, Experiment e, Experiment.End end) {
        Duration since = Duration.ofMillis(nowMillis - e.startMillis());
        // Whole seconds read better in a status line than "166777ms".
        String took = format(Duration.ofSeconds((since.toMillis() + 500) / 1000));
        ExperimentEvaluator.Result r = end.result();
        String who = name(e.to());
        String what = judge.name();
        String text;
        Verdict verdict;
        double before;
        double after;
        double p;
        int nb;
        int na;
        if (r == null || end.inconclusiveBecause() != null) {
            verdict = Verdict.INCONCLUSIVE;
            before = e.baselineMedian();
            after = e.afterMedian();
            p = Double.NaN;
            nb = e.baselineCount();
            na = r == null ? 0 : r.samplesAfter();
            text = who + " for " + e.workload() + ": inconclusive after " + took + ", "
                    + end.inconclusiveBecause() + "; kept, no penalty";
        } else {
            verdict = r.verdict();
            before = r.medianBefore();
            after = r.medianAfter();
            p = r.pValue();
            nb = r.samplesBefore();
            na = r.samplesAfter();
            String numbers = what + " " + num(before) + " -> " + num(after) + " " + judge.unit() + " (" + pText(p)
                    + ", tolerance " + num(r.tolerance()) + ", " + nb + "/" + na + " values)";
            text = switch (verdict) {
                case WORSE -> who + " made " + e.workload() + " worse: " + numbers + "; reverted to " + name(e.from())
                        + " after " + took;
                case BETTER -> who + " made " + e.workload() + " better: " + numbers + "; kept after " + took;
                default -> who + " made no clear difference for " + e.workload() + ": " + numbers + "; kept after "
                        + took;
            };
        }
        return new Evaluated(Instant.ofEpochMilli(nowMillis), e.workload(), e.from(), e.to(), verdict, what,
                judge.unit(), before, after, p, nb, na, since, text);
    }

    static String pText(double p) {
        if (Double.isNaN(p)) {
            return "not tested";
        }
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    private static String name(@Nullable String scheduler) {
        return scheduler == null ? "the kernel default" : scheduler;
    }

    public ExperimentStatus status(long nowMillis) {
        Experiment e = experiment;
        ExperimentStatus.Running running = e == null ? null : new ExperimentStatus.Running(e.workload(), e.from(),
                e.to(), Instant.ofEpochMilli(e.startMillis()), e.phase().name().toLowerCase(Locale.ROOT),
                Duration.ofMillis(nowMillis - e.startMillis()), e.baselineCount(), e.baselineMedian(), e.afterMedian());
        Objective shown = currentObjective();
        return new ExperimentStatus(config.enabled(), shown.name(), shown.unit(), shown.direction(),
                lastValue, config.settlePeriod(), config.evaluationPeriod(), running, lastVerdict, hold.held(),
                history.machine(), history.storeDescription(), history.records(), history.localRecords());
    }

    /** Whether a switch is under test now. */
    public boolean evaluating() {
        return experiment != null;
    }

    /** When the running experiment's verdict is due if every tick comes on time ({@code Long.MIN_VALUE}: none runs). */
    public long verdictDueMillis() {
        Experiment e = experiment;
        return e == null ? Long.MIN_VALUE
                : e.startMillis() + (long) (e.settleTicks() + e.evaluationTicks()) * intervalMillis;
    }
}
