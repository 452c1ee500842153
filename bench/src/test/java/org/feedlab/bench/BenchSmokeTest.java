package org.feedlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.feedlab.events.FeedItem;
import org.feedlab.ranker.Candidate;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.serving.FeedServer;
import org.junit.jupiter.api.Test;

/** Runs each benchmark body once (no timing): the code paths work and compute what they claim. */
class BenchSmokeTest {
    private static final RankerFixture FIXTURE = RankerFixture.create(2024);

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

    /**
     * The whole path serves the day's feed from exactly the request's candidates, and the stages
     * timed alone do the path's own work: the forward pass alone on the rows feature extraction
     * builds from what retrieval returns gives every served item's predictions, bit for bit.
     */
    @Test
    void requestPathServesItsCandidatesAndTheStagesAreItsOwn() {
        for (int candidates : BenchRunner.SIZES) {
            RequestPath path = RequestPath.of(FIXTURE, candidates);
            FeedServer.Served served = path.serve();
            assertEquals(candidates, served.candidatesScored());
            assertEquals(1, served.feeds().size());
            List<FeedItem> items = served.feeds().get(0).items();
            assertEquals(RankerFixture.FEED_SIZE, items.size());
            List<Candidate> retrieved = path.retrieve();
            assertEquals(candidates, retrieved.size());
            assertEquals(
                    candidates - RequestPath.POPULAR,
                    retrieved.stream().filter(Candidate::inNetwork).count());
            float[] features = path.features(retrieved);
            assertEquals(candidates * Feature.count(), features.length);
            double[] out = path.forward(features, new double[path.outputs()]);
            int heads = Heads.names().size();
            for (FeedItem item : items) {
                int i = 0;
                while (retrieved.get(i).stats().post().postId() != item.postId()) {
                    i++;
                }
                assertArrayEquals(
                        Arrays.copyOfRange(out, i * heads, (i + 1) * heads), item.predictions());
            }
        }
    }

    @Test
    void aRequestPathNeedsMoreCandidatesThanRetrievalTakesFromOutsideTheNetwork() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RequestPath.of(FIXTURE, 150));
        assertEquals("a request path needs more than 150 candidates, got 150", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RequestPath.of(FIXTURE, 5000));
        assertTrue(e.getMessage().endsWith("candidates, not 5000"), e.getMessage());
    }

    @Test
    void fixtureCandidatesAreSparseFeatureVectors() {
        RankerFixture f = FIXTURE;
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
