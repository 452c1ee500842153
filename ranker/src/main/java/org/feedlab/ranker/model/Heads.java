package org.feedlab.ranker.model;

import java.util.List;
import org.feedlab.events.Action;
import org.feedlab.events.Head;
import org.feedlab.events.Impression;

/**
 * How a logged impression becomes the labels of the model's heads ({@link Head}): one head per
 * {@link Action}, then "dwell" (the item stayed on screen at least {@link #DWELL_SECONDS}),
 * "survey" (the user answered yes to "was this worth your time?"), "continuation" (the log holds a
 * later impression of the same request and session) and "return" (the user's next request came the
 * next tick).
 *
 * <p>Two heads are observed on some impressions only, and the label bit set says where, so the
 * wide&amp;deep trainer can leave the others out of that head's loss and evaluation can score the
 * head where it was observed:
 *
 * <ul>
 *   <li>survey, on impressions the user was asked about ({@link #SURVEY_ASKED}, a bit above the
 *       heads);
 *   <li>return, where the session ended: on the impressions without a continuation ({@link
 *       #returnObserved}). Whether the user comes back tomorrow is one outcome per session; every
 *       impression of the session carries it in its return bit, but a model that learns it from
 *       every impression sees each session's outcome a hundred times, with user features that
 *       change daily and so identify the day: the wide&amp;deep model learned those days by heart
 *       (on ten days of classroom logs, 82 % of its held-out return predictions were below 0.1 or
 *       above 0.9, and its log loss was 1.57 against 0.53 for a linear model: docs/MODEL.md).
 *       Learned from the session's last impression, the head is the probability that the user comes
 *       back after a session that ended on this item.
 * </ul>
 */
public final class Heads {
    /** Seconds on screen above which an impression counts as a long dwell. */
    public static final double DWELL_SECONDS = 10.0;

    public static final int DWELL = Head.DWELL.ordinal();
    public static final int SURVEY = Head.SURVEY.ordinal();
    public static final int CONTINUATION = Head.CONTINUATION.ordinal();
    public static final int RETURN = Head.RETURN.ordinal();
    public static final int COUNT = Head.values().length;

    /** Label bit set when the user answered the survey on this impression. */
    public static final int SURVEY_ASKED = 1 << COUNT;

    /** Mask of the head bits. */
    public static final int HEAD_BITS = (1 << COUNT) - 1;

    private Heads() {}

    /** Head names in output order. */
    public static List<String> names() {
        return Head.names();
    }

    /**
     * The label bits of one logged impression in its log: its own heads (see {@link
     * #labels(Impression)}) plus the long-term heads the platform derives from its logs.
     *
     * @param continued another impression of the same request and session follows this one (when
     *     none does, the session ended here and the return head is observed: {@link
     *     #returnObserved})
     * @param returned the user asked for a feed in the next tick
     */
    public static int labels(Impression impression, boolean continued, boolean returned) {
        int bits = labels(impression);
        if (continued) {
            bits |= 1 << CONTINUATION;
        }
        if (returned) {
            bits |= 1 << RETURN;
        }
        return bits;
    }

    /** The label bits of one logged impression on its own (heads plus {@link #SURVEY_ASKED}). */
    public static int labels(Impression impression) {
        int bits = impression.actions() & ((1 << Action.values().length) - 1);
        if (impression.dwell() >= DWELL_SECONDS) {
            bits |= 1 << DWELL;
        }
        if (impression.survey() != Impression.NO_SURVEY) {
            bits |= SURVEY_ASKED;
            if (impression.survey() == 1) {
                bits |= 1 << SURVEY;
            }
        }
        return bits;
    }

    /** Whether an example's survey label was observed. */
    public static boolean surveyAsked(int labels) {
        return (labels & SURVEY_ASKED) != 0;
    }

    /**
     * Whether an example's return label was observed: the session ended on it (no continuation).
     * The continuation bit says so already, so checkpoints of the window need no bit of their own.
     */
    public static boolean returnObserved(int labels) {
        return (labels & 1 << CONTINUATION) == 0;
    }

    /** The heads observed on some impressions only ({@link #observed}), in head order. */
    public static final List<Integer> MASKED = List.of(SURVEY, RETURN);

    /** Whether head {@code head} was observed on an example with these label bits. */
    public static boolean observed(int labels, int head) {
        if (head == SURVEY) {
            return surveyAsked(labels);
        }
        if (head == RETURN) {
            return returnObserved(labels);
        }
        return true;
    }
}
