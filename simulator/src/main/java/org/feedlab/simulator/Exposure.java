package org.feedlab.simulator;

/**
 * One examined item as the metrics need it: the true content, what the user did, and what the
 * model had predicted.
 *
 * @param userId the reader
 * @param content the item's truth
 * @param outgroup whether it spoke for the reader's out-group
 * @param actions bit set over {@code Action} ordinals
 * @param predictedClick the model's click probability, NaN when no model ranked the feed
 */
public record Exposure(int userId, Content content, boolean outgroup, int actions, double predictedClick) {}
