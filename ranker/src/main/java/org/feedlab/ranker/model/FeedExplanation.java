package org.feedlab.ranker.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedItem;
import org.feedlab.events.PlatformRecord;
import org.feedlab.ranker.RankedFeed;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.model.widedeep.WideDeepScorer;
import org.feedlab.ranker.objective.ScoreBreakdown;

/**
 * Why each item of a served feed got its score: the terms of its score breakdown (which add up to
 * the score), per head the prediction with its logit split into the wide part and the deep part,
 * and the wide features that moved the logit of the weightiest head most. Read from what ranked the
 * feed ({@link RankedFeed}): nothing is ranked or scored again. The result is the {@link FeedAudit}
 * record of the audit topic, a run's {@code feed-audit.jsonl} and {@code feedlab explain}.
 */
public final class FeedExplanation {
    private FeedExplanation() {}

    /**
     * Explains every item of a ranked feed.
     *
     * @param top how many wide features to list per item
     */
    public static FeedAudit explain(RankedFeed ranked, int top) {
        Feed feed = ranked.feed();
        ScoreBreakdown scores = ranked.scores();
        List<FeedAudit.Item> items = new ArrayList<>();
        for (int r = 0; r < feed.items().size(); r++) {
            FeedItem item = feed.items().get(r);
            int i = ranked.served()[r];
            List<FeedAudit.HeadPrediction> heads = new ArrayList<>();
            String topHead = "";
            List<FeedAudit.Contribution> topWide = List.of();
            if (ranked.scorer() != null) {
                float[] x =
                        Arrays.copyOfRange(
                                ranked.features(), i * Feature.count(), (i + 1) * Feature.count());
                int weightiest = heads(ranked.scorer(), scores, item.predictions(), x, heads);
                topHead = heads.get(weightiest).head();
                topWide = topWide(ranked.scorer(), x, weightiest, top);
            }
            items.add(
                    new FeedAudit.Item(
                            item.postId(), item.score(), scores.terms(i), heads, topHead, topWide));
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

    /**
     * Fills each head's prediction, weight and logit parts; returns the head whose weighted
     * prediction weighs most (the first of equals).
     */
    private static int heads(
            Scorer scorer,
            ScoreBreakdown scores,
            double[] predictions,
            float[] x,
            List<FeedAudit.HeadPrediction> out) {
        List<String> names = scorer.headNames();
        double[] wide = new double[names.size()];
        double[] deep = new double[names.size()];
        if (scorer instanceof WideDeepScorer wd) {
            wd.explain(x, wide, deep);
        } else {
            Arrays.fill(wide, Double.NaN);
            Arrays.fill(deep, Double.NaN);
        }
        int weightiest = 0;
        for (int h = 0; h < names.size(); h++) {
            // A model-free order weighs no head.
            double weight = scores.weighted() ? scores.weight(h) : 0.0;
            out.add(
                    new FeedAudit.HeadPrediction(
                            names.get(h), weight, predictions[h], wide[h], deep[h]));
            if (Math.abs(out.get(h).contribution())
                    > Math.abs(out.get(weightiest).contribution())) {
                weightiest = h;
            }
        }
        return weightiest;
    }

    /** The wide features with the largest |contribution| to one head's logit. */
    private static List<FeedAudit.Contribution> topWide(
            Scorer scorer, float[] x, int head, int top) {
        if (!(scorer instanceof WideDeepScorer wd)) {
            return List.of();
        }
        List<FeedAudit.Contribution> contributions = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            double c = wd.wideContribution(x, j, head);
            if (c != 0.0) {
                contributions.add(new FeedAudit.Contribution(Feature.names().get(j), x[j], c));
            }
        }
        contributions.sort(
                Comparator.comparingDouble((FeedAudit.Contribution c) -> -Math.abs(c.logit()))
                        .thenComparing(FeedAudit.Contribution::feature));
        return List.copyOf(contributions.subList(0, Math.min(top, contributions.size())));
    }
}
