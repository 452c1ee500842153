/**
 * The platform's state in bytes: the versioned binary forms in which the replay, the trainer, the
 * serving profiles and the tick contexts are checkpointed by the stream job. Written and read by
 * FeedLab's own code, field by field; nothing here names a class to instantiate.
 */
package org.feedlab.ranker.state;
