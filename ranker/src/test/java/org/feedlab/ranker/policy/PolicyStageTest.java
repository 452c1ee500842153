package org.feedlab.ranker.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedlab.events.Action;
import org.feedlab.events.FeedKind;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.events.Seeds;
import org.feedlab.ranker.Candidate;
import org.feedlab.ranker.Objective;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.PostStats;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.objective.ScoreBreakdown;
import org.junit.jupiter.api.Test;

/**
 * Each policy stage on one request written by hand: the candidates, their scores and the selected
 * feed before the stage, and what the stage leaves, worked out by hand.
 */
class PolicyStageTest {
    private static final double EPS = 1e-12;
    private static final long SEED = 5;
    private static final long TICK = 10;
    private static final int USER = 3;

    private static Candidate candidate(long id, double stance, double outrage) {
        return new Candidate(
                new PostStats(Post.of(id, 1, TICK - 1, 0, stance, outrage, -1)), false);
    }

    /** A reader whose engaged posts have mean stance {@code leaning} (0: none with a side). */
    private static UserProfile reader(double leaning) {
        UserProfile u = new UserProfile(4);
        if (leaning != 0.0) {
            Post p = Post.of(900, 1, 1, 0, leaning, 0.1, -1);
            u.apply(Impression.of(900, USER, 900, 1, 0, 0, Impression.with(0, Action.LIKE)), p);
        }
        return u;
    }

    private static RankingState state(
            String segment, UserProfile user, TickContext context, List<Candidate> candidates) {
        FeedRequest r =
                FeedRequest.of(
                        FeedRequest.idFor(TICK, USER),
                        USER,
                        TICK,
                        new int[] {1},
                        candidates.size(),
                        segment);
        RankingState s = new RankingState(r, user, context, SEED);
        s.candidates = new ArrayList<>(candidates);
        s.friction = new boolean[candidates.size()];
        return s;
    }

    private static RankingState scored(UserProfile user, double[] scores, Candidate... cs) {
        RankingState s = state("adult", user, null, List.of(cs));
        s.scores = ScoreBreakdown.ordered("test", scores);
        return s;
    }

    // ---- outrage demotion ----

    /** Scores 3, 1, 2 (range 2); outrage 0.5, 0.2, 1.0; stances 0.5, −1, 0. */
    private static RankingState threeScored() {
        return scored(
                reader(0),
                new double[] {3, 1, 2},
                candidate(1, 0.5, 0.5),
                candidate(2, -1.0, 0.2),
                candidate(3, 0.0, 1.0));
    }

    @Test
    void outrageDemotionSubtractsStrengthTimesOutrageTimesTheScoreRange() {
        RankingState s = threeScored();
        new OutrageDemotion(0.5, "outrage").scores(s);
        // −0.5 × a × 2 for a = 0.5, 0.2, 1.0
        assertArrayEquals(new double[] {-0.5, -0.2, -1.0}, s.scores.adjustment(0), EPS);
        assertEquals(List.of("outrage-demotion"), s.scores.adjustedBy());
        assertEquals(2.5, s.scores.total(0), EPS);
        assertEquals(0.8, s.scores.total(1), EPS);
        assertEquals(1.0, s.scores.total(2), EPS);
    }

    @Test
    void animosityDemotionWeighsOutrageByStanceExtremity() {
        RankingState s = threeScored();
        new OutrageDemotion(0.5, "animosity").scores(s);
        // a = outrage × |stance| = 0.25, 0.2, 0
        assertArrayEquals(new double[] {-0.25, -0.2, 0.0}, s.scores.adjustment(0), EPS);
        assertEquals(2.75, s.scores.total(0), EPS);
    }

    @Test
    void outrageDemotionOfNegativeOrEqualScores() {
        // Scores −1 and −4: range 3.
        RankingState negative =
                scored(reader(0), new double[] {-1, -4}, candidate(1, 0, 0.5), candidate(2, 0, 1));
        new OutrageDemotion(1.0, "outrage").scores(negative);
        assertArrayEquals(new double[] {-1.5, -3.0}, negative.scores.adjustment(0), EPS);
        // Equal scores have no range: a range of 1 stands in.
        RankingState flat =
                scored(reader(0), new double[] {2, 2}, candidate(1, 0, 0.4), candidate(2, 0, 1));
        new OutrageDemotion(1.0, "outrage").scores(flat);
        assertArrayEquals(new double[] {-0.4, -1.0}, flat.scores.adjustment(0), EPS);
        // No candidates: nothing to adjust.
        RankingState empty = scored(reader(0), new double[0]);
        new OutrageDemotion(1.0, "outrage").scores(empty);
        assertEquals(List.of(), empty.scores.adjustedBy());
    }

