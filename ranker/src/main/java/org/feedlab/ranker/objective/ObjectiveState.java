package org.feedlab.ranker.objective;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongFunction;
import org.feedlab.events.Action;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.ranker.Objective;
import org.feedlab.ranker.RankerConfig;

/**
 * The platform-side state of the objective, advanced once per tick in the platform replay from the
 * impression logs only: the outrage-cap multiplier and the bridging factorisation. Its output
 * reaches every scorer through the tick context, so both engines rank with the same numbers.
 */
public final class ObjectiveState {
    /** Classifier score above which a served item counts as outrageous (as the metrics do). */
    public static final double OUTRAGE_THRESHOLD = 0.5;

    private final Objective objective;
    private final int windowTicks;
    private final BridgingFactorization bridging;
    private final Deque<List<BridgingFactorization.Rating>> window = new ArrayDeque<>();
    private double multiplier;
    private double servedShare = Double.NaN;

    public ObjectiveState(RankerConfig config, long runSeed) {
        this.objective = config.objectiveInForce();
        this.windowTicks = config.training().windowTicks();
        this.bridging =
                objective.kind() == Objective.Kind.BRIDGING
                        ? new BridgingFactorization(runSeed)
                        : null;
    }

    /**
     * Observes the impression logs of the previous tick (already in a fixed order) and updates the
     * state; {@code posts} looks a logged post up (null when the platform no longer has it).
     */
    public void observe(List<Impression> logs, LongFunction<Post> posts) {
        int seen = 0;
        int outrageous = 0;
        List<BridgingFactorization.Rating> ratings = new ArrayList<>();
        for (Impression log : logs) {
            Post post = posts.apply(log.postId());
            if (post == null) {
                continue;
            }
            seen++;
            if (post.outrageScore() > OUTRAGE_THRESHOLD) {
                outrageous++;
            }
            if (bridging != null) {
                // Explicit judgements only, as Community Notes rates helpfulness: a survey answer
                // ("worth your time?": yes 1, no 0) or a hide (0; a hide wins). Likes are not
                // ratings: outrage draws them from both sides, so approval counted from likes
                // made outrage look like bridging content (docs/MODEL.md).
                if (log.did(Action.HIDE)) {
                    ratings.add(new BridgingFactorization.Rating(log.userId(), log.postId(), 0.0));
                } else if (log.survey() != Impression.NO_SURVEY) {
                    ratings.add(
                            new BridgingFactorization.Rating(
                                    log.userId(), log.postId(), log.survey()));
                }
            }
        }
        servedShare = seen == 0 ? Double.NaN : (double) outrageous / seen;
        ObjectiveTerms terms = objective.terms();
        if (terms.capped() && seen > 0) {
            // Dual ascent on the cap constraint: raise λ while the served share exceeds the cap.
            multiplier =
                    Math.max(
                            0.0, multiplier + terms.capStep() * (servedShare - terms.outrageCap()));
        }
        if (bridging != null) {
            window.addLast(ratings);
            while (window.size() > windowTicks) {
                window.removeFirst();
            }
        }
    }

    /** The signals for the next tick's scorers. */
    public PlatformSignals signals() {
        PlatformSignals out = new PlatformSignals();
        out.outrageMultiplier = multiplier;
        out.servedOutrageShare = servedShare;
        if (bridging != null) {
            List<BridgingFactorization.Rating> all = new ArrayList<>();
            window.forEach(all::addAll);
            bridging.fit(all, out);
        }
        return out;
    }
}
