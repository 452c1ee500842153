/**
 * The Flink ranking job. {@link org.feedlab.streams.RankingTopology#build} is a pure function of
 * its input stream; only {@link org.feedlab.streams.KafkaEndpoints} knows about Kafka, and only the
 * launcher calls it.
 */
package org.feedlab.streams;
