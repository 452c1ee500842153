/**
 * How the job's records and state are written: one explicit, versioned serializer per type, so
 * Flink never falls back to Kryo or Java serialization (the job turns generic types off) and a
 * checkpoint holds bytes FeedLab's own code reads back. Wire records are their platform JSON (the
 * closed type list of {@link org.feedlab.events.PlatformRecord}); profiles and tick contexts are
 * the ranker's binary forms.
 */
package org.feedlab.streams.types;
