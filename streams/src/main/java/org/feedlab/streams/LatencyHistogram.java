package org.feedlab.streams;

import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * A Flink histogram with fixed Prometheus-style buckets, so a reporter can expose it as a
 * Prometheus histogram ({@code _bucket{le}}, {@code _sum}, {@code _count}) and {@code
 * histogram_quantile} can aggregate it over subtasks and TaskManagers. Values are recorded in
 * nanoseconds and kept in seconds. Thread-safe; no allocation per update.
 */
public final class LatencyHistogram implements Histogram {
    /** Upper bounds of the buckets, in seconds: 50 µs to 2.5 s (a request takes about 0.2 ms). */
    public static final double[] UPPER_BOUNDS_SECONDS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1.0, 2.5
    };

    private final LongAdder[] buckets = new LongAdder[UPPER_BOUNDS_SECONDS.length + 1];
    private final DoubleAdder sumSeconds = new DoubleAdder();

    public LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records one latency of {@code nanos} nanoseconds. */
    @Override
    public void update(long nanos) {
        double seconds = nanos / 1e9;
        int i = Arrays.binarySearch(UPPER_BOUNDS_SECONDS, seconds);
        // Buckets are "less than or equal to the bound"; binarySearch gives -(insertion point)-1.
        buckets[i >= 0 ? i : -i - 1].increment();
        sumSeconds.add(seconds);
    }

    /**
     * Counts per bucket, not cumulative: index i counts values in (bound i−1, bound i], the last
     * index the values above every bound.
     */
    public long[] bucketCounts() {
        long[] out = new long[buckets.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = buckets[i].sum();
        }
        return out;
    }

    /** The sum of every recorded value, in seconds. */
    public double sumSeconds() {
        return sumSeconds.sum();
    }

    @Override
    public long getCount() {
        long n = 0;
        for (LongAdder b : buckets) {
            n += b.sum();
        }
        return n;
    }

    /**
     * The histogram as Flink's API carries it, so a reporter loaded by another class loader (a
     * Flink plugin) can read the buckets without this class: {@code getValues()} returns the
     * per-bucket counts of {@link #bucketCounts()}, {@code getMean()} the exact mean in nanoseconds
     * (the sum is mean × size), quantiles are bucket upper bounds in nanoseconds.
     */
    @Override
    public HistogramStatistics getStatistics() {
        long[] counts = bucketCounts();
        long total = Arrays.stream(counts).sum();
        double mean = total == 0 ? 0 : sumSeconds() * 1e9 / total;
        return new HistogramStatistics() {
            @Override
            public double getQuantile(double quantile) {
                long rank = (long) Math.ceil(quantile * total);
                long seen = 0;
                for (int i = 0; i < counts.length; i++) {
                    seen += counts[i];
                    if (seen >= rank && seen > 0) {
                        return i < UPPER_BOUNDS_SECONDS.length
                                ? UPPER_BOUNDS_SECONDS[i] * 1e9
                                : Double.POSITIVE_INFINITY;
                    }
                }
                return 0;
            }

            @Override
            public long[] getValues() {
                return counts.clone();
            }

            @Override
            public int size() {
                return (int) Math.min(Integer.MAX_VALUE, total);
            }

            @Override
            public double getMean() {
                return mean;
            }

            @Override
            public double getStdDev() {
                return 0;
            }

            @Override
            public long getMax() {
                return 0;
            }

            @Override
            public long getMin() {
                return 0;
            }
        };
    }
}
