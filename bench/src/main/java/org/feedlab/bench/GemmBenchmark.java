package org.feedlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's measured arithmetic bound: a 500 × 64 by 64 × 64 float GEMM (the shape of a batched
 * hidden layer over one request) in plain Java, on one thread.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GemmBenchmark {
    static final int M = 500;
    static final int K = 64;
    static final int N = 64;

    private GemmKernel kernel;

    @Setup
    public void setUp() {
        kernel = new GemmKernel(M, K, N);
    }

    @Benchmark
    public float[] gemm() {
        return kernel.multiply();
    }
}
