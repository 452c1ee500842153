package org.feedlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.Heads;
import org.junit.jupiter.api.Test;

/** Runs each benchmark body once (no timing): the code paths work and compute what they claim. */
class BenchSmokeTest {
    @Test
    void scoreRequestFillsEveryProbability() {
        RankerBenchmark bench = new RankerBenchmark();
        bench.hidden = "32x16";
        bench.setUp();
        double[] out = bench.scoreRequest();
        assertEquals(RankerFixture.REQUEST * Heads.names().size(), out.length);
        for (double p : out) {
            assertTrue(p > 0.0 && p < 1.0, "probability " + p);
        }
    }

    @Test
    void fixtureCandidatesAreSparseFeatureVectors() {
        RankerFixture f = RankerFixture.create(1);
        assertEquals(RankerFixture.REQUEST * Feature.count(), f.request().length);
        assertTrue(
                f.meanNonZero() > 10 && f.meanNonZero() < Feature.count() / 2.0,
                "nnz " + f.meanNonZero());
        assertTrue(f.flopsPerCandidate() > 0);
    }

    @Test
    void vectorGemmKernelsMultiply() {
        int n = 2 * VectorGemmKernel.lanes();
        VectorGemmKernel k = new VectorGemmKernel(8, 5, n);
        float[] c = k.multiplyAdd().clone();
        float[] fused = k.fusedMultiplyAdd();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(k.reference(i, j), c[i * n + j], 1e-5);
                assertEquals(k.reference(i, j), fused[i * n + j], 1e-5);
            }
        }
        assertEquals(2L * 8 * 5 * n, k.flops());
    }

    @Test
    void gemmKernelMultiplies() {
        GemmKernel k = new GemmKernel(7, 5, 3);
        float[] c = k.multiply();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(k.reference(i, j), c[i * 3 + j], 1e-5);
            }
        }
        assertEquals(2L * 7 * 5 * 3, k.flops());
    }
}
