package org.feedlab.ranker.objective;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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
import org.feedlab.ranker.state.StateIO;

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

    /**
     * Writes what the objective has learnt so far: the multiplier, the last served share, the
     * bridging ratings window and fit. The objective itself comes from the configuration.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeDouble(multiplier);
        out.writeDouble(servedShare);
        out.writeInt(window.size());
        for (List<BridgingFactorization.Rating> tick : window) {
            out.writeInt(tick.size());
            for (BridgingFactorization.Rating r : tick) {
                out.writeInt(r.user());
                out.writeLong(r.post());
                out.writeDouble(r.value());
            }
        }
        out.writeBoolean(bridging != null);
        if (bridging != null) {
            bridging.writeTo(out);
        }
    }

    /** Restores, into a state built from the same configuration, what {@link #writeTo} wrote. */
    public void readFrom(DataInput in) throws IOException {
        multiplier = in.readDouble();
        servedShare = in.readDouble();
        window.clear();
        int ticks = StateIO.readCount(in);
        for (int t = 0; t < ticks; t++) {
            int n = StateIO.readCount(in);
            List<BridgingFactorization.Rating> tick = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tick.add(
                        new BridgingFactorization.Rating(
                                in.readInt(), in.readLong(), in.readDouble()));
            }
            window.addLast(tick);
        }
        boolean fitted = in.readBoolean();
        if (fitted != (bridging != null)) {
            throw new IOException(
                    "corrupted objective state: bridging state "
                            + (fitted ? "present" : "absent")
                            + " for objective "
                            + objective.kind());
        }
        if (bridging != null) {
            bridging.readFrom(in);
        }
    }
}
