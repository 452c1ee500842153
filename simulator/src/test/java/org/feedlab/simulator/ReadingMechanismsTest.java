package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.junit.jupiter.api.Test;

/**
 * One test per reading-time mechanism of the society (follows, boredom, time budget, nudge,
 * friction, satisfaction); each compares runs that differ only in that mechanism, so it fails if
 * the mechanism is removed.
 */
class ReadingMechanismsTest {
    private static final long SEED = 17;
    private static final long TICK = 0;
    private static final int FEED = 20;

    /**
     * A society whose sessions end only by the mechanism under test unless re-enabled: no anger
     * exit, no boredom, no effective time budget, no arousal pull, no absorption, no creator
     * learning, no follow changes.
     */
    private static final SocietyConfig QUIET = quietConfig();

    private static SocietyConfig quietConfig() {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        return d.withPopulation(d.population().withUsers(300).withCreators(120).withTopics(2))
                .withCreators(d.creators().withPostRate(1.0).withLearning(false))
                .withAffect(d.affect().withAngerTolerance(1e9))
                .withReading(
                        d.reading()
                                .withBoredom(0.0)
                                .withSessionBudget(1e9)
                                .withArousalPull(0.0)
                                .withAbsorption(0.0))
                .withFollows(d.follows().withFollowRate(0.0).withUnfollowRate(0.0));
    }

    /** The quiet society with its reading parameters changed. */
    private static SocietyConfig quiet(UnaryOperator<SocietyConfig.Reading> change) {
        return QUIET.withReading(change.apply(QUIET.reading()));
    }

    /**
     * Replaces the creators: even ids calm and of high quality (outrage 0.05, quality 0.9), odd ids
     * outrageous and poor (outrage 0.9, quality 0.2); camps alternate every two creators and topics
     * every four, so every combination occurs.
     */
    private static void controlCreators(Society s) {
        Creator[] cs = s.creators();
        for (int c = 0; c < cs.length; c++) {
            boolean calm = c % 2 == 0;
            double x = ((c / 2) % 2 == 0 ? 0.5 : -0.5);
            int topic = (c / 4) % s.config().population().topics();
            cs[c] = new Creator(c, x, topic, calm ? 0.9 : 0.2, calm ? 0.05 : 0.9);
        }
    }

    /** Every user: no interest in topic 0, full interest in topic 1. */
    private static void dullTopicZero(Society s) {
        for (User u : s.users()) {
            u.topicInterest[0] = 0.0;
            u.topicInterest[1] = 1.0;
        }
    }

    private static Society society(SocietyConfig cfg) {
        Society s = Society.create(cfg, SEED);
        controlCreators(s);
        dullTopicZero(s);
        return s;
    }

    private static List<Content> posts(Society s, Predicate<Content> keep) {
        s.beginTick(TICK);
        List<Content> kept = s.publish(TICK).stream().filter(keep).limit(FEED).toList();
        assertEquals(FEED, kept.size(), "enough posts for a full feed");
        return kept;
    }

    /** The same items for every user, optionally nudged and with reshare friction on each item. */
    private static Map<Integer, Feed> feeds(
            Society s, List<Content> items, boolean nudge, boolean friction) {
        Map<Integer, Feed> feeds = new TreeMap<>();
        List<FeedItem> list =
                items.stream()
                        .map(c -> new FeedItem(c.postId(), 0.0, new double[0], false, friction))
                        .toList();
        for (User u : s.users()) {
            feeds.put(
                    u.id,
                    Feed.of(
                            Society.requestId(TICK, u.id),
                            u.id,
                            TICK,
                            ModelVersion.NONE,
                            FeedKind.RANKED,
                            "test",
                            list,
                            nudge));
        }
        return feeds;
    }

    private static TickReadout read(
            SocietyConfig cfg, Predicate<Content> keep, boolean nudge, boolean friction) {
        Society s = society(cfg);
        return s.read(TICK, feeds(s, posts(s, keep), nudge, friction), List.of());
    }

    private static int[] itemsPerSession(TickReadout r) {
        return r.sessions().stream().mapToInt(Session::items).toArray();
    }

    private static double seconds(TickReadout r) {
        return r.sessions().stream().mapToDouble(Session::seconds).sum();
    }

    private static long count(TickReadout r, Action a) {
        return r.impressions().stream()
                .filter(i -> (i.actions() & (1 << a.ordinal())) != 0)
                .count();
    }

