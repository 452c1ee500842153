package org.feedlab.streams;

import org.feedlab.events.DeadLetter;
import org.feedlab.events.PlatformRecord;

/**
 * What the source emits for each Kafka record: either a readable platform record or a dead letter
 * saying where the unreadable bytes came from.
 */
public final class Inbound {
    /** The record, or null for a dead letter. */
    public PlatformRecord record;

    /** The dead letter, or null for a readable record. */
    public DeadLetter deadLetter;

    public Inbound() {}

    public static Inbound of(PlatformRecord record) {
        Inbound in = new Inbound();
        in.record = record;
        return in;
    }

    public static Inbound dead(DeadLetter letter) {
        Inbound in = new Inbound();
        in.deadLetter = letter;
        return in;
    }

    public boolean isDead() {
        return deadLetter != null;
    }
}