    // ---- ordering ----

    @Test
    void theOrderIsByScoreThenByTheNewerPost() {
        RankingState s =
                scored(
                        reader(0),
                        new double[] {1, 2, 2},
                        candidate(7, 0, 0),
                        candidate(4, 0, 0),
                        candidate(9, 0, 0));
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        order.sort(s.order());
        assertEquals(List.of(2, 1, 0), order);
    }

    // ---- exposure floor ----

    /**
     * A right-leaning reader (0.7) and seven candidates, scored 6 down to 0.5: stances +0.5, +0.5,
     * 0 (no side: not cross-cutting), +0.3, −0.5, −0.2, −0.8. Cross-cutting: indices 4, 5, 6.
     */
    private static RankingState floorState(double leaning, int... selected) {
        RankingState s =
                scored(
                        reader(leaning),
                        new double[] {6, 5, 4, 3, 2, 1, 0.5},
                        candidate(1, 0.5, 0),
                        candidate(2, 0.5, 0),
                        candidate(3, 0.0, 0),
                        candidate(4, 0.3, 0),
                        candidate(5, -0.5, 0),
                        candidate(6, -0.2, 0),
                        candidate(7, -0.8, 0));
        s.selected = selected;
        return s;
    }

    @Test
    void exposureFloorReplacesTheLowestLikeMindedItemsByTheBestCrossCuttingOnes() {
        // Feed of 4, share 0.5: 2 cross-cutting items needed, none held. Candidates 4 and 5 replace
        // the lowest-placed items (3, then 2); the feed is sorted by score again.
        RankingState half = floorState(0.7, 0, 1, 2, 3);
        new ExposureFloor(0.5).feed(half);
        assertArrayEquals(new int[] {0, 1, 4, 5}, half.selected);
        // Share 0.25 of 4 is exactly 1 item.
        RankingState quarter = floorState(0.7, 0, 1, 2, 3);
        new ExposureFloor(0.25).feed(quarter);
        assertArrayEquals(new int[] {0, 1, 2, 4}, quarter.selected);
        // Share 0.3 of 4 is 1.2: rounded up to 2.
        RankingState ceil = floorState(0.7, 0, 1, 2, 3);
        new ExposureFloor(0.3).feed(ceil);
        assertArrayEquals(new int[] {0, 1, 4, 5}, ceil.selected);
    }

    @Test
    void exposureFloorReplacesDownToTheTopSlotAndStopsWhenCrossCuttingItemsRunOut() {
        RankingState two = floorState(0.7, 0, 1);
        new ExposureFloor(1.0).feed(two);
        assertArrayEquals(new int[] {4, 5}, two.selected);
        // Four needed, three available: the top item stays.
        RankingState four = floorState(0.7, 0, 1, 2, 3);
        new ExposureFloor(1.0).feed(four);
        assertArrayEquals(new int[] {0, 4, 5, 6}, four.selected);
    }

    @Test
    void exposureFloorLeavesFeedsThatMeetItOrCannotApply() {
        // One cross-cutting item of two meets share 0.5: the feed is left as it is, unsorted.
        RankingState met = floorState(0.7, 4, 0);
        int[] before = met.selected;
        new ExposureFloor(0.5).feed(met);
        assertSame(before, met.selected);
        // A reader without an estimated leaning has no other side.
        RankingState unknown = floorState(0.0, 0, 1, 2, 3);
        new ExposureFloor(1.0).feed(unknown);
        assertArrayEquals(new int[] {0, 1, 2, 3}, unknown.selected);
        // Feeds that are not ranked are not changed.
        RankingState control = floorState(0.7, 0, 1, 2, 3);
        control.kind = FeedKind.CONTROL_CHRONOLOGICAL;
        new ExposureFloor(1.0).feed(control);
        assertArrayEquals(new int[] {0, 1, 2, 3}, control.selected);
        // For a left-leaning reader the right-leaning items are the cross-cutting ones.
        RankingState left = floorState(-0.4, 4, 5, 6, 2);
        new ExposureFloor(0.5).feed(left);
        assertArrayEquals(new int[] {0, 1, 4, 5}, left.selected);
    }

