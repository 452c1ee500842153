package org.feedlab.streams;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.MalformedRecordException;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.events.TickEnd;
import org.feedlab.events.Topics;

/**
 * Decodes the bytes of one record of a job input topic. Never throws: bytes that are not a record
 * of a type allowed on that topic become a dead letter with their origin, so one bad record can
 * neither stop the job nor put it into a restart loop.
 */
public final class InboundDecoder {
    private static final Map<String, Set<Class<?>>> ALLOWED =
            Map.of(
                    Topics.POSTS.name(), Set.of(Post.class, TickEnd.class),
                    Topics.FEED_REQUESTS.name(), Set.of(FeedRequest.class, TickEnd.class),
                    Topics.ENGAGEMENTS.name(), Set.of(Impression.class, TickEnd.class));

    private InboundDecoder() {}

    public static Inbound decode(String topic, int partition, long offset, byte[] value) {
        try {
            PlatformRecord record = JsonSerde.read(value);
            Set<Class<?>> allowed = ALLOWED.get(topic);
            if (allowed == null || !allowed.contains(record.getClass())) {
                return dead(
                        topic,
                        partition,
                        offset,
                        record.getClass().getSimpleName() + " is not allowed on this topic",
                        value);
            }
            if (record instanceof Feed) {
                return dead(topic, partition, offset, "feeds are outputs", value);
            }
            return Inbound.of(record);
        } catch (MalformedRecordException e) {
            return dead(topic, partition, offset, e.getMessage(), value);
        }
    }

    private static Inbound dead(
            String topic, int partition, long offset, String error, byte[] value) {
        String payload = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        return Inbound.dead(new DeadLetter(topic, partition, offset, error, payload));
    }
}
