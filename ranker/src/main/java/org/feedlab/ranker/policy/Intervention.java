package org.feedlab.ranker.policy;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A field-experiment treatment on the platform's side: it acts on a seeded, fixed share of users
 * (the treated group) during the ticks [start, end) and then stops, so a run holds its own treated
 * and untreated users. Membership is {@link Membership#member} with the policy's own purpose, drawn
 * once per user and the same in every engine.
 */
public interface Intervention extends FeedPolicy {
    /** Share of users treated. */
    double share();

    /** First tick of the treatment. */
    int start();

    /** First tick after the treatment, or 0 when it lasts until the run ends. */
    int end();

    /** Seed purpose of the membership draws. */
    String purpose();

    /** Whether this user is in the treated group (whatever the tick). */
    default boolean treats(long runSeed, int userId) {
        return Membership.member(runSeed, userId, purpose(), share());
    }

    /** Whether the treatment is on at this tick: start ≤ tick and (end = 0 or tick < end). */
    default boolean during(long tick) {
        return tick >= start() && (end() == 0 || tick < end());
    }

    /**
     * The users any of these policies' interventions treats (for the treated and untreated rows of
     * the metrics), or empty when none of the policies is an intervention.
     */
    static Optional<IntPredicate> treatedBy(List<FeedPolicy> policies, long runSeed) {
        List<Intervention> interventions =
                policies.stream()
                        .filter(Intervention.class::isInstance)
                        .map(Intervention.class::cast)
                        .toList();
        if (interventions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(user -> interventions.stream().anyMatch(i -> i.treats(runSeed, user)));
    }

    /** The window in words, for {@link #describe()}: "from tick 3 until tick 9". */
    static String window(int start, int end) {
        return end == 0
                ? "from tick " + start + " until the run ends"
                : "from tick " + start + " until tick " + end;
    }

    /** Whether the treatment acts on this request: a treated user, inside the window. */
    default boolean actsOn(RankingState state) {
        return during(state.request.tick()) && treats(state.runSeed, state.request.userId());
    }
}
