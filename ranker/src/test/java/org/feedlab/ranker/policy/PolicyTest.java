package org.feedlab.ranker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.FeedRanker;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.Feature;
import org.feedlab.ranker.features.FeatureMask;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.model.DenseLinearScorer;
import org.feedlab.ranker.training.OnlineTrainer;
import org.junit.jupiter.api.Test;

/** Each policy's mechanical effect on small feeds ranked by a model that rewards outrage. */
class PolicyTest {
    private static final long SEED = 7;
    private static final long TICK = 6;
    private static final int[] FOLLOWING = {1, 2};

    /** A model whose only signal is: outrage draws comments (so engagement favours outrage). */
    private static DenseLinearScorer outrageScorer() {
        int heads = OnlineTrainer.headNames().size();
        double[][] w = new double[heads][Feature.count()];
        w[Action.COMMENT.ordinal()][Feature.OUTRAGE_SCORE.ordinal()] = 4.0;
        double[] bias = new double[heads];
        Arrays.fill(bias, -3.0);
        return new DenseLinearScorer(Feature.names(), OnlineTrainer.headNames(), w, bias);
    }

    /** 30 posts: authors 1, 2 followed, 9 not; outrage and stance vary with the id. */
    private static List<Post> posts() {
        List<Post> out = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            int author = id % 3 == 0 ? 9 : (int) (id % 2) + 1;
            double stance = id % 4 < 2 ? 0.6 : -0.6;
            double outrage = (id * 37 % 100) / 100.0;
            out.add(Post.of(id, author, TICK - 1 - id % 2, (int) (id % 4), stance, outrage, -1));
        }
        return out;
    }

    private static TickContext context() {
        PostIndex index = new PostIndex();
        posts().forEach(index::addPost);
        return new TickContext(TICK, 1, outrageScorer(), index.snapshot(), new HashMap<>());
    }

    private static RankerConfig config(String objective, FeedPolicy... policies) {
        return RankerConfig.DEFAULTS
                .withObjective(ObjectiveConfig.named(objective))
                .withPolicies(List.of(policies));
    }

    private static Map<String, Object> policy(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static FeedRequest request(int user, String segment) {
        return FeedRequest.of(TICK * 1000 + user, user, TICK, FOLLOWING.clone(), 10, segment);
    }

    private static Feed rank(RankerConfig config, int user, UserProfile profile) {
        return new FeedRanker(config, SEED).rank(request(user, "adult"), profile, context()).feed();
    }

    private static double outrageShare(Feed feed, TickContext ctx) {
        long hot =
                feed.items().stream()
                        .filter(i -> ctx.post(i.postId()).post().outrageScore() > 0.5)
                        .count();
        return (double) hot / feed.items().size();
    }

    /** A profile that engaged with right-leaning posts (leaning > 0). */
    private static UserProfile rightLeaning() {
        UserProfile u = new UserProfile(4);
        for (long id = 100; id < 110; id++) {
            Post p = Post.of(id, 1, 1, 0, 0.7, 0.2, -1);
            u.apply(Impression.of(id, 5, id, 1, 0, 0, Impression.with(0, Action.LIKE)), p);
        }
        return u;
    }

    @Test
    void outrageDemotionLowersTheServedOutrageShare() {
        TickContext ctx = context();
        Feed plain = rank(config("engagement"), 5, new UserProfile(4));
        Feed demoted =
                rank(
                        config("engagement", new OutrageDemotion(1.0, "outrage")),
                        5,
                        new UserProfile(4));
        assertTrue(
                outrageShare(demoted, ctx) < outrageShare(plain, ctx),
                outrageShare(demoted, ctx) + " vs " + outrageShare(plain, ctx));
    }

    @Test
    void controlGroupGetsReverseChronologicalInNetworkFeedsWithTheContractObjective() {
        RankerConfig cfg = config("engagement", new ChronologicalControlGroup(0.5));
        int members = 0;
        for (int user = 0; user < 200; user++) {
            Feed feed = rank(cfg, user, new UserProfile(4));
            boolean member = Membership.member(SEED, user, ChronologicalControlGroup.PURPOSE, 0.5);
            assertEquals(member, feed.kind() == FeedKind.CONTROL_CHRONOLOGICAL);
            assertEquals(member ? "chronological" : "engagement", feed.objective());
            if (member) {
                members++;
                assertTrue(feed.items().stream().allMatch(FeedItem::inNetwork));
                for (int i = 1; i < feed.items().size(); i++) {
                    assertTrue(feed.items().get(i - 1).score() >= feed.items().get(i).score());
                }
            }
        }
        assertTrue(members > 70 && members < 130, "members " + members);
        // Membership is fixed: ranking again gives the same arm.
        assertEquals(rank(cfg, 3, new UserProfile(4)).kind(), rank(cfg, 3, rightLeaning()).kind());
    }

    @Test
    void nonProfilingFeedsDoNotDependOnHistory() {
        RankerConfig cfg = config("engagement", new NonProfilingFeed(1.0, "chronological"));
        UserProfile history = rightLeaning();
        // The history includes having seen post 4; a profiled feed would drop it.
        history.apply(Impression.of(1, 5, 4, 5, 0, 0, 0), posts().get(3));
        Feed blank = rank(cfg, 5, new UserProfile(4));
        Feed profiled = rank(cfg, 5, history);
        assertEquals(FeedKind.NON_PROFILING_CHRONOLOGICAL, blank.kind());
        assertEquals("chronological", blank.objective());
        assertEquals(ids(blank), ids(profiled));
        Feed ranked = rank(config("engagement"), 5, history);
        assertFalse(ids(ranked).contains(4L));
    }

    @Test
    void popularityNonProfilingFeedsDoNotDependOnHistoryEither() {
        RankerConfig cfg = config("engagement", new NonProfilingFeed(1.0, "popularity"));
        assertEquals(ids(rank(cfg, 5, new UserProfile(4))), ids(rank(cfg, 5, rightLeaning())));
    }

    @Test
    void reshareFrictionFlagsItemsAboveTheThreshold() {
        Feed feed = rank(config("engagement", new ReshareFriction(0.5)), 5, new UserProfile(4));
        TickContext ctx = context();
        assertFalse(feed.items().isEmpty());
        for (FeedItem item : feed.items()) {
            assertEquals(
                    ctx.post(item.postId()).post().outrageScore() >= 0.5, item.reshareFriction());
        }
        assertTrue(feed.items().stream().anyMatch(FeedItem::reshareFriction));
        assertTrue(
                rank(config("engagement"), 5, new UserProfile(4)).items().stream()
                        .noneMatch(FeedItem::reshareFriction));
    }

    @Test
    void circuitBreakerStopsOutOfNetworkDistributionOfViralPosts() {
        PostIndex index = new PostIndex();
        posts().forEach(index::addPost);
        // Post 3 (author 9, out of network) is reshared 5 times.
        for (int u = 0; u < 5; u++) {
            index.applyImpression(
                    Impression.of(
                            u, 50 + u, 3, TICK - 1, 0, 0, Impression.with(0, Action.RESHARE)));
        }
        TickContext ctx =
                new TickContext(TICK, 1, outrageScorer(), index.snapshot(), new HashMap<>());
        RankerConfig open = config("popularity");
        RankerConfig broken = config("popularity", new ViralityCircuitBreaker(5, 3));
        FeedRequest r = request(5, "adult");
        assertTrue(
                ids(new FeedRanker(open, SEED).rank(r, new UserProfile(4), ctx).feed())
                        .contains(3L));
        assertFalse(
                ids(new FeedRanker(broken, SEED).rank(r, new UserProfile(4), ctx).feed())
                        .contains(3L));
    }

    @Test
    void exposureFloorRaisesTheCrossCuttingShare() {
        UserProfile right = rightLeaning();
        RankerConfig floor = config("engagement", new ExposureFloor(0.8));
        Feed plain = rank(config("engagement"), 5, right);
        Feed floored = rank(floor, 5, right);
        long before = plain.items().stream().filter(i -> stance(i) < 0).count();
        long after = floored.items().stream().filter(i -> stance(i) < 0).count();
        assertTrue(
                after >= Math.ceil(0.8 * floored.items().size()) || after > before,
                before + " -> " + after);
        assertTrue(after > before, before + " -> " + after);
    }

    private static double stance(FeedItem item) {
        return context().post(item.postId()).post().stance();
    }

    @Test
    void sessionNudgeLimitsAndFlagsOnlyTheDeclaredSegment() {
        RankerConfig cfg = config("engagement", new SessionNudge("minor", true, 4));
        FeedRanker ranker = new FeedRanker(cfg, SEED);
        Feed minor = ranker.rank(request(5, "minor"), new UserProfile(4), context()).feed();
        Feed adult = ranker.rank(request(5, "adult"), new UserProfile(4), context()).feed();
        assertTrue(minor.sessionNudge());
        assertEquals(4, minor.items().size());
        assertFalse(adult.sessionNudge());
        assertEquals(10, adult.items().size());
    }

    @Test
    void weightCapChangesTheObjectiveAndTheOrder() {
        RankerConfig cfg = config("engagement", new WeightCap(Map.of("comment", 0.0)));
        FeedRanker capped = new FeedRanker(cfg, SEED);
        assertEquals(0.0, capped.objective().weights().get("comment"));
        assertEquals(11.0, capped.objective().weights().get("click"));
        // With no comment weight, the outrage-driven comment head no longer orders the feed.
        assertNotEquals(
                ids(rank(config("engagement"), 5, new UserProfile(4))),
                ids(rank(cfg, 5, new UserProfile(4))));
    }

    @Test
    void telemetryRestrictionRemovesTheGroupsFromTheModelsFeatureMap() {
        RankerConfig cfg =
                config("engagement", new TelemetryRestriction(List.of("user", "user_x_post"), 0));
        ModelResolution resolved = ModelResolution.of(cfg);
        assertEquals(List.of("user", "user_x_post"), resolved.model().withheldFeatureGroups());
        assertEquals(
                "$.ranker.policies[0] (telemetry-restriction)",
                resolved.withheldFrom().get("user_x_post"));
        List<String> names = FeatureMask.ofNames(resolved.model().withheldFeatureGroups()).names();
        for (Feature f : Feature.values()) {
            boolean withheld =
                    f.group() == Feature.Group.USER || f.group() == Feature.Group.USER_X_POST;
            assertEquals(!withheld, names.contains(f.featureName()), f.featureName());
        }
    }

    @Test
    void aRestrictionFromALaterTickIsWithheldFromThatTickOn() {
        RankerConfig cfg =
                config(
                        "engagement",
                        new TelemetryRestriction(List.of("user"), 0),
                        new TelemetryRestriction(List.of("user_history", "user"), 12),
                        new TelemetryRestriction(List.of("user_history", "session"), 9));
        ModelResolution resolved = ModelResolution.of(cfg);
        assertEquals(List.of("user"), resolved.model().withheldFeatureGroups());
        // The earliest tick per group; a group withheld from tick 0 is not withheld "later".
        assertEquals(Map.of("user_history", 9, "session", 9), resolved.withheldLater());
        assertEquals(
                "$.ranker.policies[2] (telemetry-restriction) from tick 9",
                resolved.withheldFrom().get("user_history"));
        assertEquals(
                "$.ranker.policies[0] (telemetry-restriction)",
                resolved.withheldFrom().get("user"));
        assertEquals(List.of("user"), resolved.withheldAt(0));
        assertEquals(List.of("user"), resolved.withheldAt(8));
        assertEquals(List.of("user", "user_history", "session"), resolved.withheldAt(9));
        assertEquals(List.of("user", "user_history", "session"), resolved.withheldAt(30));
        TelemetryRestriction late = new TelemetryRestriction(List.of("user"), 12);
        assertFalse(late.appliesAt(11));
        assertTrue(late.appliesAt(12));
        assertFalse(late.servingMaskAt(11));
        assertTrue(late.servingMaskAt(12));
        assertFalse(new TelemetryRestriction(List.of("user"), 0).servingMaskAt(5));
        assertEquals(
                "The ranking model may not use these kinds of data from day 12 on: user.",
                late.describe());
    }

    @Test
    void servingZeroesAGroupWithheldFromALaterTickOnceItsTickHasCome() {
        // The tick's model scores comments by the outrage slot, a slot of the post group.
        int outrage = Feature.OUTRAGE_SCORE.ordinal();
        int f = Feature.count();
        for (int from : new int[] {0, (int) TICK - 1, (int) TICK, (int) TICK + 1}) {
            RankerConfig cfg =
                    config("engagement", new TelemetryRestriction(List.of("post"), from));
            var ranked =
                    new FeedRanker(cfg, SEED)
                            .rank(request(5, "adult"), new UserProfile(4), context());
            float[] xs = ranked.features();
            int n = xs.length / f;
            int nonZero = 0;
            for (int i = 0; i < n; i++) {
                nonZero += xs[i * f + outrage] != 0f ? 1 : 0;
            }
            // From tick 0 no model has weights for the group: serving leaves the vectors alone.
            boolean zeroed = from > 0 && TICK >= from;
            assertEquals(zeroed, nonZero == 0, "from_tick " + from + ": " + nonZero + " of " + n);
            assertTrue(n >= 10);
        }
    }

    @Test
    void transparencyStatementStatesObjectiveAndPolicies() {
        RankerConfig cfg =
                config(
                        "reactions-5x-anger",
                        new OutrageDemotion(0.5, "outrage"),
                        new Transparency(MainParameters.FILE));
        String s = MainParameters.statement("demo", cfg);
        assertTrue(s.contains("react angrily (weight 5)"), s);
        assertTrue(s.contains("pushed down the feed"), s);
        assertTrue(MainParameters.requested(cfg));
        assertFalse(MainParameters.requested(config("engagement")));
    }

    @Test
    void parsingFillsEachLeftOutParameterWithItsDefault() {
        assertEquals(
                new ChronologicalControlGroup(0.01),
                Policies.parse(policy("type", "control-group"), "$"));
        assertEquals(
                new NonProfilingFeed(0.5, "chronological"),
                Policies.parse(policy("type", "non-profiling"), "$"));
        assertEquals(
                new OutrageDemotion(0.5, "outrage"),
                Policies.parse(policy("type", "outrage-demotion"), "$"));
        assertEquals(
                new ViralityCircuitBreaker(20, 3),
                Policies.parse(policy("type", "circuit-breaker"), "$"));
        assertEquals(
                new SessionNudge("young", true, 0),
                Policies.parse(policy("type", "session-nudge", "segment", "young"), "$"));
        assertEquals(
                new ModelCapacity(1.0, 500, 4.6e9),
                Policies.parse(
                        policy(
                                "type",
                                "model-capacity",
                                "latency_budget_ms",
                                1,
                                "candidates",
                                500,
                                "flops_per_second",
                                4.6e9),
                        "$"));
    }

    @Test
    void unknownPolicyTypesAreRejectedWithTheirPath() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Policies.parse(
                                        policy("type", "mute-everyone"), "$.ranker.policies[2]"));
        assertTrue(e.getMessage().startsWith("$.ranker.policies[2].type"), e.getMessage());
    }

    private static List<Long> ids(Feed feed) {
        return feed.items().stream().map(FeedItem::postId).toList();
    }
}
