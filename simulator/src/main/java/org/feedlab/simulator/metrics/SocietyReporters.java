package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Seeds;
import org.feedlab.simulator.Behaviour;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Creator;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.Session;
import org.feedlab.simulator.User;

/**
 * The society's reporters: health, outrage, polarization, affect, exposure diversity and
 * amplification, each over a {@link SegmentView}. Every metric's formula and source is in
 * docs/METRICS.md; the statistics themselves are in {@link Stats}. A ratio with a zero denominator
 * is {@code NaN}, because it is undefined.
 */
public final class SocietyReporters {
    /** Impressions whose true outrage is above this count as outrage exposure. */
    public static final double OUTRAGE_THRESHOLD = 0.5;

    /** Bins and α of the Esteban–Ray index over opinions in [-1, 1]. */
    public static final int ER_BINS = 10;

    public static final double ER_ALPHA = 1.6;

    /** Most user pairs sampled for homogenization; fewer pairs than this are all taken. */
    public static final int JACCARD_PAIRS = 1000;

    /** Stated worth below which an engaged item counts toward the engagement–satisfaction gap. */
    public static final double WORTH_THRESHOLD = 0.5;

    private SocietyReporters() {}

    /** {@code active_users} and {@code sessions}: one session per user who opened the app. */
    public static final Reporter SESSIONS =
            (s, out) -> {
                out.add("active_users", s.sessions().size());
                out.add("sessions", s.sessions().size());
            };

    /** {@code items_read} and {@code impressions}: items examined, under both names. */
    public static final Reporter ITEMS_READ =
            (s, out) -> {
                out.add("items_read", s.exposures().size());
                out.add("impressions", s.exposures().size());
            };

    /** {@code engagements_<action>}: impressions on which each action was taken. */
    public static final Reporter ENGAGEMENTS =
            (s, out) -> {
                for (Action a : Action.values()) {
                    out.add(
                            "engagements_" + a.key(),
                            count(s.exposures(), e -> (e.actions() & (1 << a.ordinal())) != 0));
                }
            };

    /** {@code anger_exits}: sessions ended because anger passed the user's tolerance. */
    public static final Reporter ANGER_EXITS =
            Reporter.of("anger_exits", s -> count(s.sessions(), Session::angerExit));

    /** Share of impressions above the outrage threshold, and their mean outrage. */
    public static final Reporter OUTRAGE_EXPOSURE =
            (s, out) -> {
                List<Exposure> ex = s.exposures();
                out.add(
                        "outrage_exposure_share",
                        ratio(count(ex, SocietyReporters::isOutrage), ex.size()));
                out.add("outrage_impression_mean", mean(ex, e -> e.content().outrage()));
            };

    /** Mean outrage of the original posts published this tick (reshares copy their parent). */
    public static final Reporter OUTRAGE_PRODUCTION =
            Reporter.populationOnly(
                    Reporter.of(
                            "outrage_production_mean",
                            s ->
                                    mean(
                                            s.newPosts().stream()
                                                    .filter(c -> !c.isReshare())
                                                    .toList(),
                                            Content::outrage)));

    /** Among impressions with a positive engagement, the share on outrage. */
    public static final Reporter OUTRAGE_ENGAGEMENT =
            Reporter.of(
                    "outrage_engagement_share",
                    s -> {
                        List<Exposure> engaged = engaged(s.exposures());
                        return ratio(count(engaged, SocietyReporters::isOutrage), engaged.size());
                    });

    /** Shares of out-group (cross-cutting) and in-group (like-minded) impressions. */
    public static final Reporter CROSS_CUTTING =
            (s, out) -> {
                int n = s.exposures().size();
                int crossCutting = count(s.exposures(), Exposure::outgroup);
                out.add("cross_cutting_share", ratio(crossCutting, n));
                out.add("like_minded_share", ratio(n - crossCutting, n));
            };

    /** Polarization of opinions on the first axis: variance, bimodality, Esteban–Ray, extremity. */
    public static final Reporter OPINION =
            (s, out) -> {
                double[] x = values(s.users(), User::ideology);
                out.add("opinion_variance", Stats.variance(x));
                out.add("opinion_bimodality", Stats.bimodalityCoefficient(x));
                out.add("esteban_ray", Stats.estebanRay(x, -1.0, 1.0, ER_BINS, ER_ALPHA));
                out.add("opinion_extremity_mean", Stats.meanAbs(x));
            };

    /** Mean feeling thermometer toward the out-group. */
    public static final Reporter OUTGROUP_THERMOMETER =
            Reporter.of(
                    "thermometer_outgroup_mean",
                    s -> Stats.mean(values(s.users(), User::thermometer)));

    /** Mean in-group thermometer and the mean in/out-group gap (Iyengar et al. 2019). */
    public static final Reporter INGROUP_AFFECT =
            (s, out) -> {
                out.add(
                        "thermometer_ingroup_mean",
                        Stats.mean(values(s.users(), User::thermometerIn)));
                out.add(
                        "affective_gap_mean",
                        Stats.mean(values(s.users(), u -> u.thermometerIn() - u.thermometer())));
            };

    /** Creators' current mean outrage propensity. */
    public static final Reporter CREATOR_PROPENSITY =
            Reporter.populationOnly(
                    Reporter.of(
                            "creator_outrage_propensity_mean",
                            s -> mean(s.creators(), Creator::outragePropensity)));

    /** Reshare posts published this tick, and the mean and largest depth of their cascades. */
    public static final Reporter CASCADES = Reporter.populationOnly(SocietyReporters::cascades);

