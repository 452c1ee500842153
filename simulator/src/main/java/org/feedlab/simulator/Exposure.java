package org.feedlab.simulator;

/**
 * One examined item as the metrics need it: the true content, what the user did, what they would
 * say it was worth, and what the model had predicted.
 *
 * @param userId the reader
 * @param content the item's truth
 * @param outgroup whether it is a political item of the reader's out-party
 * @param actions bit set over {@code Action} ordinals
 * @param predictions the model's prediction per head (first the {@code Action} heads in order),
 *     empty when no model ranked the feed
 * @param worth the reader's stated worth of the item in [0, 1]
 * @param dwell seconds on screen
 * @param control whether the feed came from the chronological control group
 * @param session the session of the day in which the item was read, from 0
 */
public record Exposure(
        int userId,
        Content content,
        boolean outgroup,
        int actions,
        double[] predictions,
        double worth,
        double dwell,
        boolean control,
        int session) {}
