package org.feedlab.simulator;

import org.feedlab.events.Action;

/**
 * The ground-truth response of a user to one examined item: interest, the social-judgment zone of a
 * political item, the co-partisan hostility drive, and the probability of each action. Each method
 * is one equation of docs/MODEL.md ("Item response"), with its parameters and sources; reading
 * mechanics are in {@link Scrolling}, attitude changes in {@link Attitudes}, coming back in {@link
 * Habits}.
 */
public final class Behaviour {
    private Behaviour() {}

    /**
     * Ideological distance between the reader and a political item, in [0, 2]: the root mean square
     * of the per-axis differences, so that with one axis it is |x − s|.
     */
    public static double distance(User u, Content c) {
        double d0 = u.ideology - c.stance();
        double sum = d0 * d0;
        double[] ex = c.extraStance();
        int k = Math.min(u.extraIdeology.length, ex.length);
        for (int i = 0; i < k; i++) {
            double d = u.extraIdeology[i] - ex[i];
            sum += d * d;
        }
        return Math.sqrt(sum / (1 + k));
    }

    /**
     * Latitude of acceptance of a user anchored at x0: a = a0 (1 − k |x0|). Extreme users accept a
     * narrower range (Sherif, Sherif and Nebergall 1965; Jager and Amblard 2005).
     */
    public static double acceptanceLatitude(double anchor, SocietyConfig.Opinion o) {
        return o.acceptance() * (1.0 - o.latitudeShrink() * Math.abs(anchor));
    }

    /**
     * Distance from which a user anchored at x0 rejects: r = max(a + g, r0 (1 − k |x0|)), so the
     * latitude of non-commitment is never narrower than g and shrinks with extremity ("t ≈ u for
     * high involvement", Jager and Amblard 2005).
     */
    public static double rejectionLatitude(double anchor, SocietyConfig.Opinion o) {
        return Math.max(
                acceptanceLatitude(anchor, o) + o.latitudeGap(),
                o.rejection() * (1.0 - o.latitudeShrink() * Math.abs(anchor)));
    }

    /**
     * The zone of an item for the reader: {@link Zone#NONE} for a non-political item, otherwise
     * accept when d ≤ a, reject when d ≥ r, non-commitment between (d the {@link #distance}).
     */
    public static Zone zone(User u, Content c) {
        if (!c.political()) {
            return Zone.NONE;
        }
        double d = distance(u, c);
        if (d <= u.acceptance) {
            return Zone.ACCEPT;
        }
        return d >= u.rejection ? Zone.REJECT : Zone.NONCOMMITMENT;
    }

    /** Whether a political item speaks for the reader's out-party (camps, not today's opinion). */
    public static boolean outparty(User u, Content c) {
        return c.political() && c.camp() != u.camp;
    }

    /** Whether a political item speaks for the reader's own party. */
    public static boolean copartisan(User u, Content c) {
        return c.political() && c.camp() == u.camp;
    }

    /**
     * Interest (utility) of an item: u = β_t (p_i · s_p) + β_k I_i,topic + β_q q + b_net 1[author
     * followed]. The latent-factor match p · s is the matrix-factorization form of taste (Koren,
     * Bell and Volinsky 2009; RecSim, Ie et al. 2019); I_i,0 is the interest in politics. The first
     * two terms are the reader's {@link #taste}, which the caller computes once (the stated worth
     * uses it too).
     */
    public static double interest(
            double taste, Content c, boolean inNetwork, SocietyConfig.Interest cfg) {
        return taste + cfg.qualityWeight() * c.quality() + (inNetwork ? cfg.inNetworkBonus() : 0.0);
    }

    /**
     * The reader's taste for an item, the part of interest that is theirs alone: β_t (p_i · s_p) +
     * β_k I_i,topic.
     */
    public static double taste(User u, Content c, SocietyConfig.Interest cfg) {
        double match = 0;
        double[] s = c.style();
        int k = Math.min(u.taste.length, s.length);
        for (int i = 0; i < k; i++) {
            match += u.taste[i] * s[i];
        }
        return cfg.tasteWeight() * match + cfg.topicWeight() * u.topicInterest[c.topic()];
    }

