package org.feedlab.ranker.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.PlatformRecord;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureExtractor;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;

/**
 * Why each item of a served feed got its score: per head the objective term (weight × prediction)
 * and the logit split into the wide part and the deep part, plus the wide features that moved the
 * logit most. Rebuilt from the same profile, counters and scorer the ranker used, so the
 * predictions are the served ones. The result is the {@link FeedAudit} record that the stream job
 * publishes on the audit topic and that {@code feedlab explain} prints.
 */
public final class FeedExplanation {
    private FeedExplanation() {}

    /**
     * Ranks the request as the ranker does and explains every item of the feed.
     *
     * @param top how many wide features to list per item
     */
    public static FeedAudit explain(
            FeedRanker ranker,
            FeedRequest request,
            UserProfile user,
            TickContext context,
            int top) {
        return explainFeed(ranker, ranker.rank(request, user, context), user, context, top);
    }

    /**
     * Explains a feed the ranker served, from the profile and context it was ranked with.
     *
     * @param top how many wide features to list per item
     */
    public static FeedAudit explainFeed(
            FeedRanker ranker, Feed feed, UserProfile user, TickContext context, int top) {
        List<FeedAudit.Item> items = new ArrayList<>();
        Scorer scorer = context.scorer;
        WideDeepScorer wd = scorer instanceof WideDeepScorer w ? w : null;
        for (FeedItem item : feed.items()) {
            if (scorer == null || item.predictions().length == 0) {
                items.add(
                        new FeedAudit.Item(
                                item.postId(), item.score(), List.of(), List.of(), "", List.of()));
                continue;
            }
            List<String> heads = scorer.headNames();
            double[] weights = ranker.objective().headWeights(heads);
            PostStats post = context.post(item.postId());
            float[] x = new float[Feature.count()];
            FeatureExtractor.extract(
                    user,
                    post,
                    context.followers(post.post().authorId()),
                    feed.tick(),
                    item.inNetwork(),
                    x,
                    0);
            double[] wide = new double[heads.size()];
            double[] deep = new double[heads.size()];
            if (wd != null) {
                wd.explain(x, wide, deep);
            } else {
                Arrays.fill(wide, Double.NaN);
                Arrays.fill(deep, Double.NaN);
            }
            List<FeedAudit.Term> terms = new ArrayList<>();
            List<FeedAudit.HeadPrediction> predictions = new ArrayList<>();
            int topHead = 0;
            for (int h = 0; h < heads.size(); h++) {
                double p = item.predictions()[h];
                predictions.add(
                        new FeedAudit.HeadPrediction(
                                heads.get(h), weights[h], p, wide[h], deep[h]));
                if (weights[h] != 0.0) {
                    terms.add(
                            new FeedAudit.Term(
                                    FeedAudit.TermKind.HEAD, heads.get(h), weights[h] * p));
                }
                if (Math.abs(weights[h] * item.predictions()[h])
                        > Math.abs(weights[topHead] * item.predictions()[topHead])) {
                    topHead = h;
                }
            }
            List<FeedAudit.Contribution> contributions = new ArrayList<>();
            if (wd != null) {
                for (int j = 0; j < x.length; j++) {
                    double c = wd.wideWeight(j, topHead) * x[j];
                    if (c != 0.0) {
                        contributions.add(
                                new FeedAudit.Contribution(Feature.names().get(j), x[j], c));
                    }
                }
                contributions.sort(
                        Comparator.comparingDouble(
                                        (FeedAudit.Contribution c) -> -Math.abs(c.logit()))
                                .thenComparing(FeedAudit.Contribution::feature));
            }
            items.add(
                    new FeedAudit.Item(
                            item.postId(),
                            item.score(),
                            terms,
                            predictions,
                            heads.get(topHead),
                            List.copyOf(
                                    contributions.subList(
                                            0, Math.min(top, contributions.size())))));
        }
        return new FeedAudit(
                PlatformRecord.SCHEMA_VERSION,
                feed.requestId(),
                feed.userId(),
                feed.tick(),
                feed.modelVersion(),
                feed.kind(),
                feed.objective(),
                items);
    }
}