    @Test
    void exposureFloorTakesTheBestScoredCrossCuttingCandidatesWhateverTheirPlace() {
        // Cross-cutting candidates 2, 3, 4 listed worst first: the best two (4, then 3) come in.
        RankingState s =
                scored(
                        reader(0.7),
                        new double[] {6, 5, 1, 2, 3},
                        candidate(1, 0.5, 0),
                        candidate(2, 0.5, 0),
                        candidate(3, -0.5, 0),
                        candidate(4, -0.5, 0),
                        candidate(5, -0.5, 0));
        s.selected = new int[] {0, 1};
        new ExposureFloor(1.0).feed(s);
        assertArrayEquals(new int[] {4, 3}, s.selected);
    }

    // ---- reshare friction ----

    @Test
    void reshareFrictionFlagsSelectedItemsFromTheThresholdOn() {
        RankingState s =
                scored(
                        reader(0),
                        new double[] {4, 3, 2, 1},
                        candidate(1, 0, 0.5),
                        candidate(2, 0, 0.49),
                        candidate(3, 0, 0.9),
                        candidate(4, 0, 0.9));
        s.selected = new int[] {0, 1, 2};
        new ReshareFriction(0.5).feed(s);
        assertArrayEquals(new boolean[] {true, false, true, false}, s.friction);
        new ReshareFriction(0.0).feed(s);
        assertArrayEquals(new boolean[] {true, true, true, false}, s.friction);
    }

    // ---- circuit breaker ----

    @Test
    void theCircuitBreakerRemovesOutOfNetworkPostsReshardOftenOrDeep() {
        PostIndex index = new PostIndex();
        index.addPost(Post.of(10, 1, 1, 0, 0, 0, -1));
        index.addPost(Post.of(11, 1, 2, 0, 0, 0, 10)); // depth 1
        index.addPost(Post.of(12, 1, 3, 0, 0, 0, 11)); // depth 2
        index.addPost(Post.of(13, 1, 3, 0, 0, 0, 99)); // parent unknown: depth 1
        index.addPost(Post.of(14, 1, 3, 0, 0, 0, -1)); // reshared twice
        index.addPost(Post.of(15, 1, 3, 0, 0, 0, -1)); // reshared once
        for (int u = 0; u < 2; u++) {
            index.applyImpression(
                    Impression.of(u, 50 + u, 14, 3, 0, 0, Impression.with(0, Action.RESHARE)));
        }
        index.applyImpression(
                Impression.of(5, 60, 15, 3, 0, 0, Impression.with(0, Action.RESHARE)));
        TickContext ctx = new TickContext(TICK, 1, null, index.snapshot(), new HashMap<>());
        List<Candidate> all = new ArrayList<>();
        for (long id = 10; id <= 15; id++) {
            all.add(new Candidate(ctx.post(id), false));
        }
        all.add(new Candidate(ctx.post(12), true));
        all.add(new Candidate(ctx.post(14), true));

        RankingState s = state("adult", reader(0), ctx, all);
        new ViralityCircuitBreaker(2, 2).candidates(s);
        assertEquals(List.of("10 out", "11 out", "13 out", "15 out", "12 in", "14 in"), ids(s));

        RankingState shallow = state("adult", reader(0), ctx, all);
        new ViralityCircuitBreaker(3, 1).candidates(shallow);
        assertEquals(List.of("10 out", "14 out", "15 out", "12 in", "14 in"), ids(shallow));
    }

