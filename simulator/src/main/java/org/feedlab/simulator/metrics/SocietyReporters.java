package org.feedlab.simulator.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Seeds;
import org.feedlab.simulator.CascadeCounts;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Creator;
import org.feedlab.simulator.Exposure;
import org.feedlab.simulator.FeedStages;
import org.feedlab.simulator.FollowCounts;
import org.feedlab.simulator.Session;
import org.feedlab.simulator.StopReason;
import org.feedlab.simulator.User;

/**
 * The society's reporters: daily use, engagement, hostility, content mix, polarization, affect,
 * exposure diversity, posting, cascades, follows and amplification, each over a {@link
 * SegmentView}. Every metric's formula and source is in docs/METRICS.md; the statistics themselves
 * are in {@link Stats}. A ratio with a zero denominator is {@code NaN}, because it is undefined.
 *
 * <p>"Outrage" in the metric names is the hostility of political items ({@link Content#hostility}):
 * an item is outrage (hostile) when its hostility is above {@link Content#HOSTILE}.
 */
public final class SocietyReporters {
    /** Stance bins over [-1, 1] of the exposure-diversity metrics. */
    public static final int STANCE_BINS = 5;

    /** Bins and α of the Esteban–Ray index over opinions in [-1, 1]. */
    public static final int ER_BINS = 10;

    public static final double ER_ALPHA = 1.6;

    /** Most user pairs sampled for homogenization; fewer pairs than this are all taken. */
    public static final int JACCARD_PAIRS = 1000;

    /** Stated worth below which an engaged item counts toward the engagement–satisfaction gap. */
    public static final double WORTH_THRESHOLD = 0.5;

    /** Days per month in the posting-rate metric. */
    public static final double DAYS_PER_MONTH = 30.0;

    /** The share of accounts whose share of posts is reported (the top tenth). */
    public static final double TOP_POSTERS = 0.1;

    private SocietyReporters() {}