    /**
     * Per-reader entropy and Gini–Simpson index over the stance bins read, averaged over readers.
     */
    public static final Reporter EXPOSURE_DIVERSITY =
            (s, out) -> {
                TreeMap<Integer, double[]> binsByUser = new TreeMap<>();
                for (Exposure e : s.exposures()) {
                    binsByUser
                            .computeIfAbsent(e.userId(), k -> new double[Behaviour.STANCE_BINS])[
                            Behaviour.stanceBin(e.content().stance())]++;
                }
                double entropySum = 0;
                double giniSimpsonSum = 0;
                for (double[] bins : binsByUser.values()) {
                    entropySum += Stats.entropy(bins);
                    giniSimpsonSum += Stats.giniSimpson(bins);
                }
                int readers = binsByUser.size();
                out.add("exposure_entropy_mean", readers == 0 ? Double.NaN : entropySum / readers);
                out.add(
                        "exposure_gini_simpson_mean",
                        readers == 0 ? Double.NaN : giniSimpsonSum / readers);
            };

    /** Mean Jaccard similarity of the post sets read this tick over user pairs (T-RECS). */
    public static final Reporter HOMOGENIZATION =
            Reporter.of("homogenization_jaccard", SocietyReporters::homogenization);

    /** Users who have left the platform for good (cumulative). */
    public static final Reporter CHURN =
            Reporter.of("churned_users", s -> count(s.users(), u -> !u.active()));

    /** Mean session satisfaction over this tick's sessions. */
    public static final Reporter SATISFACTION =
            Reporter.of("satisfaction_mean", s -> mean(s.sessions(), Session::satisfaction));

    /** Among engaged impressions, the share the reader would not call worth their time. */
    public static final Reporter ENGAGEMENT_SATISFACTION_GAP =
            Reporter.of(
                    "engagement_satisfaction_gap",
                    s -> {
                        List<Exposure> engaged = engaged(s.exposures());
                        return ratio(
                                count(engaged, e -> e.worth() < WORTH_THRESHOLD), engaged.size());
                    });

    /** Seconds per session and per item. */
    public static final Reporter TIME_SPENT =
            (s, out) -> {
                out.add("time_spent_per_session", mean(s.sessions(), Session::seconds));
                out.add("dwell_mean", mean(s.exposures(), Exposure::dwell));
            };

    /** Share of "yes, worth my time" among this tick's survey answers. */
    public static final Reporter SURVEY_WORTH =
            Reporter.of(
                    "survey_worth_share",
                    s -> {
                        List<Impression> answered =
                                s.impressions().stream()
                                        .filter(i -> i.survey() != Impression.NO_SURVEY)
                                        .toList();
                        return ratio(count(answered, i -> i.survey() == 1), answered.size());
                    });

    /**
     * Outrage exposure under the ranker relative to the chronological control group (Huszár et al.
     * 2022).
     */
    public static final Reporter AMPLIFICATION =
            Reporter.of(
                    "amplification_ratio",
                    s -> {
                        List<Exposure> treatment = new ArrayList<>();
                        List<Exposure> control = new ArrayList<>();
                        for (Exposure e : s.exposures()) {
                            (e.control() ? control : treatment).add(e);
                        }
                        return Stats.amplificationRatio(
                                count(treatment, SocietyReporters::isOutrage),
                                treatment.size(),
                                count(control, SocietyReporters::isOutrage),
                                control.size());
                    });

    private static void cascades(SegmentView s, Reporter.Out out) {
        List<Content> reshares = s.newPosts().stream().filter(Content::isReshare).toList();
        out.add("reshare_posts", reshares.size());
        out.add("cascade_depth_mean", mean(reshares, Content::depth));
        out.add("cascade_depth_max", reshares.stream().mapToInt(Content::depth).max().orElse(0));
    }

    private static boolean isOutrage(Exposure e) {
        return e.content().outrage() > OUTRAGE_THRESHOLD;
    }

    /** Impressions with a positive engagement (any action but a hide). */
    private static List<Exposure> engaged(List<Exposure> exposures) {
        return exposures.stream().filter(e -> Impression.engaged(e.actions())).toList();
    }

    /**
     * Mean Jaccard similarity of the post sets read this tick over user pairs: all pairs when there
     * are at most {@link #JACCARD_PAIRS}, else that many pairs drawn from (seed, segment index,
     * tick, "homogenization").
     */
    static double homogenization(SegmentView s) {
        TreeMap<Integer, List<Long>> postsByUser = new TreeMap<>();
        for (Exposure e : s.exposures()) {
            postsByUser
                    .computeIfAbsent(e.userId(), k -> new ArrayList<>())
                    .add(e.content().postId());
        }
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
            SplittableRandom rng = Seeds.derive(s.seed(), s.index(), s.tick(), "homogenization");
            for (int k = 0; k < p; k++) {
                int i = rng.nextInt(r);
                int j = rng.nextInt(r - 1);
                a[k] = i;
                b[k] = j >= i ? j + 1 : j;
            }
        }
        return Stats.meanJaccard(sets, a, b);
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        int n = 0;
        for (T t : items) {
            n += test.test(t) ? 1 : 0;
        }
        return n;
    }

    /** The values in list order, as an array for {@link Stats}. */
    private static <T> double[] values(List<T> items, ToDoubleFunction<T> value) {
        double[] v = new double[items.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value.applyAsDouble(items.get(i));
        }
        return v;
    }

    /** The mean summed in list order, or {@code NaN} for no items. */
    private static <T> double mean(List<T> items, ToDoubleFunction<T> value) {
        if (items.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (T t : items) {
            sum += value.applyAsDouble(t);
        }
        return sum / items.size();
    }

    private static double ratio(int num, int den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
