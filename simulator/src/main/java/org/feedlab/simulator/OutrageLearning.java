package org.feedlab.simulator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;

/**
 * The supply side reacting to the objective: the hostility propensity of every posting account,
 * creators and ordinary users alike, learns from the social feedback its political posts receive
 * (Brady, McLoughlin, Doan and Crockett 2021, "How social learning amplifies moral outrage
 * expression in online social networks", Science Advances 7:eabe5641: more likes and shares for
 * outrage make later outrage more likely; users in ideologically extreme networks are less
 * sensitive to that feedback; users conform to their network's norm).
 *
 * <p>Each day, for every live political original p of account a (published this day or examined
 * this day), in ascending post id: reward R_p = ln(1 + E_p) with E_p the likes and reshares p
 * received this day (Brady et al.'s positive social feedback; comments and angry reactions may be
 * counter-arguments and are not counted);
 *
 * <pre>
 *   η_a = η (1 − ω e_a)
 *   π_a ← π_a + η_a (R_p − b_a)(h_p − π_a),     b_a ← b_a + 0.1 (R_p − b_a)
 * </pre>
 *
 * with e_a the mean |ideology| of a's followers (0 without followers): a policy-gradient step in
 * which hostility above the account's habit that earns above-baseline feedback raises the
 * propensity. Then the norm pull π_a ← π_a + ν (π̄_n(a) − π_a) for every account with a camp, with
 * π̄_n(a) the mean propensity of the accounts with a camp in a's ideological neighbourhood (the
 * tenth of [−1, 1] a is in).
 */
final class OutrageLearning {
    /** Ideology bins that define an account's neighbourhood. */
    static final int NEIGHBOURHOODS = 10;

    /** Weight of the latest reward in the moving baseline. */
    static final double BASELINE_MEMORY = 0.1;

    private static final int FEEDBACK =
            (1 << Action.LIKE.ordinal()) | (1 << Action.RESHARE.ordinal());

    private OutrageLearning() {}

    static void learn(
            SocietyConfig.Posting params,
            Creator[] creators,
            User[] users,
            Map<Long, Content> content,
            List<Exposure> exposures,
            List<Content> newPosts) {
        // Feedback per live political original, keyed by post id (sorted below, so map order
        // never matters).
        HashMap<Long, int[]> feedback = new HashMap<>();
        for (Content c : newPosts) {
            if (learnsFrom(c)) {
                feedback.put(c.postId(), new int[1]);
            }
        }
        for (Exposure e : exposures) {
            Content c = e.content();
            if (learnsFrom(c)) {
                int[] count = feedback.computeIfAbsent(c.postId(), k -> new int[1]);
                count[0] += Integer.bitCount(e.actions() & FEEDBACK);
            }
        }
        long[] ids = feedback.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        double[] extremity = followerExtremity(creators.length, users);
        for (long id : ids) {
            Content c = content.get(id);
            if (c == null) {
                continue;
            }
            int a = c.authorId();
            Propensity p = propensity(a, creators, users);
            double reward = Math.log1p(feedback.get(id)[0]);
            if (Double.isNaN(p.rewardBaseline)) {
                p.rewardBaseline = 0.0;
            }
            double eta = learningRate(params, extremity[a]);
            p.value =
                    clamp01(
                            p.value
                                    + eta
                                            * (reward - p.rewardBaseline)
                                            * (c.hostility() - p.value));
            p.rewardBaseline += BASELINE_MEMORY * (reward - p.rewardBaseline);
        }
        pullTowardNorms(params, creators, users);
    }

    /**
     * The learning rate of an account whose followers have mean extremity e: η (1 − ω e) (Brady et
     * al. 2021: users of ideologically extreme networks are less sensitive to feedback).
     */
    static double learningRate(SocietyConfig.Posting params, double followerExtremity) {
        return params.learningRate() * (1.0 - params.extremityModeration() * followerExtremity);
    }

    /** Political originals teach their author; reshares copy someone else's expression. */
    private static boolean learnsFrom(Content c) {
        return c.political() && !c.isReshare();
    }

    /** Mean |ideology| of each account's followers (users), 0 for an account without followers. */
    static double[] followerExtremity(int creatorCount, User[] users) {
        double[] sum = new double[creatorCount + users.length];
        int[] n = new int[sum.length];
        for (User u : users) {
            for (int a : u.following) {
                sum[a] += Math.abs(u.ideology);
                n[a]++;
            }
        }
        for (int a = 0; a < sum.length; a++) {
            sum[a] = n[a] == 0 ? 0.0 : sum[a] / n[a];
        }
        return sum;
    }

    private static void pullTowardNorms(
            SocietyConfig.Posting params, Creator[] creators, User[] users) {
        double[] sum = new double[NEIGHBOURHOODS];
        int[] n = new int[NEIGHBOURHOODS];
        for (Creator c : creators) {
            if (c.political()) {
                int b = neighbourhood(c.ideology());
                sum[b] += c.propensity.value;
                n[b]++;
            }
        }
        for (User u : users) {
            int b = neighbourhood(u.ideology);
            sum[b] += u.propensity.value;
            n[b]++;
        }
        double[] norm = new double[NEIGHBOURHOODS];
        Arrays.setAll(norm, b -> n[b] == 0 ? 0.0 : sum[b] / n[b]);
        for (Creator c : creators) {
            if (c.political()) {
                pull(c.propensity, norm[neighbourhood(c.ideology())], params);
            }
        }
        for (User u : users) {
            pull(u.propensity, norm[neighbourhood(u.ideology)], params);
        }
    }

    private static void pull(Propensity p, double norm, SocietyConfig.Posting params) {
        p.value = clamp01(p.value + params.normPull() * (norm - p.value));
    }

    private static Propensity propensity(int account, Creator[] creators, User[] users) {
        return account < creators.length
                ? creators[account].propensity
                : users[account - creators.length].propensity;
    }

    static int neighbourhood(double ideology) {
        int b = (int) Math.floor((ideology + 1.0) / 2.0 * NEIGHBOURHOODS);
        return Math.max(0, Math.min(NEIGHBOURHOODS - 1, b));
    }

    private static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
