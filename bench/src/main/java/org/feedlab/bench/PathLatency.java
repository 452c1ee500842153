package org.feedlab.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The whole request path timed request by request on the calling thread (one thread: one core):
 * requests are served back to back for a warm-up time, then for a measured time, each one timed
 * with {@link System#nanoTime} and recorded in an HdrHistogram (3 significant digits). Throughput
 * is the measured requests' candidates over the measured wall time, timing included.
 */
public final class PathLatency {
    /** Longest latency the histogram holds; a longer request is recorded as this. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** What the served feeds add up to, published so the JIT cannot drop the work. */
    private static volatile long consumed;

    private PathLatency() {}

    /**
     * What a timed run measured.
     *
     * @param candidatesPerRequest candidates of each request
     * @param requests requests served in the measured time
     * @param elapsedNanos wall time of the measured requests, from the first one's start to the
     *     last one's end
     * @param threads threads that served them, each on its own core
     * @param latencies each request's latency in nanoseconds
     */
    public record Measurement(
            int candidatesPerRequest,
            long requests,
            long elapsedNanos,
            int threads,
            Histogram latencies) {
        /** Candidates ranked per second, per thread (one core each). */
        public double candidatesPerSecondPerCore() {
            return requests * (double) candidatesPerRequest / (elapsedNanos / 1e9) / threads;
        }

        /** Requests served per second, all threads together. */
        public double requestsPerSecond() {
            return requests / (elapsedNanos / 1e9);
        }

        /** The latency at a percentile (0–100), in milliseconds. */
        public double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }

        /** The bench's last line, a script reads it. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "ranker: %d candidates/s/core, p50 %.3f ms, p99 %.3f ms per %d-candidate"
                            + " request",
                    Math.round(candidatesPerSecondPerCore()),
                    percentileMillis(50),
                    percentileMillis(99),
                    candidatesPerRequest);
        }
    }

    /** Serves the path's request for {@code warmupSeconds}, then times it for {@code seconds}. */
    public static Measurement measure(RequestPath path, double warmupSeconds, double seconds) {
        long sink = 0;
        long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < end) {
            sink += path.serve().candidatesScored();
        }
        Histogram latencies = new Histogram(1, MAX_NANOS, 3);
        long requests = 0;
        long start = System.nanoTime();
        long stop = start + (long) (seconds * 1e9);
        long now = start;
        while (now < stop) {
            long t0 = now;
            sink += path.serve().candidatesScored();
            now = System.nanoTime();
            latencies.recordValue(Math.min(Math.max(now - t0, 1), MAX_NANOS));
            requests++;
        }
        consumed = sink;
        return new Measurement(path.candidates(), requests, now - start, 1, latencies);
    }
}
