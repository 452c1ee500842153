package org.feedlab.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record on one of the platform's topics. The JSON form names its type and carries a schema
 * version, so a reader can reject what it does not understand instead of guessing.
 *
 * <p>Every record belongs to a tick. {@link #phase()} is the tick in which it is published and is
 * used as event time: the stream job aligns on phases, so a feed of tick t is ranked with exactly
 * the impressions logged in ticks &lt; t.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Post.class, name = "post"),
    @JsonSubTypes.Type(value = FeedRequest.class, name = "feed-request"),
    @JsonSubTypes.Type(value = Feed.class, name = "feed"),
    @JsonSubTypes.Type(value = Impression.class, name = "impression"),
    @JsonSubTypes.Type(value = TickEnd.class, name = "tick-end"),
    @JsonSubTypes.Type(value = ModelVersion.class, name = "model-version"),
})
public sealed interface PlatformRecord
        permits Post, FeedRequest, Feed, Impression, TickEnd, ModelVersion {

    /**
     * Current schema version written into every record. Version 2: model versions are numbers and
     * feeds carry their {@link FeedKind}. Version 3: feeds carry the ids of the candidates they
     * passed over ({@link Feed#unserved}).
     */
    int SCHEMA_VERSION = 3;

    /** Schema version the record was written with. */
    int schema();

    /** Tick the record's content belongs to. */
    long tick();

    /** Tick in which the record is published; the stream job's event time. */
    default long phase() {
        return tick();
    }
}
