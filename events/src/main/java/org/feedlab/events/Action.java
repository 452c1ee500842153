package org.feedlab.events;

import java.util.Locale;

/** The engagement actions a user can take on an examined item; one model head per action. */
public enum Action {
    CLICK,
    LIKE,
    RESHARE,
    COMMENT,
    HIDE,
    /** An "angry" reaction (the emoji reaction Facebook weighted at 5 likes from 2017). */
    ANGRY;

    /** Lower-case name used in metric and feature names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
