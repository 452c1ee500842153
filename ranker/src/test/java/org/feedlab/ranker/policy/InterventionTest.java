package org.feedlab.ranker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.DenseLinearScorer;
import org.feedlab.ranker.training.OnlineTrainer;
import org.junit.jupiter.api.Test;

/**
 * The field-experiment treatments of the platform: which items leave or join a feed, how many, for
 * whom (the seeded treated group) and when (the window [start, end)).
 */
class InterventionTest {
    private static final long SEED = 11;
    private static final int TICK = 6;
    private static final int FEED = 10;

    /** A model whose only signal is: outrage draws comments (so engagement favours outrage). */
    private static DenseLinearScorer outrageScorer() {
        int heads = OnlineTrainer.headNames().size();
        double[][] w = new double[heads][Feature.count()];
        w[Action.COMMENT.ordinal()][Feature.OUTRAGE_SCORE.ordinal()] = 4.0;
        double[] bias = new double[heads];
        Arrays.fill(bias, -3.0);
        return new DenseLinearScorer(Feature.names(), OnlineTrainer.headNames(), w, bias);
    }

    /**
     * 45 posts of authors 1, 2 (followed) and 9: stance 0.6, −0.6 or 0 (no side) by id; outrage
     * varies with the id; every fifth post reshares post 1 (with {@code reshares}).
     */
    private static List<Post> posts(boolean reshares) {
        List<Post> out = new ArrayList<>();
        for (long id = 1; id <= 45; id++) {
            boolean reshare = id % 5 == 0;
            if (reshare && !reshares) {
                continue;
            }
            int author = id % 4 == 0 ? 9 : (int) (id % 2) + 1;
            double stance = id % 3 == 0 ? 0.0 : id % 3 == 1 ? 0.6 : -0.6;
            double outrage = (id * 37 % 100) / 100.0;
            out.add(
                    Post.of(
                            id,
                            author,
                            TICK - 1 - id % 2,
                            (int) (id % 4),
                            stance,
                            outrage,
                            reshare ? 1 : -1));
        }
        return out;
    }

    private static TickContext context(boolean reshares) {
        PostIndex index = new PostIndex();
        posts(reshares).forEach(index::addPost);
        return new TickContext(TICK, 1, outrageScorer(), index.snapshot(), new HashMap<>());
    }

    private static RankerConfig config(FeedPolicy... policies) {
        return config("engagement", policies);
    }

    private static RankerConfig config(String objective, FeedPolicy... policies) {
        return RankerConfig.DEFAULTS
                .withObjective(ObjectiveConfig.named(objective))
                .withPolicies(List.of(policies));
    }

    private static Feed rank(
            RankerConfig config, int user, UserProfile profile, TickContext ctx, int size) {
        FeedRequest r = FeedRequest.of(TICK * 1000 + user, user, TICK, new int[] {1, 2}, size, "a");
        return new FeedRanker(config, SEED).rank(r, profile, ctx).feed();
    }

    private static List<Long> ids(Feed feed) {
        return feed.items().stream().map(FeedItem::postId).toList();
    }

    /** A profile that engaged with right-leaning posts (estimated leaning > 0). */
    private static UserProfile rightLeaning() {
        UserProfile u = new UserProfile(4);
        for (long id = 100; id < 110; id++) {
            Post p = Post.of(id, 1, 1, 0, 0.7, 0.2, -1);
            u.apply(Impression.of(id, 5, id, 1, 0, 0, Impression.with(0, Action.LIKE)), p);
        }
        return u;
    }

    /** The first user of the treated group (or of the untreated, with {@code treated} false). */
    private static int firstUser(Intervention policy, boolean treated) {
        int u = 0;
        while (policy.treats(SEED, u) != treated) {
            u++;
        }
        return u;
    }