    @Test
    void theCircuitBreakerCountsFromPostZeroAndFollowsAtMost64Parents() {
        PostIndex index = new PostIndex();
        index.addPost(Post.of(0, 1, 1, 0, 0, 0, -1));
        index.addPost(Post.of(1, 1, 2, 0, 0, 0, 0)); // reshares post 0: depth 1
        // Posts 2 and 3 reshare each other: the walk stops after 64 parents.
        index.addPost(Post.of(2, 1, 2, 0, 0, 0, 3));
        index.addPost(Post.of(3, 1, 2, 0, 0, 0, 2));
        TickContext ctx = new TickContext(TICK, 1, null, index.snapshot(), new HashMap<>());
        List<Candidate> all = new ArrayList<>();
        for (long id = 0; id <= 3; id++) {
            all.add(new Candidate(ctx.post(id), false));
        }
        RankingState one = state("adult", reader(0), ctx, all);
        new ViralityCircuitBreaker(100, 1).candidates(one);
        assertEquals(List.of("0 out"), ids(one));
        RankingState at64 = state("adult", reader(0), ctx, all);
        new ViralityCircuitBreaker(100, 64).candidates(at64);
        assertEquals(List.of("0 out", "1 out"), ids(at64));
        RankingState at65 = state("adult", reader(0), ctx, all);
        new ViralityCircuitBreaker(100, 65).candidates(at65);
        assertEquals(List.of("0 out", "1 out", "2 out", "3 out"), ids(at65));
    }

    @Test
    void removeResharesTakesOutEveryPostWithAParentIncludingPostZero() {
        List<Candidate> all =
                List.of(
                        new Candidate(new PostStats(Post.of(0, 1, 1, 0, 0, 0, -1)), true),
                        new Candidate(new PostStats(Post.of(5, 1, 1, 0, 0, 0, 0)), true),
                        new Candidate(new PostStats(Post.of(6, 1, 1, 0, 0, 0, 5)), false));
        RankingState s = state("adult", reader(0), null, all);
        new RemoveReshares(1.0, 0, 0).candidates(s);
        assertEquals(List.of("0 in"), ids(s));
        RankingState later = state("adult", reader(0), null, all);
        new RemoveReshares(1.0, (int) TICK + 1, 0).candidates(later);
        assertEquals(3, later.candidates.size());
    }

    @Test
    void rerankCountsTheThresholdAsHostileAndCanReplaceTheTopItem() {
        // Candidates 0, 1 are hostile (outrage 0.5 = the threshold, 0.8), 2 and 3 are not.
        RankingState s =
                scored(
                        reader(0),
                        new double[] {4, 3, 2, 1},
                        candidate(1, 0, 0.5),
                        candidate(2, 0, 0.8),
                        candidate(3, 0, 0.4),
                        candidate(4, 0, 0.1));
        s.selected = new int[] {0, 1};
        new Rerank("hostile", 0.0, 0.5, 1.0, 0, 0).feed(s);
        assertArrayEquals(new int[] {2, 3}, s.selected);
    }

    private static List<String> ids(RankingState s) {
        return s.candidates.stream()
                .map(c -> c.stats().post().postId() + (c.inNetwork() ? " in" : " out"))
                .toList();
    }

    // ---- session nudge ----

    @Test
    void sessionNudgesFlagAndCutOnlyTheirSegmentAndTheTightestLimitWins() {
        RankingState teen = state("teen", reader(0), null, List.of());
        new SessionNudge("teen", true, 5).feed(teen);
        assertTrue(teen.nudge);
        assertEquals(5, teen.itemLimit);
        // A later, tighter limit without a prompt keeps the earlier prompt.
        new SessionNudge("teen", false, 3).feed(teen);
        assertTrue(teen.nudge);
        assertEquals(3, teen.itemLimit);
        // A looser limit does not undo it; no limit (0) leaves it.
        new SessionNudge("teen", false, 4).feed(teen);
        new SessionNudge("teen", false, 0).feed(teen);
        assertEquals(3, teen.itemLimit);

        RankingState quiet = state("teen", reader(0), null, List.of());
        new SessionNudge("teen", false, 0).feed(quiet);
        assertFalse(quiet.nudge);
        assertEquals(0, quiet.itemLimit);

        RankingState adult = state("adult", reader(0), null, List.of());
        new SessionNudge("teen", true, 5).feed(adult);
        assertFalse(adult.nudge);
        assertEquals(0, adult.itemLimit);
    }

