/**
 * Runs a scenario: the society's story driven tick by tick ({@link
 * org.feedlab.lab.engine.SimulationRun}) against a platform that is either the real stream job
 * (embedded Kafka + Flink) or the same ranker called in-process (direct), with the progress bar,
 * Prometheus gauges, user snapshots and feed audit log following the story as listeners.
 */
package org.feedlab.lab.engine;
