package org.feedlab.ranker.policy;

import java.util.Locale;

/**
 * Reshare friction: items carry a prompt asking the reader to pause before resharing (as Twitter's
 * 2020 "read before you retweet" prompt); the society lowers its reshare probability on such items.
 * Only items whose outrage-classifier score is at least {@code outrageThreshold} get it.
 *
 * @param outrageThreshold classifier score from which the prompt is shown (0: every item)
 */
public record ReshareFriction(double outrageThreshold) implements FeedPolicy {
    public static final String TYPE = "reshare-friction";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return outrageThreshold <= 0.0
                ? "Before resharing any post, people are asked to pause and confirm."
                : String.format(
                        Locale.ROOT,
                        "Before resharing a post the classifier rates at least %.2f outrageous,"
                                + " people are asked to pause and confirm.",
                        outrageThreshold);
    }

    @Override
    public void feed(RankingState state) {
        for (int i : state.selected) {
            if (state.candidates.get(i).stats().post().outrageScore() >= outrageThreshold) {
                state.friction[i] = true;
            }
        }
    }
}
