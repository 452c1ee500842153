package org.feedlab.ranker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.Scorer;

/**
 * Ranks one feed request: retrieve candidates, predict every head for all of them in one batch,
 * order them by the objective, cut to the feed size. Ties break on post id so the order never
 * depends on arrival or iteration order.
 */
public final class FeedRanker {
    private final RankerConfig config;
    private final Objective objective;
    private final long runSeed;

    public FeedRanker(RankerConfig config, long runSeed) {
        this.config = config;
        this.objective = Objective.named(config.objective());
        this.runSeed = runSeed;
    }

    /** The ranked feed for a request, given the user's profile and the tick's context. */
    public Feed rank(FeedRequest request, UserProfile user, TickContext context) {
        List<Candidate> candidates = CandidateRetriever.retrieve(request, user, context, config);
        if (objective.kind() == Objective.Kind.CHRONOLOGICAL) {
            candidates.removeIf(c -> !c.inNetwork());
        }
        int n = candidates.size();
        double[][] predictions = predict(request, user, context, candidates);
        double[] scores = new double[n];
        boolean explore = context.scorer == null;
        switch (objective.kind()) {
            case WEIGHTED -> {
                if (explore) {
                    randomScores(request, scores, "explore");
                } else {
                    for (int i = 0; i < n; i++) {
                        scores[i] = objective.score(predictions[i]);
                    }
                }
            }
            case CHRONOLOGICAL -> {
                for (int i = 0; i < n; i++) {
                    scores[i] = candidates.get(i).post().post().tick();
                }
            }
            case RANDOM -> randomScores(request, scores, "random-order");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> {
                    int c = Double.compare(scores[b], scores[a]);
                    if (c != 0) {
                        return c;
                    }
                    return Long.compare(
                            candidates.get(b).post().post().postId(),
                            candidates.get(a).post().post().postId());
                });
        List<FeedItem> items = new ArrayList<>();
        for (int r = 0; r < Math.min(request.feedSize(), n); r++) {
            int i = order[r];
            Candidate c = candidates.get(i);
            items.add(
                    new FeedItem(c.post().post().postId(), scores[i], predictions[i], c.inNetwork()));
        }
        return Feed.of(
                request.requestId(),
                request.userId(),
                request.tick(),
                context.modelVersion,
                objective.name(),
                items);
    }

    private double[][] predict(
            FeedRequest request, UserProfile user, TickContext context, List<Candidate> candidates) {
        int n = candidates.size();
        Scorer scorer = context.scorer;
        double[][] out = new double[n][];
        if (scorer == null) {
            Arrays.fill(out, new double[0]);
            return out;
        }
        int f = Feature.count();
        int h = Action.values().length;
        float[] xs = new float[n * f];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            FeatureExtractor.extract(
                    user,
                    c.post(),
                    context.followers(c.post().post().authorId()),
                    request.tick(),
                    c.inNetwork(),
                    xs,
                    i * f);
        }
        double[] ps = new double[n * h];
        scorer.predictBatch(xs, n, ps);
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(ps, i * h, (i + 1) * h);
        }
        return out;
    }

    private void randomScores(FeedRequest request, double[] scores, String purpose) {
        SplittableRandom rng = Seeds.derive(runSeed, request.userId(), request.tick(), purpose);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rng.nextDouble();
        }
    }

    public RankerConfig config() {
        return config;
    }
}
