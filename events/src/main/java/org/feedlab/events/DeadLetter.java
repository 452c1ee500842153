package org.feedlab.events;

/**
 * A record that could not be read, kept with where it came from so nothing is silently lost.
 *
 * @param topic source topic
 * @param partition source partition
 * @param offset source offset
 * @param error why it could not be read
 * @param payload the raw value, decoded as UTF-8 with invalid bytes replaced
 */
public record DeadLetter(String topic, int partition, long offset, String error, String payload) {}
