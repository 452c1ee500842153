package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Seeds;
import org.feedlab.simulator.Behaviour;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Creator;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.Session;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.User;

/**
 * Reporters over the population after a tick (Mesa's collector: agents act, reporters measure), for
 * the whole population ("all") and for each segment. Formulas and sources are in docs/METRICS.md;
 * the statistics themselves are in {@link Stats}.
 */
public final class TickMetrics {
    /** Impressions whose true outrage is above this count as outrage exposure. */
    public static final double OUTRAGE_THRESHOLD = 0.5;

    /** Bins and α of the Esteban–Ray index over opinions in [-1, 1]. */
    public static final int ER_BINS = 10;

    public static final double ER_ALPHA = 1.6;

    /** Most user pairs sampled for homogenization; fewer pairs than this are all taken. */
    public static final int JACCARD_PAIRS = 1000;

    /** Stated worth below which an engaged item counts toward the engagement–satisfaction gap. */
    public static final double WORTH_THRESHOLD = 0.5;

    /** Segments reported, in row order. */
    public static final List<String> SEGMENTS = List.of("all", User.ADULT, User.YOUNG);

    private TickMetrics() {}

    /** The metric rows of one tick, in a fixed order: every metric for "all", then per segment. */
    public static List<Measurement> measure(Society society, TickReadout readout) {
        List<Measurement> rows = new ArrayList<>();
        for (int g = 0; g < SEGMENTS.size(); g++) {
            measureGroup(society, readout, g, rows);
        }
        return rows;
    }

