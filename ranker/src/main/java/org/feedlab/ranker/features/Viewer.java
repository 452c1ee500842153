package org.feedlab.ranker.features;

/**
 * The user a slot is ranked for, as the platform knows them: their id, their profile as of the
 * start of the tick, the tick, and where the slot sits in their day.
 *
 * @param userId the user's id (hashed into {@link FeatureSpace#USER_ID})
 * @param profile the user's profile as of the start of the tick
 * @param tick the tick the item is ranked in
 * @param session the slot's session context
 */
public record Viewer(int userId, UserProfile profile, long tick, SessionContext session) {}
