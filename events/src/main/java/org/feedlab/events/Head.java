package org.feedlab.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The model's prediction heads, in output order: one per engagement {@link Action}, then {@link
 * #DWELL} (the item stayed on screen a while), {@link #SURVEY} (the user said it was worth their
 * time), and the two long-term heads {@link #CONTINUATION} (the user read on after the item) and
 * {@link #RETURN} (the user came back the next tick). Objectives weigh heads by these names; feeds,
 * audits and metrics list them in this order.
 */
public enum Head {
    CLICK,
    LIKE,
    RESHARE,
    COMMENT,
    HIDE,
    ANGRY,
    /** A long dwell: the item stayed on screen above the model's threshold. */
    DWELL,
    /** A yes to the survey question "was this worth your time?". */
    SURVEY,
    /** The user read on after this item: another item followed it in the same session. */
    CONTINUATION,
    /** The user came back the next tick: they asked for a feed at tick + 1. */
    RETURN;

    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (Head h : values()) {
            names.add(h.key());
        }
        NAMES = Collections.unmodifiableList(names);
    }

    /** Lower-case name, as written in scenario files, metric names and feature maps. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The head that predicts an action. */
    public static Head of(Action action) {
        return values()[action.ordinal()];
    }

    /** Every head name, in output order. */
    public static List<String> names() {
        return NAMES;
    }
}
