// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import dev.autosa.api.AutoSAEvent.Evaluated.Verdict;
import dev.autosa.api.Objective.Direction;
import java.util.Arrays;

/**
 * The verdict on two samples of the objective, before and after a switch. A change counts only
 * when both of these hold, so that neither a small but consistent shift nor a few outliers revert
 * a switch:
 *
 * <ol>
 *   <li>the one-sided Mann-Whitney U test (normal approximation with tie correction, continuity
 *       corrected) finds the after sample shifted in that direction with p &lt; {@value #ALPHA};
 *   <li>the medians differ by more than the tolerance: {@value #K_MADS} robust standard deviations
 *       of the noise (1.4826 x the MAD, pooled over both samples), and at least {@value #MIN_RELATIVE}
 *       of the baseline median.
 * </ol>
 *
 * On independent noise the test alone reverts at most {@value #ALPHA} of neutral switches (its
 * level); the tolerance brings that near zero (see {@code ExperimentEvaluatorTest} for the rates
 * measured on seeded noise).
 */
public final class ExperimentEvaluator {

    /** Level of the one-sided rank test. */
    public static final double ALPHA = 0.01;
    /** A change must exceed this many robust standard deviations of the noise. */
    public static final double K_MADS = 2.0;
    /** ... and this share of the baseline median. */
    public static final double MIN_RELATIVE = 0.05;
    /** Fewer values than this on either side: no verdict. */
    public static final int MIN_SAMPLES = 8;

    private static final double MAD_TO_SD = 1.4826;

    /** The numbers behind a verdict. NaN p-value when there was too little data to test. */
    public record Result(Verdict verdict, double medianBefore, double medianAfter, double pValue, double tolerance,
            int samplesBefore, int samplesAfter) {
    }

    private ExperimentEvaluator() {
    }

    public static Result evaluate(double[] before, int nBefore, double[] after, int nAfter, Direction direction) {
        if (nBefore < MIN_SAMPLES || nAfter < MIN_SAMPLES) {
            return new Result(Verdict.INCONCLUSIVE, median(before, nBefore), median(after, nAfter), Double.NaN,
                    Double.NaN, nBefore, nAfter);
        }
        double[] b = Arrays.copyOf(before, nBefore);
        double[] a = Arrays.copyOf(after, nAfter);
        Arrays.sort(b);
        Arrays.sort(a);
        double mb = sortedMedian(b);
        double ma = sortedMedian(a);
        double sd = MAD_TO_SD * Math.sqrt((square(mad(b, mb)) + square(mad(a, ma))) / 2);
        double tolerance = Math.max(K_MADS * sd, MIN_RELATIVE * Math.abs(mb));
        double pGreater = mannWhitneyGreater(b, a);
        double pLess = mannWhitneyGreater(a, b);
        boolean higher = ma - mb > tolerance && pGreater < ALPHA;
        boolean lower = mb - ma > tolerance && pLess < ALPHA;
        Verdict v;
        if (higher) {
            v = direction == Direction.LOWER_IS_BETTER ? Verdict.WORSE : Verdict.BETTER;
        } else if (lower) {
            v = direction == Direction.LOWER_IS_BETTER ? Verdict.BETTER : Verdict.WORSE;
        } else {
            v = Verdict.NEUTRAL;
        }
        double p = ma >= mb ? pGreater : pLess;
        return new Result(v, mb, ma, p, tolerance, nBefore, nAfter);
    }

    /**
     * One-sided p-value that {@code y} tends to be greater than {@code x} (both sorted): U counts the
     * pairs with y > x (ties count one half); z from the tie-corrected variance.
     */
    static double mannWhitneyGreater(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        int n = n1 + n2;
        // Ranks of the pooled sample by a merge of the two sorted arrays; ties get their mean rank.
        double rankSumY = 0;
        double tieTerm = 0;
        int i = 0;
        int j = 0;
        int rank = 1;
        while (i < n1 || j < n2) {
            double v = i < n1 && (j >= n2 || x[i] <= y[j]) ? x[i] : y[j];
            int cx = 0;
            int cy = 0;
            while (i < n1 && x[i] == v) {
                i++;
                cx++;
            }
            while (j < n2 && y[j] == v) {
                j++;
                cy++;
            }
            int t = cx + cy;
            double meanRank = rank + (t - 1) / 2.0;
            rankSumY += cy * meanRank;
            tieTerm += (double) t * t * t - t;
            rank += t;
        }
        double u = rankSumY - n2 * (n2 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return upperTail(z);
    }

    /** P(Z > z) for a standard normal Z (Abramowitz and Stegun 7.1.26 through erfc, error < 1.5e-7). */
    static double upperTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }

    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return sortedMedian(s);
    }

    private static double sortedMedian(double[] s) {
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double mad(double[] sorted, double median) {
        double[] d = new double[sorted.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(d);
        return sortedMedian(d);
    }

    private static double square(double v) {
        return v * v;
    }
}
