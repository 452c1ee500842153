package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.junit.jupiter.api.Test;

/** Checks the society's construction, its follow graph and the reading story of one tick. */
class SocietyTest {
    private static final long SEED = 42;
    private static final int FEED_SIZE = 20;
    private static final int PUBLISH_TICKS = 6;

    /** A small society; the remaining parameters are the defaults. */
    private static SocietyConfig config(double homophily, double angerTolerance) {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        return d.withPopulation(d.population().withUsers(200).withCreators(60).withTopics(4))
                .withFollows(
                        d.follows()
                                .withCreatorFollowsPerUser(8)
                                .withUserFollowsPerUser(0)
                                .withHomophily(homophily))
                .withReading(d.reading().withFeedSize(FEED_SIZE))
                .withAffect(d.affect().withAngerTolerance(angerTolerance))
                .withCreators(d.creators().withOutrage(0.45));
    }

    private static SocietyConfig config() {
        return config(3.0, SocietyConfig.DEFAULTS.affect().angerTolerance());
    }

    @Test
    void sameConfigAndSeedGiveTheSamePopulationAndGraph() {
        Society a = Society.create(config(), SEED);
        Society b = Society.create(config(), SEED);
        assertEquals(List.of(a.creators()), List.of(b.creators()));
        for (int i = 0; i < a.users().length; i++) {
            User u = a.users()[i];
            User v = b.users()[i];
            assertEquals(u.ideology, v.ideology);
            assertArrayEquals(u.topicInterest, v.topicInterest);
            assertEquals(u.activity, v.activity);
            assertEquals(u.outrageAppetite, v.outrageAppetite);
            assertEquals(u.angerTolerance, v.angerTolerance);
            assertEquals(u.thermometer, v.thermometer);
            assertArrayEquals(u.following, v.following);
        }
    }

    @Test
    void anotherSeedGivesAnotherPopulationAndGraph() {
        Society a = Society.create(config(), SEED);
        Society b = Society.create(config(), SEED + 1);
        assertFalse(Arrays.equals(ideologies(a), ideologies(b)));
        assertNotEquals(List.of(a.creators()), List.of(b.creators()));
        int sameFollows = 0;
        for (int i = 0; i < a.users().length; i++) {
            if (Arrays.equals(a.users()[i].following, b.users()[i].following)) {
                sameFollows++;
            }
        }
        assertTrue(sameFollows < a.users().length / 10, "same follow lists: " + sameFollows);
    }

    @Test
    void everyUserFollowsDistinctCreatorsInAscendingOrder() {
        Society s = Society.create(config(), SEED);
        for (User u : s.users()) {
            assertEquals(8, u.following.length);
            for (int k = 1; k < u.following.length; k++) {
                assertTrue(u.following[k - 1] < u.following[k], Arrays.toString(u.following));
            }
        }
    }

    @Test
    void followGraphIsHomophilous() {
        Society s = Society.create(config(), SEED);
        double follows = meanFollowDistance(s);
        double allPairs = meanPairDistance(s);
        assertTrue(follows < 0.7 * allPairs, "follows " + follows + " vs all pairs " + allPairs);
        // Without homophily follows are about as far apart as random pairs.
        Society flat = Society.create(config(0.0, 2.5), SEED);
        double flatFollows = meanFollowDistance(flat);
        assertTrue(flatFollows > 0.85 * meanPairDistance(flat), "no homophily: " + flatFollows);
        assertTrue(follows < flatFollows);
    }

    private static double meanFollowDistance(Society s) {
        double sum = 0;
        int n = 0;
        for (User u : s.users()) {
            for (int c : u.following) {
                sum += Math.abs(u.ideology - s.creators()[c].ideology());
                n++;
            }
        }
        return sum / n;
    }

    private static double meanPairDistance(Society s) {
        double sum = 0;
        int n = 0;
        for (User u : s.users()) {
            for (Creator c : s.creators()) {
                sum += Math.abs(u.ideology - c.ideology());
                n++;
            }
        }
        return sum / n;
    }

    private static double[] ideologies(Society s) {
        return Arrays.stream(s.users()).mapToDouble(User::ideology).toArray();
    }

