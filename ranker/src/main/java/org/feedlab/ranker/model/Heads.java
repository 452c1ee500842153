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
 * <p>The survey head is only observed on impressions the user was asked about; the label bit set
 * carries that as {@link #SURVEY_ASKED}, a bit above the heads, so the wide&amp;deep trainer can
 * leave unasked impressions out of the survey head's loss.
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
     * @param continued another impression of the same request and session follows this one
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
}
