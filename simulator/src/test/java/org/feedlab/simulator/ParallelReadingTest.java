package org.feedlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The society's per-user work on several threads gives exactly what one thread gives: every
 * impression, exposure, session, follow count, reshare and every user's state, tick after tick, on
 * a society built so that follow-backs into readers later in id order are frequent (so days are
 * read again in the merge).
 */
class ParallelReadingTest {
    private static final long SEED = 7;
    private static final int TICKS = 5;

    /**
     * 150 users and 10 creators, users posting often, everyone following back and following after
     * most engagements.
     */
    private static SocietyConfig config() {
        SocietyConfig d = Fixtures.sized(150, 10);
        return d.withFollows(
                        d.follows()
                                .withCreatorFollowsPerUser(5)
                                .withUserFollowsPerUser(10)
                                .withFollowRate(0.8)
                                .withFollowBackSame(1.0)
                                .withFollowBackOther(1.0))
                .withPosting(d.posting().withUserPostRate(2.0));
    }

    /** What a run produced, tick by tick, and how many days were read again. */
    private record Transcript(List<String> ticks, long rereads) {}

    @Test
    void anyNumberOfThreadsGivesWhatOneThreadGives() {
        Transcript one = run(Workers.ONE);
        assertTrue(
                one.rereads() > 0,
                "the society must exercise the merge's second reading: " + one.rereads());
        for (int threads : new int[] {3, 4}) {
            try (Workers workers = Workers.of(threads)) {
                Transcript many = run(workers);
                assertEquals(one.ticks().size(), many.ticks().size());
                for (int t = 0; t < one.ticks().size(); t++) {
                    assertEquals(
                            one.ticks().get(t),
                            many.ticks().get(t),
                            threads + " threads, tick " + t);
                }
                assertEquals(one.rereads(), many.rereads(), threads + " threads");
            }
        }
    }

    @Test
    void theMergeGivesWhatReadingOneUserAfterTheOtherGives() {
        // The reference reads one user per call, in id order, so a follow-back is in place before
        // the followed user's day, as in a plain loop over the readers. Posting accounts do not
        // learn here: the reference would let them learn after every reader.
        SocietyConfig config = config().withPosting(config().posting().withLearning(false));
        Society one = Society.create(config, SEED, Workers.ONE);
        long rereads = 0;
        try (Workers workers = Workers.of(4)) {
            Society many = Society.create(config, SEED, workers);
            List<Content> recent = new ArrayList<>();
            for (long t = 0; t < TICKS; t++) {
                one.beginTick(t);
                many.beginTick(t);
                List<Content> posts = one.publish(t);
                assertEquals(
                        posts.stream().map(ParallelReadingTest::post).toList(),
                        many.publish(t).stream().map(ParallelReadingTest::post).toList());
                final long today = t;
                recent.removeIf(c -> c.tick() < today - 1);
                recent.addAll(posts);
                Map<Integer, Feed> feeds = feeds(one, one.openSessions(t), recent, t);
                assertEquals(feeds.keySet(), feeds(many, many.openSessions(t), recent, t).keySet());
                List<Impression> impressions = new ArrayList<>();
                List<Exposure> exposures = new ArrayList<>();
                List<Session> sessions = new ArrayList<>();
                long seen = 0;
                long followed = 0;
                for (Map.Entry<Integer, Feed> f : feeds.entrySet()) {
                    TickReadout r = one.read(t, Map.of(f.getKey(), f.getValue()), posts);
                    impressions.addAll(r.impressions());
                    exposures.addAll(r.exposures());
                    sessions.addAll(r.sessions());
                    seen += r.follows().unfollowedSeenSame() + r.follows().unfollowedSeenOther();
                    followed += r.follows().followsSame() + r.follows().followsOther();
                }
                TickReadout merged = many.read(t, feeds, posts);
                assertEquals(
                        readings(impressions, exposures, sessions),
                        readings(merged.impressions(), merged.exposures(), merged.sessions()),
                        "tick " + t);
                assertEquals(
                        seen,
                        merged.follows().unfollowedSeenSame()
                                + merged.follows().unfollowedSeenOther());
                assertEquals(
                        followed, merged.follows().followsSame() + merged.follows().followsOther());
                FollowCounts last = one.read(t, Map.of(), posts).follows();
                assertEquals(last.backAsksSame(), merged.follows().backAsksSame());
                assertEquals(last.backAsksOther(), merged.follows().backAsksOther());
                assertEquals(last.backsSame(), merged.follows().backsSame());
                assertEquals(last.backsOther(), merged.follows().backsOther());
                for (int u = 0; u < one.users().length; u++) {
                    assertEquals(
                            state(one.users()[u]), state(many.users()[u]), "tick " + t + ", " + u);
                }
            }
            assertEquals(
                    one.publish(TICKS).stream().map(ParallelReadingTest::post).toList(),
                    many.publish(TICKS).stream().map(ParallelReadingTest::post).toList());
            rereads = many.rereads();
        }
        assertEquals(0, one.rereads(), "one reader per call never waits for a follow-back");
        assertTrue(rereads > 0, "the merge must have read some days again: " + rereads);
    }

