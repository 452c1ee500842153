package org.feedlab.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A single-precision matrix multiply C = A·B with the Vector API, register-blocked like a batched
 * dense layer: four rows of A (four candidates) by two vectors of outputs, eight sums in flight, B
 * stored input-major. Two forms: {@link #multiplyAdd()} with a separate multiply and add, the only
 * form the compiled scorer may use (its sums must equal the scalar pass bit for bit), and {@link
 * #fusedMultiplyAdd()}, the machine's own bound. Each is the measured arithmetic bound the scorer
 * is compared with.
 */
public final class VectorGemmKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int ROWS = 4;

    private final int m;
    private final int k;
    private final int n;
    private final float[] a;
    private final float[] b;
    private final float[] c;

    /**
     * An m × k by k × n product with fixed pseudo-random inputs; m a multiple of 4 and n of twice
     * the lane count.
     */
    public VectorGemmKernel(int m, int k, int n) {
        if (m % ROWS != 0 || n % (2 * L) != 0) {
            throw new IllegalArgumentException(
                    "m must be a multiple of " + ROWS + " and n of " + 2 * L);
        }
        this.m = m;
        this.k = k;
        this.n = n;
        a = GemmKernel.fill(m * k, 1);
        b = GemmKernel.fill(k * n, 2);
        c = new float[m * n];
    }

    /** Lanes per vector on this machine. */
    public static int lanes() {
        return L;
    }

    /** Floating-point operations of one product (a multiply-add counts as two). */
    public long flops() {
        return 2L * m * k * n;
    }

    /** C = A·B with a multiply then an add per term; returns C. */
    public float[] multiplyAdd() {
        for (int i = 0; i < m; i += ROWS) {
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int j = 0; j < n; j += 2 * L) {
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = FloatVector.zero(S);
                FloatVector c10 = FloatVector.zero(S);
                FloatVector c11 = FloatVector.zero(S);
                FloatVector c20 = FloatVector.zero(S);
                FloatVector c21 = FloatVector.zero(S);
                FloatVector c30 = FloatVector.zero(S);
                FloatVector c31 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, b, p * n + j);
                    FloatVector b1 = FloatVector.fromArray(S, b, p * n + j + L);
                    float x0 = a[a0 + p];
                    float x1 = a[a1 + p];
                    float x2 = a[a2 + p];
                    float x3 = a[a3 + p];
                    c00 = c00.add(b0.mul(x0));
                    c01 = c01.add(b1.mul(x0));
                    c10 = c10.add(b0.mul(x1));
                    c11 = c11.add(b1.mul(x1));
                    c20 = c20.add(b0.mul(x2));
                    c21 = c21.add(b1.mul(x2));
                    c30 = c30.add(b0.mul(x3));
                    c31 = c31.add(b1.mul(x3));
                }
                store(i, j, c00, c01, c10, c11, c20, c21, c30, c31);
            }
        }
        return c;
    }

    /** C = A·B with one fused multiply-add per term (one rounding); returns C. */
    public float[] fusedMultiplyAdd() {
        for (int i = 0; i < m; i += ROWS) {
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            for (int j = 0; j < n; j += 2 * L) {
                FloatVector c00 = FloatVector.zero(S);
                FloatVector c01 = FloatVector.zero(S);
                FloatVector c10 = FloatVector.zero(S);
                FloatVector c11 = FloatVector.zero(S);
                FloatVector c20 = FloatVector.zero(S);
                FloatVector c21 = FloatVector.zero(S);
                FloatVector c30 = FloatVector.zero(S);
                FloatVector c31 = FloatVector.zero(S);
                for (int p = 0; p < k; p++) {
                    FloatVector b0 = FloatVector.fromArray(S, b, p * n + j);
                    FloatVector b1 = FloatVector.fromArray(S, b, p * n + j + L);
                    FloatVector x0 = FloatVector.broadcast(S, a[a0 + p]);
                    FloatVector x1 = FloatVector.broadcast(S, a[a1 + p]);
                    FloatVector x2 = FloatVector.broadcast(S, a[a2 + p]);
                    FloatVector x3 = FloatVector.broadcast(S, a[a3 + p]);
                    c00 = b0.fma(x0, c00);
                    c01 = b1.fma(x0, c01);
                    c10 = b0.fma(x1, c10);
                    c11 = b1.fma(x1, c11);
                    c20 = b0.fma(x2, c20);
                    c21 = b1.fma(x2, c21);
                    c30 = b0.fma(x3, c30);
                    c31 = b1.fma(x3, c31);
                }
                store(i, j, c00, c01, c10, c11, c20, c21, c30, c31);
            }
        }
        return c;
    }

    private void store(
            int i,
            int j,
            FloatVector c00,
            FloatVector c01,
            FloatVector c10,
            FloatVector c11,
            FloatVector c20,
            FloatVector c21,
            FloatVector c30,
            FloatVector c31) {
        c00.intoArray(c, i * n + j);
        c01.intoArray(c, i * n + j + L);
        c10.intoArray(c, (i + 1) * n + j);
        c11.intoArray(c, (i + 1) * n + j + L);
        c20.intoArray(c, (i + 2) * n + j);
        c21.intoArray(c, (i + 2) * n + j + L);
        c30.intoArray(c, (i + 3) * n + j);
        c31.intoArray(c, (i + 3) * n + j + L);
    }

    /** One element of C computed the slow way, to check both products. */
    public double reference(int i, int j) {
        double s = 0.0;
        for (int p = 0; p < k; p++) {
            s += (double) a[i * k + p] * b[p * n + j];
        }
        return s;
    }
}