    @Test
    void theModelCapacityFitsARungWhoseCostEqualsTheBudget() {
        // 1,000 ms for one candidate at F FLOP/s is a budget of exactly F FLOPs per candidate.
        List<Integer> rung = ModelCapacity.LADDER.get(2);
        double flops = ModelCapacity.flopsPerCandidate(rung);
        ModelCapacity exact = new ModelCapacity(1000, 1, flops);
        assertEquals(flops, exact.budgetFlopsPerCandidate());
        assertEquals(rung, exact.hiddenSizes("$"));
        assertEquals(
                ModelCapacity.LADDER.get(1),
                new ModelCapacity(1000, 1, flops - 1).hiddenSizes("$"));
    }

    // ---- audiences ----

    @Test
    void membershipIsTheSeededDrawBelowTheShare() {
        double draw = Seeds.derive(SEED, USER, 0, "control-group").nextDouble();
        assertFalse(Membership.member(SEED, USER, "control-group", draw));
        assertTrue(Membership.member(SEED, USER, "control-group", Math.nextUp(draw)));
    }

    @Test
    void audienceStagesAssignTheirFeedKindToRankedFeedsOfMembersOnly() {
        assertEquals(FeedKind.CONTROL_CHRONOLOGICAL, kind(new ChronologicalControlGroup(1.0)));
        assertEquals(FeedKind.RANKED, kind(new ChronologicalControlGroup(0.0)));
        assertEquals(
                FeedKind.NON_PROFILING_CHRONOLOGICAL,
                kind(new NonProfilingFeed(1.0, "chronological")));
        assertEquals(FeedKind.NON_PROFILING_POPULAR, kind(new NonProfilingFeed(1.0, "popularity")));
        assertEquals(FeedKind.RANKED, kind(new NonProfilingFeed(0.0, "popularity")));
        // The first audience stage decides; later ones leave a feed that is no longer ranked.
        RankingState s = state("adult", reader(0), null, List.of());
        new ChronologicalControlGroup(1.0).audience(s);
        new NonProfilingFeed(1.0, "popularity").audience(s);
        assertEquals(FeedKind.CONTROL_CHRONOLOGICAL, s.kind);
        RankingState t = state("adult", reader(0), null, List.of());
        new NonProfilingFeed(1.0, "chronological").audience(t);
        new ChronologicalControlGroup(1.0).audience(t);
        assertEquals(FeedKind.NON_PROFILING_CHRONOLOGICAL, t.kind);
    }

    private static FeedKind kind(FeedPolicy policy) {
        RankingState s = state("adult", reader(0), null, List.of());
        policy.audience(s);
        return s.kind;
    }

    // ---- weight cap ----

    @Test
    void weightCapsLowerCappedHeadsInTheWeightsAndTheFallback() {
        WeightCap cap = new WeightCap(Map.of("click", 5.0, "like", 2.0, "dwell", -1.0));
        Objective engagement = cap.objective(Objective.named("engagement"));
        assertEquals(5.0, engagement.weights().get("click"));
        assertEquals(0.5, engagement.weights().get("like"));
        assertEquals(13.5, engagement.weights().get("comment"));
        // A head the preset does not weigh counts as 0 before the cap.
        assertEquals(-1.0, engagement.weights().get("dwell"));
        assertEquals("engagement", engagement.name());

        Objective timeSpent = cap.objective(Objective.named("time-spent"));
        assertEquals(-1.0, timeSpent.weights().get("dwell"));
        assertEquals(1.0, timeSpent.fallback().get("click"));
        assertEquals(0.0, timeSpent.fallback().get("like"));
        assertEquals(-1.0, timeSpent.fallback().get("dwell"));
    }

    // ---- statements ----