    private static void measureGroup(
            Society society, TickReadout readout, int g, List<Measurement> rows) {
        String segment = SEGMENTS.get(g);
        boolean all = g == 0;
        User[] users = society.users();
        int members = 0;
        for (User u : users) {
            if (all || u.segment().equals(segment)) {
                members++;
            }
        }
        double[] x = new double[members];
        double[] thermo = new double[members];
        double[] thermoIn = new double[members];
        double[] gap = new double[members];
        int churned = 0;
        int m = 0;
        for (User u : users) {
            if (all || u.segment().equals(segment)) {
                x[m] = u.ideology();
                thermo[m] = u.thermometer();
                thermoIn[m] = u.thermometerIn();
                gap[m] = u.thermometerIn() - u.thermometer();
                churned += u.active() ? 0 : 1;
                m++;
            }
        }
        List<Exposure> ex = new ArrayList<>();
        for (Exposure e : readout.exposures()) {
            if (all || inSegment(users, e.userId(), segment)) {
                ex.add(e);
            }
        }
        int n = ex.size();
        int outrageous = 0;
        int crossCutting = 0;
        double outrageSum = 0;
        double dwellSum = 0;
        int[] actionCounts = new int[Action.values().length];
        int engagements = 0;
        int engagementsOnOutrage = 0;
        int engagedUnworthy = 0;
        int treatment = 0;
        int treatmentOutrage = 0;
        int control = 0;
        int controlOutrage = 0;
        TreeMap<Integer, double[]> binsByUser = new TreeMap<>();
        TreeMap<Integer, List<Long>> postsByUser = new TreeMap<>();
        for (Exposure e : ex) {
            double o = e.content().outrage();
            outrageSum += o;
            dwellSum += e.dwell();
            boolean isOutrage = o > OUTRAGE_THRESHOLD;
            if (isOutrage) {
                outrageous++;
            }
            if (e.outgroup()) {
                crossCutting++;
            }
            for (Action a : Action.values()) {
                if ((e.actions() & (1 << a.ordinal())) != 0) {
                    actionCounts[a.ordinal()]++;
                }
            }
            if (Impression.engaged(e.actions())) {
                engagements++;
                if (isOutrage) {
                    engagementsOnOutrage++;
                }
                if (e.worth() < WORTH_THRESHOLD) {
                    engagedUnworthy++;
                }
            }
            if (e.control()) {
                control++;
                controlOutrage += isOutrage ? 1 : 0;
            } else {
                treatment++;
                treatmentOutrage += isOutrage ? 1 : 0;
            }
            binsByUser
                    .computeIfAbsent(e.userId(), k -> new double[Behaviour.STANCE_BINS])[
                    Behaviour.stanceBin(e.content().stance())]++;
            postsByUser
                    .computeIfAbsent(e.userId(), k -> new ArrayList<>())
                    .add(e.content().postId());
        }
        double entropySum = 0;
        double giniSimpsonSum = 0;
        for (double[] bins : binsByUser.values()) {
            entropySum += Stats.entropy(bins);
            giniSimpsonSum += Stats.giniSimpson(bins);
        }
        int readers = binsByUser.size();
        int sessions = 0;
        int angerExits = 0;
        double satisfactionSum = 0;
        double secondsSum = 0;
        for (Session s : readout.sessionLog()) {
            if (all || inSegment(users, s.userId(), segment)) {
                sessions++;
                angerExits += s.angerExit() ? 1 : 0;
                satisfactionSum += s.satisfaction();
                secondsSum += s.seconds();
            }
        }
        if (all && readout.sessionLog().isEmpty()) {
            // Readouts built without a session log (metric tests) carry only the counts.
            sessions = readout.sessions();
            angerExits = readout.angerExits();
        }
        int surveyed = 0;
        int worthIt = 0;
        for (Impression i : readout.impressions()) {
            if (i.survey() != Impression.NO_SURVEY
                    && (all || inSegment(users, i.userId(), segment))) {
                surveyed++;
                worthIt += i.survey() == 1 ? 1 : 0;
            }
        }
        List<Measurement> out = new ArrayList<>();
        add(out, segment, "active_users", sessions);
        add(out, segment, "sessions", sessions);
        add(out, segment, "items_read", n);
        add(out, segment, "impressions", n);
        for (Action a : Action.values()) {
            add(out, segment, "engagements_" + a.key(), actionCounts[a.ordinal()]);
        }
        add(out, segment, "anger_exits", angerExits);
        add(out, segment, "outrage_exposure_share", ratio(outrageous, n));
        add(out, segment, "outrage_impression_mean", n == 0 ? Double.NaN : outrageSum / n);
        if (all) {
            add(out, segment, "outrage_production_mean", productionMean(readout.newPosts()));
        }
        add(out, segment, "outrage_engagement_share", ratio(engagementsOnOutrage, engagements));
        add(out, segment, "cross_cutting_share", ratio(crossCutting, n));
        add(out, segment, "like_minded_share", ratio(n - crossCutting, n));
        add(out, segment, "opinion_variance", Stats.variance(x));
        add(out, segment, "opinion_bimodality", Stats.bimodalityCoefficient(x));
        add(
                out,
                segment,
                "esteban_ray",
                members == 0 ? Double.NaN : Stats.estebanRay(x, -1.0, 1.0, ER_BINS, ER_ALPHA));
        add(out, segment, "opinion_extremity_mean", Stats.meanAbs(x));
        add(out, segment, "thermometer_outgroup_mean", Stats.mean(thermo));
        add(out, segment, "model_version", versionNumber(readout.modelVersion()));
        // Each head's predictions and outcomes, gathered once for its AUC, log loss and
        // calibration.
        HeadOutcomes[] heads = new HeadOutcomes[Action.values().length];
        for (Action a : Action.values()) {
            heads[a.ordinal()] = outcomes(ex, a);
        }
        add(out, segment, "model_auc_click", heads[Action.CLICK.ordinal()].auc());
        // Metrics added with the full suite of DESIGN §7, after the first ones.
        add(out, segment, "thermometer_ingroup_mean", Stats.mean(thermoIn));
        add(out, segment, "affective_gap_mean", Stats.mean(gap));
        if (all) {
            add(
                    out,
                    segment,
                    "creator_outrage_propensity_mean",
                    propensityMean(society.creators()));
            int reshares = 0;
            double depthSum = 0;
            int depthMax = 0;
            for (Content c : readout.newPosts()) {
                if (c.isReshare()) {
                    reshares++;
                    depthSum += c.depth();
                    depthMax = Math.max(depthMax, c.depth());
                }
            }
            add(out, segment, "reshare_posts", reshares);
            add(
                    out,
                    segment,
                    "cascade_depth_mean",
                    reshares == 0 ? Double.NaN : depthSum / reshares);
            add(out, segment, "cascade_depth_max", depthMax);
        }
        add(
                out,
                segment,
                "exposure_entropy_mean",
                readers == 0 ? Double.NaN : entropySum / readers);
        add(
                out,
                segment,
                "exposure_gini_simpson_mean",
                readers == 0 ? Double.NaN : giniSimpsonSum / readers);
        add(
                out,
                segment,
                "homogenization_jaccard",
                homogenization(postsByUser, society.seed(), g, readout.tick()));
        add(out, segment, "churned_users", churned);
        add(
                out,
                segment,
                "satisfaction_mean",
                sessions == 0 || readout.sessionLog().isEmpty()
                        ? Double.NaN
                        : satisfactionSum / sessions);
        add(out, segment, "engagement_satisfaction_gap", ratio(engagedUnworthy, engagements));
        add(
                out,
                segment,
                "time_spent_per_session",
                sessions == 0 || readout.sessionLog().isEmpty()
                        ? Double.NaN
                        : secondsSum / sessions);
        add(out, segment, "dwell_mean", n == 0 ? Double.NaN : dwellSum / n);
        add(out, segment, "survey_worth_share", ratio(worthIt, surveyed));
        add(
                out,
                segment,
                "amplification_ratio",
                Stats.amplificationRatio(treatmentOutrage, treatment, controlOutrage, control));
        for (Action a : Action.values()) {
            if (a != Action.CLICK) {
                add(out, segment, "model_auc_" + a.key(), heads[a.ordinal()].auc());
            }
        }
        for (Action a : Action.values()) {
            HeadOutcomes o = heads[a.ordinal()];
            add(
                    out,
                    segment,
                    "model_log_loss_" + a.key(),
                    Stats.logLoss(o.predicted(), o.observed()));
            add(
                    out,
                    segment,
                    "model_calibration_" + a.key(),
                    Stats.expectedOverObserved(o.predicted(), o.observed()));
        }
        rows.addAll(out);
    }

