package org.feedlab.ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Head;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.DenseLinearScorer;
import org.feedlab.ranker.training.OnlineTrainer;
import org.junit.jupiter.api.Test;

/** Checks serving: retrieval, scoring in one batch, ordering by objective, and the cut. */
class FeedRankerTest {
    private static final long SEED = 7;
    private static final int USER = 11;
    private static final int TOPICS = 4;

    /** Authors 1 and 2 are followed; author 9 is not. */
    private static final int[] FOLLOWING = {2, 1};

    private static final double COMMENT_PER_OUTRAGE = 4.0;
    private static final double BIAS = -3.0;

    /** A model whose only signal is: outrage draws comments. */
    private static DenseLinearScorer outrageScorer() {
        int heads = OnlineTrainer.headNames().size();
        double[][] w = new double[heads][Feature.count()];
        w[Action.COMMENT.ordinal()][Feature.OUTRAGE_SCORE.ordinal()] = COMMENT_PER_OUTRAGE;
        double[] bias = new double[heads];
        Arrays.fill(bias, BIAS);
        return new DenseLinearScorer(Feature.names(), OnlineTrainer.headNames(), w, bias);
    }

    private static RankerConfig config(String objective, int maxAge) {
        return RankerConfig.DEFAULTS
                .withObjective(ObjectiveConfig.named(objective))
                .withRetrieval(RetrievalConfig.DEFAULTS.withMaxAgeTicks(maxAge));
    }

    private static FeedRanker ranker(String objective) {
        return new FeedRanker(config(objective, 3), SEED);
    }

    private static Post post(long id, int author, long tick, double outrage) {
        return Post.of(
                id, author, tick, (int) (id % TOPICS), author == 9 ? -0.4 : 0.4, outrage, -1);
    }

    private static TickContext context(long tick, DenseLinearScorer scorer, Post... posts) {
        PostIndex index = new PostIndex();
        for (Post p : posts) {
            index.addPost(p);
        }
        return new TickContext(
                tick,
                scorer == null ? ModelVersion.NONE : 3,
                scorer,
                index.snapshot(),
                new HashMap<>());
    }

    private static FeedRequest request(long tick, int feedSize) {
        return FeedRequest.of(tick * 1000 + USER, USER, tick, FOLLOWING.clone(), feedSize);
    }

    private static List<Long> ids(Feed feed) {
        return feed.items().stream().map(FeedItem::postId).toList();
    }

    /** Six posts of ticks 4..6, in and out of network, with distinct outrage scores. */
    private static Post[] mixedPosts() {
        return new Post[] {
            post(1, 1, 4, 0.2),
            post(2, 9, 5, 0.9),
            post(3, 2, 6, 0.5),
            post(4, 1, 6, 0.1),
            post(5, 9, 4, 0.7),
            post(6, 2, 5, 0.3),
        };
    }

    @Test
    void engagementRanksOutrageousPostsFirstWhenOutrageDrawsComments() {
        TickContext ctx = context(6, outrageScorer(), mixedPosts());
        Feed feed = ranker("engagement").rank(request(6, 10), new UserProfile(TOPICS), ctx).feed();
        assertEquals(List.of(2L, 5L, 3L, 6L, 1L, 4L), ids(feed));
        assertEquals(3, feed.modelVersion());
        assertEquals("engagement", feed.objective());
        assertEquals(USER, feed.userId());
        assertEquals(6 * 1000 + USER, feed.requestId());
        for (FeedItem item : feed.items()) {
            double outrage = ctx.post(item.postId()).post().outrageScore();
            double z = BIAS + COMMENT_PER_OUTRAGE * (float) outrage;
            assertEquals(OnlineTrainer.headNames().size(), item.predictions().length);
            assertEquals(
                    1.0 / (1.0 + Math.exp(-z)),
                    item.predictions()[Action.COMMENT.ordinal()],
                    1e-12);
            // The Twitter/X 2023 weights: click 11, like 0.5, reshare 1, comment 13.5, hide −74.
            double[] p = item.predictions();
            assertEquals(
                    11 * p[0] + 0.5 * p[1] + 1.0 * p[2] + 13.5 * p[3] - 74 * p[4],
                    item.score(),
                    1e-12);
            assertEquals(ctx.post(item.postId()).post().authorId() != 9, item.inNetwork());
        }
    }

