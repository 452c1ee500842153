package org.feedlab.events;

/**
 * A Kafka topic and the record type its values carry.
 *
 * @param name topic name
 * @param valueType Java type of the values
 */
public record Topic<V>(String name, Class<V> valueType) {}
