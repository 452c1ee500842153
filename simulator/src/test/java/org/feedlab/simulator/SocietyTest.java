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
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.junit.jupiter.api.Test;

/** The society's construction, posting, and the story of a day read over several sessions. */
class SocietyTest {
    private static final long SEED = 42;
    private static final int PUBLISH_TICKS = 4;

    /** A small society; the remaining parameters are the defaults. */
    private static SocietyConfig config() {
        SocietyConfig d = SocietyConfig.DEFAULTS;
        return d.withPopulation(d.population().withUsers(200).withCreators(40))
                .withFollows(d.follows().withCreatorFollowsPerUser(10).withUserFollowsPerUser(20));
    }

    @Test
    void sameConfigAndSeedGiveTheSamePopulationAndGraph() {
        Society a = Society.create(config(), SEED);
        Society b = Society.create(config(), SEED);
        for (int i = 0; i < a.users().length; i++) {
            User u = a.users()[i];
            User v = b.users()[i];
            assertEquals(u.ideology, v.ideology, 0.0);
            assertEquals(u.camp, v.camp);
            assertArrayEquals(u.taste, v.taste, 0.0);
            assertArrayEquals(u.following, v.following);
        }
        Society c = Society.create(config(), SEED + 1);
        assertNotEquals(a.users()[0].ideology, c.users()[0].ideology);
    }

    @Test
    void everyUserFollowsDistinctAccountsInAscendingOrder() {
        Society s = Society.create(config(), SEED);
        for (User u : s.users()) {
            assertEquals(30, u.following.length, "user " + u.id);
            for (int k = 1; k < u.following.length; k++) {
                assertTrue(u.following[k - 1] < u.following[k]);
            }
            assertTrue(Arrays.binarySearch(u.following, s.authorIdOfUser(u.id)) < 0);
        }
    }

    @Test
    void openSessionsAskForTheDayFeedWithTheFollowLists() {
        Society a = Society.create(config(), SEED);
        List<FeedRequest> requests = a.openSessions(3);
        assertEquals(
                requests.stream().map(FeedRequest::userId).toList(),
                Society.create(config(), SEED).openSessions(3).stream()
                        .map(FeedRequest::userId)
                        .toList());
        assertFalse(requests.isEmpty());
        for (int i = 0; i < requests.size(); i++) {
            FeedRequest r = requests.get(i);
            assertEquals(Society.requestId(3, r.userId()), r.requestId());
            assertArrayEquals(a.users()[r.userId()].following, r.following());
            assertEquals(config().reading().dayFeedSize(), r.feedSize());
            if (i > 0) {
                assertTrue(requests.get(i - 1).userId() < r.userId());
            }
        }
        double share = (double) requests.size() / a.users().length;
        assertTrue(share > 0.5 && share < 0.95, "active share " + share);
    }

    @Test
    void postsHaveASideOnlyWhenPolitical() {
        Society s = Society.create(config(), SEED);
        List<Content> posts = publishSome(s);
        int political = 0;
        int byUsers = 0;
        for (Content c : posts) {
            if (c.political()) {
                political++;
                int camp =
                        c.authorId() < s.creators().length
                                ? s.creators()[c.authorId()].camp()
                                : s.users()[c.authorId() - s.creators().length].camp;
                assertEquals(camp, c.camp(), "post " + c.postId());
                assertTrue(c.hostility() >= 0 && c.hostility() <= 1);
            } else {
                assertEquals(0.0, c.stance(), 0.0);
                assertEquals(0, c.camp());
                assertEquals(0.0, c.hostility(), 0.0);
            }
            if (c.authorId() < s.creators().length) {
                assertEquals(s.creators()[c.authorId()].untrustworthy(), c.untrustworthy());
            } else {
                byUsers++;
                assertFalse(c.untrustworthy());
            }
        }
        assertTrue(
                political > 0 && political < posts.size() / 2, political + " of " + posts.size());
        assertTrue(byUsers > 0);
        assertEquals(byUsers, Arrays.stream(s.users()).mapToInt(User::originalPosts).sum());
    }

    @Test
    void thePlatformSeesTheTopicTheStanceAndANoisyHostilityScore() {
        Society s = Society.create(config(), SEED);
        double error = 0;
        int n = 0;
        for (Content c : publishSome(s)) {
            Post p = s.observe(c);
            assertEquals(c.topic(), p.topic());
            assertEquals(c.stance(), p.stance(), 0.0);
            assertEquals(c.parentPostId(), p.parentPostId());
            assertTrue(p.outrageScore() >= 0 && p.outrageScore() <= 1);
            if (c.political()) {
                error += Math.abs(p.outrageScore() - c.hostility());
                n++;
            }
        }
        assertTrue(error / n < 0.1, "mean classifier error " + error / n);
    }