    @Test
    void membershipIsSeededWithEachTreatmentsOwnPurposeAndFixed() {
        RemoveReshares remove = new RemoveReshares(0.3, 0, 0);
        Rerank rerank = new Rerank("hostile", 0.5, 0.5, 0.3, 0, 0);
        int treated = 0;
        int differ = 0;
        for (int u = 0; u < 1000; u++) {
            assertEquals(
                    Membership.member(SEED, u, "remove-reshares", 0.3), remove.treats(SEED, u));
            assertEquals(Membership.member(SEED, u, "rerank", 0.3), rerank.treats(SEED, u));
            treated += remove.treats(SEED, u) ? 1 : 0;
            differ += remove.treats(SEED, u) != rerank.treats(SEED, u) ? 1 : 0;
        }
        // Binomial(1000, 0.3): 300 ± 4.4 standard deviations.
        assertTrue(treated > 237 && treated < 363, "treated " + treated);
        // Independent draws: P(differ) = 2 · 0.3 · 0.7 = 0.42.
        assertTrue(differ > 350 && differ < 490, "differ " + differ);
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        RemoveReshares w = new RemoveReshares(1.0, 6, 9);
        assertEquals(List.of(false, true, true, true, false), ticks(w, 5, 6, 7, 8, 9));
        RemoveReshares open = new RemoveReshares(1.0, 6, 0);
        assertEquals(List.of(false, true, true), ticks(open, 5, 6, 100_000));
    }

    private static List<Boolean> ticks(Intervention i, long... ticks) {
        return Arrays.stream(ticks).mapToObj(i::during).toList();
    }

    @Test
    void removeResharesGivesTreatedUsersTheFeedOfAPlatformWithoutReshares() {
        TickContext with = context(true);
        Feed plain = rank(config(), 0, new UserProfile(4), with, FEED);
        assertTrue(
                plain.items().stream().anyMatch(i -> reshare(with, i)),
                "the untreated feed holds reshares: " + ids(plain));
        Feed noReshares = rank(config(), 0, new UserProfile(4), context(false), FEED);

        RemoveReshares now = new RemoveReshares(0.5, TICK, TICK + 1);
        int member = firstUser(now, true);
        int other = firstUser(now, false);
        assertEquals(
                ids(noReshares), ids(rank(config(now), member, new UserProfile(4), with, FEED)));
        // Untreated users, and treated users outside the window, keep their reshares.
        assertEquals(ids(plain), ids(rank(config(now), other, new UserProfile(4), with, FEED)));
        for (RemoveReshares outside :
                List.of(new RemoveReshares(0.5, TICK + 1, 0), new RemoveReshares(0.5, 0, TICK))) {
            assertEquals(
                    ids(plain), ids(rank(config(outside), member, new UserProfile(4), with, FEED)));
        }
    }

    private static boolean reshare(TickContext ctx, FeedItem item) {
        return ctx.post(item.postId()).post().parentPostId() >= 0;
    }

    /**
     * The treated feed holds the best w = round(factor · h) items of the class and the best k − w
     * of the rest, in score order, where h counts the class in the untreated feed of k items.
     */
    private static void assertReranked(
            String objective, Rerank rerank, UserProfile profile, long expectedWant) {
        TickContext ctx = context(true);
        Predicate<Long> inClass =
                id -> {
                    Post p = ctx.post(id).post();
                    return switch (rerank.target()) {
                        case "hostile" -> p.outrageScore() >= rerank.threshold();
                        case "political" -> p.stance() != 0.0;
                        default -> profile.leaning() * p.stance() > 0.0;
                    };
                };
        List<Long> all = ids(rank(config(objective), 0, profile, ctx, 1000));
        List<Long> plain = all.subList(0, FEED);
        long have = plain.stream().filter(inClass).count();
        long want =
                Math.min(Math.round(rerank.factor() * have), all.stream().filter(inClass).count());
        assertEquals(expectedWant, want, "class items the treated feed should hold");
        List<Long> of = all.stream().filter(inClass).limit(want).toList();
        List<Long> rest = all.stream().filter(inClass.negate()).limit(FEED - want).toList();
        List<Long> expected =
                all.stream().filter(id -> of.contains(id) || rest.contains(id)).toList();

        int member = firstUser(rerank, true);
        List<Long> treated = ids(rank(config(objective, rerank), member, profile, ctx, FEED));
        assertEquals(expected, treated);
        assertEquals(want, treated.stream().filter(inClass).count());
        assertEquals(want == have, plain.equals(treated), "the feed changes when h ≠ w");
        // Untreated users get the ranking's own feed.
        int other = firstUser(rerank, false);
        assertEquals(plain, ids(rank(config(objective, rerank), other, profile, ctx, FEED)));
    }