    /** Per session, coupled by the same draws: {@code fewer} never reads more than {@code more}. */
    private static void assertNeverLonger(int[] fewer, int[] more) {
        assertEquals(fewer.length, more.length);
        for (int i = 0; i < fewer.length; i++) {
            assertTrue(fewer[i] <= more[i], "session " + i + ": " + fewer[i] + " > " + more[i]);
        }
        assertTrue(
                IntStream.of(fewer).sum() < IntStream.of(more).sum(),
                IntStream.of(fewer).sum() + " items vs " + IntStream.of(more).sum());
    }

    private static final Predicate<Content> DULL = c -> c.topic() == 0;
    private static final Predicate<Content> INTERESTING = c -> c.topic() == 1;
    private static final Predicate<Content> CALM = c -> c.outrage() < 0.3;
    private static final Predicate<Content> OUTRAGE = c -> c.outrage() > 0.6;

    // ---- follows and unfollows evolve with engagement ------------------------------------------

    @Test
    void engagingWithAnUnfollowedAuthorFollowsIt() {
        SocietyConfig cfg = QUIET.withFollows(QUIET.follows().withFollowRate(1.0));
        Society s = society(cfg);
        int[][] before =
                Arrays.stream(s.users()).map(u -> u.following.clone()).toArray(int[][]::new);
        TickReadout r = s.read(TICK, feeds(s, posts(s, c -> true), false, false), List.of());
        int engagedBits = ~((1 << Action.CLICK.ordinal()) | (1 << Action.HIDE.ordinal()));
        int newFollows = 0;
        for (User u : s.users()) {
            TreeSet<Integer> expected = new TreeSet<>();
            Arrays.stream(before[u.id]).forEach(expected::add);
            for (Exposure e : r.exposures()) {
                if (e.userId() == u.id && (e.actions() & engagedBits) != 0) {
                    expected.add(e.content().authorId());
                }
            }
            newFollows += expected.size() - before[u.id].length;
            assertArrayEquals(
                    expected.stream().mapToInt(Integer::intValue).toArray(),
                    u.following(),
                    "user " + u.id);
        }
        assertTrue(newFollows > 50, "new follows " + newFollows);
        // The next request carries the evolved list.
        for (FeedRequest req : s.openSessions(TICK + 1)) {
            assertArrayEquals(s.users()[req.userId()].following(), req.following());
        }
        // With the rate at 0 nobody follows anyone new on the same feeds.
        Society still = society(QUIET);
        still.read(TICK, feeds(still, posts(still, c -> true), false, false), List.of());
        for (User u : still.users()) {
            assertArrayEquals(before[u.id], u.following());
        }
    }

    @Test
    void hidingAFollowedAuthorsPostUnfollowsIt() {
        SocietyConfig cfg = QUIET.withFollows(QUIET.follows().withUnfollowRate(1.0));
        Society s = society(cfg);
        int[] everyone = IntStream.range(0, cfg.population().creators()).toArray();
        for (User u : s.users()) {
            u.following = everyone.clone();
        }
        TickReadout r = s.read(TICK, feeds(s, posts(s, OUTRAGE), false, false), List.of());
        int unfollows = 0;
        for (User u : s.users()) {
            TreeSet<Integer> expected = new TreeSet<>();
            Arrays.stream(everyone).forEach(expected::add);
            for (Exposure e : r.exposures()) {
                if (e.userId() == u.id && (e.actions() & (1 << Action.HIDE.ordinal())) != 0) {
                    expected.remove(e.content().authorId());
                }
            }
            unfollows += everyone.length - expected.size();
            assertArrayEquals(
                    expected.stream().mapToInt(Integer::intValue).toArray(),
                    u.following(),
                    "user " + u.id);
        }
        assertTrue(unfollows > 20, "unfollows " + unfollows);
    }

    // ---- boredom -------------------------------------------------------------------------------

