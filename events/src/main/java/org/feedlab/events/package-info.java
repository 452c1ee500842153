/**
 * Records exchanged between the synthetic society and the platform, the Kafka topics that carry
 * them, and their JSON serde. Everything here is what a real platform would see on the wire: no
 * hidden user state ever appears in an event.
 */
package org.feedlab.events;
