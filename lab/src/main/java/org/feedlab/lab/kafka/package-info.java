/**
 * A real Kafka broker for runs that have none of their own: the server classes from the lab's own
 * classpath run in a child JVM (KRaft, one combined broker and controller) that dies with its
 * parent. Tests use the same broker a user would, not a test kit.
 */
package org.feedlab.lab.kafka;