    @Test
    void boredomEndsSessionsSoonerAndMostOnUninterestingFeeds() {
        int[] dullOff = itemsPerSession(read(QUIET, DULL, false, false));
        int[] dullOn = itemsPerSession(read(quiet(r -> r.withBoredom(0.1)), DULL, false, false));
        int[] keenOff = itemsPerSession(read(QUIET, INTERESTING, false, false));
        int[] keenOn =
                itemsPerSession(read(quiet(r -> r.withBoredom(0.1)), INTERESTING, false, false));
        assertNeverLonger(dullOn, dullOff);
        assertNeverLonger(keenOn, keenOff);
        // Boredom accumulates the lack of interest, so it costs more items on a dull feed.
        double dullLoss = 1.0 - (double) IntStream.of(dullOn).sum() / IntStream.of(dullOff).sum();
        double keenLoss = 1.0 - (double) IntStream.of(keenOn).sum() / IntStream.of(keenOff).sum();
        assertTrue(
                dullLoss > keenLoss + 0.05,
                "share of items lost: dull " + dullLoss + ", interesting " + keenLoss);
        assertTrue(IntStream.of(dullOn).sum() < IntStream.of(keenOn).sum());
    }

    // ---- arousal pull --------------------------------------------------------------------------

    @Test
    void outrageHoldsAttentionThroughArousalPull() {
        int[] hotOff = itemsPerSession(read(quiet(r -> r.withBoredom(0.1)), OUTRAGE, false, false));
        int[] hotOn =
                itemsPerSession(
                        read(
                                quiet(r -> r.withBoredom(0.1).withArousalPull(0.3)),
                                OUTRAGE,
                                false,
                                false));
        int[] calmOff = itemsPerSession(read(quiet(r -> r.withBoredom(0.1)), CALM, false, false));
        int[] calmOn =
                itemsPerSession(
                        read(
                                quiet(r -> r.withBoredom(0.1).withArousalPull(0.3)),
                                CALM,
                                false,
                                false));
        assertNeverLonger(hotOff, hotOn);
        // The pull comes from the outrage drive, so it lengthens outrage sessions far more.
        double hotGain = (double) IntStream.of(hotOn).sum() / IntStream.of(hotOff).sum() - 1.0;
        double calmGain = (double) IntStream.of(calmOn).sum() / IntStream.of(calmOff).sum() - 1.0;
        assertTrue(
                hotGain > 0.2 && hotGain > 3 * calmGain,
                "items gained: outrage " + hotGain + ", calm " + calmGain);
    }

    // ---- habit ---------------------------------------------------------------------------------

    @Test
    void engagingSessionsBuildAHabitThatBringsUsersBack() {
        SocietyConfig cfg = quiet(r -> r.withBoredom(0.1));
        Society keen = society(cfg);
        keen.read(TICK, feeds(keen, posts(keen, INTERESTING), false, false), List.of());
        Society dull = society(cfg);
        dull.read(TICK, feeds(dull, posts(dull, DULL), false, false), List.of());
        double keenHabit =
                Arrays.stream(keen.users()).mapToDouble(u -> u.habit).average().orElseThrow();
        double dullHabit =
                Arrays.stream(dull.users()).mapToDouble(u -> u.habit).average().orElseThrow();
        assertTrue(
                keenHabit > dullHabit + 0.1,
                "habit after an interesting feed " + keenHabit + " vs a dull one " + dullHabit);
        // Same user, same satisfaction: the habit alone moves the return probability, by its
        // weight.
        User u = user(0.4, 0.35, 0.25);
        u.satisfaction = cfg.retention().satisfactionReference();
        u.habit = cfg.retention().habitReference() + 0.2;
        double up = Behaviour.returnProbability(u, cfg);
        u.habit = cfg.retention().habitReference() - 0.2;
        double down = Behaviour.returnProbability(u, cfg);
        assertEquals(u.activity * 2 * 0.2 * cfg.retention().habitWeight(), up - down, 1e-12);
        double unweighted =
                Behaviour.returnProbability(
                        u, cfg.withRetention(cfg.retention().withHabitWeight(0.0)));
        assertEquals(u.activity, unweighted, 1e-12);
    }

    // ---- time budget ---------------------------------------------------------------------------

    @Test
    void aSmallerBudgetReadsFewerItemsAndSeconds() {
        TickReadout small = read(quiet(r -> r.withSessionBudget(15.0)), INTERESTING, false, false);
        TickReadout large = read(quiet(r -> r.withSessionBudget(60.0)), INTERESTING, false, false);
        assertNeverLonger(itemsPerSession(small), itemsPerSession(large));
        assertTrue(
                seconds(small) < seconds(large), seconds(small) + " s vs " + seconds(large) + " s");
    }

