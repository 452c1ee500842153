package org.feedlab.bench;

import java.util.Arrays;

/**
 * A plain-Java single-precision matrix multiply C += A·B (i-k-j order, contiguous inner loop the
 * JIT can vectorize): the arithmetic bound the scorer is compared with, measured on this machine
 * with the same language and compiler instead of a datasheet peak.
 */
public final class GemmKernel {
    private final int m;
    private final int k;
    private final int n;
    private final float[] a;
    private final float[] b;
    private final float[] c;

    /** An m × k by k × n product with fixed pseudo-random inputs. */
    public GemmKernel(int m, int k, int n) {
        this.m = m;
        this.k = k;
        this.n = n;
        a = fill(m * k, 1);
        b = fill(k * n, 2);
        c = new float[m * n];
    }

    static float[] fill(int size, int seed) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = ((i * 31 + seed * 17) % 97) / 97f - 0.5f;
        }
        return v;
    }

    /** Floating-point operations of one {@link #multiply()} (a multiply-add counts as two). */
    public long flops() {
        return 2L * m * k * n;
    }

    /** C = A·B; returns C. */
    public float[] multiply() {
        Arrays.fill(c, 0f);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                float av = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += av * b[bp + j];
                }
            }
        }
        return c;
    }

    /** One element of C computed the slow way, to check {@link #multiply()}. */
    public double reference(int i, int j) {
        double s = 0.0;
        for (int p = 0; p < k; p++) {
            s += (double) a[i * k + p] * b[p * n + j];
        }
        return s;
    }
}