    @Test
    void openSessionsAreDeterministicAndCarryTheFollowLists() {
        Society a = Society.create(config(), SEED);
        List<FeedRequest> requests = a.openSessions(3);
        List<FeedRequest> again = Society.create(config(), SEED).openSessions(3);
        assertFalse(requests.isEmpty());
        assertEquals(requests.size(), again.size());
        for (int i = 0; i < requests.size(); i++) {
            FeedRequest r = requests.get(i);
            assertEquals(r.userId(), again.get(i).userId());
            assertEquals(Society.requestId(3, r.userId()), r.requestId());
            assertArrayEquals(a.users()[r.userId()].following, r.following());
            assertEquals(FEED_SIZE, r.feedSize());
            if (i > 0) {
                assertTrue(requests.get(i - 1).userId() < r.userId());
            }
        }
    }

    private static long angerExits(TickReadout r) {
        return r.sessions().stream().filter(Session::angerExit).count();
    }

    /** Posts of a few ticks, published by {@code s}. */
    private static List<Content> publishSome(Society s) {
        List<Content> all = new ArrayList<>();
        for (long t = 0; t < PUBLISH_TICKS; t++) {
            s.beginTick(t);
            all.addAll(s.publish(t));
        }
        return all;
    }

    /**
     * One feed per user, of the posts that pass {@code keep} for that user, most outrageous first,
     * at most {@link #FEED_SIZE} items.
     */
    private static Map<Integer, Feed> feeds(
            Society s, List<Content> posts, long tick, BiPredicate<User, Content> keep) {
        Map<Integer, Feed> feeds = new TreeMap<>();
        for (User u : s.users()) {
            List<FeedItem> items =
                    posts.stream()
                            .filter(c -> keep.test(u, c))
                            .sorted(Comparator.comparingDouble(Content::outrage).reversed())
                            .limit(FEED_SIZE)
                            .map(c -> new FeedItem(c.postId(), 0.0, new double[0], false))
                            .toList();
            if (!items.isEmpty()) {
                feeds.put(
                        u.id,
                        Feed.of(
                                Society.requestId(tick, u.id),
                                u.id,
                                tick,
                                ModelVersion.NONE,
                                "test",
                                items));
            }
        }
        return feeds;
    }

    private static final BiPredicate<User, Content> HOSTILE_OUTGROUP =
            (u, c) -> Behaviour.outgroup(u, c) && c.outrage() >= 0.6;
    private static final BiPredicate<User, Content> CALM_INGROUP =
            (u, c) -> !Behaviour.outgroup(u, c) && c.outrage() <= 0.25;

    @Test
    void outrageousOutgroupFeedsEndSessionsInAnger() {
        long tick = PUBLISH_TICKS;
        Society hostile = Society.create(config(), SEED);
        Map<Integer, Feed> hostileFeeds =
                feeds(hostile, publishSome(hostile), tick, HOSTILE_OUTGROUP);
        TickReadout angry = hostile.read(tick, hostileFeeds, List.of());

        Society calm = Society.create(config(), SEED);
        Map<Integer, Feed> calmFeeds = feeds(calm, publishSome(calm), tick, CALM_INGROUP);
        TickReadout quiet = calm.read(tick, calmFeeds, List.of());

        assertEquals(hostile.users().length, hostileFeeds.size(), "every user got a hostile feed");
        assertEquals(calm.users().length, calmFeeds.size(), "every user got a calm feed");
        assertTrue(angerExits(angry) > 0, "anger exits: " + angerExits(angry));
        assertEquals(0, angerExits(quiet));
        assertTrue(
                angry.impressions().size() < quiet.impressions().size(),
                angry.impressions().size() + " items read vs " + quiet.impressions().size());
        // Exactly the users left above their tolerance are the ones that left in anger.
        long overTolerance =
                Arrays.stream(hostile.users()).filter(u -> u.anger > u.angerTolerance).count();
        assertEquals(overTolerance, angerExits(angry));
    }

    @Test
    void everySessionEndsForTheReasonItGives() {
        long tick = PUBLISH_TICKS;
        SocietyConfig touchy = config(3.0, 1.2);
        // A budget tight enough to end some sessions, and feeds short enough to finish some.
        Society s =
                Society.create(touchy.withReading(touchy.reading().withSessionBudget(25.0)), SEED);
        List<Content> posts = publishSome(s);
        Map<Integer, Feed> feeds = feeds(s, posts, tick, (u, c) -> c.postId() % 60 < 1 + u.id % 4);
        TickReadout r = s.read(tick, feeds, List.of());
        Map<StopReason, Integer> seen = new EnumMap<>(StopReason.class);
        for (Session session : r.sessions()) {
            User u = s.users()[session.userId()];
            int shown = feeds.get(session.userId()).items().size();
            seen.merge(session.stopReason(), 1, Integer::sum);
            assertEquals(
                    session.stopReason() == StopReason.ANGER_EXIT,
                    u.anger > u.angerTolerance,
                    "user " + u.id);
            assertEquals(session.stopReason() == StopReason.ANGER_EXIT, session.angerExit());
            if (session.stopReason() == StopReason.END_OF_FEED) {
                assertEquals(shown, session.items());
            } else {
                assertTrue(session.items() <= shown);
            }
            if (session.stopReason() == StopReason.TIME_BUDGET) {
                // Charged seconds reached the budget, and no item is charged more than its dwell.
                assertTrue(session.seconds() >= u.sessionBudget, "user " + u.id);
            }
        }
        assertEquals(Set.of(StopReason.values()), seen.keySet(), "every reason occurs: " + seen);
    }