    /** Posts of a few days, published by {@code s}. */
    private static List<Content> publishSome(Society s) {
        List<Content> all = new ArrayList<>();
        for (long t = 0; t < PUBLISH_TICKS; t++) {
            s.beginTick(t);
            all.addAll(s.publish(t));
        }
        return all;
    }

    /**
     * One day feed per user of the posts that pass {@code keep}, in post order, at most {@code
     * size}.
     */
    private static Map<Integer, Feed> feeds(
            Society s, List<Content> posts, long tick, int size, BiPredicate<User, Content> keep) {
        return feeds(s, posts, tick, u -> size, keep);
    }

    /** As above, with a feed size per user. */
    private static Map<Integer, Feed> feeds(
            Society s,
            List<Content> posts,
            long tick,
            ToIntFunction<User> size,
            BiPredicate<User, Content> keep) {
        Map<Integer, Feed> feeds = new TreeMap<>();
        for (User u : s.users()) {
            List<FeedItem> items =
                    posts.stream()
                            .filter(c -> keep.test(u, c))
                            .limit(size.applyAsInt(u))
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

    @Test
    void aDayIsReadOverSessionsThatContinueDownTheFeed() {
        Society s = Society.create(config(), SEED);
        List<Content> posts = publishSome(s);
        long tick = PUBLISH_TICKS;
        Map<Integer, Feed> feeds = feeds(s, posts, tick, 300, (u, c) -> true);
        TickReadout r = s.read(tick, feeds, List.of());
        Map<Integer, List<Impression>> byUser = new TreeMap<>();
        for (Impression i : r.impressions()) {
            byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<Session>> sessions = new TreeMap<>();
        for (Session x : r.sessions()) {
            sessions.computeIfAbsent(x.userId(), k -> new ArrayList<>()).add(x);
        }
        assertEquals(feeds.keySet(), sessions.keySet());
        int multi = 0;
        for (var e : byUser.entrySet()) {
            Feed feed = feeds.get(e.getKey());
            List<Impression> seen = e.getValue();
            List<Session> days = sessions.get(e.getKey());
            multi += days.size() > 1 ? 1 : 0;
            for (int pos = 0; pos < seen.size(); pos++) {
                Impression i = seen.get(pos);
                assertEquals(pos, i.position(), "positions run on across sessions");
                assertEquals(feed.items().get(pos).postId(), i.postId());
                assertEquals(feed.requestId(), i.requestId());
                if (pos > 0) {
                    assertTrue(i.session() >= seen.get(pos - 1).session());
                }
            }
            int[] perSession = new int[days.size()];
            seen.forEach(i -> perSession[i.session()]++);
            for (int k = 0; k < days.size(); k++) {
                assertEquals(k, days.get(k).index());
                assertEquals(days.get(k).items(), perSession[k]);
                if (k < days.size() - 1) {
                    assertNotEquals(StopReason.END_OF_FEED, days.get(k).stopReason());
                }
            }
        }
        assertTrue(multi > s.users().length / 2, multi + " users read in several sessions");
        assertEquals(r.impressions().size(), r.exposures().size());
        for (int k = 0; k < r.exposures().size(); k++) {
            assertEquals(r.impressions().get(k).session(), r.exposures().get(k).session());
        }
    }

    @Test
    void everySessionEndsForTheReasonItGives() {
        SocietyConfig c = config();
        // A hazard high enough to see anger exits on hostile feeds, a budget tight enough to end
        // some sessions, and feeds short enough to finish some.
        c =
                c.withAffect(c.affect().withAngerThreshold(0.3).withAngerExitHazard(0.2))
                        .withReading(c.reading().withSessionBudget(30.0));
        Society s = Society.create(c, SEED);
        List<Content> posts = publishSome(s);
        long tick = PUBLISH_TICKS;
        Map<Integer, Feed> feeds =
                feeds(
                        s,
                        posts,
                        tick,
                        u -> u.id % 4 == 0 ? 2 : 300,
                        (u, x) -> x.postId() % 20 < 1 + u.id % 3 || x.hostile());
        TickReadout r = s.read(tick, feeds, List.of());
        Map<StopReason, Integer> seen = new EnumMap<>(StopReason.class);
        Map<Integer, Integer> readByUser = new HashMap<>();
        for (Session x : r.sessions()) {
            seen.merge(x.stopReason(), 1, Integer::sum);
            readByUser.merge(x.userId(), x.items(), Integer::sum);
            assertEquals(x.stopReason() == StopReason.ANGER_EXIT, x.angerExit());
        }
        for (Session x : r.sessions()) {
            if (x.stopReason() == StopReason.END_OF_FEED) {
                assertEquals(
                        feeds.get(x.userId()).items().size(), (int) readByUser.get(x.userId()));
            }
        }
        assertEquals(StopReason.values().length, seen.size(), "every reason occurs: " + seen);
    }

    @Test
    void feedStagesCountThePoliticalPostsOfThePoolAndOfTheFeedByTheReadersCamp() {
        Society s = Society.create(config(), SEED);
        List<Content> posts = publishSome(s);
        long tick = PUBLISH_TICKS;
        User u = s.users()[0];
        List<Content> political = posts.stream().filter(Content::political).toList();
        List<Content> other = posts.stream().filter(c -> !c.political()).toList();
        List<Content> served = new ArrayList<>(political.subList(0, 20));
        served.addAll(other.subList(0, 20));
        List<Content> passedOver = new ArrayList<>(political.subList(20, 50));
        passedOver.addAll(other.subList(20, 50));
        List<FeedItem> items =
                served.stream()
                        .map(c -> new FeedItem(c.postId(), 0.0, new double[0], false))
                        .toList();
        long[] unserved = passedOver.stream().mapToLong(Content::postId).sorted().toArray();
        Feed feed =
                Feed.of(
                        Society.requestId(tick, u.id),
                        u.id,
                        tick,
                        ModelVersion.NONE,
                        FeedKind.RANKED,
                        "test",
                        items,
                        false,
                        unserved);
        TickReadout r = s.read(tick, Map.of(u.id, feed), List.of());
        BiPredicate<User, Content> outparty = (x, c) -> c.political() && c.camp() != x.camp;
        long servedPolitical = served.stream().filter(Content::political).count();
        long servedOut = served.stream().filter(c -> outparty.test(u, c)).count();
        long poolPolitical =
                servedPolitical + passedOver.stream().filter(Content::political).count();
        long poolOut = servedOut + passedOver.stream().filter(c -> outparty.test(u, c)).count();
        assertTrue(servedOut > 0 && poolOut > servedOut && poolPolitical > poolOut);
        assertEquals(
                List.of(
                        new FeedStages(
                                u.id,
                                (int) poolPolitical,
                                (int) poolOut,
                                (int) servedPolitical,
                                (int) servedOut)),
                r.feeds());
    }

    @Test
    void angerExitsAreRareOnOrdinaryFeeds() {
        Society s = Society.create(config(), SEED);
        List<Content> posts = publishSome(s);
        TickReadout r =
                s.read(
                        PUBLISH_TICKS,
                        feeds(s, posts, PUBLISH_TICKS, 300, (u, c) -> true),
                        List.of());
        long exits = r.sessions().stream().filter(Session::angerExit).count();
        assertTrue(exits <= 0.02 * r.sessions().size(), exits + " of " + r.sessions().size());
    }

    @Test
    void resharesBecomePostsOfTheUserTheNextDay() {
        SocietyConfig c = config();
        c = c.withActions(c.actions().withReshareBase(-2.0));
        Society s = Society.create(c, SEED);
        List<Content> posts = publishSome(s);
        long tick = PUBLISH_TICKS;
        TickReadout r = s.read(tick, feeds(s, posts, tick, 50, (u, x) -> true), List.of());
        List<Impression> reshared =
                r.impressions().stream().filter(i -> i.did(Action.RESHARE)).toList();
        assertFalse(reshared.isEmpty());
        s.beginTick(tick + 1);
        List<Content> next = s.publish(tick + 1);
        List<Content> reshares = next.stream().filter(Content::isReshare).toList();
        // The day's posts appear in a shuffled order, so compare (author, parent) pairs as sets.
        Comparator<List<Long>> byAuthorThenParent =
                Comparator.comparing((List<Long> k) -> k.get(0)).thenComparing(k -> k.get(1));
        assertEquals(
                reshared.stream()
                        .map(i -> List.of((long) s.authorIdOfUser(i.userId()), i.postId()))
                        .sorted(byAuthorThenParent)
                        .toList(),
                reshares.stream()
                        .map(p -> List.of((long) p.authorId(), p.parentPostId()))
                        .sorted(byAuthorThenParent)
                        .toList());
        // Ids follow the day's order, and reshares are spread through it rather than numbered
        // last (a newest-first feed would otherwise open with yesterday's reshares).
        for (int k = 1; k < next.size(); k++) {
            assertEquals(next.get(k - 1).postId() + 1, next.get(k).postId());
        }
        long originals = next.size() - reshares.size();
        long originalsInFirstHalf =
                next.subList(0, next.size() / 2).stream().filter(p -> !p.isReshare()).count();
        double share = (double) originalsInFirstHalf / originals;
        assertTrue(originals >= 50 && reshares.size() >= 50, originals + ", " + reshares.size());
        assertTrue(share > 0.35 && share < 0.65, "share of originals in the first half: " + share);
        for (Content post : next) {
            if (!post.isReshare()) {
                assertEquals(post.postId(), post.rootPostId(), "an original roots its cascade");
            }
        }
        for (Content post : reshares) {
            assertEquals(1, post.depth());
            assertEquals(tick + 1, post.tick());
            assertEquals(s.content(post.parentPostId()).rootPostId(), post.rootPostId());
        }
    }

    @Test
    void usersFollowAfterEngagingAndAreFollowedBackByTheirOwnCamp() {
        SocietyConfig c = config();
        c =
                c.withFollows(
                                c.follows()
                                        .withFollowRate(1.0)
                                        .withFollowBackSame(1.0)
                                        .withFollowBackOther(0.0))
                        .withActions(c.actions().withLikeBase(0.0));
        Society s = Society.create(c, SEED);
        List<Content> posts = publishSome(s);
        long tick = PUBLISH_TICKS;
        TickReadout r =
                s.read(
                        tick,
                        feeds(s, posts, tick, 100, (u, x) -> x.authorId() >= s.creators().length),
                        List.of());
        FollowCounts f = r.follows();
        assertTrue(f.followsSame() > 0 && f.followsOther() > 0, f.toString());
        assertEquals(f.backAsksSame(), f.backsSame());
        assertTrue(f.backAsksSame() > 0 && f.backAsksOther() > 0, f.toString());
        assertEquals(0, f.backsOther());
    }

    @Test
    void aNightDecaysThermometersAndAngerAndRevertsOpinions() {
        Society s = Society.create(config(), SEED);
        User u = s.users()[0];
        u.thermometer = u.thermometerBaseline - 10;
        u.anger = 2.0;
        u.ideology = u.anchor + 0.2;
        double baseline = u.thermometerBaseline;
        s.beginTick(0);
        assertEquals(baseline - 10 * (1 - 0.18), u.thermometer, 1e-9);
        assertEquals(baseline - 10 * 0.005, u.thermometerBaseline, 1e-9);
        assertEquals(2.0 * 0.1, u.anger, 1e-12);
        assertEquals(u.anchor + 0.2 * Math.pow(0.5, 1.0 / 50), u.ideology, 1e-12);
    }

    @Test
    void propensitiesLearnOnlyWhenLearningIsOn() {
        SocietyConfig c = config();
        for (boolean learning : new boolean[] {true, false}) {
            Society s = Society.create(c.withPosting(c.posting().withLearning(learning)), SEED);
            double[] before =
                    Arrays.stream(s.creators()).mapToDouble(Creator::outragePropensity).toArray();
            List<Content> posts = publishSome(s);
            s.read(PUBLISH_TICKS, feeds(s, posts, PUBLISH_TICKS, 200, (u, x) -> true), posts);
            double[] after =
                    Arrays.stream(s.creators()).mapToDouble(Creator::outragePropensity).toArray();
            assertEquals(!learning, Arrays.equals(before, after), "learning " + learning);
        }
    }

    @Test
    void longUnsatisfiedUsersChurnAndStopOpening() {
        SocietyConfig c = config();
        c = c.withRetention(c.retention().withChurnThreshold(1.0).withChurnPatienceDays(2));
        Society s = Society.create(c, SEED);
        List<Content> posts = publishSome(s);
        for (long t = PUBLISH_TICKS; t < PUBLISH_TICKS + 2; t++) {
            s.read(t, feeds(s, posts, t, 20, (u, x) -> true), List.of());
        }
        assertTrue(Arrays.stream(s.users()).allMatch(u -> u.churned));
        assertTrue(s.openSessions(PUBLISH_TICKS + 2).isEmpty());
    }

    @Test
    void readingOrderDoesNotDependOnTheMapsIterationOrder() {
        long tick = PUBLISH_TICKS;
        Society a = Society.create(config(), SEED);
        TickReadout fromTree =
                a.read(tick, feeds(a, publishSome(a), tick, 150, (u, c) -> true), List.of());
        Society b = Society.create(config(), SEED);
        Map<Integer, Feed> same = feeds(b, publishSome(b), tick, 150, (u, c) -> true);
        Map<Integer, Feed> reversed = new LinkedHashMap<>();
        List<Integer> keys = new ArrayList<>(same.keySet());
        keys.sort(Comparator.reverseOrder());
        keys.forEach(k -> reversed.put(k, same.get(k)));
        TickReadout fromReversed = b.read(tick, reversed, List.of());
        assertFalse(fromTree.impressions().isEmpty());
        assertEquals(fromTree.impressions(), fromReversed.impressions());
        assertEquals(fromTree.sessions(), fromReversed.sessions());
        assertEquals(fromTree.follows(), fromReversed.follows());
        for (int i = 0; i < a.users().length; i++) {
            assertEquals(a.users()[i].thermometer, b.users()[i].thermometer, 0.0);
            assertArrayEquals(a.users()[i].following, b.users()[i].following);
        }
    }
}
