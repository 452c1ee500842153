/**
 * {@code feedlab cluster}: a local multi-process Kafka and Flink cluster started from the project's
 * own jars, its state directory, and the listening sockets of its processes.
 */
package org.feedlab.lab.cluster;
