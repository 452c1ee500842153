/**
 * Runs a scenario: the society's story driven tick by tick against a platform that is either the
 * real stream job (embedded Kafka + Flink) or the same ranker called in-process (direct).
 */
package org.feedlab.lab.engine;
