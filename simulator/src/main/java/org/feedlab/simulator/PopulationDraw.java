package org.feedlab.simulator;

import java.util.SplittableRandom;
import org.feedlab.events.Seeds;

/**
 * Draws the population once, before tick 0: creators (purposes "creator", "creator-style",
 * "creator-axes") and users ("user", "user-traits", "user-taste", "user-posting"). docs/MODEL.md,
 * "Population", states every distribution and its source.
 */
final class PopulationDraw {
    /** Centre of each camp's issue ideology: users, and political creators. */
    static final double USER_CAMP_CENTRE = 0.35;

    static final double CREATOR_CAMP_CENTRE = 0.5;

    /** Log-scale spread of political interest across users (a minority of political junkies). */
    static final double POLITICAL_INTEREST_SPREAD = 1.0;

    /** Log-scale spread of users' mean sessions per active day. */
    static final double SESSIONS_SPREAD = 0.6;

    /** Log-scale spread of users' median session budget. */
    static final double BUDGET_SPREAD = 0.4;

    /** Posting-rate multiplier and extra hostility of untrustworthy sources (prolific, hostile). */
    static final double UNTRUSTWORTHY_RATE_FACTOR = 1.5;

    static final double UNTRUSTWORTHY_HOSTILITY = 0.15;

    /** Highest posting rate of a user, posts per day. */
    static final double MAX_USER_POST_RATE = 50.0;

    private PopulationDraw() {}

    static Creator[] creators(SocietyConfig config, long seed) {
        SocietyConfig.Population pop = config.population();
        SocietyConfig.Posting posting = config.posting();
        Creator[] creators = new Creator[pop.creators()];
        int politicalSoFar = 0;
        for (int c = 0; c < creators.length; c++) {
            SplittableRandom r = Seeds.derive(seed, c, -1, "creator");
            // Systematic assignment, as for untrustworthy sources below: creator c is political
            // when ⌊(c+1) s⌋ > ⌊c s⌋, so every population holds its share of political creators
            // (a Bernoulli draw moved the political share of a 60-creator population by ±20 %
            // between seeds).
            boolean political =
                    Math.floor((c + 1) * pop.politicalCreatorShare())
                            > Math.floor(c * pop.politicalCreatorShare());
            int camp = political ? (r.nextBoolean() ? 1 : -1) : 0;
            double x =
                    political
                            ? clamp(
                                    camp * CREATOR_CAMP_CENTRE
                                            + pop.ideologySpread() * Seeds.gaussian(r),
                                    -1,
                                    1)
                            : 0.0;
            // Systematic assignment: the k-th political creator is untrustworthy when ⌊(k+1) s⌋ >
            // ⌊k s⌋, so a small population still holds its share of untrustworthy sources.
            boolean untrustworthy =
                    political
                            && Math.floor((politicalSoFar + 1) * pop.untrustworthyShare())
                                    > Math.floor(politicalSoFar * pop.untrustworthyShare());
            politicalSoFar += political ? 1 : 0;
            int topic = political ? Content.POLITICS : 1 + r.nextInt(pop.topics() - 1);
            double quality =
                    untrustworthy ? 0.1 + 0.3 * r.nextDouble() : 0.3 + 0.6 * r.nextDouble();
            double rate =
                    Draws.logNormalWithMean(r, posting.creatorPostRate(), 0.5)
                            * (untrustworthy ? UNTRUSTWORTHY_RATE_FACTOR : 1.0);
            double hostility =
                    political
                            ? clamp(
                                    posting.creatorHostility()
                                            + 0.15 * Seeds.gaussian(r)
                                            + (untrustworthy ? UNTRUSTWORTHY_HOSTILITY : 0.0),
                                    0,
                                    1)
                            : 0.0;
            double[] style =
                    gaussians(Seeds.derive(seed, c, -1, "creator-style"), pop.tasteDims(), 1.0);
            double[] extra =
                    political
                            ? extraAxes(
                                    Seeds.derive(seed, c, -1, "creator-axes"),
                                    pop.ideologyDims() - 1,
                                    CREATOR_CAMP_CENTRE)
                            : new double[0];
            creators[c] =
                    new Creator(
                            c,
                            camp,
                            x,
                            extra,
                            topic,
                            quality,
                            style,
                            rate,
                            untrustworthy,
                            hostility);
        }
        return creators;
    }

