package org.feedlab.ranker.policy;

import java.util.Locale;
import org.feedlab.events.Post;
import org.feedlab.ranker.objective.ScoreBreakdown;

/**
 * Demotes outrage (or partisan animosity) in ranked feeds, as integrity teams and the re-ranking
 * experiment of Piccardi et al. (Science 2025) did: each score loses {@code strength · a · range},
 * where a is the item's outrage-classifier score (target {@code outrage}) or that score times the
 * post's stance extremity |stance| (target {@code animosity}, a platform-side proxy of out-group
 * hostility) and range is the spread of the feed's candidate scores, so strength 1 moves an item
 * with a = 1 from the top of the candidates to the bottom whatever the objective's scale.
 *
 * @param strength demotion strength, 0 (none) to 1 and beyond
 * @param target {@code outrage} or {@code animosity}
 */
public record OutrageDemotion(double strength, String target) implements FeedPolicy {
    public static final String TYPE = "outrage-demotion";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "Posts the platform's classifier rates as %s are pushed down the feed (strength"
                        + " %.2f).",
                "animosity".equals(target) ? "outraged and partisan" : "outrageous",
                strength);
    }

    @Override
    public void scores(RankingState state) {
        ScoreBreakdown s = state.scores;
        int n = s.size();
        if (n == 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, s.total(i));
            max = Math.max(max, s.total(i));
        }
        double range = max > min ? max - min : 1.0;
        double[] demotion = new double[n];
        for (int i = 0; i < n; i++) {
            Post p = state.candidates.get(i).stats().post();
            double a = p.outrageScore();
            if ("animosity".equals(target)) {
                a *= Math.abs(p.stance());
            }
            demotion[i] = -(strength * a * range);
        }
        s.adjust(TYPE, demotion);
    }
}
