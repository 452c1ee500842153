package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.ModelVersion;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.SocietyReporters;
import org.feedlab.simulator.metrics.Stats;
import org.feedlab.simulator.metrics.TickMetrics;
import org.junit.jupiter.api.Test;

/**
 * The population's drawn state: per-user parameters follow the scenario's distributions (segments
 * included), and ideology can have d dimensions while metrics read the first axis. Each test fails
 * if the draw or the extra dimension is removed.
 */
class PopulationMechanismsTest {
    private static final long SEED = 23;
    private static final double EPS = 1e-12;

    private static final SocietyConfig SMALL = TestConfigs.sized(2000, 50);

    /** The reporters that read the users' state (the rest read the tick's reading). */
    private static final List<Reporter> USER_STATE_REPORTERS =
            List.of(
                    SocietyReporters.OPINION,
                    SocietyReporters.OUTGROUP_THERMOMETER,
                    SocietyReporters.INGROUP_AFFECT,
                    SocietyReporters.CHURN);

    // ---- per-user parameters drawn from the scenario's distributions ---------------------------

    @Test
    void youngUsersGetTheirSegmentsSusceptibilityAndActivity() {
        SocietyConfig cfg =
                SMALL.withYouth(new SocietyConfig.Youth(0.4, 2.0, 1.6))
                        .withRetention(SMALL.retention().withActivity(0.3));
        Society s = Society.create(cfg, SEED);
        // Same seed, young multipliers neutral: the same users and draws, so ratios are exact.
        Society neutral =
                Society.create(
                        cfg.withYouth(cfg.youth().withSusceptibility(1.0).withActivityFactor(1.0)),
                        SEED);
        int young = 0;
        for (User u : s.users()) {
            User n = neutral.users()[u.id];
            assertEquals(
                    n.segment(), u.segment(), "segment draws do not depend on the multipliers");
            boolean isYoung = User.YOUNG.equals(u.segment());
            young += isYoung ? 1 : 0;
            assertEquals(isYoung ? 2.0 : 1.0, u.susceptibility, EPS);
            assertEquals(isYoung ? 1.6 : 1.0, u.activity / n.activity, 1e-9, "user " + u.id);
        }
        assertEquals(0.4, young / 2000.0, 0.04, "young share");
        // The susceptibility acts: the same item angers a young user twice as much.
        User adult =
                Arrays.stream(s.users())
                        .filter(u -> !User.YOUNG.equals(u.segment()))
                        .findFirst()
                        .orElseThrow();
        User teen =
                Arrays.stream(s.users())
                        .filter(u -> User.YOUNG.equals(u.segment()))
                        .findFirst()
                        .orElseThrow();
        Content hostileToAdult = new Content(1, 0, 0, 0, -adult.side() * 0.6, 0.8, 0.6, 0.5);
        Content hostileToTeen = new Content(2, 0, 0, 0, -teen.side() * 0.6, 0.8, 0.6, 0.5);
        assertEquals(
                2.0 * Behaviour.angerIncrement(adult, hostileToAdult, cfg),
                Behaviour.angerIncrement(teen, hostileToTeen, cfg),
                EPS);
    }

    @Test
    void traitsAreHeterogeneousAroundTheConfiguredCentres() {
        SocietyConfig cfg =
                SMALL.withAffect(SMALL.affect().withOutrageAppetite(2.0).withAngerTolerance(4.0))
                        .withReading(SMALL.reading().withSessionBudget(60.0));
        Society s = Society.create(cfg, SEED);
        double[] appetite = Arrays.stream(s.users()).mapToDouble(u -> u.outrageAppetite).toArray();
        double[] tolerance =
                Arrays.stream(s.users()).mapToDouble(u -> u.angerTolerance).sorted().toArray();
        double[] budget =
                Arrays.stream(s.users()).mapToDouble(u -> u.sessionBudget).sorted().toArray();
        // Log-normal appetite with mean Ā; tolerance with median τ̄; budget with median B̄ e^−0.08.
        assertEquals(2.0, Stats.mean(appetite), 0.1);
        assertEquals(4.0, tolerance[tolerance.length / 2], 0.2);
        assertEquals(60.0 * Math.exp(-0.08), budget[budget.length / 2], 3.0);
        assertTrue(Stats.variance(appetite) > 0.1, "appetite varies between users");
        assertTrue(
                tolerance[tolerance.length / 10] < 0.8 * tolerance[tolerance.length * 9 / 10],
                "tolerance varies");
        assertTrue(
                budget[budget.length / 10] < 0.6 * budget[budget.length * 9 / 10], "budget varies");
        // Scaling a centre scales each user's draw (same seed, same ε).
        Society doubled =
                Society.create(
                        cfg.withReading(cfg.reading().withSessionBudget(120.0))
                                .withAffect(cfg.affect().withAngerTolerance(8.0)),
                        SEED);
        for (User u : s.users()) {
            assertEquals(2.0, doubled.users()[u.id].sessionBudget / u.sessionBudget, 1e-9);
            assertEquals(2.0, doubled.users()[u.id].angerTolerance / u.angerTolerance, 1e-9);
        }
    }