    @Test
    void aSessionNeverExceedsItsBudgetByMoreThanOneItem() {
        SocietyConfig cfg = quiet(r -> r.withSessionBudget(15.0));
        Society s = society(cfg);
        TickReadout r = s.read(TICK, feeds(s, posts(s, INTERESTING), false, false), List.of());
        int binding = assertWithinBudget(s, r, 1.0);
        assertTrue(binding > 100, "sessions ended by the budget: " + binding);
    }

    @Test
    void engagingItemsAbsorbTimeSoSessionsOverrunTheBudget() {
        TickReadout counted =
                read(quiet(r -> r.withSessionBudget(15.0)), INTERESTING, false, false);
        SocietyConfig absorbing = quiet(r -> r.withSessionBudget(15.0).withAbsorption(0.5));
        Society s = society(absorbing);
        TickReadout absorbed =
                s.read(TICK, feeds(s, posts(s, INTERESTING), false, false), List.of());
        assertNeverLonger(itemsPerSession(counted), itemsPerSession(absorbed));
        assertTrue(
                seconds(counted) < seconds(absorbed),
                seconds(counted) + " s vs " + seconds(absorbed) + " s");
        // Only half of an engaging item's seconds count, and the budget still binds on that count.
        assertTrue(assertWithinBudget(s, absorbed, 1.0) > 100);
        int overrun = 0;
        for (Session session : absorbed.sessions()) {
            overrun += session.seconds() > s.users()[session.userId()].sessionBudget ? 1 : 0;
        }
        assertTrue(overrun > 50, "sessions longer in seconds than their budget: " + overrun);
    }

    /**
     * Checks that the time spent before each session's last item was under the budget, and returns
     * how many sessions reached the budget.
     */
    private static int assertWithinBudget(Society s, TickReadout r, double factor) {
        int binding = 0;
        for (Session session : r.sessions()) {
            double budget = s.users()[session.userId()].sessionBudget * factor;
            List<Exposure> seen =
                    r.exposures().stream().filter(e -> e.userId() == session.userId()).toList();
            double beforeLast = 0;
            double charged = 0;
            for (int k = 0; k < seen.size(); k++) {
                Exposure e = seen.get(k);
                charged +=
                        Behaviour.budgetCharge(
                                e.dwell(), Impression.engaged(e.actions()), s.config());
                if (k == seen.size() - 2) {
                    beforeLast = charged;
                }
            }
            assertTrue(
                    beforeLast < budget,
                    "user "
                            + session.userId()
                            + " was charged "
                            + beforeLast
                            + " s of "
                            + budget
                            + " before the last item");
            binding += charged >= budget ? 1 : 0;
        }
        return binding;
    }

    // ---- platform interventions: session nudge and reshare friction ----------------------------

    @Test
    void aSessionNudgeShortensSessions() {
        SocietyConfig cfg = quiet(r -> r.withSessionBudget(40.0));
        TickReadout plain = read(cfg, INTERESTING, false, false);
        Society s = society(cfg);
        TickReadout nudged = s.read(TICK, feeds(s, posts(s, INTERESTING), true, false), List.of());
        assertNeverLonger(itemsPerSession(nudged), itemsPerSession(plain));
        assertTrue(
                seconds(nudged) < 0.75 * seconds(plain),
                seconds(nudged) + " s vs " + seconds(plain) + " s");
        // The nudge halves the budget.
        assertTrue(assertWithinBudget(s, nudged, Society.NUDGE_BUDGET_FACTOR) > 100);
    }

    @Test
    void reshareFrictionLowersReshares() {
        SocietyConfig cfg = QUIET.withPopulation(QUIET.population().withUsers(1000));
        TickReadout plain = read(cfg, c -> true, false, false);
        TickReadout frictioned = read(cfg, c -> true, false, true);
        long without = count(plain, Action.RESHARE);
        long with = count(frictioned, Action.RESHARE);
        assertTrue(without >= 40, "reshares without friction " + without);
        assertTrue(with < 0.75 * without, "reshares " + with + " with friction vs " + without);
        // Friction targets reshares: the other actions of the same readers are drawn alike.
        assertEquals(
                count(plain, Action.LIKE),
                count(frictioned, Action.LIKE),
                0.05 * count(plain, Action.LIKE));
    }

    // ---- satisfaction from stated preferences --------------------------------------------------

