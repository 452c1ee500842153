package org.feedlab.ranker.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.feedlab.events.FeedKind;
import org.feedlab.events.Post;

/**
 * Down- or up-ranks a class of content in the ranked feeds of a treated share of users during the
 * ticks [start, end), then stops: the field experiments that re-ranked real feeds. Piccardi et al.
 * (Science 2025) pushed posts their classifier scored as expressing partisan animosity down (or up)
 * the feeds of consenting X users for ten days; Nyhan et al. (Nature 2023) cut Facebook users'
 * exposure to like-minded sources by about a third for three months.
 *
 * <p>The rule. Let h be the number of items of the class in the feed the ranking chose (after
 * earlier stages) and w = round(factor · h). With w &lt; h the lowest-placed items of the class
 * give their places to the best-scored candidates outside it; with w &gt; h the lowest-placed items
 * outside the class give theirs to the best-scored candidates of the class not yet in the feed; the
 * feed is then ordered by score again. So the feed keeps its size and holds w items of the class,
 * or as close to w as the candidates allow: in both directions, the best-scored w candidates of the
 * class and the best-scored k − w of the rest, for a feed of k items. Factor 0.67 is Nyhan's cut by
 * a third, factor 0 removes the class, factor 2 doubles it. A feed without items of the class is
 * left alone (there is nothing to scale); untreated users, and treated users outside the window,
 * get the ranking's own feed.
 *
 * <p>The classes, as the platform sees them (never the society's hidden truth):
 *
 * <ul>
 *   <li>{@code hostile}: the outrage classifier's score is at least {@code threshold};
 *   <li>{@code political}: the post has a side (stance ≠ 0);
 *   <li>{@code like-minded}: the post lies on the side of the reader's estimated leaning (leaning ·
 *       stance &gt; 0; a reader without an estimate has none).
 * </ul>
 *
 * @param target {@code hostile}, {@code political} or {@code like-minded}
 * @param factor how many items of the class the feed holds, relative to the ranking's choice (≥ 0)
 * @param threshold classifier score from which an item is {@code hostile}
 * @param share share of users treated ({@code Seeds(seed, user, "rerank")})
 * @param start first tick of the re-ranking
 * @param end first tick after it, or 0 for none
 */
public record Rerank(
        String target, double factor, double threshold, double share, int start, int end)
        implements Intervention {
    public static final String TYPE = "rerank";

    /** Seed purpose of membership draws. */
    public static final String PURPOSE = "rerank";

    /** The content classes, as written in scenario files. */
    public static final List<String> TARGETS = List.of("hostile", "political", "like-minded");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String purpose() {
        return PURPOSE;
    }

    @Override
    public String describe() {
        String what =
                switch (target) {
                    case "hostile" -> "posts the platform's classifier rates as hostile";
                    case "political" -> "political posts";
                    default -> "posts on the side the platform estimates the reader is on";
                };
        return String.format(
                Locale.ROOT,
                "A randomly chosen %.1f %% of users see %.2f times as many %s as ranking alone"
                        + " would show them, %s.",
                100 * share,
                factor,
                what,
                Intervention.window(start, end));
    }

    /** Whether candidate i belongs to the class. */
    boolean inClass(RankingState state, int i) {
        Post p = state.candidates.get(i).stats().post();
        return switch (target) {
            case "hostile" -> p.outrageScore() >= threshold;
            case "political" -> p.stance() != 0.0;
            case "like-minded" -> state.user.leaning() * p.stance() > 0.0;
            default -> throw new IllegalStateException("unknown rerank target " + target);
        };
    }

    @Override
    public void feed(RankingState state) {
        if (state.kind != FeedKind.RANKED || !actsOn(state)) {
            return;
        }
        int[] feed = state.selected;
        boolean[] chosen = new boolean[state.candidates.size()];
        int have = 0;
        for (int i : feed) {
            chosen[i] = true;
            if (inClass(state, i)) {
                have++;
            }
        }
        long want = Math.round(factor * have);
        if (want == have) {
            return;
        }
        boolean promote = want > have;
        // Promoting brings in the class, demoting brings in the rest: best-scored first.
        List<Integer> spare = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (!chosen[i] && inClass(state, i) == promote) {
                spare.add(i);
            }
        }
        spare.sort(state.order());
        int[] out = feed.clone();
        int next = 0;
        for (int pos = out.length - 1; pos >= 0 && have != want && next < spare.size(); pos--) {
            if (inClass(state, out[pos]) != promote) {
                out[pos] = spare.get(next++);
                have += promote ? 1 : -1;
            }
        }
        Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, state.order());
        state.selected = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
