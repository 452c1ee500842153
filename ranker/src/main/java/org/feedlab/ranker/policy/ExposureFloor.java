package org.feedlab.ranker.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.feedlab.events.FeedKind;

/**
 * A cross-cutting exposure floor: at least {@code share} of every ranked feed comes from the other
 * side of the reader's estimated leaning (cf. Nyhan et al., Nature 2023, who cut like-minded
 * exposure by a third). The best-scored cross-cutting candidates replace the lowest-placed
 * like-minded items; the feed is then re-sorted by score.
 *
 * @param share least share of cross-cutting items per feed
 */
public record ExposureFloor(double share) implements FeedPolicy {
    public static final String TYPE = "exposure-floor";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "At least %.0f %% of each feed comes from the other side of the reader's"
                        + " estimated political leaning.",
                100 * share);
    }

    /** Whether candidate i lies on the other side of the reader's leaning. */
    static boolean crossCutting(RankingState state, int i) {
        double leaning = state.user.leaning();
        double stance = state.candidates.get(i).stats().post().stance();
        return leaning * stance < 0.0;
    }

    @Override
    public void feed(RankingState state) {
        if (state.kind != FeedKind.RANKED || state.user.leaning() == 0.0) {
            return;
        }
        int k = state.selected.length;
        int need = (int) Math.ceil(share * k - 1e-9);
        boolean[] chosen = new boolean[state.candidates.size()];
        int have = 0;
        for (int i : state.selected) {
            chosen[i] = true;
            if (crossCutting(state, i)) {
                have++;
            }
        }
        if (have >= need) {
            return;
        }
        List<Integer> spare = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (!chosen[i] && crossCutting(state, i)) {
                spare.add(i);
            }
        }
        spare.sort(state.order());
        int[] out = state.selected.clone();
        int next = 0;
        for (int pos = k - 1; pos >= 0 && have < need && next < spare.size(); pos--) {
            if (!crossCutting(state, out[pos])) {
                out[pos] = spare.get(next++);
                have++;
            }
        }
        Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, state.order());
        state.selected = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
