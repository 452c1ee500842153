package org.feedlab.lab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.lab.engine.ServedTick;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic and the check of {@code feedlab bench pipeline} on fixed results; nothing is
 * timed.
 */
class PipelineBenchTest {
    private static final long MS = 1_000_000L;

    /** A histogram holding {@code count} latencies of {@code millis} ms for each pair. */
    private static Histogram latencies(long... millisAndCounts) {
        Histogram h = new Histogram(1, PipelineBench.MAX_LATENCY_NANOS, 3);
        for (int i = 0; i < millisAndCounts.length; i += 2) {
            h.recordValueWithCount(millisAndCounts[i] * MS, millisAndCounts[i + 1]);
        }
        return h;
    }

    /**
     * Tick 0: 400 requests in 4 s, all 2 s late; tick 1: 500 requests and 5,000 impressions in 1 s,
     * 480 feeds after 100 ms and 20 after 300 ms; tick 2: 500 requests and 7,000 impressions in 1.5
     * s, every feed after 200 ms.
     */
    private static PipelineBench.Result result() {
        return new PipelineBench.Result(
                600,
                12.5,
                List.of(
                        new PipelineBench.Span(
                                1,
                                50,
                                400,
                                0,
                                4_000 * MS,
                                6_000 * MS,
                                500 * MS,
                                latencies(2_000, 400)),
                        tickOne(),
                        new PipelineBench.Span(
                                1,
                                40,
                                500,
                                7_000,
                                1_500 * MS,
                                2_000 * MS,
                                250 * MS,
                                latencies(200, 500))),
                2.25,
                1_400,
                70,
                2);
    }

    private static PipelineBench.Span tickOne() {
        return new PipelineBench.Span(
                1, 60, 500, 5_000, 1_000 * MS, 1_500 * MS, 250 * MS, latencies(100, 480, 300, 20));
    }

    @Test
    void ratesAreCountsOverTheServeWallTime() {
        PipelineBench.Span one = tickOne();
        assertEquals(500.0, one.requestsPerSecond(), 1e-9);
        assertEquals(5_000.0, one.impressionsPerSecond(), 1e-9);
        assertEquals(60.0, one.postsPerSecond(), 1e-9);
        // (1.5 s + 0.25 s) of CPU over 500 requests
        assertEquals(3.5, one.cpuMillisPerRequest(), 1e-12);
        // After the first: 1,000 requests, 12,000 impressions, 100 posts in 1 + 1.5 s.
        PipelineBench.Span after = result().afterFirst();
        assertEquals(2, after.ticks());
        assertEquals(400.0, after.requestsPerSecond(), 1e-9);
        assertEquals(4_800.0, after.impressionsPerSecond(), 1e-9);
        assertEquals(40.0, after.postsPerSecond(), 1e-9);
        // (1.5 + 2.0 + 0.25 + 0.25) s over 1,000 requests
        assertEquals(4.0, after.cpuMillisPerRequest(), 1e-12);
        // All three ticks: 1,400 requests in 6.5 s.
        PipelineBench.Span all = result().all();
        assertEquals(3, all.ticks());
        assertEquals(1_400 / 6.5, all.requestsPerSecond(), 1e-9);
        assertEquals(12_000 / 6.5, all.impressionsPerSecond(), 1e-9);
        assertEquals(9_500 * MS, all.cpuNanos());
        assertEquals(1_000 * MS, all.brokerCpuNanos());
    }

    @Test
    void percentilesComeFromTheMergedHistograms() {
        PipelineBench.Span after = result().afterFirst();
        // 480 at 100 ms, 500 at 200 ms, 20 at 300 ms: the 500th is 200 ms, the 990th 300 ms.
        // HdrHistogram keeps 3 significant digits: each within 0.1 % of what was recorded.
        assertEquals(200.0, after.percentileMillis(50), 0.2);
        assertEquals(200.0, after.percentileMillis(90), 0.2);
        assertEquals(300.0, after.percentileMillis(99), 0.3);
        assertEquals(300.0, after.percentileMillis(100), 0.3);
        // With tick 0 the slowest 400 of 1,400 are 2 s late: p99 is 2 s.
        assertEquals(2_000.0, result().all().percentileMillis(99), 2.0);
        assertEquals(100.0, tickOne().percentileMillis(90), 0.1);
    }

    /**
     * The lines print a percentile as HdrHistogram reports it: the highest value its bucket holds
     * at 3 significant digits, so 300 ms is 300.15 ms (buckets of 2^18 ns there) and 100 ms is
     * 100.008 ms.
     */
    @Test
    void theLinesStateEveryFigure() {
        assertEquals(
                "tick 1: 500 requests, 60 posts, 5,000 impressions in 1.000 s: 500 ranked"
                        + " requests/s, 5,000 impressions/s, 60 posts/s; CPU 1.50 s this JVM + 0.25"
                        + " s broker, 3.50 ms per ranked request; feed latency p50 100.0 ms, p90"
                        + " 100.0 ms, p99 300.2 ms, max 300.2 ms",
                tickOne().line("tick 1"));
        assertEquals(
                "pipeline: 400 ranked requests/s, 4800 impressions/s, p99 feed latency 300.2 ms"
                        + " (2 ticks, 600 users)",
                result().lastLine());
    }