    /**
     * Hostility drive of an item on its reader: D = h A_i χ_i exp(−β_sat n_h), with n_h the hostile
     * items already seen in this session. Satiation: the twentieth hostile item pulls less than the
     * first (habituation; Leqi et al. 2021, rebounding bandits; negative content habituates slowly,
     * Long et al. 2015, hence a small β_sat).
     */
    public static double hostilityDrive(User u, Content c, int hostileSeen, SocietyConfig cfg) {
        return c.hostility()
                * u.hostilityAppetite
                * u.susceptibility
                * Math.exp(-cfg.reading().satiation() * hostileSeen);
    }

    /**
     * The co-partisan drive: D_co = R h A_i χ_i exp(−β_sat n_h) for a reader of the author's own
     * camp, 0 otherwise, with R the out-group references of a post of hostility 1. Posts attacking
     * the out-group are shared by the in-group (Rathje, Van Bavel and van der Linden 2021: each
     * out-group word multiplies shares by 1.67; Wojcieszak et al. 2022), so each reference adds the
     * per-reference logit of each action.
     */
    public static double copartisanDrive(User u, Content c, int hostileSeen, SocietyConfig cfg) {
        return copartisan(u, c)
                ? cfg.partisanship().outgroupReferences() * hostilityDrive(u, c, hostileSeen, cfg)
                : 0.0;
    }

    /**
     * Probabilities of click, like, reshare, comment, hide and angry reaction, in {@link Action}
     * order, one logit per action (docs/MODEL.md, "Item response"):
     *
     * <pre>
     *   click   σ(b_click + u + ν h + γ_click D_co)
     *   like    σ(b_like + u + z + γ_like D_co)
     *   reshare σ(b_reshare + u + z + γ_reshare D_co)
     *   comment σ(b_comment + u + γ_comment D_co + κ h 1[reject])
     *   hide    σ(b_hide + ζ_h 1[reject] + ω h 1[out-party] − u)
     *   angry   σ(b_angry + ζ_a 1[reject] + h (γ_out 1[out-party] + γ_in 1[co-partisan]))
     * </pre>
     *
     * with z = +accept_bonus in the latitude of acceptance, −reject_penalty in that of rejection, 0
     * otherwise: agreement is liked and shared, rejection is argued with and reacted to in anger
     * (SJT responses; Casilli, Rouchier and Tubaro's forum model). The negativity term follows
     * Robertson et al. 2023 (each negative word raises click-through by about 2 %).
     */
    public static void engagementProbabilities(
            User u,
            Content c,
            double interest,
            Zone zone,
            double copartisanDrive,
            SocietyConfig cfg,
            double[] out) {
        SocietyConfig.Actions a = cfg.actions();
        SocietyConfig.Partisanship p = cfg.partisanship();
        double h = c.hostility();
        boolean reject = zone == Zone.REJECT;
        double z = zone == Zone.ACCEPT ? p.acceptBonus() : reject ? -p.rejectPenalty() : 0.0;
        boolean out_ = outparty(u, c);
        boolean co = copartisan(u, c);
        out[Action.CLICK.ordinal()] =
                sigmoid(
                        a.clickBase()
                                + interest
                                + a.negativityClick() * h
                                + p.copartisanClick() * copartisanDrive);
        out[Action.LIKE.ordinal()] =
                sigmoid(a.likeBase() + interest + z + p.copartisanLike() * copartisanDrive);
        out[Action.RESHARE.ordinal()] =
                sigmoid(a.reshareBase() + interest + z + p.copartisanReshare() * copartisanDrive);
        out[Action.COMMENT.ordinal()] =
                sigmoid(
                        a.commentBase()
                                + interest
                                + p.copartisanComment() * copartisanDrive
                                + (reject ? p.counterComment() * h : 0.0));
        out[Action.HIDE.ordinal()] =
                sigmoid(
                        a.hideBase()
                                + (reject ? p.hideReject() : 0.0)
                                + (out_ ? p.hideHostile() * h : 0.0)
                                - interest);
        out[Action.ANGRY.ordinal()] =
                sigmoid(
                        a.angryBase()
                                + (reject ? p.angryReject() : 0.0)
                                + h * (out_ ? p.angryOutparty() : co ? p.angryCopartisan() : 0.0));
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
