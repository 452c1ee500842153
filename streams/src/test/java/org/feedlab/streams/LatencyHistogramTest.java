package org.feedlab.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.flink.metrics.HistogramStatistics;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void valuesFallInTheFirstBucketWhoseBoundIsNotBelowThem() {
        LatencyHistogram h = new LatencyHistogram();
        h.update(30_000); // 30 µs: le 0.00005
        h.update(50_000); // exactly 50 µs: still le 0.00005 (buckets are "less or equal")
        h.update(50_001); // just above: le 0.0001
        h.update(1_000_000); // 1 ms: le 0.001 (index 4)
        h.update(3_000_000_000L); // 3 s: above every bound
        long[] counts = h.bucketCounts();
        assertEquals(LatencyHistogram.UPPER_BOUNDS_SECONDS.length + 1, counts.length);
        long[] expected = new long[counts.length];
        expected[0] = 2;
        expected[1] = 1;
        expected[4] = 1;
        expected[counts.length - 1] = 1;
        assertArrayEquals(expected, counts);
        assertEquals(5, h.getCount());
        assertEquals(0.00003 + 0.00005 + 0.000050001 + 0.001 + 3.0, h.sumSeconds(), 1e-12);
    }

    @Test
    void flinksStatisticsCarryTheBucketsTheMeanAndBoundQuantiles() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            h.update(200_000); // 0.2 ms: le 0.00025 (index 2)
        }
        h.update(20_000_000); // 20 ms: le 0.025 (index 8)
        HistogramStatistics s = h.getStatistics();
        assertArrayEquals(h.bucketCounts(), s.getValues());
        assertEquals(100, s.size());
        assertEquals((99 * 200_000.0 + 20_000_000) / 100, s.getMean(), 1e-6);
        assertEquals(0.00025e9, s.getQuantile(0.5), 1e-6);
        assertEquals(0.00025e9, s.getQuantile(0.99), 1e-6);
        assertEquals(0.025e9, s.getQuantile(1.0), 1e-6);
    }

    @Test
    void scoringMetricsCountCandidatesAndTimeEachServe() {
        ScoringMetrics m = ScoringMetrics.unregistered();
        m.served(400_000, 120);
        m.served(600_000, 80);
        assertEquals(200, m.candidates().getCount());
        assertEquals(2, m.latency().getCount());
        assertEquals(0.001, m.latency().sumSeconds(), 1e-12);
    }
}
