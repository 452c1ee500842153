package org.feedlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.feedlab.ranker.Candidate;
import org.feedlab.ranker.serving.FeedServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One user's feed request ({@link RequestPath}) on one thread: the whole serving path, and its
 * stages alone (retrieval, feature extraction, the forward pass) on the same request, so that the
 * rest (objective, policies, sort, the feed's items) is the whole minus the stages. Throughput ×
 * candidates is candidates per second per core.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RequestPathBenchmark {
    /** Candidates per request: what retrieval returns today, and a larger request. */
    @Param({"300", "1000"})
    public int candidates;

    private RequestPath path;
    private List<Candidate> retrieved;
    private float[] features;
    private double[] out;

    @Setup
    public void setUp() {
        path = RequestPath.of(RankerFixture.create(2024), candidates);
        retrieved = path.retrieve();
        features = path.features(retrieved);
        out = new double[path.outputs()];
    }

    /** The serving step: retrieval to the served feed. */
    @Benchmark
    public FeedServer.Served wholePath() {
        return path.serve();
    }

    @Benchmark
    public List<Candidate> retrieval() {
        return path.retrieve();
    }

    @Benchmark
    public float[] featureExtraction() {
        return path.features(retrieved);
    }

    /** The compiled model alone, on the request's own feature rows. */
    @Benchmark
    public double[] forwardPass() {
        return path.forward(features, out);
    }
}