    @Test
    void oneTickIsItsOwnSummaryAndAnUnreportedBrokerIsNotCounted() {
        PipelineBench.Span noBroker =
                new PipelineBench.Span(
                        1, 60, 500, 5_000, 1_000 * MS, 1_500 * MS, -1, latencies(100, 500));
        PipelineBench.Result one =
                new PipelineBench.Result(600, 1.0, List.of(noBroker), 1.0, 500, 0, 0);
        assertEquals(500.0, one.afterFirst().requestsPerSecond(), 1e-9);
        assertEquals(-1, PipelineBench.Span.sum(List.of(tickOne(), noBroker)).brokerCpuNanos());
        assertEquals(3.0, noBroker.cpuMillisPerRequest(), 1e-12);
        assertTrue(noBroker.line("tick 0").contains("CPU 1.50 s this JVM + n/a broker"));
        assertEquals(
                "pipeline: 500 ranked requests/s, 5000 impressions/s, p99 feed latency 100.0 ms"
                        + " (1 ticks, 600 users)",
                one.lastLine());
    }

    /** A recorded tick without records whose direct serve took {@code wallMs} and {@code cpuMs}. */
    private static PipelineBench.RecordedTick served(long tick, long wallMs, long cpuMs) {
        return new PipelineBench.RecordedTick(
                tick,
                List.of(),
                List.of(),
                List.of(),
                new ServedTick(Map.of(), List.of()),
                wallMs * MS,
                cpuMs * MS);
    }

    @Test
    void theComparisonSetsTheStreamEngineAgainstTheDirectServeOnTheSameTicks() {
        PipelineBench.Recording direct =
                new PipelineBench.Recording(
                        List.of(
                                served(0, 2_000, 3_000),
                                served(1, 500, 1_000),
                                served(2, 750, 1_500)),
                        List.of(),
                        9.0);
        assertEquals(3_250 * MS, direct.serveNanos(0));
        assertEquals(2_500 * MS, direct.serveCpuNanos(1));
        // Ticks 1 and 2: the stream engine's 2.5 s of wall and 3.5 + 0.5 s of CPU against the
        // direct serve's 1.25 s and 2.5 s.
        assertEquals(
                "stream / direct over the same 2 ticks: serve wall 2.50 s / 1.25 s = 2.0x, CPU"
                        + " 4.00 s / 2.50 s = 1.6x (this JVM and the broker against the direct"
                        + " serve's)",
                PipelineBench.comparison(direct, result()));
    }

    private static Feed feed(long requestId, int userId, long postId) {
        return Feed.of(
                requestId,
                userId,
                0,
                0,
                "engagement",
                List.of(new FeedItem(postId, 0.5, new double[0], true)));
    }

    private static PipelineBench.Recording recording(Feed... feeds) {
        Map<Integer, Feed> byUser = new HashMap<>();
        for (Feed f : feeds) {
            byUser.put(f.userId(), f);
        }
        return new PipelineBench.Recording(
                List.of(
                        new PipelineBench.RecordedTick(
                                0,
                                List.of(),
                                List.<FeedRequest>of(),
                                List.of(),
                                new ServedTick(byUser, List.of()),
                                0,
                                0)),
                List.of(),
                0.0);
    }

    @Test
    void theCheckCountsEqualFeedsAndRefusesADifferentOne() throws Exception {
        PipelineBench.Recording direct = recording(feed(1, 7, 100), feed(2, 8, 101));
        ServedTick same = direct.ticks().get(0).served();
        assertArrayEquals(new int[] {2, 0}, PipelineBench.check(direct, List.of(same)));
        // The same users, one feed holding another post.
        ServedTick other =
                new ServedTick(Map.of(7, feed(1, 7, 100), 8, feed(2, 8, 999)), List.of());
        PipelineBench.Mismatch m =
                assertThrows(
                        PipelineBench.Mismatch.class,
                        () -> PipelineBench.check(direct, List.of(other)));
        assertEquals(
                "tick 0: the stream engine's feed of request 2 (user 8) differs from the direct"
                        + " engine's",
                m.getMessage());
        // A user missing.
        ServedTick fewer = new ServedTick(Map.of(7, feed(1, 7, 100)), List.of());
        assertThrows(
                PipelineBench.Mismatch.class, () -> PipelineBench.check(direct, List.of(fewer)));
    }
}