    @Test
    void workersVisitEveryIndexOnceAndRethrowAFailure() {
        try (Workers workers = Workers.of(3)) {
            assertEquals(3, workers.threads());
            int n = 1000;
            AtomicInteger[] visits = new AtomicInteger[n];
            for (int i = 0; i < n; i++) {
                visits[i] = new AtomicInteger();
            }
            workers.forEach(n, i -> visits[i].incrementAndGet());
            for (int i = 0; i < n; i++) {
                assertEquals(1, visits[i].get(), "index " + i);
            }
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    workers.forEach(
                                            n,
                                            i -> {
                                                if (i == 700 || i == 300) {
                                                    throw new IllegalStateException("at " + i);
                                                }
                                            }));
            assertEquals("at 300", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Workers.of(0));
        assertFalse(Workers.ONE.threads() != 1);
    }

    /** Runs the society for {@link #TICKS} ticks against hand-built feeds. */
    private static Transcript run(Workers workers) {
        Society s = Society.create(config(), SEED, workers);
        List<String> ticks = new ArrayList<>();
        List<Content> recent = new ArrayList<>();
        for (long t = 0; t < TICKS; t++) {
            s.beginTick(t);
            s.intervene(t);
            List<Content> posts = s.publish(t);
            final long today = t;
            recent.removeIf(c -> c.tick() < today - 1);
            recent.addAll(posts);
            List<FeedRequest> requests = s.openSessions(t);
            TickReadout r = s.read(t, feeds(s, requests, recent, t), posts);
            StringBuilder out = new StringBuilder();
            out.append(posts.stream().map(ParallelReadingTest::post).toList()).append('\n');
            requests.forEach(
                    q ->
                            out.append(q.requestId())
                                    .append(' ')
                                    .append(q.userId())
                                    .append(' ')
                                    .append(Arrays.toString(q.following()))
                                    .append('\n'));
            out.append(readings(r.impressions(), r.exposures(), r.sessions()));
            out.append(r.follows()).append(' ').append(r.cascades()).append('\n');
            out.append(r.feeds()).append('\n');
            for (User u : s.users()) {
                out.append(state(u)).append('\n');
            }
            ticks.add(out.toString());
        }
        // The reshares of the last day appear as the next day's posts.
        ticks.add(s.publish(TICKS).stream().map(ParallelReadingTest::post).toList().toString());
        return new Transcript(ticks, s.rereads());
    }

    /**
     * Each request gets the posts of today and yesterday, the user's own excluded, in an order of
     * its own (a hash of user and post), at most 80 of them.
     */
    private static Map<Integer, Feed> feeds(
            Society s, List<FeedRequest> requests, List<Content> recent, long tick) {
        Map<Integer, Feed> feeds = new TreeMap<>();
        for (FeedRequest r : requests) {
            int own = s.authorIdOfUser(r.userId());
            List<FeedItem> items =
                    recent.stream()
                            .filter(c -> c.authorId() != own)
                            .sorted(
                                    Comparator.comparingLong(
                                            c -> Seeds.mix(SEED, r.userId(), c.postId(), "order")))
                            .limit(80)
                            .map(c -> new FeedItem(c.postId(), 0.0, new double[0], false))
                            .toList();
            feeds.put(
                    r.userId(),
                    Feed.of(r.requestId(), r.userId(), tick, ModelVersion.NONE, "test", items));
        }
        return feeds;
    }

    /** Impressions, exposures and sessions of a readout, one per line. */
    private static String readings(
            List<Impression> impressions, List<Exposure> exposures, List<Session> sessions) {
        StringBuilder out = new StringBuilder();
        impressions.forEach(i -> out.append(i).append('\n'));
        exposures.forEach(
                e ->
                        out.append(e.userId())
                                .append(' ')
                                .append(e.content().postId())
                                .append(' ')
                                .append(e.outgroup())
                                .append(' ')
                                .append(e.actions())
                                .append(' ')
                                .append(e.worth())
                                .append(' ')
                                .append(e.dwell())
                                .append(' ')
                                .append(e.session())
                                .append('\n'));
        sessions.forEach(x -> out.append(x).append('\n'));
        return out.toString();
    }

    private static String post(Content c) {
        return c.postId()
                + "/"
                + c.authorId()
                + "/"
                + c.parentPostId()
                + "/"
                + c.stance()
                + "/"
                + c.hostility()
                + "/"
                + c.quality();
    }

    private static String state(User u) {
        return u.id
                + " "
                + u.ideology
                + " "
                + Arrays.toString(u.extraIdeology)
                + " "
                + u.anger
                + " "
                + u.thermometer
                + " "
                + u.thermometerIn
                + " "
                + u.satisfaction
                + " "
                + u.unsatisfiedStreak
                + " "
                + u.habit
                + " "
                + u.churned
                + " "
                + u.propensity.value
                + " "
                + Arrays.toString(u.following);
    }
}
