package org.feedlab.ranker.policy;

import java.util.Locale;

/**
 * Session nudges and time limits for a declared segment (e.g. minors, by the age group the platform
 * holds): feeds of that segment carry a "take a break" prompt, which the society reacts to by
 * ending sessions earlier, and are cut to at most {@code maxItems} items.
 *
 * @param segment declared segment the policy targets
 * @param nudge whether feeds carry the prompt
 * @param maxItems most items per feed for the segment (0: no limit)
 */
public record SessionNudge(String segment, boolean nudge, int maxItems) implements FeedPolicy {
    public static final String TYPE = "session-nudge";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        String limit =
                maxItems > 0
                        ? String.format(
                                Locale.ROOT, " Their sessions are limited to %d items.", maxItems)
                        : "";
        return "Users who declared the segment \""
                + segment
                + "\""
                + (nudge ? " are prompted to take a break." : " are not prompted.")
                + limit;
    }

    @Override
    public void feed(RankingState state) {
        if (!segment.equals(state.request.segment())) {
            return;
        }
        state.nudge |= nudge;
        if (maxItems > 0) {
            state.itemLimit = state.itemLimit == 0 ? maxItems : Math.min(state.itemLimit, maxItems);
        }
    }
}