    @Test
    void chronologicalRanksNewestInNetworkFirstAndDropsTheRest() {
        TickContext ctx = context(6, outrageScorer(), mixedPosts());
        Feed feed =
                ranker("chronological").rank(request(6, 10), new UserProfile(TOPICS), ctx).feed();
        // Ticks: 3 and 4 at 6, 6 at 5, 1 at 4; equal ticks newest id first.
        assertEquals(List.of(4L, 3L, 6L, 1L), ids(feed));
        assertTrue(feed.items().stream().allMatch(FeedItem::inNetwork));
        assertEquals("chronological", feed.objective());
    }

    @Test
    void randomIsAReproduciblePermutationPerUserAndTick() {
        Post[] posts = mixedPosts();
        Feed a =
                ranker("random")
                        .rank(request(6, 10), new UserProfile(TOPICS), context(6, null, posts))
                        .feed();
        Feed b =
                ranker("random")
                        .rank(request(6, 10), new UserProfile(TOPICS), context(6, null, posts))
                        .feed();
        Feed next =
                ranker("random")
                        .rank(request(7, 10), new UserProfile(TOPICS), context(7, null, posts))
                        .feed();
        assertEquals(ids(a), ids(b));
        assertEquals(6, ids(a).size());
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), new TreeSet<>(ids(a)));
        assertEquals(new TreeSet<>(ids(a)), new TreeSet<>(ids(next)));
        assertNotEquals(ids(a), ids(next));
    }

    @Test
    void beforeAModelEngagementExploresInRandomOrder() {
        Post[] posts = mixedPosts();
        FeedRanker ranker = ranker("engagement");
        Feed first =
                ranker.rank(request(6, 10), new UserProfile(TOPICS), context(6, null, posts))
                        .feed();
        Feed again =
                ranker.rank(request(6, 10), new UserProfile(TOPICS), context(6, null, posts))
                        .feed();
        Feed later =
                ranker.rank(request(7, 10), new UserProfile(TOPICS), context(7, null, posts))
                        .feed();
        assertEquals(ModelVersion.NONE, first.modelVersion());
        assertEquals("engagement", first.objective());
        assertTrue(first.items().stream().allMatch(i -> i.predictions().length == 0));
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), new TreeSet<>(ids(first)));
        assertEquals(ids(first), ids(again));
        assertNotEquals(ids(first), ids(later));
        for (int i = 1; i < first.items().size(); i++) {
            assertTrue(first.items().get(i - 1).score() >= first.items().get(i).score());
        }
    }

    @Test
    void feedSizeIsRespectedAndTheCandidatesLeftOutTravelWithTheFeed() {
        TickContext ctx = context(6, outrageScorer(), mixedPosts());
        Feed top3 = ranker("engagement").rank(request(6, 3), new UserProfile(TOPICS), ctx).feed();
        assertEquals(List.of(2L, 5L, 3L), ids(top3));
        assertArrayEquals(new long[] {1, 4, 6}, top3.unserved());
        Feed all = ranker("engagement").rank(request(6, 10), new UserProfile(TOPICS), ctx).feed();
        assertArrayEquals(new long[0], all.unserved());
        // A chronological feed retrieves in-network posts only: 2 and 5 were never candidates.
        Feed chrono =
                ranker("chronological").rank(request(6, 2), new UserProfile(TOPICS), ctx).feed();
        assertEquals(List.of(4L, 3L), ids(chrono));
        assertArrayEquals(new long[] {1, 6}, chrono.unserved());
        Feed empty = ranker("random").rank(request(6, 0), new UserProfile(TOPICS), ctx).feed();
        assertTrue(empty.items().isEmpty());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, empty.unserved());
    }

    @Test
    void tiesBreakOnPostIdWhateverTheRetrievalOrder() {
        // Equal scores: the out-of-network post 2 is retrieved after both in-network posts, but
        // its id puts it between them.
        TickContext ctx =
                context(
                        5,
                        outrageScorer(),
                        post(1, 1, 5, 0.5),
                        post(2, 9, 5, 0.5),
                        post(3, 2, 5, 0.5));
        Feed feed = ranker("engagement").rank(request(5, 10), new UserProfile(TOPICS), ctx).feed();
        assertEquals(List.of(3L, 2L, 1L), ids(feed));
        assertEquals(feed.items().get(0).score(), feed.items().get(2).score());
    }

    @Test
    void seenPostsAreNotRetrieved() {
        Post[] posts = mixedPosts();
        UserProfile user = new UserProfile(TOPICS);
        user.apply(Impression.of(5000 + USER, USER, 3, 5, 0, 0, 0), posts[2]);
        user.apply(Impression.of(5000 + USER, USER, 5, 5, 1, 0, 0), posts[4]);
        TickContext ctx = context(6, outrageScorer(), posts);
        Feed feed = ranker("engagement").rank(request(6, 10), user, ctx).feed();
        assertEquals(List.of(2L, 6L, 1L, 4L), ids(feed));
        List<Candidate> candidates =
                CandidateRetriever.retrieve(
                        request(6, 10), user, ctx, config("engagement", 3).retrieval());
        assertFalse(candidates.stream().anyMatch(c -> c.stats().post().postId() == 3));
        assertFalse(candidates.stream().anyMatch(c -> c.stats().post().postId() == 5));
    }

    @Test
    void postsOlderThanMaxAgeOrFromTheFutureAreNotRetrieved() {
        TickContext ctx =
                context(
                        10,
                        outrageScorer(),
                        post(1, 1, 6, 0.9),
                        post(2, 1, 7, 0.1),
                        post(3, 9, 6, 0.9),
                        post(4, 9, 8, 0.1),
                        post(5, 2, 11, 0.9));
        Feed feed =
                new FeedRanker(config("engagement", 3), SEED)
                        .rank(request(10, 10), new UserProfile(TOPICS), ctx)
                        .feed();
        assertEquals(Set.of(2L, 4L), new TreeSet<>(ids(feed)));
        Feed wider =
                new FeedRanker(config("engagement", 4), SEED)
                        .rank(request(10, 10), new UserProfile(TOPICS), ctx)
                        .feed();
        assertEquals(Set.of(1L, 2L, 3L, 4L), new TreeSet<>(ids(wider)));
    }

    @Test
    void retrievalTakesTheNewestInNetworkAndTheMostEngagedOutOfNetwork() {
        PostIndex index = new PostIndex();
        List<Post> posts =
                List.of(
                        post(1, 1, 4, 0.1),
                        post(2, 2, 6, 0.1),
                        post(3, 1, 5, 0.1),
                        post(4, 9, 6, 0.1),
                        post(5, 9, 4, 0.1),
                        post(6, 9, 5, 0.1));
        posts.forEach(index::addPost);
        int click = Impression.with(0, Action.CLICK);
        // Post 5 gets two engagements, post 6 one, post 4 only a hide.
        index.applyImpression(Impression.of(1, 20, 5, 5, 0, 0, click));
        index.applyImpression(
                Impression.of(2, 21, 5, 5, 0, 0, Impression.with(click, Action.LIKE)));
        index.applyImpression(Impression.of(3, 22, 6, 5, 0, 0, click));
        index.applyImpression(Impression.of(4, 23, 4, 6, 0, 0, Impression.with(0, Action.HIDE)));
        TickContext ctx =
                new TickContext(6, ModelVersion.NONE, null, index.snapshot(), new HashMap<>());
        List<Candidate> candidates =
                CandidateRetriever.retrieve(
                        request(6, 10), new UserProfile(TOPICS), ctx, new RetrievalConfig(2, 2, 3));
        List<Long> got = new ArrayList<>();
        for (Candidate c : candidates) {
            got.add(c.stats().post().postId());
        }
        assertEquals(List.of(2L, 3L, 5L, 6L), got);
        assertEquals(
                List.of(true, true, false, false),
                candidates.stream().map(Candidate::inNetwork).toList());
    }

    /**
     * A model in which outrage draws a long dwell, outrage seen earlier in the session spoils it,
     * and outrage ends sessions: dwell logit −1 + 2·õ − 1.5·(outrage seen), continuation logit 2 −
     * 4·õ. Ranked by dwell alone (time-spent) the feed opens with the most outrageous posts 2, 5, 3
     * (õ 0.9, 0.7, 0.5). Session-aware, slot 0 with m = 2: post 4 (õ 0.1) has r = σ(−0.8) = 0.31003
     * and p_cont = σ(1.6) = 0.83202; the two best others by r are posts 2 and 5 (r = σ(0.8) =
     * 0.68997 and σ(0.4) = 0.59869, p_cont = σ(−1.6) = 0.16798 and σ(−0.8) = 0.31003), so V =
     * 0.64433·(1 + 0.23901) = 0.79833 and its value 0.31003 + 0.83202·0.79833 = 0.97425 beats post
     * 1's 0.96788 and post 2's 0.81963. Slot 1 (outrage 0.1 seen, m = 1) takes post 1 (V = 0.65701,
     * the next r of post 2), slot 2 (m = 0) the highest dwell left, post 2.
     */
    @Test
    void sessionAwareBuildsTheFeedSlotBySlotWithEachSlotsContext() {
        int heads = OnlineTrainer.headNames().size();
        double[][] w = new double[heads][Feature.count()];
        double[] bias = new double[heads];
        Arrays.fill(bias, BIAS);
        int dwell = Head.DWELL.ordinal();
        int cont = Head.CONTINUATION.ordinal();
        w[dwell][Feature.OUTRAGE_SCORE.ordinal()] = 2.0;
        w[dwell][Feature.SESSION_OUTRAGE.ordinal()] = -1.5;
        bias[dwell] = -1.0;
        w[cont][Feature.OUTRAGE_SCORE.ordinal()] = -4.0;
        bias[cont] = 2.0;
        DenseLinearScorer scorer =
                new DenseLinearScorer(Feature.names(), OnlineTrainer.headNames(), w, bias);
        TickContext ctx = context(6, scorer, mixedPosts());
        Feed greedy = ranker("time-spent").rank(request(6, 3), new UserProfile(TOPICS), ctx).feed();
        assertEquals(List.of(2L, 5L, 3L), ids(greedy));
        RankedFeed ranked =
                ranker("session-aware").rank(request(6, 3), new UserProfile(TOPICS), ctx);
        assertEquals(List.of(4L, 1L, 2L), ids(ranked.feed()));
        assertEquals("session-aware", ranked.feed().objective());
        // p_cont · V of each slot: 0.83202·0.79833, 0.76852·0.65701, and 0 at the last slot.
        double[] sessionValue = {
            0.8320183843008674 * 0.7983284924555059, 0.7685247813783507 * 0.6570104514243909, 0.0
        };
        double seen = 0.0;
        int f = Feature.count();
        for (int k = 0; k < 3; k++) {
            FeedItem item = ranked.feed().items().get(k);
            float outrage = (float) ctx.post(item.postId()).post().outrageScore();
            double[] p = item.predictions();
            // Each item carries the predictions of its own slot's context.
            assertEquals(sigmoid(-1.0 + 2.0 * outrage - 1.5 * (float) seen), p[dwell], 1e-12);
            assertEquals(sigmoid(2.0 - 4.0 * outrage), p[cont], 1e-12);
            assertEquals(p[dwell] + sessionValue[k], item.score(), 1e-9);
            int i = ranked.served()[k];
            List<FeedAudit.Term> terms = ranked.scores().terms(i);
            FeedAudit.Term last = terms.get(terms.size() - 1);
            assertEquals(FeedAudit.TermKind.POLICY, last.kind());
            assertEquals(FeedRanker.SESSION_VALUE, last.name());
            assertEquals(sessionValue[k], last.value(), 1e-9);
            assertEquals(
                    item.score(), terms.stream().mapToDouble(FeedAudit.Term::value).sum(), 1e-12);
            // ... and the feature row of that context: k items and their outrage seen.
            assertEquals(
                    (float) Math.log1p(k),
                    ranked.features()[i * f + Feature.SESSION_POSITION.ordinal()]);
            assertEquals(
                    (float) Math.log1p(k),
                    ranked.features()[i * f + Feature.SESSION_ITEMS.ordinal()]);
            assertEquals(
                    (float) seen, ranked.features()[i * f + Feature.SESSION_OUTRAGE.ordinal()]);
            seen += ctx.post(item.postId()).post().outrageScore();
        }
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
