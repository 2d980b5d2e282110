// SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
package dev.autosa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autosa.api.AutoSAEvent.Evaluated.Verdict;
import dev.autosa.api.Objective.Direction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The statistic behind every verdict: known answers for the rank test, the verdict rules, and the
 * false-revert rate on pure noise over seeded trials (baseline 50 values, evaluation 60, as after
 * a default switch).
 */
class ExperimentEvaluatorTest {

    private static final int BEFORE = 50;
    private static final int AFTER = 60;

    @Test
    void upperTailMatchesTheNormalTable() {
        assertThat(ExperimentEvaluator.upperTail(0)).isCloseTo(0.5, within(1e-6));
        assertThat(ExperimentEvaluator.upperTail(1.6449)).isCloseTo(0.05, within(1e-5));
        assertThat(ExperimentEvaluator.upperTail(2.3263)).isCloseTo(0.01, within(1e-5));
        assertThat(ExperimentEvaluator.upperTail(-2.3263)).isCloseTo(0.99, within(1e-5));
    }

    @Test
    void mannWhitneyOnAKnownExample() {
        // Every y above every x: U = n1*n2 = 25, mean 12.5, variance 5*5*11/12 = 22.9; z = (25-12.5-0.5)/4.787.
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {6, 7, 8, 9, 10};
        assertThat(ExperimentEvaluator.mannWhitneyGreater(x, y)).isCloseTo(
                ExperimentEvaluator.upperTail(12 / Math.sqrt(25 * 11 / 12.0)), within(1e-12));
        assertThat(ExperimentEvaluator.mannWhitneyGreater(y, x)).isGreaterThan(0.99);
        // All tied: no evidence either way.
        assertThat(ExperimentEvaluator.mannWhitneyGreater(new double[] {1, 1, 1}, new double[] {1, 1, 1})).isEqualTo(1.0);
    }