    @Test
    void angerExitsShortenSessionsOnTheSameFeeds() {
        long tick = PUBLISH_TICKS;
        Society tolerant = Society.create(config(3.0, 1e9), SEED);
        TickReadout unlimited =
                tolerant.read(
                        tick,
                        feeds(tolerant, publishSome(tolerant), tick, HOSTILE_OUTGROUP),
                        List.of());
        Society touchy = Society.create(config(3.0, 0.6), SEED);
        TickReadout limited =
                touchy.read(
                        tick,
                        feeds(touchy, publishSome(touchy), tick, HOSTILE_OUTGROUP),
                        List.of());
        assertEquals(0, angerExits(unlimited));
        assertTrue(angerExits(limited) > 0);
        assertTrue(
                limited.impressions().size() < unlimited.impressions().size(),
                limited.impressions().size() + " vs " + unlimited.impressions().size());
    }

    @Test
    void readingOrderDoesNotDependOnTheMapsIterationOrder() {
        long tick = PUBLISH_TICKS;
        Society a = Society.create(config(), SEED);
        Map<Integer, Feed> sorted = feeds(a, publishSome(a), tick, (u, c) -> true);
        TickReadout fromTree = a.read(tick, new TreeMap<>(sorted), List.of());

        Society b = Society.create(config(), SEED);
        Map<Integer, Feed> same = feeds(b, publishSome(b), tick, (u, c) -> true);
        TickReadout fromHash = b.read(tick, new HashMap<>(same), List.of());

        Society c = Society.create(config(), SEED);
        Map<Integer, Feed> again = feeds(c, publishSome(c), tick, (u, x) -> true);
        // A HashMap of small integer keys iterates in key order, so also try a reversed order.
        Map<Integer, Feed> reversed = new LinkedHashMap<>();
        List<Integer> keys = new ArrayList<>(again.keySet());
        keys.sort(Comparator.reverseOrder());
        keys.forEach(k -> reversed.put(k, again.get(k)));
        TickReadout fromReversed = c.read(tick, reversed, List.of());

        assertFalse(fromTree.impressions().isEmpty());
        // Records holding arrays compare them by identity, so compare the logs field by field.
        assertEquals(fromTree.impressions(), fromHash.impressions());
        assertEquals(fromTree.impressions(), fromReversed.impressions());
        assertEquals(fromTree.sessions(), fromHash.sessions());
        assertEquals(fromTree.sessions(), fromReversed.sessions());
        assertArrayEquals(ideologies(a), ideologies(c));
    }

    @Test
    void impressionsCarryTheirFeedsRequestIdsAndPositions() {
        long tick = PUBLISH_TICKS;
        Society s = Society.create(config(), SEED);
        Map<Integer, Feed> feeds = feeds(s, publishSome(s), tick, (u, c) -> true);
        TickReadout readout = s.read(tick, feeds, List.of());
        Map<Integer, List<Impression>> byUser = new TreeMap<>();
        for (Impression i : readout.impressions()) {
            byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i);
        }
        assertEquals(feeds.keySet(), byUser.keySet(), "every reader examined at least one item");
        for (Map.Entry<Integer, List<Impression>> e : byUser.entrySet()) {
            Feed feed = feeds.get(e.getKey());
            List<Impression> seen = e.getValue();
            assertTrue(seen.size() <= feed.items().size());
            for (int pos = 0; pos < seen.size(); pos++) {
                Impression i = seen.get(pos);
                assertEquals(feed.requestId(), i.requestId());
                assertEquals(pos, i.position());
                assertEquals(feed.items().get(pos).postId(), i.postId());
                assertEquals(tick, i.tick());
                assertEquals(feed.modelVersion(), i.modelVersion());
            }
        }
        assertEquals(feeds.size(), readout.sessions().size());
        assertEquals(readout.impressions().size(), readout.exposures().size());
    }
}
