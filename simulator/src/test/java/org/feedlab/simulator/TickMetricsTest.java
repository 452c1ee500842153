package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.ModelVersion;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.Segment;
import org.feedlab.simulator.metrics.SegmentView;
import org.feedlab.simulator.metrics.SocietyReporters;
import org.feedlab.simulator.metrics.TickMetrics;
import org.junit.jupiter.api.Test;

/**
 * The collector on a real tick: segment views hold their own users' reading, rows come in reporter
 * order for each segment, and the counts match the users' state.
 */
class TickMetricsTest {
    private static final long SEED = 11;
    private static final long TICK = 3;

    /** A touchy society with many young users, so anger exits happen in both segments. */
    private static Society society() {
        SocietyConfig d = Fixtures.sized(300, 40);
        return Society.create(
                d.withAffect(d.affect().withAngerThreshold(0.2).withAngerExitHazard(0.3))
                        .withYouth(d.youth().withShare(0.4)),
                SEED);
    }

    /** Every user who opens the app reads the same feed: the most hostile posts first. */
    private static TickReadout readHotFeeds(Society s) {
        List<Content> posts = new ArrayList<>();
        for (long t = 0; t <= TICK; t++) {
            s.beginTick(t);
            posts.addAll(s.publish(t));
        }
        List<FeedItem> items =
                posts.stream()
                        .sorted(Comparator.comparingDouble(Content::hostility).reversed())
                        .limit(100)
                        .map(c -> new FeedItem(c.postId(), 0.0, new double[0], false))
                        .toList();
        Map<Integer, Feed> feeds = new TreeMap<>();
        s.openSessions(TICK)
                .forEach(
                        r ->
                                feeds.put(
                                        r.userId(),
                                        Feed.of(
                                                r.requestId(),
                                                r.userId(),
                                                TICK,
                                                ModelVersion.NONE,
                                                "test",
                                                items)));
        return s.read(TICK, feeds, posts);
    }

    private static double value(List<Measurement> rows, String metric, String segment) {
        return rows.stream()
                .filter(m -> m.metric().equals(metric) && m.segment().equals(segment))
                .mapToDouble(Measurement::value)
                .reduce(
                        (a, b) -> {
                            throw new AssertionError("duplicate " + metric + " " + segment);
                        })
                .orElseThrow(() -> new AssertionError("missing " + metric + " " + segment));
    }

    private static boolean in(User u, String segment) {
        return segment.equals(TickMetrics.POPULATION) || u.segment().equals(segment);
    }

    @Test
    void angerExitsAndSessionsAreCountedPerSegment() {
        Society s = society();
        TickReadout r = readHotFeeds(s);
        List<Measurement> rows =
                TickMetrics.measure(
                        s,
                        r,
                        List.of(SocietyReporters.SESSIONS, SocietyReporters.ANGER_EXITS),
                        TickMetrics.segments(s, Optional.empty()));
        for (String segment : TickMetrics.SEGMENTS) {
            long angry = 0;
            long sessions = 0;
            for (Session session : r.sessions()) {
                if (in(s.users()[session.userId()], segment)) {
                    sessions++;
                    angry += session.angerExit() ? 1 : 0;
                }
            }
            assertTrue(angry > 0 && angry < sessions, segment + ": " + angry + " of " + sessions);
            assertEquals(angry, value(rows, "anger_exits", segment), segment);
            assertEquals(sessions, value(rows, "sessions", segment), segment);
        }
        assertEquals(
                value(rows, "anger_exits", "all"),
                value(rows, "anger_exits", User.ADULT) + value(rows, "anger_exits", User.YOUNG));
    }

    @Test
    void aRunWithoutExperimentsReportsOnlyTheDeclaredSegments() {
        assertEquals(
                TickMetrics.SEGMENTS,
                TickMetrics.segments(society(), Optional.empty()).stream()
                        .map(Segment::name)
                        .toList());
    }

    /** Half the users are off the app on days 2 to 5. */
    private static Society deactivating() {
        SocietyConfig d = Fixtures.sized(300, 40);
        return Society.create(d.withDeactivation(new SocietyConfig.Deactivation(0.5, 2, 4)), SEED);
    }

    /** Every reporter {@link SocietyReporters} declares, in declaration order. */
    private static List<Reporter> everyReporter() throws IllegalAccessException {
        List<Reporter> out = new ArrayList<>();
        for (Field f : SocietyReporters.class.getFields()) {
            if (f.getType() == Reporter.class && Modifier.isStatic(f.getModifiers())) {
                out.add((Reporter) f.get(null));
            }
        }
        return out;
    }