    /** {@code active_users} (users who opened the app) and {@code sessions} (their visits). */
    public static final Reporter SESSIONS =
            (s, out) -> {
                out.add("active_users", activeUsers(s));
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
                    out.add("engagements_" + a.key(), count(s.exposures(), e -> did(e, a)));
                }
            };

    /** {@code anger_exits}: sessions ended by the anger exit hazard. */
    public static final Reporter ANGER_EXITS =
            Reporter.of("anger_exits", s -> count(s.sessions(), Session::angerExit));

    /** Share of impressions that are hostile, and their mean hostility. */
    public static final Reporter OUTRAGE_EXPOSURE =
            (s, out) -> {
                List<Exposure> ex = s.exposures();
                out.add(
                        "outrage_exposure_share",
                        ratio(count(ex, SocietyReporters::isHostile), ex.size()));
                out.add("outrage_impression_mean", mean(ex, e -> e.content().hostility()));
            };

    /** Mean hostility of the political original posts published this tick. */
    public static final Reporter OUTRAGE_PRODUCTION =
            Reporter.populationOnly(
                    Reporter.of(
                            "outrage_production_mean",
                            s ->
                                    mean(
                                            s.newPosts().stream()
                                                    .filter(c -> c.political() && !c.isReshare())
                                                    .toList(),
                                            Content::hostility)));

    /** Among impressions with a positive engagement, the share on hostile items. */
    public static final Reporter OUTRAGE_ENGAGEMENT =
            Reporter.of(
                    "outrage_engagement_share",
                    s -> {
                        List<Exposure> engaged = engaged(s.exposures());
                        return ratio(count(engaged, SocietyReporters::isHostile), engaged.size());
                    });

    /**
     * Among political impressions, the shares from the reader's out-party (cross-cutting) and own
     * party (like-minded). The other stages are {@link #CROSS_CUTTING_STAGES}.
     */
    public static final Reporter CROSS_CUTTING =
            (s, out) -> {
                List<Exposure> political = political(s.exposures());
                int crossCutting = count(political, Exposure::outgroup);
                out.add("cross_cutting_share", ratio(crossCutting, political.size()));
                out.add(
                        "like_minded_share",
                        ratio(political.size() - crossCutting, political.size()));
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

    /** Mean feeling thermometer toward the out-party. */
    public static final Reporter OUTGROUP_THERMOMETER =
            Reporter.of(
                    "thermometer_outgroup_mean",
                    s -> Stats.mean(values(s.users(), User::thermometer)));

    /** Mean in-party thermometer and the mean in/out-party gap (Iyengar et al. 2019). */
    public static final Reporter INGROUP_AFFECT =
            (s, out) -> {
                out.add(
                        "thermometer_ingroup_mean",
                        Stats.mean(values(s.users(), User::thermometerIn)));
                out.add(
                        "affective_gap_mean",
                        Stats.mean(values(s.users(), u -> u.thermometerIn() - u.thermometer())));
            };

    /** Political creators' current mean hostility propensity. */
    public static final Reporter CREATOR_PROPENSITY =
            Reporter.populationOnly(
                    Reporter.of(
                            "creator_outrage_propensity_mean",
                            s ->
                                    mean(
                                            s.creators().stream()
                                                    .filter(Creator::political)
                                                    .toList(),
                                            Creator::outragePropensity)));

    /** Reshare posts published this tick, and the mean and largest depth of their cascades. */
    public static final Reporter CASCADES = Reporter.populationOnly(SocietyReporters::cascades);

    /**
     * Per-reader entropy and Gini–Simpson index over the stance bins of the political items read,
     * averaged over readers of at least one political item.
     */
    public static final Reporter EXPOSURE_DIVERSITY =
            (s, out) -> {
                TreeMap<Integer, double[]> binsByUser = new TreeMap<>();
                for (Exposure e : political(s.exposures())) {
                    binsByUser
                            .computeIfAbsent(e.userId(), k -> new double[STANCE_BINS])[
                            stanceBin(e.content().stance())]++;
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
     * Hostile exposure under the ranker relative to the chronological control group (Huszár et al.
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
                                count(treatment, SocietyReporters::isHostile),
                                treatment.size(),
                                count(control, SocietyReporters::isHostile),
                                control.size());
                    });

    /**
     * Daily use of the active users (docs/CALIBRATION.md): the share of users still on the platform
     * who opened it, sessions, items and minutes per active user, items per session, and the share
     * of sessions ended by anger.
     */
    public static final Reporter DAILY_USE =
            (s, out) -> {
                int active = activeUsers(s);
                int churnedToday = count(s.sessions(), Session::churnedAfter);
                int eligible = count(s.users(), User::active) + churnedToday;
                int sessions = s.sessions().size();
                int items = s.exposures().size();
                double seconds = 0;
                for (Session session : s.sessions()) {
                    seconds += session.seconds();
                }
                out.add("daily_active_share", ratio(active, eligible));
                out.add("sessions_per_active_user", ratio(sessions, active));
                out.add("items_per_session", ratio(items, sessions));
                out.add("items_per_active_user", ratio(items, active));
                out.add(
                        "minutes_per_active_user",
                        active == 0 ? Double.NaN : seconds / 60 / active);
                out.add(
                        "anger_exit_share",
                        ratio(count(s.sessions(), Session::angerExit), sessions));
                out.add(
                        "end_of_feed_share",
                        ratio(
                                count(s.sessions(), x -> x.stopReason() == StopReason.END_OF_FEED),
                                sessions));
            };

    /**
     * Per-impression rate of each action, and the angry share of reactions (likes and angry
     * reactions) overall and on political items.
     */
    public static final Reporter ENGAGEMENT_RATES =
            (s, out) -> {
                List<Exposure> ex = s.exposures();
                for (Action a : Action.values()) {
                    out.add(
                            "engagement_rate_" + a.key(),
                            ratio(count(ex, e -> did(e, a)), ex.size()));
                }
                out.add("angry_reaction_share", angryShare(ex));
                out.add("angry_reaction_share_political", angryShare(political(ex)));
            };

    /**
     * What the impressions were: the political share, the share from untrustworthy sources, the
     * hostile share among political impressions, and among those of the reader's own party and of
     * the out-party (Milli et al. 2025 split animosity by the side it targets).
     */
    public static final Reporter CONTENT_MIX =
            (s, out) -> {
                List<Exposure> ex = s.exposures();
                List<Exposure> political = political(ex);
                out.add("political_share", ratio(political.size(), ex.size()));
                out.add(
                        "untrustworthy_share",
                        ratio(count(ex, e -> e.content().untrustworthy()), ex.size()));
                out.add(
                        "hostile_political_share",
                        ratio(count(political, SocietyReporters::isHostile), political.size()));
                List<Exposure> outparty = political.stream().filter(Exposure::outgroup).toList();
                int ownParty = political.size() - outparty.size();
                out.add(
                        "hostile_copartisan_share",
                        ratio(count(political, e -> !e.outgroup() && isHostile(e)), ownParty));
                out.add(
                        "hostile_outparty_share",
                        ratio(count(outparty, SocietyReporters::isHostile), outparty.size()));
            };

    /**
     * Reshares per impression of hostile political items over those of the other political items:
     * the observed counterpart of Rathje et al. 2021's "out-group posts were shared about twice as
     * often".
     */
    public static final Reporter HOSTILE_RESHARES =
            Reporter.of(
                    "hostile_reshare_ratio",
                    s -> {
                        List<Exposure> political = political(s.exposures());
                        List<Exposure> hostile =
                                political.stream().filter(SocietyReporters::isHostile).toList();
                        List<Exposure> other =
                                political.stream().filter(e -> !isHostile(e)).toList();
                        double rateHostile =
                                ratio(count(hostile, e -> did(e, Action.RESHARE)), hostile.size());
                        double rateOther =
                                ratio(count(other, e -> did(e, Action.RESHARE)), other.size());
                        return rateOther == 0.0 ? Double.NaN : rateHostile / rateOther;
                    });

    /** Standard deviations of the out-party and in-party thermometers. */
    public static final Reporter THERMOMETER_SPREAD =
            (s, out) -> {
                out.add(
                        "thermometer_outgroup_sd",
                        Math.sqrt(Stats.variance(values(s.users(), User::thermometer))));
                out.add(
                        "thermometer_ingroup_sd",
                        Math.sqrt(Stats.variance(values(s.users(), User::thermometerIn))));
            };

    /**
     * The spread of affective polarization: the standard deviation across users of the in-party
     * minus out-party thermometer, the denominator of polarization effects in SD units (Allcott et
     * al. 2020; Nyhan et al. 2023).
     */
    public static final Reporter AFFECTIVE_SPREAD =
            Reporter.of(
                    "affective_gap_sd",
                    s ->
                            Math.sqrt(
                                    Stats.variance(
                                            values(
                                                    s.users(),
                                                    u -> u.thermometerIn() - u.thermometer()))));

    /**
     * Issue opinion on the first axis within each camp: mean and standard deviation of the ideology
     * of the users of camp −1 ({@code ideology_left_*}) and camp +1 ({@code ideology_right_*}), so
     * a treatment's effect on either side can be read in that side's SD units (Bail et al. 2018).
     */
    public static final Reporter IDEOLOGY_BY_CAMP =
            (s, out) -> {
                for (int camp : new int[] {-1, 1}) {
                    String side = camp < 0 ? "left" : "right";
                    double[] x =
                            values(
                                    s.users().stream().filter(u -> u.camp() == camp).toList(),
                                    User::ideology);
                    out.add("ideology_" + side + "_mean", Stats.mean(x));
                    out.add("ideology_" + side + "_sd", Math.sqrt(Stats.variance(x)));
                }
            };

    /** Items of the day feed each user is asked about by the first-ten probe. */
    public static final int PROBE_ITEMS = 10;

    /**
     * A within-subject probe of the first {@value #PROBE_ITEMS} items each user read on the day
     * (the top of the day feed, in reading order), as Milli et al. (2025) asked users about the top
     * ten tweets of a timeline. Per user the mean over those items; then, across users, the mean
     * and the standard deviation of the per-user means (the SD Milli et al. standardize by). {@code
     * top10_hostility_*}: the items' hostility (0 for non-political items); {@code
     * top10_political_*}: the political share of the ten; {@code top10_hostility_political_*}: the
     * hostility of the political items among them (users without one left out), so that a change in
     * {@code top10_hostility_*} splits into how much politics and how hostile; {@code
     * top10_worth_*}: the user's stated worth of the items; {@code top10_worth_political_*}: the
     * same over the political items among the ten (users without one are left out).
     */
    public static final Reporter FIRST_TEN =
            (s, out) -> {
                Map<Integer, List<Exposure>> firstTen = new LinkedHashMap<>();
                for (Exposure e : s.exposures()) {
                    List<Exposure> seen =
                            firstTen.computeIfAbsent(e.userId(), k -> new ArrayList<>());
                    if (seen.size() < PROBE_ITEMS) {
                        seen.add(e);
                    }
                }
                probe(
                        out,
                        "top10_hostility_user",
                        firstTen.values(),
                        e -> true,
                        e -> e.content().hostility());
                probe(
                        out,
                        "top10_political_user",
                        firstTen.values(),
                        e -> true,
                        e -> e.content().political() ? 1.0 : 0.0);
                probe(
                        out,
                        "top10_hostility_political_user",
                        firstTen.values(),
                        e -> e.content().political(),
                        e -> e.content().hostility());
                probe(out, "top10_worth_user", firstTen.values(), e -> true, Exposure::worth);
                probe(
                        out,
                        "top10_worth_political_user",
                        firstTen.values(),
                        e -> e.content().political(),
                        Exposure::worth);
            };

    /**
     * How much more political content per user the ranked feed serves than the chronological
     * control group, in percent (Huszár et al. 2022: 0 = the same reach per user, 100 = double):
     * 100 · (P_t / U_t ÷ P_c / U_c − 1), with P the political items read and U the users who read
     * anything, in the ranked (t) and control (c) groups. NaN without a control group.
     */
    public static final Reporter POLITICAL_AMPLIFICATION =
            Reporter.of(
                    "political_amplification",
                    s -> {
                        Set<Integer> rankedUsers = new HashSet<>();
                        Set<Integer> controlUsers = new HashSet<>();
                        long rankedPolitical = 0;
                        long controlPolitical = 0;
                        for (Exposure e : s.exposures()) {
                            boolean political = e.content().political();
                            if (e.control()) {
                                controlUsers.add(e.userId());
                                controlPolitical += political ? 1 : 0;
                            } else {
                                rankedUsers.add(e.userId());
                                rankedPolitical += political ? 1 : 0;
                            }
                        }
                        if (rankedUsers.isEmpty() || controlPolitical == 0) {
                            return Double.NaN;
                        }
                        double ranked = (double) rankedPolitical / rankedUsers.size();
                        double control = (double) controlPolitical / controlUsers.size();
                        return 100.0 * (ranked / control - 1.0);
                    });

    /**
     * Concentration of users' original posts since tick 0: the share written by the top tenth of
     * users, and the median user's posts per month (Pew Research Center 2019, 2020).
     */
    public static final Reporter POSTING =
            Reporter.populationOnly(
                    (s, out) -> {
                        double[] posts = values(s.users(), u -> u.originalPosts());
                        out.add("posting_top10_share", Stats.topShare(posts, TOP_POSTERS));
                        out.add(
                                "posts_per_user_month_median",
                                Stats.median(posts) * DAYS_PER_MONTH / (s.tick() + 1));
                    });

    /**
     * Shape of the matured cascades since tick 0: the share of original posts never reshared (size
     * 1) and the share reshared beyond one hop (Goel, Watts and Goldstein 2012), and the
     * distribution of the depth of their deepest reshare (depth 1 to 4 and more; depth 0 is size
     * 1).
     */
    public static final Reporter CASCADE_SHAPE =
            Reporter.populationOnly(
                    (s, out) -> {
                        CascadeCounts c = s.cascades();
                        out.add("cascade_size1_share", ratio(c.single(), c.matured()));
                        out.add("cascade_deep_share", ratio(c.deep(), c.matured()));
                        out.add("cascade_depth1_share", ratio(c.depth1(), c.matured()));
                        out.add("cascade_depth2_share", ratio(c.depth2(), c.matured()));
                        out.add("cascade_depth3_share", ratio(c.depth3(), c.matured()));
                        out.add("cascade_depth4plus_share", ratio(c.depth4Plus(), c.matured()));
                    });

    /**
     * The follow graph by side: the share of user-to-user follows that cross camps (Bakshy, Messing
     * and Adamic 2015: 23 % of friends hold the opposing ideology), and, for the population, follow
     * rates after exposure and follow-back rates (Mosleh et al. 2021) by side.
     */
    public static final Reporter FOLLOWS =
            (s, out) -> {
                out.add("follows_cross_camp_share", crossCampShare(s));
                out.add("follows_no_political_share", noPoliticalShare(s));
                if (s.isPopulation()) {
                    FollowCounts f = s.follows();
                    out.add("follow_rate_same", ratio(f.followsSame(), f.unfollowedSeenSame()));
                    out.add("follow_rate_other", ratio(f.followsOther(), f.unfollowedSeenOther()));
                    out.add("follow_back_rate_same", ratio(f.backsSame(), f.backAsksSame()));
                    out.add("follow_back_rate_other", ratio(f.backsOther(), f.backAsksOther()));
                }
            };

    /**
     * The cross-cutting share at the stages of Bakshy, Messing and Adamic (2015) around the items
     * read ({@link #CROSS_CUTTING}): among the political posts of the candidate pools the platform
     * retrieved ({@code _candidates}), of the feeds it served, read or not ({@code _served}), and
     * of the items read with a positive engagement ({@code _engaged}), the share from the reader's
     * out-party. Each stage pools the segment's readers: out-party posts over political posts, not
     * a mean of per-user shares.
     */
    public static final Reporter CROSS_CUTTING_STAGES =
            (s, out) -> {
                int candidates = 0;
                int candidatesOutparty = 0;
                int served = 0;
                int servedOutparty = 0;
                for (FeedStages f : s.feeds()) {
                    candidates += f.candidatesPolitical();
                    candidatesOutparty += f.candidatesOutparty();
                    served += f.servedPolitical();
                    servedOutparty += f.servedOutparty();
                }
                List<Exposure> engaged = political(engaged(s.exposures()));
                out.add("cross_cutting_share_candidates", ratio(candidatesOutparty, candidates));
                out.add("cross_cutting_share_served", ratio(servedOutparty, served));
                out.add(
                        "cross_cutting_share_engaged",
                        ratio(count(engaged, Exposure::outgroup), engaged.size()));
            };

    private static void cascades(SegmentView s, Reporter.Out out) {
        List<Content> reshares = s.newPosts().stream().filter(Content::isReshare).toList();
        out.add("reshare_posts", reshares.size());
        out.add("cascade_depth_mean", mean(reshares, Content::depth));
        out.add("cascade_depth_max", reshares.stream().mapToInt(Content::depth).max().orElse(0));
    }

    /** Users of the segment who opened the app this tick. */
    private static int activeUsers(SegmentView s) {
        Set<Integer> readers = new HashSet<>();
        for (Session session : s.sessions()) {
            readers.add(session.userId());
        }
        return readers.size();
    }

    /** Angry reactions over all reactions (likes and angry reactions) on the given impressions. */
    private static double angryShare(List<Exposure> ex) {
        int angry = count(ex, e -> did(e, Action.ANGRY));
        int likes = count(ex, e -> did(e, Action.LIKE));
        return ratio(angry, angry + likes);
    }

    /** Among the segment's users' follows of other users, the share of the other camp. */
    private static double crossCampShare(SegmentView s) {
        int creators = s.creators().size();
        long cross = 0;
        long all = 0;
        for (User u : s.users()) {
            for (int account : u.following()) {
                if (account >= creators) {
                    all++;
                    cross += s.campOfUser(account - creators) != u.camp() ? 1 : 0;
                }
            }
        }
        return ratio(cross, all);
    }

    /** The share of the segment's users who follow no political creator. */
    private static double noPoliticalShare(SegmentView s) {
        List<Creator> creators = s.creators();
        int none = 0;
        for (User u : s.users()) {
            boolean any = false;
            for (int account : u.following()) {
                any |= account < creators.size() && creators.get(account).political();
            }
            none += any ? 0 : 1;
        }
        return ratio(none, s.users().size());
    }

    /** Stance bin of a post, 0 .. STANCE_BINS − 1 over [-1, 1]. */
    public static int stanceBin(double stance) {
        int b = (int) Math.floor((stance + 1.0) / 2.0 * STANCE_BINS);
        return Math.max(0, Math.min(STANCE_BINS - 1, b));
    }

    private static boolean did(Exposure e, Action a) {
        return (e.actions() & (1 << a.ordinal())) != 0;
    }

    private static boolean isHostile(Exposure e) {
        return e.content().hostile();
    }

    private static List<Exposure> political(List<Exposure> exposures) {
        return exposures.stream().filter(e -> e.content().political()).toList();
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

    private static void probe(
            Reporter.Out out,
            String name,
            Collection<List<Exposure>> perUser,
            Predicate<Exposure> which,
            ToDoubleFunction<Exposure> value) {
        List<Double> means = new ArrayList<>();
        for (List<Exposure> seen : perUser) {
            List<Exposure> kept = seen.stream().filter(which).toList();
            if (!kept.isEmpty()) {
                means.add(mean(kept, value));
            }
        }
        double[] x = means.stream().mapToDouble(Double::doubleValue).toArray();
        out.add(name + "_mean", Stats.mean(x));
        out.add(name + "_sd", Math.sqrt(Stats.variance(x)));
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

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
