/**
 * The synthetic society: users with hidden state, creators, the follow graph, and the behaviour
 * that turns a served feed into reading, engagement, anger and opinion change. docs/MODEL.md gives
 * every equation with its source. Imports neither Flink, Kafka nor the ranker.
 */
package org.feedlab.simulator;
