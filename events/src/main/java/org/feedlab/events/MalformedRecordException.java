package org.feedlab.events;

/** Thrown when bytes on a topic are not a record this version can read. */
public final class MalformedRecordException extends Exception {
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedRecordException(String message) {
        super(message);
    }
}
