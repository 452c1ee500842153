package org.feedlab.lab.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.feedlab.events.Feed;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Topic;
import org.feedlab.events.Topics;

/**
 * How many ticks the society had in flight, read from the run's topics as an outside observer: tick
 * t is in flight from the first record of phase t on an input topic until the last feed of tick t
 * is on the feeds topic (the records' create times, stamped by the producers).
 */
public final class TicksInFlight {
    private TicksInFlight() {}

    /**
     * One tick's life on the topics.
     *
     * @param tick the tick
     * @param publishedMs create time of its phase's first input record
     * @param answeredMs create time of its last feed
     * @param feeds feed records of the tick (duplicates included)
     */
    public record Span(long tick, long publishedMs, long answeredMs, int feeds) {}

    /** Every tick's span, in tick order; the topics are named by {@code name}. */
    public static List<Span> spans(String bootstrap, Function<Topic<?>, String> name)
            throws Exception {
        Map<Long, Long> published = new TreeMap<>();
        for (Topic<?> topic : Topics.JOB_INPUTS) {
            for (ConsumerRecord<byte[], byte[]> r :
                    TopicReader.readAll(bootstrap, name.apply(topic))) {
                PlatformRecord rec = JsonSerde.read(r.value());
                published.merge(rec.phase(), r.timestamp(), Math::min);
            }
        }
        Map<Long, Long> answered = new TreeMap<>();
        Map<Long, Integer> feeds = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r :
                TopicReader.readAll(bootstrap, name.apply(Topics.FEEDS))) {
            Feed f = (Feed) JsonSerde.read(r.value());
            answered.merge(f.tick(), r.timestamp(), Math::max);
            feeds.merge(f.tick(), 1, Integer::sum);
        }
        List<Span> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : published.entrySet()) {
            Long end = answered.get(e.getKey());
            if (end == null) {
                throw new IllegalStateException("tick " + e.getKey() + " has no feed");
            }
            out.add(new Span(e.getKey(), e.getValue(), end, feeds.get(e.getKey())));
        }
        return out;
    }

    /**
     * The most spans that overlap at any instant: a sweep over starts and ends, an end before a
     * start at the same millisecond (the society publishes after it has read).
     */
    public static int max(List<Span> spans) {
        List<long[]> events = new ArrayList<>();
        for (Span s : spans) {
            events.add(new long[] {s.publishedMs(), +1});
            events.add(new long[] {s.answeredMs(), -1});
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int max = 0;
        for (long[] e : events) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }
}