    @Test
    void segmentsMeasuredAtOnceGiveTheRowsOfOneThread() throws Exception {
        Society s = deactivating();
        List<Segment> segments = TickMetrics.segments(s, Optional.of(u -> u < 10));
        TickReadout r = readHotFeeds(s);
        List<Reporter> reporters = everyReporter();
        assertTrue(reporters.size() > 30, "reporters found: " + reporters.size());
        List<Measurement> one = TickMetrics.measure(s, r, reporters, segments);
        assertEquals(
                List.of("all", "adult", "young", "treated", "untreated"),
                one.stream().map(Measurement::segment).distinct().toList());
        try (Workers three = Workers.of(3)) {
            // Five segments on three threads: the rows, in segment order, of one thread.
            assertEquals(one, TickMetrics.measure(s, r, reporters, segments, three));
        }
    }

    @Test
    void treatedAndUntreatedRowsSplitThePopulationByTheExperimentsMembers() {
        // Half the users are off the app on days 2 to 5; the platform treats users 0 … 9 too.
        Society s = deactivating();
        List<Segment> segments = TickMetrics.segments(s, Optional.of(u -> u < 10));
        assertEquals(
                List.of("all", "adult", "young", "treated", "untreated"),
                segments.stream().map(Segment::name).toList());
        TickReadout r = readHotFeeds(s);
        List<Measurement> rows =
                TickMetrics.measure(s, r, List.of(SocietyReporters.SESSIONS), segments);
        long treatedSessions = 0;
        long untreatedSessions = 0;
        for (Session session : r.sessions()) {
            int u = session.userId();
            // Deactivated users never open the app on day 3.
            assertFalse(s.treats(u) && u >= 10, "user " + u + " read on a day off");
            if (s.treats(u) || u < 10) {
                treatedSessions++;
            } else {
                untreatedSessions++;
            }
        }
        assertTrue(untreatedSessions > 0);
        assertEquals(treatedSessions, value(rows, "sessions", TickMetrics.TREATED));
        assertEquals(untreatedSessions, value(rows, "sessions", TickMetrics.UNTREATED));
        assertEquals(
                value(rows, "sessions", "all"),
                value(rows, "sessions", "treated") + value(rows, "sessions", "untreated"));
    }

    @Test
    void rowsFollowTheReporterListForEachSegmentInTurn() {
        Society s = society();
        List<Measurement> rows =
                TickMetrics.measure(
                        s,
                        readHotFeeds(s),
                        List.of(
                                SocietyReporters.CHURN,
                                SocietyReporters.CREATOR_PROPENSITY,
                                SocietyReporters.ITEMS_READ),
                        TickMetrics.segments(s, Optional.empty()));
        List<String> order = rows.stream().map(m -> m.segment() + "/" + m.metric()).toList();
        assertEquals(
                List.of(
                        "all/churned_users",
                        "all/creator_outrage_propensity_mean",
                        "all/items_read",
                        "all/impressions",
                        "adult/churned_users",
                        "adult/items_read",
                        "adult/impressions",
                        "young/churned_users",
                        "young/items_read",
                        "young/impressions"),
                order);
    }

    @Test
    void eachSegmentViewHoldsOnlyItsOwnUsersAndTheirReading() {
        Society s = society();
        TickReadout r = readHotFeeds(s);
        int[] users = new int[TickMetrics.SEGMENTS.size()];
        int[] exposures = new int[users.length];
        for (int g = 0; g < users.length; g++) {
            SegmentView v = SegmentView.of(s, r, TickMetrics.segments(s, Optional.empty()), g);
            String segment = TickMetrics.SEGMENTS.get(g);
            assertEquals(segment, v.name());
            assertEquals(g == 0, v.isPopulation());
            assertTrue(v.users().stream().allMatch(u -> in(u, segment)));
            assertTrue(v.exposures().stream().allMatch(e -> in(s.users()[e.userId()], segment)));
            assertTrue(v.sessions().stream().allMatch(x -> in(s.users()[x.userId()], segment)));
            assertTrue(v.impressions().stream().allMatch(i -> in(s.users()[i.userId()], segment)));
            assertEquals(r.newPosts(), v.newPosts());
            users[g] = v.users().size();
            exposures[g] = v.exposures().size();
        }
        assertEquals(s.users().length, users[0]);
        assertEquals(users[0], users[1] + users[2]);
        assertEquals(r.exposures().size(), exposures[0]);
        assertEquals(exposures[0], exposures[1] + exposures[2]);
    }
}
