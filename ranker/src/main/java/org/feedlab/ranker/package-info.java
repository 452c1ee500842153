/**
 * The platform's ranker: candidate retrieval, objectives and the feed ranker that turns a request
 * and a tick's platform snapshot into a ranked feed. Imports neither Flink nor Kafka, so the same
 * code ranks in the stream job and in the direct engine.
 */
package org.feedlab.ranker;
