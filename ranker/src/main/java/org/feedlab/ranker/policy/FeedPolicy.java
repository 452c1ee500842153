package org.feedlab.ranker.policy;

import java.io.Serializable;
import org.feedlab.ranker.Objective;

/**
 * One policy stage. Each hook runs for every policy in declared order: {@link #objective} once when
 * the ranker is built, then per request {@link #audience}, {@link #candidates}, {@link #scores}
 * (ranked feeds only), {@link #feed}.
 */
public interface FeedPolicy extends Serializable {
    /** The policy's type as written in scenario files. */
    String type();

    /** A plain-language sentence for the main-parameters statement (DSA Art. 27). */
    String describe();

    /** Changes the objective before any ranking (weight caps). */
    default Objective objective(Objective objective) {
        return objective;
    }

    /** Chooses the kind of feed this user gets (control group, non-profiling option). */
    default void audience(RankingState state) {}

    /** Removes candidates that may not be distributed (circuit breaker). */
    default void candidates(RankingState state) {}

    /** Adjusts the scores of a ranked feed (demotion). */
    default void scores(RankingState state) {}

    /** Changes the selected feed and its prompts (exposure floor, friction, nudges, limits). */
    default void feed(RankingState state) {}
}