    @Test
    void statedWeightsAreDrawnAroundTheConfiguredMeansAndSumToOne() {
        Society s =
                Society.create(
                        SMALL.withStatedPreferences(
                                new SocietyConfig.StatedPreferences(0.8, 0.1, 0.1)),
                        SEED);
        double[] wq = new double[s.users().length];
        for (User u : s.users()) {
            assertEquals(1.0, u.statedQuality + u.statedCalm + u.statedVariety, 1e-9);
            wq[u.id] = u.statedQuality;
        }
        assertTrue(Stats.mean(wq) > 0.65, "mean quality weight " + Stats.mean(wq));
        assertTrue(Stats.variance(wq) > 0.002, "quality weight varies: " + Stats.variance(wq));
        Society calmFirst =
                Society.create(
                        SMALL.withStatedPreferences(
                                new SocietyConfig.StatedPreferences(0.1, 0.8, 0.1)),
                        SEED);
        double calmMean =
                Arrays.stream(calmFirst.users())
                        .mapToDouble(u -> u.statedCalm)
                        .average()
                        .orElseThrow();
        assertTrue(calmMean > 0.65, "mean calm weight " + calmMean);
    }

    // ---- d-dimensional ideology ----------------------------------------------------------------

    @Test
    void distanceIsTheRootMeanSquareOverAxesAndDecidesAssimilation() {
        SocietyConfig cfg = SocietyConfig.DEFAULTS;
        User u =
                new User(
                        0,
                        0.2,
                        new double[] {-0.5},
                        new double[cfg.population().topics()],
                        0.5,
                        1.0,
                        2.5,
                        50);
        Content sameFirstAxis =
                new Content(1, 0, 0, 0, 0.2, 0.1, 0.05, 0.5, -1, 1, 0, new double[] {0.5});
        assertEquals(Math.sqrt(0.5), Behaviour.distance(u, sameFirstAxis), EPS);
        // Equal on the first axis but beyond the latitude over both: no assimilation on any axis.
        Behaviour.updateOpinion(u, sameFirstAxis, cfg);
        assertEquals(0.2, u.ideology, EPS);
        assertEquals(-0.5, u.extraIdeology[0], EPS);
        // Close on both axes: assimilation on both.
        Content near = new Content(2, 0, 0, 0, 0.4, 0.1, 0.05, 0.5, -1, 2, 0, new double[] {-0.3});
        Behaviour.updateOpinion(u, near, cfg);
        assertEquals(0.2 + cfg.opinion().assimilation() * 0.2, u.ideology, EPS);
        assertEquals(-0.5 + cfg.opinion().assimilation() * 0.2, u.extraIdeology[0], EPS);
    }

    @Test
    void twoDimensionsRunAndMetricsReadTheFirstAxis() {
        SocietyConfig two =
                SMALL.withPopulation(SMALL.population().withUsers(300).withIdeologyDims(2));
        Society s = Society.create(two, SEED);
        Society one = Society.create(SMALL.withPopulation(SMALL.population().withUsers(300)), SEED);
        // The first axis is drawn as with one dimension; the second exists for everyone.
        for (User u : s.users()) {
            assertEquals(one.users()[u.id].ideology, u.ideology, EPS);
            assertEquals(1, u.extraIdeology.length);
        }
        assertTrue(
                Arrays.stream(s.users()).anyMatch(u -> u.extraIdeology[0] < 0)
                        && Arrays.stream(s.users()).anyMatch(u -> u.extraIdeology[0] > 0),
                "two camps on axis 2");
        double[] secondBefore =
                Arrays.stream(s.users()).mapToDouble(u -> u.extraIdeology[0]).toArray();
        s.beginTick(0);
        List<Content> posts = s.publish(0);
        assertTrue(posts.stream().allMatch(c -> c.extraStance().length == 1));
        Map<Integer, Feed> feeds = new TreeMap<>();
        List<FeedItem> items = new ArrayList<>();
        for (int k = 0; k < Math.min(20, posts.size()); k++) {
            items.add(new FeedItem(posts.get(k).postId(), 0.0, new double[0], false));
        }
        for (User u : s.users()) {
            feeds.put(
                    u.id,
                    Feed.of(Society.requestId(0, u.id), u.id, 0, ModelVersion.NONE, "test", items));
        }
        TickReadout r = s.read(0, feeds, posts);
        double[] secondAfter =
                Arrays.stream(s.users()).mapToDouble(u -> u.extraIdeology[0]).toArray();
        assertTrue(!Arrays.equals(secondBefore, secondAfter), "opinions move on the second axis");
        // Metrics read the first axis: moving every user's second axis changes none of them.
        List<Measurement> before = TickMetrics.measure(s, r, USER_STATE_REPORTERS);
        double[] first = Arrays.stream(s.users()).mapToDouble(User::ideology).toArray();
        assertEquals(Stats.variance(first), value(before, "opinion_variance"), EPS);
        assertEquals(Stats.meanAbs(first), value(before, "opinion_extremity_mean"), EPS);
        for (User u : s.users()) {
            u.extraIdeology[0] = -u.extraIdeology[0];
        }
        List<Measurement> after = TickMetrics.measure(s, r, USER_STATE_REPORTERS);
        assertArrayEquals(
                before.stream().mapToDouble(Measurement::value).toArray(),
                after.stream().mapToDouble(Measurement::value).toArray());
    }

    private static double value(List<Measurement> rows, String metric) {
        return rows.stream()
                .filter(m -> m.metric().equals(metric) && m.segment().equals("all"))
                .mapToDouble(Measurement::value)
                .findFirst()
                .orElseThrow();
    }
}