    @Test
    void everyPolicyDescribesItselfWithItsParameters() {
        assertEquals(
                "Posts the platform's classifier rates as outrageous are pushed down the feed"
                        + " (strength 0.50).",
                new OutrageDemotion(0.5, "outrage").describe());
        assertEquals(
                "Posts the platform's classifier rates as outraged and partisan are pushed down"
                        + " the feed (strength 1.25).",
                new OutrageDemotion(1.25, "animosity").describe());
        assertEquals(
                "At least 30 % of each feed comes from the other side of the reader's estimated"
                        + " political leaning.",
                new ExposureFloor(0.3).describe());
        assertEquals(
                "Posts reshared 20 times or more, or reshares 3 levels deep, are no longer"
                        + " recommended to people who do not follow their author.",
                new ViralityCircuitBreaker(20, 3).describe());
        assertEquals(
                "Before resharing any post, people are asked to pause and confirm.",
                new ReshareFriction(0.0).describe());
        assertEquals(
                "Before resharing a post the classifier rates at least 0.60 outrageous, people are"
                        + " asked to pause and confirm.",
                new ReshareFriction(0.6).describe());
        assertEquals(
                "Users who declared the segment \"young\" are prompted to take a break. Their"
                        + " sessions are limited to 12 items.",
                new SessionNudge("young", true, 12).describe());
        assertEquals(
                "Users who declared the segment \"young\" are not prompted.",
                new SessionNudge("young", false, 0).describe());
        assertEquals(
                "1.5 % of users use the feed option not based on profiling (DSA Art. 38): posts"
                        + " of the accounts they follow, newest first, without using anything the"
                        + " platform has recorded about them.",
                new NonProfilingFeed(0.015, "chronological").describe());
        assertEquals(
                "50.0 % of users use the feed option not based on profiling (DSA Art. 38): posts"
                        + " ordered by how much everyone engaged with them, without using anything"
                        + " the platform has recorded about them.",
                new NonProfilingFeed(0.5, "popularity").describe());
        assertEquals(
                "A randomly chosen 1.0 % of users form a control group whose feed shows only"
                        + " accounts they follow, newest first, so the effect of ranking can be"
                        + " measured against it.",
                new ChronologicalControlGroup(0.01).describe());
        assertEquals(
                "The weight the ranking gives to predicted engagement is capped: comment at most"
                        + " 0.0.",
                new WeightCap(Map.of("comment", 0.0)).describe());
        assertEquals(
                "The ranking model may not use these kinds of data: user, user x post.",
                new TelemetryRestriction(List.of("user", "user_x_post"), 0).describe());
        assertEquals(
                "This statement is published with the run (main-parameters.md).",
                new Transparency(MainParameters.FILE).describe());
        assertEquals(
                "A randomly chosen 25.0 % of users see no reshared posts in their feed from tick 3"
                        + " until tick 9.",
                new RemoveReshares(0.25, 3, 9).describe());
        assertEquals(
                "A randomly chosen 10.0 % of users see 0.50 times as many political posts as"
                        + " ranking alone would show them, from tick 2 until the run ends.",
                new Rerank("political", 0.5, 0.5, 0.1, 2, 0).describe());
        assertEquals(
                "A randomly chosen 50.0 % of users see 2.00 times as many posts the platform's"
                        + " classifier rates as hostile as ranking alone would show them, from"
                        + " tick 0 until the run ends.",
                new Rerank("hostile", 2, 0.5, 0.5, 0, 0).describe());
        assertEquals(
                "A randomly chosen 50.0 % of users see 0.67 times as many posts on the side the"
                        + " platform estimates the reader is on as ranking alone would show them,"
                        + " from tick 0 until the run ends.",
                new Rerank("like-minded", 0.67, 0.5, 0.5, 0, 0).describe());
    }

    @Test
    void policiesNameTheirTypes() {
        assertEquals("outrage-demotion", new OutrageDemotion(1, "outrage").type());
        assertEquals("exposure-floor", new ExposureFloor(1).type());
        assertEquals("circuit-breaker", new ViralityCircuitBreaker(1, 1).type());
        assertEquals("reshare-friction", new ReshareFriction(1).type());
        assertEquals("session-nudge", new SessionNudge("", true, 0).type());
        assertEquals("non-profiling", new NonProfilingFeed(1, "popularity").type());
        assertEquals("control-group", new ChronologicalControlGroup(1).type());
        assertEquals("weight-cap", new WeightCap(Map.of()).type());
        assertEquals("telemetry-restriction", new TelemetryRestriction(List.of(), 0).type());
        assertEquals("transparency", new Transparency("x").type());
        assertEquals("remove-reshares", new RemoveReshares(1, 0, 0).type());
        assertEquals("remove-reshares", new RemoveReshares(1, 0, 0).purpose());
        assertEquals("rerank", new Rerank("hostile", 1, 0.5, 1, 0, 0).type());
        assertEquals("rerank", new Rerank("hostile", 1, 0.5, 1, 0, 0).purpose());
        assertEquals("model-capacity", new ModelCapacity(1, 500, 4.6e9).type());
    }
}
