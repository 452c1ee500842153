/**
 * Population metrics computed by reporters over the whole society (polarization, diversity of
 * exposure, homogenization, amplification, inequality), never inside agents. The formulas live in
 * {@link org.feedlab.simulator.metrics.Stats} as pure functions, each citing its source, so a
 * researcher can check every number the lab reports.
 */
package org.feedlab.simulator.metrics;