    @Test
    void hostileItemsAreDemotedToHalfTheirCount() {
        // The model favours outrage: the 5 posts scored ≥ 0.9 lead the feed; round(2.5) = 3 stay.
        assertReranked(
                "engagement", new Rerank("hostile", 0.5, 0.9, 0.5, 0, 0), new UserProfile(4), 3);
    }

    @Test
    void hostileItemsArePromoted() {
        // Newest first, 5 of the top 10 score ≥ 0.5; factor 1.6 makes 8.
        assertReranked(
                "chronological", new Rerank("hostile", 1.6, 0.5, 0.5, 0, 0), new UserProfile(4), 8);
    }

    @Test
    void promotionStopsWhenTheClassRunsOut() {
        // Only 3 posts score ≥ 0.95 and all 3 are in the feed already: factor 3 cannot add any.
        assertReranked(
                "engagement", new Rerank("hostile", 3.0, 0.95, 0.5, 0, 0), new UserProfile(4), 3);
    }

    @Test
    void likeMindedItemsAreCutByAThird() {
        // 4 of the top 10 lean right like the reader; round(0.67 · 4) = 3 stay.
        assertReranked(
                "engagement", new Rerank("like-minded", 0.67, 0.5, 0.5, 0, 0), rightLeaning(), 3);
    }

    @Test
    void politicalItemsCanBeRemovedAltogether() {
        // 8 of the top 10 have a side; factor 0 leaves none.
        assertReranked(
                "engagement", new Rerank("political", 0.0, 0.5, 0.5, 0, 0), new UserProfile(4), 0);
    }

    @Test
    void rerankingStopsAtTheEndOfItsWindow() {
        TickContext ctx = context(true);
        List<Long> plain = ids(rank(config(), 0, new UserProfile(4), ctx, FEED));
        Rerank ended = new Rerank("hostile", 0.0, 0.5, 1.0, 2, TICK);
        Rerank later = new Rerank("hostile", 0.0, 0.5, 1.0, TICK + 1, 0);
        Rerank now = new Rerank("hostile", 0.0, 0.5, 1.0, TICK, TICK + 1);
        assertEquals(plain, ids(rank(config(ended), 0, new UserProfile(4), ctx, FEED)));
        assertEquals(plain, ids(rank(config(later), 0, new UserProfile(4), ctx, FEED)));
        assertNotEquals(plain, ids(rank(config(now), 0, new UserProfile(4), ctx, FEED)));
    }

    @Test
    void aReaderWithoutAnEstimatedLeaningHasNoLikeMindedItems() {
        TickContext ctx = context(true);
        Rerank cut = new Rerank("like-minded", 0.0, 0.5, 1.0, 0, 0);
        assertEquals(
                ids(rank(config(), 0, new UserProfile(4), ctx, FEED)),
                ids(rank(config(cut), 0, new UserProfile(4), ctx, FEED)));
    }

    private static Map<String, Object> spec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void parsingFillsDefaultsAndRequiresTheClassAndTheFactor() {
        assertEquals(
                new RemoveReshares(0.5, 0, 0),
                Policies.parse(spec("type", "remove-reshares"), "$"));
        assertEquals(
                new Rerank("like-minded", 0.67, 0.5, 0.5, 3, 13),
                Policies.parse(
                        spec(
                                "type",
                                "rerank",
                                "target",
                                "like-minded",
                                "factor",
                                0.67,
                                "start",
                                3,
                                "end",
                                13),
                        "$"));
        PolicyException noTarget =
                assertThrows(
                        PolicyException.class,
                        () -> Policies.parse(spec("type", "rerank", "factor", 0.5), "$.p[1]"));
        assertEquals("$.p[1].target", noTarget.path());
        PolicyException noFactor =
                assertThrows(
                        PolicyException.class,
                        () -> Policies.parse(spec("type", "rerank", "target", "hostile"), "$.p"));
        assertEquals("$.p.factor", noFactor.path());
        PolicyException backwards =
                assertThrows(
                        PolicyException.class,
                        () ->
                                Policies.parse(
                                        spec("type", "remove-reshares", "start", 5, "end", 5),
                                        "$.p"));
        assertEquals("$.p.end", backwards.path());
    }
}
