package org.feedlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The forward pass alone: one 500-candidate request (one user) scored by the default compiled model
 * in one {@code predictBatch} call with the user-side slots shared, on one thread. Throughput × 500
 * is candidates per second per core, and the sample-time distribution of the same call is the
 * per-request latency. Which pass runs (Vector API or scalar) is the forked JVM's choice.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RankerBenchmark {
    /** Hidden widths of the benchmarked model: the default, or others from JMH's command line. */
    @Param({"32x16"})
    public String hidden;

    private RankerFixture fixture;
    private double[] out;

    @Setup
    public void setUp() {
        fixture = RankerFixture.create(2024, RankerFixture.widths(hidden));
        out = new double[RankerFixture.REQUEST * fixture.scorer().heads()];
    }

    /** Scores the request; returns the output so the JIT cannot drop the work. */
    @Benchmark
    public double[] scoreRequest() {
        fixture.scorer()
                .predictBatch(
                        fixture.request(), RankerFixture.REQUEST, out, RankerFixture.USER_SIDE);
        return out;
    }
}
