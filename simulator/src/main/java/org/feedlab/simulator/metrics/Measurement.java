package org.feedlab.simulator.metrics;

/**
 * One metric value of a tick for a segment ("all" for the population).
 *
 * @param metric snake-case metric name, as in docs/METRICS.md
 * @param segment population segment
 * @param value the value (NaN when undefined, e.g. AUC before a model exists)
 */
public record Measurement(String metric, String segment, double value) {}
