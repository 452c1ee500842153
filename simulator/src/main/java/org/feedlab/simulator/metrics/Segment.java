package org.feedlab.simulator.metrics;

import java.util.function.IntPredicate;

/**
 * A group of users whose metrics get rows of their own in metrics.csv: the whole population, a
 * declared segment, or an arm of a field experiment.
 *
 * @param name the segment column of metrics.csv
 * @param members whether a user id belongs to the group
 */
public record Segment(String name, IntPredicate members) {}
