package org.feedlab.simulator;

import org.feedlab.simulator.metrics.Stats;

/**
 * The ground-truth response of a user to one examined item: engagement probabilities, dwell time,
 * stated worth, anger, opinion and thermometer updates, scrolling. Each method names the
 * observation or model it follows; docs/MODEL.md has the equations with parameters and sources.
 */
public final class Behaviour {
    /** Stance bins over [-1, 1] used for variety (satisfaction) and exposure diversity. */
    public static final int STANCE_BINS = 5;

    private Behaviour() {}

    /**
     * Ideological distance in [0, 2]: the root mean square of the per-axis differences, so that
     * with one axis it is |x − s|.
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

    /** Interest in [0, 1]: topic match and ideological proximity. */
    public static double interest(User u, Content c) {
        return 0.6 * u.topicInterest[c.topic()] + 0.4 * (1.0 - distance(u, c) / 2.0);
    }

    /** Whether the item speaks for the other side of the divide. */
    public static boolean outgroup(User u, Content c) {
        return u.side() != c.side();
    }

    /**
     * Outrage drive: outrage × appetite × susceptibility, stronger when the outrage targets the
     * reader's out-group (Rathje et al. 2021; Milli et al. 2025 find engagement rewards out-group
     * animosity).
     */
    public static double outrageDrive(User u, Content c, SocietyConfig cfg) {
        double boost = outgroup(u, c) ? cfg.affect().outgroupBoost() : 1.0;
        return c.outrage() * u.outrageAppetite * u.susceptibility * boost;
    }

    /**
     * Probabilities of click, like, reshare, comment, hide and angry reaction, in {@code Action}
     * order: logistic in interest, outrage drive and quality. Comments and reshares respond most to
     * outrage (Brady et al. 2017: moral-emotional language raises diffusion); hides respond to
     * hostile out-group content the reader has little appetite for.
     */
    public static void engagementProbabilities(User u, Content c, SocietyConfig cfg, double[] out) {
        double s = interest(u, c);
        double o = outrageDrive(u, c, cfg);
        boolean out_ = outgroup(u, c);
        double z = -2.6 + 3.0 * s + 0.6 * o + 0.8 * c.quality();
        out[0] = sigmoid(z);
        out[1] = sigmoid(z - 1.0 + (out_ ? -1.0 : 0.5));
        out[2] = sigmoid(z - 4.5 + 0.4 * o);
        out[3] = sigmoid(z - 2.6 + 0.9 * o * (out_ ? 1.0 : 0.3));
        // Angry reactions: driven by outrage aimed at the reader's side, not by interest.
        out[5] = sigmoid(-4.5 + 1.5 * s + 2.0 * o * (out_ ? 1.0 : 0.2));
        double beyondLatitude = distance(u, c) > cfg.opinion().latitude() ? 1.0 : 0.0;
        out[4] =
                sigmoid(
                        -4.0
                                + 2.5
                                        * c.outrage()
                                        * (out_ ? 1.0 : 0.0)
                                        * (1.0 - Math.min(1.0, u.outrageAppetite / 2.0))
                                + 1.0 * beyondLatitude
                                - s);
    }

    /**
     * Pull of an item on further scrolling, in [0, 1]: its interest plus the arousal of outrage,
     * which captures attention whether or not the reader agrees (Brady, Gantman and Van Bavel 2020:
     * moral-emotional words capture attention; Robertson et al. 2023: each negative word in a
     * headline raises its consumption). Boredom and the continue probability read this pull.
     */
    public static double pull(User u, Content c, SocietyConfig cfg) {
        return Math.min(
                1.0,
                interest(u, c)
                        + cfg.reading().arousalPull() * Math.min(1.0, outrageDrive(u, c, cfg)));
    }

    /**
     * Seconds an item costs the session's time budget: the user notices only (1 − absorption) of
     * the time spent on an item they engaged with, so engaging feeds overrun the time users plan to
     * spend (Allcott, Gentzkow and Song 2022 attribute about a third of social-media use to habit
     * and self-control problems).
     */
    public static double budgetCharge(double dwell, boolean engaged, SocietyConfig cfg) {
        return engaged ? (1.0 - cfg.reading().absorption()) * dwell : dwell;
    }