    @Test
    void aClearShiftIsWorseOrBetterByTheDirection() {
        Random r = new Random(1);
        double[] before = sample(r, BEFORE, 1.0, 0.1);
        double[] after = sample(r, AFTER, 2.0, 0.1);
        ExperimentEvaluator.Result lower = ExperimentEvaluator.evaluate(before, BEFORE, after, AFTER,
                Direction.LOWER_IS_BETTER);
        assertThat(lower.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(lower.pValue()).isLessThan(1e-6);
        assertThat(lower.medianBefore()).isCloseTo(1.0, within(0.05));
        assertThat(lower.medianAfter()).isCloseTo(2.0, within(0.05));
        assertThat(ExperimentEvaluator.evaluate(before, BEFORE, after, AFTER, Direction.HIGHER_IS_BETTER).verdict())
                .isEqualTo(Verdict.BETTER);
    }

    @Test
    void aSignificantButSmallShiftIsNeutral() {
        // 0.3 noise SDs and 3 % of the median: the rank test sees it with 2000 values, the tolerance does not count it.
        Random r = new Random(2);
        double[] before = sample(r, 2000, 10.0, 1.0);
        double[] after = sample(r, 2000, 10.3, 1.0);
        ExperimentEvaluator.Result res = ExperimentEvaluator.evaluate(before, 2000, after, 2000,
                Direction.LOWER_IS_BETTER);
        assertThat(res.pValue()).isLessThan(ExperimentEvaluator.ALPHA);
        assertThat(res.verdict()).isEqualTo(Verdict.NEUTRAL);
        assertThat(res.tolerance()).isCloseTo(2.0, within(0.15));
    }

    @Test
    void aFewOutliersDoNotRevert() {
        Random r = new Random(3);
        double[] before = sample(r, BEFORE, 1.0, 0.1);
        double[] after = sample(r, AFTER, 1.0, 0.1);
        for (int i = 0; i < 10; i++) {
            after[i * 6] = 50.0;
        }
        assertThat(ExperimentEvaluator.evaluate(before, BEFORE, after, AFTER, Direction.LOWER_IS_BETTER).verdict())
                .isEqualTo(Verdict.NEUTRAL);
    }

    @Test
    void tooFewValuesIsInconclusive() {
        double[] few = {1, 2, 3};
        ExperimentEvaluator.Result res = ExperimentEvaluator.evaluate(few, 3, new double[] {9, 9, 9, 9, 9, 9, 9, 9}, 8,
                Direction.LOWER_IS_BETTER);
        assertThat(res.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(res.pValue()).isNaN();
    }

    @Test
    void constantObjectivesChangeOnlyBeyondFivePercent() {
        double[] before = filled(BEFORE, 1.0);
        assertThat(ExperimentEvaluator.evaluate(before, BEFORE, filled(AFTER, 1.04), AFTER,
                Direction.LOWER_IS_BETTER).verdict()).isEqualTo(Verdict.NEUTRAL);
        assertThat(ExperimentEvaluator.evaluate(before, BEFORE, filled(AFTER, 1.06), AFTER,
                Direction.LOWER_IS_BETTER).verdict()).isEqualTo(Verdict.WORSE);
    }

    /**
     * Stated rate: at most 1 % false reverts on independent noise (the rank test's level alone);
     * with the tolerance, measured 0 in 10,000 seeded trials of Gaussian noise and 0 of 10,000 of
     * heavy-tailed noise (Student t, 3 degrees of freedom); the rank test alone: 92 (0.92 %).
     */
    @Test
    void falseRevertRateOnIndependentNoise() {
        int trials = 10_000;
        int gaussian = 0;
        int heavy = 0;
        int rankTestAlone = 0;
        Random r = new Random(42);
        for (int t = 0; t < trials; t++) {
            double[] b = sample(r, BEFORE, 5.0, 1.0);
            double[] a = sample(r, AFTER, 5.0, 1.0);
            ExperimentEvaluator.Result res = ExperimentEvaluator.evaluate(b, BEFORE, a, AFTER, Direction.LOWER_IS_BETTER);
            gaussian += res.verdict() == Verdict.WORSE ? 1 : 0;
            rankTestAlone += res.medianAfter() > res.medianBefore() && res.pValue() < ExperimentEvaluator.ALPHA ? 1 : 0;
            heavy += ExperimentEvaluator.evaluate(studentT3(r, BEFORE), BEFORE, studentT3(r, AFTER), AFTER,
                    Direction.LOWER_IS_BETTER).verdict() == Verdict.WORSE ? 1 : 0;
        }
        System.out.printf("false reverts on noise over %d trials: gaussian %d, student-t(3) %d, rank test alone %d%n",
                trials, gaussian, heavy, rankTestAlone);
        assertThat(rankTestAlone).isLessThanOrEqualTo(trials / 100 + 30);
        assertThat(gaussian).isLessThanOrEqualTo(trials / 100);
        assertThat(heavy).isLessThanOrEqualTo(trials / 100);
    }

    /**
     * Neighbouring ticks of a real objective are correlated (a load that comes and goes over
     * seconds), which no test on per-tick values fully survives: measured on AR(1) noise with
     * coefficient 0.5 and 0.8 over 10,000 seeded trials each: 0 and 27 (0.27 %); the README states them.
     */
    @Test
    void falseRevertRateOnAutocorrelatedNoise() {
        int trials = 10_000;
        int[] counts = new int[2];
        double[] rho = {0.5, 0.8};
        Random r = new Random(43);
        for (int k = 0; k < rho.length; k++) {
            for (int t = 0; t < trials; t++) {
                double[] b = ar1(r, BEFORE, rho[k]);
                double[] a = ar1(r, AFTER, rho[k]);
                counts[k] += ExperimentEvaluator.evaluate(b, BEFORE, a, AFTER, Direction.LOWER_IS_BETTER).verdict()
                        == Verdict.WORSE ? 1 : 0;
            }
        }
        System.out.printf("false reverts on AR(1) noise over %d trials: rho 0.5 %d, rho 0.8 %d%n", trials, counts[0],
                counts[1]);
        assertThat(counts[0]).isLessThanOrEqualTo(trials / 100);
        assertThat(counts[1]).isLessThanOrEqualTo(trials / 100);
    }

    private static double[] sample(Random r, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        return v;
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static double[] studentT3(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double chi = 0;
            for (int k = 0; k < 3; k++) {
                double g = r.nextGaussian();
                chi += g * g;
            }
            v[i] = 5.0 + r.nextGaussian() / Math.sqrt(chi / 3);
        }
        return v;
    }

    private static double[] ar1(Random r, int n, double rho) {
        double[] v = new double[n];
        double x = r.nextGaussian();
        for (int i = 0; i < n; i++) {
            x = rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            v[i] = 5.0 + x;
        }
        return v;
    }
}
