package org.feedlab.bench.trecs;

import java.util.Arrays;

/**
 * Non-negative least squares, min ‖Ax − b‖² subject to x ≥ 0, by the Lawson–Hanson active-set
 * method (Lawson and Hanson, <i>Solving Least Squares Problems</i>, 1974, ch. 23), written on the
 * normal equations: it reads only the Gram matrix G = AᵀA and d = Aᵀb. Content filtering refits
 * every user against the same item matrix, so G is computed once and each user brings only its d.
 *
 * <p>The method keeps a passive set P of coordinates free to be positive: it adds the coordinate
 * whose gradient w = d − Gx is largest, solves G<sub>PP</sub>z = d<sub>P</sub> (Cholesky), and
 * while some z<sub>j</sub> ≤ 0 steps from x toward z as far as feasibility allows and drops the
 * coordinates that reach zero. It stops when no coordinate outside P has w<sub>j</sub> above a
 * tolerance relative to the size of d. One instance holds the scratch of one thread.
 */
public final class Nnls {
    private final int n;
    private final boolean[] passive;
    private final double[] w;
    private final double[] z;
    private final double[] chol;
    private final double[] rhs;
    private final int[] index;

    /** A solver for problems with n unknowns. */
    public Nnls(int n) {
        this.n = n;
        passive = new boolean[n];
        w = new double[n];
        z = new double[n];
        chol = new double[n * n];
        rhs = new double[n];
        index = new int[n];
    }

    /**
     * Solves for x ≥ 0 minimising ½xᵀGx − dᵀx (the least-squares objective up to a constant).
     *
     * @param gram G = AᵀA, n × n row-major, symmetric positive definite
     * @param d Aᵀb
     * @param x the solution (written)
     * @return the number of coordinates added to the passive set
     * @throws IllegalStateException when G is not positive definite on the passive set or the
     *     method does not converge within 3n additions
     */
    public int solve(double[] gram, double[] d, double[] x) {
        Arrays.fill(passive, false);
        Arrays.fill(x, 0, n, 0.0);
        double scale = 0.0;
        for (int j = 0; j < n; j++) {
            scale = Math.max(scale, Math.abs(d[j]));
        }
        double tol = 1e-10 * scale;
        int added = 0;
        while (true) {
            gradient(gram, d, x);
            int t = -1;
            double best = tol;
            for (int j = 0; j < n; j++) {
                if (!passive[j] && w[j] > best) {
                    best = w[j];
                    t = j;
                }
            }
            if (t < 0) {
                return added;
            }
            if (++added > 3 * n) {
                throw new IllegalStateException("NNLS did not converge in " + 3 * n + " steps");
            }
            passive[t] = true;
            while (true) {
                solvePassive(gram, d);
                double alpha = Double.POSITIVE_INFINITY;
                int blocking = -1;
                for (int j = 0; j < n; j++) {
                    if (passive[j] && z[j] <= 0.0) {
                        double a = x[j] / (x[j] - z[j]);
                        if (a < alpha) {
                            alpha = a;
                            blocking = j;
                        }
                    }
                }
                if (blocking < 0) {
                    System.arraycopy(z, 0, x, 0, n);
                    break;
                }
                for (int j = 0; j < n; j++) {
                    if (passive[j]) {
                        x[j] += alpha * (z[j] - x[j]);
                        if (j == blocking || x[j] <= 0.0) {
                            x[j] = 0.0;
                            passive[j] = false;
                        }
                    }
                }
            }
        }
    }

    private void gradient(double[] gram, double[] d, double[] x) {
        for (int i = 0; i < n; i++) {
            double s = d[i];
            for (int j = 0; j < n; j++) {
                s -= gram[i * n + j] * x[j];
            }
            w[i] = s;
        }
    }

    /** z = solution of G_PP z_P = d_P by Cholesky, zero outside P. */
    private void solvePassive(double[] gram, double[] d) {
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (passive[j]) {
                index[k++] = j;
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double s = gram[index[a] * n + index[b]];
                for (int c = 0; c < b; c++) {
                    s -= chol[a * n + c] * chol[b * n + c];
                }
                if (a == b) {
                    if (s <= 0.0) {
                        throw new IllegalStateException(
                                "Gram matrix not positive definite on the passive set");
                    }
                    chol[a * n + a] = Math.sqrt(s);
                } else {
                    chol[a * n + b] = s / chol[b * n + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            double s = d[index[a]];
            for (int c = 0; c < a; c++) {
                s -= chol[a * n + c] * rhs[c];
            }
            rhs[a] = s / chol[a * n + a];
        }
        for (int a = k - 1; a >= 0; a--) {
            double s = rhs[a];
            for (int c = a + 1; c < k; c++) {
                s -= chol[c * n + a] * rhs[c];
            }
            rhs[a] = s / chol[a * n + a];
        }
        Arrays.fill(z, 0.0);
        for (int a = 0; a < k; a++) {
            z[index[a]] = rhs[a];
        }
    }
}