    /**
     * Habit after a session: an exponential moving average (weight {@code satisfactionMemory}) of
     * the share of items the user engaged with, the reward that makes opening the app a habit
     * whether or not the user values what they read (Allcott, Gentzkow and Song 2022; Milli et al.
     * 2025 for the gap between engagement and stated value).
     */
    public static double habitAfter(double habit, int engagedItems, int items, SocietyConfig cfg) {
        if (items == 0) {
            return habit;
        }
        return habit
                + cfg.retention().satisfactionMemory() * ((double) engagedItems / items - habit);
    }

    /**
     * Probability of scrolling on after an item: high when the item interested the user and falling
     * with position (position bias and boredom).
     */
    public static double continueProbability(double interest, int position, boolean engaged) {
        return continueProbability(interest, position, engaged, 0.0, 0.0);
    }

    /**
     * Position-aware scrolling with boredom: {@code boredom} accumulates the lack of interest of
     * the items seen in this session (b ← 0.7 b + (1 − interest)), and each unit of it lowers the
     * continue probability by {@code weight}.
     */
    public static double continueProbability(
            double interest, int position, boolean engaged, double boredom, double weight) {
        double p =
                0.97
                        - 0.35 * (1.0 - interest)
                        - 0.01 * position
                        - weight * boredom
                        + (engaged ? 0.1 : 0.0);
        return Math.max(0.0, Math.min(1.0, p));
    }

    /** Boredom after an item: decays by 0.7 per item and grows with the item's lack of interest. */
    public static double boredomAfter(double boredom, double interest) {
        return 0.7 * boredom + (1.0 - interest);
    }

    /**
     * Seconds the item stays on screen: a glance that grows with interest and with the outrage
     * drive (outrage holds attention), plus reading time after a click that grows with quality;
     * {@code noise} is a standard normal draw (log-normal spread).
     */
    public static double dwell(
            User u, Content c, SocietyConfig cfg, boolean clicked, double noise) {
        double glance = 2.0 + 4.0 * interest(u, c) + 2.0 * Math.min(2.0, outrageDrive(u, c, cfg));
        double reading = clicked ? 15.0 * (0.3 + 0.7 * c.quality()) : 0.0;
        return (glance + reading) * Math.exp(0.3 * noise - 0.045);
    }

    /**
     * What the user would say the item was worth, in [0, 1], from their stated preferences (Milli
     * et al. 2025 contrast this stated value with engagement): quality, calm (1 − outrage) and
     * variety (1 when the item's stance bin is new in this session).
     */
    public static double worth(User u, Content c, boolean novelViewpoint) {
        return u.statedQuality * c.quality()
                + u.statedCalm * (1.0 - c.outrage())
                + u.statedVariety * (novelViewpoint ? 1.0 : 0.0);
    }

    /** Probability of answering "yes, worth my time": logistic in worth around 0.5. */
    public static double surveyYesProbability(double worth) {
        return sigmoid(10.0 * (worth - 0.5));
    }

    /**
     * Session satisfaction in [0, 1] from stated preferences: w_q · mean quality + w_c · (1 − mean
     * outrage) + w_v · normalised entropy of the stance bins read. An empty session gives 0.
     */
    public static double satisfaction(
            User u, int items, double qualitySum, double outrageSum, double[] binCounts) {
        if (items == 0) {
            return 0.0;
        }
        double variety = Stats.entropy(binCounts) / Math.log(STANCE_BINS);
        return u.statedQuality * qualitySum / items
                + u.statedCalm * (1.0 - outrageSum / items)
                + u.statedVariety * variety;
    }

    /** Stance bin of a post, 0 .. STANCE_BINS − 1 over [-1, 1]. */
    public static int stanceBin(double stance) {
        int b = (int) Math.floor((stance + 1.0) / 2.0 * STANCE_BINS);
        return Math.max(0, Math.min(STANCE_BINS - 1, b));
    }

