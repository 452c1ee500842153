package org.feedlab.bench.trecs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lawson–Hanson NNLS against hand-solved cases, every active set by brute force, and KKT. */
class NnlsTest {
    @Test
    void identityGramClipsNegativeCoordinates() {
        double[] x = new double[3];
        new Nnls(3).solve(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {1, -2, 3}, x);
        assertArrayEquals(new double[] {1, 0, 3}, x, 0.0);
    }

    @Test
    void correlatedColumnsByHand() {
        // A = [[1, 1], [1, 0], [0, 1]]... G = AᵀA = [[2, 1], [1, 2]]; b = (2, 2, -1):
        // d = Aᵀb = (4, 1). Unconstrained: x = G⁻¹d = (7/3, -2/3) < 0 in x₂, so x₂ = 0 and
        // x₁ = d₁ / G₁₁ = 2, where the gradient of x₂, d₂ − G₂₁·2 = −1, is negative: optimal.
        double[] x = new double[2];
        new Nnls(2).solve(new double[] {2, 1, 1, 2}, new double[] {4, 1}, x);
        assertEquals(2.0, x[0], 1e-12);
        assertEquals(0.0, x[1], 0.0);
    }

    @Test
    void zeroRightHandSideGivesZero() {
        double[] x = {5, 5};
        new Nnls(2).solve(new double[] {2, 1, 1, 2}, new double[] {0, 0}, x);
        assertArrayEquals(new double[] {0, 0}, x, 0.0);
    }

    @Test
    void matchesTheBestFeasibleActiveSetOnRandomProblems() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(6);
            int m = n + rng.nextInt(8);
            double[] a = new double[m * n];
            double[] b = new double[m];
            for (int i = 0; i < a.length; i++) {
                a[i] = trial % 2 == 0 ? rng.nextInt(2) : rng.nextDouble(-1, 1);
            }
            for (int i = 0; i < m; i++) {
                b[i] = trial % 2 == 0 ? rng.nextInt(4) : rng.nextDouble(-2, 2);
            }
            double[] g = new double[n * n];
            double[] d = new double[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    d[j] += a[i * n + j] * b[i];
                    for (int k = 0; k < n; k++) {
                        g[j * n + k] += a[i * n + j] * a[i * n + k];
                    }
                }
            }
            if (!positiveDefinite(g, n)) {
                continue;
            }
            double[] x = new double[n];
            new Nnls(n).solve(g, d, x);
            double[] best = bruteForce(g, d, n);
            assertArrayEquals(best, x, 1e-8, "trial " + trial);
            // KKT: x ≥ 0; gradient d − Gx is 0 where x > 0 and ≤ 0 where x = 0.
            for (int j = 0; j < n; j++) {
                double w = d[j];
                for (int k = 0; k < n; k++) {
                    w -= g[j * n + k] * x[k];
                }
                assertTrue(x[j] >= 0.0);
                assertTrue(x[j] > 0 ? Math.abs(w) < 1e-8 : w < 1e-8, "trial " + trial);
            }
        }
    }

    /** Every passive set: solve the unconstrained system on it, keep the best feasible point. */
    private static double[] bruteForce(double[] g, double[] d, int n) {
        double[] best = new double[n];
        double bestValue = 0.0;
        for (int mask = 1; mask < 1 << n; mask++) {
            int[] idx = new int[Integer.bitCount(mask)];
            for (int j = 0, k = 0; j < n; j++) {
                if ((mask >>> j & 1) != 0) {
                    idx[k++] = j;
                }
            }
            double[] z = gauss(g, d, n, idx);
            boolean feasible = true;
            for (double v : z) {
                feasible &= v >= 0;
            }
            if (!feasible) {
                continue;
            }
            double[] x = new double[n];
            for (int k = 0; k < idx.length; k++) {
                x[idx[k]] = z[k];
            }
            double value = 0.0;
            for (int j = 0; j < n; j++) {
                value -= d[j] * x[j];
                for (int k = 0; k < n; k++) {
                    value += 0.5 * x[j] * g[j * n + k] * x[k];
                }
            }
            if (value < bestValue) {
                bestValue = value;
                best = x;
            }
        }
        return best;
    }

    /** Solves G_II z = d_I by Gaussian elimination with partial pivoting. */
    private static double[] gauss(double[] g, double[] d, int n, int[] idx) {
        int k = idx.length;
        double[][] m = new double[k][k + 1];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                m[r][c] = g[idx[r] * n + idx[c]];
            }
            m[r][k] = d[idx[r]];
        }
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < k; r++) {
                double f = m[r][c] / m[c][c];
                for (int q = c; q <= k; q++) {
                    m[r][q] -= f * m[c][q];
                }
            }
        }
        double[] z = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = m[r][k];
            for (int q = r + 1; q < k; q++) {
                s -= m[r][q] * z[q];
            }
            z[r] = s / m[r][r];
        }
        return z;
    }

    private static boolean positiveDefinite(double[] g, int n) {
        double[] l = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double s = g[a * n + b];
                for (int c = 0; c < b; c++) {
                    s -= l[a * n + c] * l[b * n + c];
                }
                if (a == b) {
                    if (s <= 1e-6) {
                        return false;
                    }
                    l[a * n + a] = Math.sqrt(s);
                } else {
                    l[a * n + b] = s / l[b * n + b];
                }
            }
        }
        return true;
    }
}