    @Test
    void aCalmQualityFeedSatisfiesMoreThanAnOutrageFeed() {
        Society calmSociety = society(QUIET);
        TickReadout calm =
                calmSociety.read(
                        TICK,
                        feeds(calmSociety, posts(calmSociety, CALM), false, false),
                        List.of());
        Society hotSociety = society(QUIET);
        TickReadout hot =
                hotSociety.read(
                        TICK,
                        feeds(hotSociety, posts(hotSociety, OUTRAGE), false, false),
                        List.of());
        double calmMean =
                calm.sessions().stream().mapToDouble(Session::satisfaction).average().orElseThrow();
        double hotMean =
                hot.sessions().stream().mapToDouble(Session::satisfaction).average().orElseThrow();
        assertTrue(
                calmMean > hotMean + 0.3,
                "satisfaction calm " + calmMean + " vs outrage " + hotMean);
        // The moving average follows: after one session its mean is above the reference on the
        // calm feed and below it on the outrage feed.
        double ref = QUIET.retention().satisfactionReference();
        double calmAverage =
                Arrays.stream(calmSociety.users())
                        .mapToDouble(User::satisfaction)
                        .average()
                        .orElseThrow();
        double hotAverage =
                Arrays.stream(hotSociety.users())
                        .mapToDouble(User::satisfaction)
                        .average()
                        .orElseThrow();
        assertTrue(
                calmAverage > ref && hotAverage < ref,
                "average " + calmAverage + " vs " + hotAverage);
    }

    @Test
    void satisfactionWeighsWhatTheUserSaysTheyValue() {
        double[] bins = {0, 0, 2, 2, 0};
        User quality = user(1.0, 0.0, 0.0);
        User calm = user(0.0, 1.0, 0.0);
        User mixed = user(0.5, 0.3, 0.2);
        // Four items: mean quality 0.8, mean outrage 0.7, two stance bins equally full.
        assertEquals(0.8, Behaviour.satisfaction(quality, 4, 3.2, 2.8, bins), 1e-12);
        assertEquals(0.3, Behaviour.satisfaction(calm, 4, 3.2, 2.8, bins), 1e-12);
        assertEquals(
                0.5 * 0.8 + 0.3 * 0.3 + 0.2 * Math.log(2) / Math.log(5),
                Behaviour.satisfaction(mixed, 4, 3.2, 2.8, bins),
                1e-12);
        assertEquals(0.0, Behaviour.satisfaction(mixed, 0, 0, 0, new double[5]));
    }

    private static User user(double wq, double wc, double wv) {
        User u = new User(0, 0.2, new double[] {0.5, 0.5}, 0.5, 1.0, 2.5, 50);
        u.statedQuality = wq;
        u.statedCalm = wc;
        u.statedVariety = wv;
        return u;
    }

    // ---- out-group-specific comment response ---------------------------------------------------

    @Test
    void commentsRespondToOutrageDriveMoreWhenItTargetsTheOutgroup() {
        // logit(comment) − logit(click) = −2.6 + 0.9 · D · (1 out-group, 0.3 in-group), so its
        // slope in the outrage drive D isolates the out-group comment factor from the out-group
        // boost that D already carries.
        SocietyConfig cfg = SocietyConfig.DEFAULTS;
        User u = new User(0, 0.1, new double[cfg.population().topics()], 0.5, 1.0, 2.5, 50);
        double outSlope = commentOverClickSlope(u, -0.1, cfg);
        double inSlope = commentOverClickSlope(u, 0.3, cfg);
        assertEquals(0.9, outSlope, 1e-9);
        assertEquals(0.27, inSlope, 1e-9);
        assertTrue(
                outSlope > 3 * inSlope, "out-group slope " + outSlope + " vs in-group " + inSlope);
    }

    private static double commentOverClickSlope(User u, double stance, SocietyConfig cfg) {
        Content low = new Content(1, 0, 0, 0, stance, 0.2, 0.1, 0.5);
        Content high = new Content(2, 0, 0, 0, stance, 0.8, 0.4, 0.5);
        double dLow = Behaviour.outrageDrive(u, low, cfg);
        double dHigh = Behaviour.outrageDrive(u, high, cfg);
        return (commentOverClick(u, high, cfg) - commentOverClick(u, low, cfg)) / (dHigh - dLow);
    }

    private static double commentOverClick(User u, Content c, SocietyConfig cfg) {
        double[] p = new double[Action.values().length];
        Behaviour.engagementProbabilities(u, c, cfg, p);
        return logit(p[Action.COMMENT.ordinal()]) - logit(p[Action.CLICK.ordinal()]);
    }

    private static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }
}
