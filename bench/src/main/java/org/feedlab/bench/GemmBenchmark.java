package org.feedlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's measured arithmetic bound: a 500 × 128 by 128 × 128 float GEMM (a batched 128-wide
 * dense layer over one 500-candidate request) on one thread, in plain Java and with the Vector API
 * (separate multiply and add, as the scorer must; and fused multiply-add).
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GemmBenchmark {
    static final int M = 500;
    static final int K = 128;
    static final int N = 128;

    private GemmKernel plain;
    private VectorGemmKernel vector;

    @Setup
    public void setUp() {
        plain = new GemmKernel(M, K, N);
        vector = new VectorGemmKernel(M, K, N);
    }

    @Benchmark
    public float[] plainJava() {
        return plain.multiply();
    }

    @Benchmark
    public float[] vectorMulAdd() {
        return vector.multiplyAdd();
    }

    @Benchmark
    public float[] vectorFma() {
        return vector.fusedMultiplyAdd();
    }

    /** FLOPs of one call of each benchmark (a multiply-add counts as two). */
    static long flops() {
        return 2L * M * K * N;
    }
}
