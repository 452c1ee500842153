package org.feedlab.events;

/** The engagement actions a user can take on an examined item; one model head per action. */
public enum Action {
    CLICK,
    LIKE,
    RESHARE,
    COMMENT,
    HIDE;

    /** Lower-case name used in metric and feature names. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
