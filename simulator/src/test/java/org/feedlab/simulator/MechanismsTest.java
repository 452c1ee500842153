package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.SocietyReporters;
import org.feedlab.simulator.metrics.TickMetrics;
import org.junit.jupiter.api.Test;

/** One test per society mechanism added with the full model; each fails if the mechanism goes. */
class MechanismsTest {
    private static final double EPS = 1e-12;

    /** Ten creators at propensity 0.3; posts alternate calm (0.1) and outrageous (0.9). */
    private static double learnedMean(SocietyConfig cfg, boolean outrageWins) {
        Creator[] creators = new Creator[10];
        Map<Long, Content> content = new HashMap<>();
        List<Exposure> exposures = new ArrayList<>();
        List<Content> posts = new ArrayList<>();
        long id = 1;
        for (int c = 0; c < creators.length; c++) {
            creators[c] = new Creator(c, -0.9 + 0.2 * c, 0, 0.5, 0.3);
        }
        for (int round = 0; round < 20; round++) {
            for (int c = 0; c < creators.length; c++) {
                double o = (round % 2 == 0) ? 0.1 : 0.9;
                Content p = new Content(id++, c, round, 0, 0.2, o, o / 2, 0.5);
                content.put(p.postId(), p);
                posts.add(p);
                boolean rewarded = (o > 0.5) == outrageWins;
                int likes = rewarded ? 5 : 0;
                for (int k = 0; k < likes; k++) {
                    exposures.add(
                            new Exposure(
                                    k,
                                    p,
                                    false,
                                    Impression.with(0, Action.LIKE),
                                    new double[0],
                                    0.5,
                                    1.0,
                                    false));
                }
            }
            CreatorLearning.learn(cfg.creators(), creators, content, exposures, posts);
            exposures.clear();
            posts.clear();
        }
        double s = 0;
        for (Creator c : creators) {
            s += c.outragePropensity();
        }
        return s / creators.length;
    }

    @Test
    void creatorsLearnOutrageWhenItPays() {
        SocietyConfig cfg = SocietyConfig.DEFAULTS;
        double rewarded = learnedMean(cfg, true);
        double punished = learnedMean(cfg, false);
        assertTrue(rewarded > 0.35, "propensity after rewarded outrage " + rewarded);
        assertTrue(punished < 0.25, "propensity after rewarded calm " + punished);
    }

    @Test
    void withoutLearningPropensitiesStayFlat() {
        SocietyConfig sized = TestConfigs.sized(50, 10);
        SocietyConfig off = sized.withCreators(sized.creators().withLearning(false));
        Society s = Society.create(off, 3);
        double[] before = propensities(s);
        runTicks(s, 4);
        assertEquals(Arrays.toString(before), Arrays.toString(propensities(s)));
        SocietyConfig on = off.withCreators(off.creators().withLearning(true));
        Society learning = Society.create(on, 3);
        runTicks(learning, 4);
        assertTrue(!Arrays.equals(before, propensities(learning)), "learning changes propensities");
    }

    @Test
    void resharesBecomePostsOfTheUserWithParentAndDepth() {
        SocietyConfig cfg = TestConfigs.sized(200, 20);
        Society s = Society.create(cfg, 5);
        List<Content> all = runTicks(s, 3);
        Content reshare = all.stream().filter(Content::isReshare).findFirst().orElseThrow();
        assertTrue(reshare.authorId() >= cfg.population().creators(), "author is a user account");
        Content parent =
                all.stream()
                        .filter(c -> c.postId() == reshare.parentPostId())
                        .findFirst()
                        .orElseThrow();
        assertEquals(parent.depth() + 1, reshare.depth());
        assertEquals(parent.outrage(), reshare.outrage(), EPS);
        assertEquals(reshare.parentPostId(), s.observe(reshare).parentPostId());
    }

    @Test
    void readingFillsDwellAndASmallShareOfSurveys() {
        SocietyConfig sized = TestConfigs.sized(300, 30);
        Society s = Society.create(sized.withReading(sized.reading().withSurveyRate(0.2)), 9);
        List<Content> posts = s.publish(0);
        TickReadout r = s.read(0, allFeeds(s, posts, 0, "test"), posts);
        long asked =
                r.impressions().stream().filter(i -> i.survey() != Impression.NO_SURVEY).count();
        assertTrue(r.impressions().stream().allMatch(i -> i.dwell() > 0));
        assertTrue(
                asked > 0.1 * r.impressions().size() && asked < 0.3 * r.impressions().size(),
                asked + " of " + r.impressions().size());
    }

    @Test
    void longUnsatisfiedUsersChurnAndStopOpening() {
        // Everyone is unsatisfied (threshold 1): after `patience` sessions they leave.
        SocietyConfig sized = TestConfigs.sized(100, 10);
        SocietyConfig cfg =
                sized.withRetention(
                        sized.retention()
                                .withChurnThreshold(1.0)
                                .withChurnPatience(2)
                                .withActivity(1.0));
        Society s = Society.create(cfg, 2);
        runTicks(s, 12);
        long churned = Arrays.stream(s.users()).filter(u -> !u.active()).count();
        assertEquals(100, churned);
        assertTrue(s.openSessions(12).isEmpty());
    }

    @Test
    void segmentsAreReportedSeparately() {
        SocietyConfig sized = TestConfigs.sized(400, 30);
        SocietyConfig cfg = sized.withYouth(sized.youth().withShare(0.5));
        Society s = Society.create(cfg, 4);
        List<Content> posts = s.publish(0);
        TickReadout r = s.read(0, allFeeds(s, posts, 0, "test"), posts);
        List<Measurement> rows = TickMetrics.measure(s, r, List.of(SocietyReporters.ITEMS_READ));
        double all = value(rows, "items_read", "all");
        assertEquals(
                all, value(rows, "items_read", "adult") + value(rows, "items_read", "young"), EPS);
        assertTrue(value(rows, "items_read", "young") > 0);
    }

    private static double value(List<Measurement> rows, String metric, String segment) {
        return rows.stream()
                .filter(m -> m.metric().equals(metric) && m.segment().equals(segment))
                .mapToDouble(Measurement::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("missing " + metric + " " + segment));
    }

    private static double[] propensities(Society s) {
        return Arrays.stream(s.creators()).mapToDouble(Creator::outragePropensity).toArray();
    }

    /**
     * Every user that opens gets every post of the tick, newest first, under the "test" objective.
     */
    private static Map<Integer, Feed> allFeeds(
            Society s, List<Content> posts, long tick, String objective) {
        Map<Integer, Feed> feeds = new HashMap<>();
        List<FeedItem> items = new ArrayList<>();
        for (int k = posts.size() - 1; k >= 0 && items.size() < 20; k--) {
            items.add(new FeedItem(posts.get(k).postId(), 0.0, new double[0], false));
        }
        for (var req : s.openSessions(tick)) {
            feeds.put(
                    req.userId(),
                    Feed.of(
                            req.requestId(),
                            req.userId(),
                            tick,
                            ModelVersion.NONE,
                            objective,
                            items));
        }
        return feeds;
    }

    private static List<Content> runTicks(Society s, int ticks) {
        List<Content> all = new ArrayList<>();
        for (long t = 0; t < ticks; t++) {
            s.beginTick(t);
            List<Content> posts = s.publish(t);
            all.addAll(posts);
            s.read(t, allFeeds(s, posts, t, "test"), posts);
        }
        return all;
    }
}
