package org.feedlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureSpace;
import org.feedlab.ranker.model.Datasets;
import org.feedlab.ranker.model.Heads;
import org.feedlab.ranker.model.TrainingExample;
import org.feedlab.ranker.model.widedeep.WideDeepLearner;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.junit.jupiter.api.Test;

/** The figures {@code bench ranker} prints, computed from fixed, hand-made results. */
class BenchArithmeticTest {
    /** 50 requests of 100 µs, 49 of 200 µs, one of 5 ms. */
    private static Histogram latencies() {
        Histogram h = new Histogram(1, PathLatency.MAX_NANOS, 3);
        h.recordValueWithCount(100_000, 50);
        h.recordValueWithCount(200_000, 49);
        h.recordValue(5_000_000);
        return h;
    }

    @Test
    void candidatesPerSecondPerCoreFromRequestsCandidatesTimeAndThreads() {
        // 20,000 requests of 300 candidates in 4 s on one thread: 6,000,000 / 4 s.
        PathLatency.Measurement one =
                new PathLatency.Measurement(300, 20_000, 4_000_000_000L, 1, latencies());
        assertEquals(1_500_000.0, one.candidatesPerSecondPerCore(), 1e-6);
        assertEquals(5_000.0, one.requestsPerSecond(), 1e-9);
        // The same requests on two threads in 2 s: 3,000,000 candidates/s, 1,500,000 per core.
        PathLatency.Measurement two =
                new PathLatency.Measurement(300, 20_000, 2_000_000_000L, 2, latencies());
        assertEquals(1_500_000.0, two.candidatesPerSecondPerCore(), 1e-6);
        assertEquals(10_000.0, two.requestsPerSecond(), 1e-9);
        // 1,000-candidate requests, 1,500 of them in 0.75 s: 2,000,000.
        PathLatency.Measurement big =
                new PathLatency.Measurement(1000, 1_500, 750_000_000L, 1, latencies());
        assertEquals(2_000_000.0, big.candidatesPerSecondPerCore(), 1e-6);
    }

    @Test
    void percentilesInMillisecondsFromAFixedHistogram() {
        PathLatency.Measurement m =
                new PathLatency.Measurement(300, 20_000, 4_000_000_000L, 1, latencies());
        // HdrHistogram keeps 3 significant digits: each value within 0.1 % of what was recorded.
        assertEquals(0.100, m.percentileMillis(50), 0.0001);
        assertEquals(0.200, m.percentileMillis(90), 0.0002);
        assertEquals(0.200, m.percentileMillis(99), 0.0002);
        assertEquals(5.000, m.percentileMillis(100), 0.005);
        assertEquals(
                "ranker: 1500000 candidates/s/core, p50 0.100 ms, p99 0.200 ms per 300-candidate"
                        + " request",
                m.line());
    }

    @Test
    void stageTimesThroughputsAndShareOfTheBound() {
        // Requests per ms: whole path 2 (500 µs), retrieval 20 (50 µs), features 10 (100 µs),
        // forward pass 5 (200 µs): the rest is 500 − 50 − 100 − 200 = 150 µs.
        BenchRunner.PathFigures p =
                new BenchRunner.PathFigures(
                        300,
                        3_000.0,
                        27.0,
                        new BenchRunner.Stages(2.0, 20.0, 10.0, 5.0),
                        1_000.0,
                        0.0,
                        new PathLatency.Measurement(300, 1, 1, 1, latencies()));
        assertEquals(500.0, BenchRunner.PathFigures.micros(p.stages().whole()), 1e-9);
        assertEquals(150.0, p.restMicros(), 1e-9);
        // 2 requests/ms × 1,000 ms × 300 candidates.
        assertEquals(600_000.0, p.candidatesPerSecond(p.stages().whole()), 1e-6);
        assertEquals(1_500_000.0, p.candidatesPerSecond(p.stages().forward()), 1e-6);
        // × 3,000 FLOPs per candidate.
        assertEquals(4.5e9, p.forwardFlopsPerSecond(), 1e-3);
        assertEquals(1.8e9, p.wholeFlopsPerSecond(), 1e-3);
        BenchRunner.Gemm gemm = new BenchRunner.Gemm(3e9, 45e9, 60e9);
        assertEquals(0.1, gemm.shareOfBound(p.forwardFlopsPerSecond()), 1e-12);
        assertEquals(0.04, gemm.shareOfBound(p.wholeFlopsPerSecond()), 1e-12);
    }

    @Test
    void executedFlopsOfATinyModelCountedByHand() {
        WideDeepScorer tiny = tinyModel();
        int heads = Heads.names().size();
        assertEquals(10, heads);
        int f = Feature.count();
        int userSide = Feature.USER_ENGAGEMENT_RATE.ordinal();
        float[] xs = new float[2 * f];
        for (int r = 0; r < 2; r++) {
            xs[r * f + Feature.OUTRAGE_SCORE.ordinal()] = 0.5f; // a value: multiply and add
            xs[r * f + FeatureSpace.POST_TOPIC.offset() + 3] = 1f; // one-hot: its row added
            xs[r * f + FeatureSpace.AUTHOR_ID.offset()] = 7f; // hashed id: bucket 6's row added
            xs[r * f + userSide] = 0.25f; // user-side: products once per request, then added
        }
        // Hidden [4, 3]: a gathered row is 4 + 10 = 14 floats (first layer and wide logits).
        // Per candidate: outrage 2 × 14 = 28, topic 14, author id 14, user-side 14 added plus 14
        // products for the request (7 per candidate of 2) = 77; dense layers 2 × 4 × 3 = 24;
        // output layer 2 × 3 × 10 = 60. Total 161.
        assertEquals(161.0, tiny.executedFlopsPerCandidate(xs, 2, RankerFixture.USER_SIDE), 1e-12);
        // Without shared slots the user-side value is multiplied for each row: 28 + 14 + 14 + 28
        // + 24 + 60 = 168.
        assertEquals(
                168.0,
                tiny.executedFlopsPerCandidate(xs, 2, org.feedlab.ranker.model.SharedSlots.NONE),
                1e-12);
    }

    /**
     * Wide&deep with hidden [4, 3] trained for one epoch on 40 examples: only its shape matters.
     */
    private static WideDeepScorer tinyModel() {
        List<TrainingExample> examples = new ArrayList<>();
        int f = Feature.count();
        for (int i = 0; i < 40; i++) {
            float[] x = new float[f];
            x[Feature.OUTRAGE_SCORE.ordinal()] = (i % 5) / 5f;
            x[FeatureSpace.POST_TOPIC.offset() + i % 4] = 1f;
            x[FeatureSpace.AUTHOR_ID.offset()] = 1 + i % 7;
            int actions = i % 3 == 0 ? Impression.with(0, Action.values()[0]) : 0;
            examples.add(
                    new TrainingExample(
                            x,
                            Heads.labels(
                                    Impression.of(0, 0, i, 1, 0, ModelVersion.NONE, actions))));
        }
        return (WideDeepScorer)
                new WideDeepLearner(
                                Feature.names(),
                                Datasets.allColumns(f),
                                Heads.names(),
                                1,
                                0.01,
                                8,
                                4,
                                List.of(4, 3),
                                1)
                        .train(examples, ModelVersion.NONE, null)
                        .scorer();
    }
}