    /**
     * Probability of opening the app: the user's activity moved by recent satisfaction and by the
     * habit of engaging (the reward of recent sessions), 0 after churn. A feed can thus keep users
     * coming back while they like it less (Guess et al. 2023: a chronological feed cut time on the
     * platform; Milli et al. 2025: users do not prefer what engagement ranking adds).
     */
    public static double returnProbability(User u, SocietyConfig cfg) {
        if (u.churned) {
            return 0.0;
        }
        double factor =
                1.0
                        + cfg.retention().returnSensitivity()
                                * (u.satisfaction - cfg.retention().satisfactionReference())
                        + cfg.retention().habitWeight()
                                * (u.habit - cfg.retention().habitReference());
        return Math.max(0.0, Math.min(1.0, u.activity * Math.max(0.0, factor)));
    }

    /** Anger added by an item: outrage, three times stronger when it targets the out-group. */
    public static double angerIncrement(User u, Content c, SocietyConfig cfg) {
        return cfg.affect().angerPerOutrage()
                * u.susceptibility
                * c.outrage()
                * (outgroup(u, c) ? 1.0 : 0.3);
    }

    /**
     * Opinion change on the first axis: assimilation toward content within the latitude of
     * acceptance (bounded confidence, Deffuant et al. 2000), repulsion from hostile content beyond
     * it (social judgment theory; Jager and Amblard 2005; Baumann et al. 2020 for radicalization
     * through such dynamics).
     */
    public static double opinionAfter(User u, Content c, SocietyConfig cfg) {
        return axisAfter(u.ideology, c.stance(), opinionMode(u, c, cfg), c, cfg, u.susceptibility);
    }

    /** Applies {@link #opinionAfter} to every axis of the user's ideology. */
    public static void updateOpinion(User u, Content c, SocietyConfig cfg) {
        int mode = opinionMode(u, c, cfg);
        double[] ex = c.extraStance();
        int k = Math.min(u.extraIdeology.length, ex.length);
        for (int i = 0; i < k; i++) {
            u.extraIdeology[i] =
                    axisAfter(u.extraIdeology[i], ex[i], mode, c, cfg, u.susceptibility);
        }
        u.ideology = axisAfter(u.ideology, c.stance(), mode, c, cfg, u.susceptibility);
    }

    /** 1 assimilate, −1 repel, 0 unmoved. */
    private static int opinionMode(User u, Content c, SocietyConfig cfg) {
        if (distance(u, c) <= cfg.opinion().latitude()) {
            return 1;
        }
        return outgroup(u, c) && c.animosity() > 0.5 ? -1 : 0;
    }

    private static double axisAfter(
            double x, double s, int mode, Content c, SocietyConfig cfg, double susceptibility) {
        double d = s - x;
        if (mode > 0) {
            x += cfg.opinion().assimilation() * susceptibility * d;
        } else if (mode < 0) {
            x -= cfg.opinion().repulsion() * susceptibility * Math.signum(d) * c.animosity();
        }
        return Math.max(-1.0, Math.min(1.0, x));
    }

    /**
     * Out-group thermometer: colder after hostile out-group content, warmer after calm
     * cross-cutting content of quality (Piccardi et al. 2025 find about 2 points on 100 over ten
     * days of re-ranking).
     */
    public static double thermometerAfter(User u, Content c, SocietyConfig cfg) {
        double t = u.thermometer;
        if (outgroup(u, c)) {
            if (c.outrage() >= 0.3) {
                t -= cfg.affect().thermometerDrop() * u.susceptibility * c.animosity();
            } else {
                t += cfg.affect().thermometerGain() * u.susceptibility * c.quality();
            }
        }
        return Math.max(0.0, Math.min(100.0, t));
    }

    /**
     * In-group thermometer: warmer after like-minded content that attacks the other side (outrage
     * as an expression of group identity, Brady et al. 2017; Rathje et al. 2021).
     */
    public static double thermometerInAfter(User u, Content c, SocietyConfig cfg) {
        double t = u.thermometerIn;
        if (!outgroup(u, c) && c.outrage() >= 0.3) {
            t += 0.5 * cfg.affect().thermometerDrop() * u.susceptibility * c.animosity();
        }
        return Math.max(0.0, Math.min(100.0, t));
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