    static User[] users(SocietyConfig config, long seed) {
        SocietyConfig.Population pop = config.population();
        User[] users = new User[pop.users()];
        for (int i = 0; i < users.length; i++) {
            SplittableRandom r = Seeds.derive(seed, i, -1, "user");
            int camp = r.nextBoolean() ? 1 : -1;
            double x =
                    clamp(
                            camp * USER_CAMP_CENTRE + pop.ideologySpread() * Seeds.gaussian(r),
                            -1,
                            1);
            User u =
                    new User(
                            i,
                            camp,
                            x,
                            Math.max(0, pop.ideologyDims() - 1),
                            pop.topics(),
                            pop.tasteDims());
            u.acceptance = Behaviour.acceptanceLatitude(x, config.opinion());
            u.rejection = Behaviour.rejectionLatitude(x, config.opinion());
            for (int k = 1; k < pop.topics(); k++) {
                u.topicInterest[k] = 0.6 * r.nextDouble();
            }
            u.topicInterest[1 + r.nextInt(pop.topics() - 1)] = 1.0;
            u.topicInterest[Content.POLITICS] =
                    Math.min(
                            1.0,
                            Draws.logNormal(r, pop.politicalInterest(), POLITICAL_INTEREST_SPREAD));
            u.activity = config.retention().activity() * (0.5 + r.nextDouble());
            u.hostilityAppetite =
                    Draws.logNormalWithMean(r, config.affect().hostilityAppetite(), 0.5);
            u.angerThreshold = Draws.logNormal(r, config.affect().angerThreshold(), 0.3);
            SocietyConfig.Thermometer t = config.thermometer();
            u.thermometerBaseline =
                    clamp(t.outpartyCentre() + t.outpartySpread() * Seeds.gaussian(r), 0, 100);
            u.thermometer = u.thermometerBaseline;
            u.thermometerInBaseline =
                    clamp(t.inpartyCentre() + t.inpartySpread() * Seeds.gaussian(r), 0, 100);
            u.thermometerIn = u.thermometerInBaseline;
            traits(u, Seeds.derive(seed, i, -1, "user-traits"), config);
            double[] taste =
                    gaussians(Seeds.derive(seed, i, -1, "user-taste"), 2 * pop.tasteDims(), 1.0);
            for (int k = 0; k < pop.tasteDims(); k++) {
                u.taste[k] = taste[k] / Math.sqrt(pop.tasteDims());
                u.style[k] = taste[pop.tasteDims() + k];
            }
            SplittableRandom p = Seeds.derive(seed, i, -1, "user-posting");
            SocietyConfig.Posting posting = config.posting();
            u.postRate =
                    Math.min(
                            MAX_USER_POST_RATE,
                            Draws.logNormal(p, posting.userPostRate(), posting.userPostSpread()));
            u.quality = 0.2 + 0.7 * p.nextDouble();
            u.propensity.value = clamp(posting.userHostility() + 0.1 * Seeds.gaussian(p), 0, 1);
            users[i] = u;
        }
        return users;
    }

    /** Segment, further axes, sessions, budget, stated preferences and the starting averages. */
    private static void traits(User u, SplittableRandom t, SocietyConfig config) {
        boolean young = t.nextDouble() < config.youth().share();
        u.segment = young ? User.YOUNG : User.ADULT;
        u.susceptibility = young ? config.youth().susceptibility() : 1.0;
        u.activity = clamp(u.activity * (young ? config.youth().activityFactor() : 1.0), 0.02, 1.0);
        double[] extra = extraAxes(t, u.extraIdeology.length, USER_CAMP_CENTRE);
        System.arraycopy(extra, 0, u.extraIdeology, 0, extra.length);
        u.extraAnchor = extra.clone();
        u.sessionsPerDay =
                Math.max(
                        1.0,
                        Draws.logNormal(t, config.reading().sessionsPerDay(), SESSIONS_SPREAD));
        u.sessionBudget = Draws.logNormal(t, config.reading().sessionBudget(), BUDGET_SPREAD);
        SocietyConfig.StatedPreferences s = config.statedPreferences();
        double wq = s.quality() * Math.exp(0.5 * Seeds.gaussian(t));
        double wc = s.calm() * Math.exp(0.5 * Seeds.gaussian(t));
        double wv = s.variety() * Math.exp(0.5 * Seeds.gaussian(t));
        double total = wq + wc + wv;
        if (total > 0) {
            u.statedQuality = wq / total;
            u.statedCalm = wc / total;
            u.statedVariety = wv / total;
        }
        u.satisfaction = config.retention().satisfactionReference();
        u.habit = config.retention().habitReference();
    }

    private static double[] gaussians(SplittableRandom r, int n, double sd) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = sd * Seeds.gaussian(r);
        }
        return v;
    }

    private static double[] extraAxes(SplittableRandom r, int dims, double centre) {
        double[] axes = new double[Math.max(0, dims)];
        for (int k = 0; k < axes.length; k++) {
            // Further axes are independent of the first (cross-cutting cleavages).
            int camp = r.nextBoolean() ? 1 : -1;
            axes[k] = clamp(camp * centre + 0.3 * Seeds.gaussian(r), -1, 1);
        }
        return axes;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