    private static boolean inSegment(User[] users, int userId, String segment) {
        return userId >= 0 && userId < users.length && users[userId].segment().equals(segment);
    }

    /** Mean outrage of the original posts published this tick (reshares copy their parent). */
    private static double productionMean(List<Content> posts) {
        double s = 0;
        int n = 0;
        for (Content c : posts) {
            if (!c.isReshare()) {
                s += c.outrage();
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static double propensityMean(Creator[] creators) {
        if (creators.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (Creator c : creators) {
            s += c.outragePropensity();
        }
        return s / creators.length;
    }

    /**
     * Mean Jaccard similarity of the post sets read this tick over user pairs: all pairs when there
     * are at most {@link #JACCARD_PAIRS}, else that many pairs drawn from (seed, segment index,
     * tick, "homogenization").
     */
    static double homogenization(
            TreeMap<Integer, List<Long>> postsByUser, long seed, int group, long tick) {
        List<long[]> sets = new ArrayList<>();
        for (List<Long> ids : postsByUser.values()) {
            sets.add(ids.stream().mapToLong(Long::longValue).toArray());
        }
        int r = sets.size();
        if (r < 2) {
            return Double.NaN;
        }
        long allPairs = (long) r * (r - 1) / 2;
        int p = (int) Math.min(allPairs, JACCARD_PAIRS);
        int[] a = new int[p];
        int[] b = new int[p];
        if (allPairs <= JACCARD_PAIRS) {
            int k = 0;
            for (int i = 0; i < r; i++) {
                for (int j = i + 1; j < r; j++) {
                    a[k] = i;
                    b[k] = j;
                    k++;
                }
            }
        } else {
            SplittableRandom rng = Seeds.derive(seed, group, tick, "homogenization");
            for (int k = 0; k < p; k++) {
                int i = rng.nextInt(r);
                int j = rng.nextInt(r - 1);
                a[k] = i;
                b[k] = j >= i ? j + 1 : j;
            }
        }
        return Stats.meanJaccard(sets, a, b);
    }

    /** The tick number inside a version id like "v0007"; 0 before the first model. */
    static double versionNumber(String version) {
        if (version == null || version.length() < 2 || version.charAt(0) != 'v') {
            return 0;
        }
        try {
            return Long.parseLong(version.substring(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One head's predictions and what happened, over the exposures that carry a prediction. */
    private record HeadOutcomes(double[] predicted, boolean[] observed) {
        double auc() {
            return Stats.auc(predicted, observed);
        }
    }

    /**
     * The predictions of one head and its outcomes, over the exposures that carry a prediction for
     * it: heads are read in {@link Action} order from the start of the prediction array.
     */
    private static HeadOutcomes outcomes(List<Exposure> ex, Action head) {
        int h = head.ordinal();
        int n = 0;
        for (Exposure e : ex) {
            if (e.predictions().length > h) {
                n++;
            }
        }
        double[] s = new double[n];
        boolean[] l = new boolean[n];
        int i = 0;
        for (Exposure e : ex) {
            if (e.predictions().length > h) {
                s[i] = e.predictions()[h];
                l[i] = (e.actions() & (1 << h)) != 0;
                i++;
            }
        }
        return new HeadOutcomes(s, l);
    }

    private static double ratio(int num, int den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }

    private static void add(List<Measurement> rows, String segment, String metric, double value) {
        rows.add(new Measurement(metric, segment, value));
    }
}
