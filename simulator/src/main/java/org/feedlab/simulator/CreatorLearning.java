package org.feedlab.simulator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;

/**
 * The supply side reacting to the objective: creators' outrage propensity learns from the social
 * feedback their posts receive (Brady et al. 2021, "How social learning amplifies moral outrage
 * expression in online social networks", Science Advances 7:eabe5641: more likes and shares for
 * outrage make later outrage more likely, and users adapt toward their network's norm).
 *
 * <p>Each tick, for every live post p of creator c (published this tick or examined this tick), in
 * ascending post id: reward R_p = ln(1 + E_p) with E_p the likes, reshares, comments and angry
 * reactions p received this tick;
 *
 * <pre>
 *   π_c ← π_c + η (R_p − b_c)(o_p − π_c),     b_c ← b_c + 0.1 (R_p − b_c)
 * </pre>
 *
 * a policy-gradient step: outrage above the creator's habit that earns above-baseline feedback
 * raises the propensity. Then the norm pull π_c ← π_c + ν (π̄_n(c) − π_c), with π̄_n(c) the mean
 * propensity of the creators in c's ideological neighbourhood (the tenth of [−1, 1] c is in).
 */
final class CreatorLearning {
    /** Ideology bins that define a creator's neighbourhood. */
    static final int NEIGHBOURHOODS = 10;

    private static final int FEEDBACK =
            (1 << Action.LIKE.ordinal())
                    | (1 << Action.RESHARE.ordinal())
                    | (1 << Action.COMMENT.ordinal())
                    | (1 << Action.ANGRY.ordinal());

    private CreatorLearning() {}

    static void learn(
            SocietyConfig.Creators params,
            Creator[] creators,
            Map<Long, Content> content,
            List<Exposure> exposures,
            List<Content> newPosts) {
        // Feedback per live post, keyed by post id (sorted below, so map order never matters).
        HashMap<Long, int[]> feedback = new HashMap<>();
        for (Content c : newPosts) {
            if (c.authorId() < creators.length) {
                feedback.put(c.postId(), new int[1]);
            }
        }
        for (Exposure e : exposures) {
            Content c = e.content();
            if (c.authorId() >= creators.length) {
                continue;
            }
            int[] count = feedback.computeIfAbsent(c.postId(), k -> new int[1]);
            count[0] += Integer.bitCount(e.actions() & FEEDBACK);
        }
        long[] ids = new long[feedback.size()];
        int k = 0;
        for (long id : feedback.keySet()) {
            ids[k++] = id;
        }
        Arrays.sort(ids);
        double eta = params.learningRate();
        for (long id : ids) {
            Content c = content.get(id);
            if (c == null) {
                continue;
            }
            Creator creator = creators[c.authorId()];
            double reward = Math.log1p(feedback.get(id)[0]);
            if (Double.isNaN(creator.rewardBaseline)) {
                creator.rewardBaseline = 0.0;
            }
            creator.outragePropensity =
                    clamp01(
                            creator.outragePropensity
                                    + eta
                                            * (reward - creator.rewardBaseline)
                                            * (c.outrage() - creator.outragePropensity));
            creator.rewardBaseline += 0.1 * (reward - creator.rewardBaseline);
        }
        double[] sum = new double[NEIGHBOURHOODS];
        int[] n = new int[NEIGHBOURHOODS];
        for (Creator c : creators) {
            int b = neighbourhood(c.ideology());
            sum[b] += c.outragePropensity;
            n[b]++;
        }
        for (Creator c : creators) {
            int b = neighbourhood(c.ideology());
            double norm = sum[b] / n[b];
            c.outragePropensity =
                    clamp01(c.outragePropensity + params.normPull() * (norm - c.outragePropensity));
        }
    }

    static int neighbourhood(double ideology) {
        int b = (int) Math.floor((ideology + 1.0) / 2.0 * NEIGHBOURHOODS);
        return Math.max(0, Math.min(NEIGHBOURHOODS - 1, b));
    }

    private static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
