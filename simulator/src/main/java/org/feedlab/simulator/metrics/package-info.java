/**
 * Population metrics as reporters over a per-segment view of the society after a tick
 * (polarization, diversity of exposure, homogenization, amplification, health), never computed
 * inside agents. {@link org.feedlab.simulator.metrics.TickMetrics} is the collector; the formulas
 * live in {@link org.feedlab.simulator.metrics.Stats} as pure functions, each citing its source, so
 * a researcher can check every number the lab reports. The platform's model quality is not here:
 * the lab reports it with the ranker's own evaluation.
 */
package org.feedlab.simulator.metrics;
