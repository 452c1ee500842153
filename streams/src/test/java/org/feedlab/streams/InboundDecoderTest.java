package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedlab.streams.StreamFixtures.impression;
import static org.feedlab.streams.StreamFixtures.post;
import static org.feedlab.streams.StreamFixtures.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.feedlab.events.Action;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.events.TickEnd;
import org.feedlab.events.Topics;
import org.junit.jupiter.api.Test;

/** The job's decoder turns every byte sequence into a record or a dead letter, never a throw. */
class InboundDecoderTest {
    private static final InboundDecoder DECODER = new InboundDecoder(JobTopics.PLAIN);
    private static final String POSTS = Topics.POSTS.name();
    private static final String REQUESTS = Topics.FEED_REQUESTS.name();
    private static final String ENGAGEMENTS = Topics.ENGAGEMENTS.name();

    @Test
    void decodesEachRecordTypeOnItsTopic() {
        Post post = post(11, 3, 5);
        FeedRequest req = request(21, 7, 5, 3, 4);
        Impression imp = impression(21, 7, 11, 5, 0, Action.CLICK, Action.LIKE);
        TickEnd end = TickEnd.of(5, 2);

        assertThat(decoded(POSTS, post)).isEqualTo(post);
        assertThat(decoded(ENGAGEMENTS, imp)).isEqualTo(imp);
        FeedRequest back = (FeedRequest) decoded(REQUESTS, req);
        // FeedRequest holds an array, which record equality compares by identity.
        assertThat(back.requestId()).isEqualTo(21);
        assertThat(back.userId()).isEqualTo(7);
        assertThat(back.tick()).isEqualTo(5);
        assertThat(back.following()).containsExactly(3, 4);
        assertThat(back.feedSize()).isEqualTo(StreamFixtures.FEED_SIZE);
        for (String topic : List.of(POSTS, REQUESTS, ENGAGEMENTS)) {
            Inbound in = DECODER.decode(topic, 2, 0L, JsonSerde.write(end));
            assertThat(in.record()).isEqualTo(end);
        }
    }

    @Test
    void garbageBytesBecomeADeadLetterWithTheirOrigin() {
        byte[] garbage = {(byte) 0xff, 0x00, (byte) 0xfe, 'x', '{'};
        DeadLetter letter = deadLetter(POSTS, 3, 1234L, garbage);
        assertThat(letter.topic()).isEqualTo(POSTS);
        assertThat(letter.partition()).isEqualTo(3);
        assertThat(letter.offset()).isEqualTo(1234L);
        assertThat(letter.error()).isNotBlank();
        // The payload is the raw value, decoded leniently: the readable part survives.
        assertThat(letter.payload()).contains("x{");
    }

    @Test
    void truncatedJsonBecomesADeadLetter() {
        byte[] whole = JsonSerde.write(post(11, 3, 5));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        DeadLetter letter = deadLetter(POSTS, 0, 7L, half);
        assertThat(letter.offset()).isEqualTo(7L);
        assertThat(letter.error()).isNotBlank().doesNotContain("\n");
        assertThat(letter.payload()).isEqualTo(new String(half, StandardCharsets.UTF_8));
    }

    @Test
    void unknownTypeBecomesADeadLetterNamingTheType() {
        byte[] bytes =
                "{\"type\":\"coupon\",\"schema\":1,\"tick\":3}".getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = deadLetter(ENGAGEMENTS, 1, 99L, bytes);
        assertThat(letter.topic()).isEqualTo(ENGAGEMENTS);
        assertThat(letter.partition()).isEqualTo(1);
        assertThat(letter.error()).contains("coupon");
        assertThat(letter.payload()).contains("coupon");
    }

    @Test
    void recordOfAnotherTopicBecomesADeadLetter() {
        DeadLetter postOnRequests = deadLetter(REQUESTS, 2, 40L, JsonSerde.write(post(11, 3, 5)));
        assertThat(postOnRequests.topic()).isEqualTo(REQUESTS);
        assertThat(postOnRequests.partition()).isEqualTo(2);
        assertThat(postOnRequests.offset()).isEqualTo(40L);
        assertThat(postOnRequests.error()).contains("Post").contains("not allowed");
        assertThat(postOnRequests.payload()).contains("\"postId\":11");

        Feed feed = Feed.of(21, 7, 5, ModelVersion.NONE, "engagement", List.of());
        DeadLetter feedOnPosts = deadLetter(POSTS, 0, 41L, JsonSerde.write(feed));
        assertThat(feedOnPosts.error()).contains("Feed");

        DeadLetter unknownTopic = deadLetter("feeds", 0, 42L, JsonSerde.write(post(11, 3, 5)));
        assertThat(unknownTopic.topic()).isEqualTo("feeds");
        assertThat(unknownTopic.error()).contains("not allowed");
    }

    @Test
    void newerSchemaBecomesADeadLetterSayingWhichVersion() {
        Post future = new Post(99, 11, 3, 5, 1, 0.5, 0.2, -1);
        DeadLetter letter = deadLetter(POSTS, 0, 5L, JsonSerde.write(future));
        assertThat(letter.error()).contains("schema").contains("99");
    }

    @Test
    void impressionOfSchemaOneWithAVersionStringBecomesADeadLetter() {
        // Schema 1 stamped impressions with a version string; schema 2 numbers versions.
        byte[] old =
                ("{\"type\":\"impression\",\"schema\":1,\"requestId\":5,\"userId\":3,"
                                + "\"postId\":11,\"tick\":4,\"position\":0,"
                                + "\"modelVersion\":\"v0002\",\"actions\":1,\"dwell\":2.5,"
                                + "\"survey\":-1}")
                        .getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = deadLetter(ENGAGEMENTS, 0, 6L, old);
        assertThat(letter.error()).contains("int").contains("v0002");
        assertThat(letter.payload()).contains("v0002");
        // The same impression in schema 2 is read.
        byte[] current =
                JsonSerde.write(Impression.of(5, 3, 11, 4, 0, 2, 1, 2.5, Impression.NO_SURVEY, 0));
        assertThat(DECODER.decode(ENGAGEMENTS, 0, 7L, current).isDead()).isFalse();
    }

    @Test
    void nullValueBecomesADeadLetterWithAnEmptyPayload() {
        DeadLetter letter = deadLetter(ENGAGEMENTS, 4, 8L, null);
        assertThat(letter.topic()).isEqualTo(ENGAGEMENTS);
        assertThat(letter.partition()).isEqualTo(4);
        assertThat(letter.offset()).isEqualTo(8L);
        assertThat(letter.error()).contains("null");
        assertThat(letter.payload()).isEmpty();
    }

    @Test
    void kafkaDeserializerEmitsOneInboundPerRecordAndNeverThrows() {
        KafkaEndpoints.InboundDeserializer deserializer =
                new KafkaEndpoints.InboundDeserializer(JobTopics.PLAIN);
        List<Inbound> out = new ArrayList<>();
        Collector<Inbound> collector = new ListCollector<>(out);
        deserializer.deserialize(
                new ConsumerRecord<>(POSTS, 1, 10L, null, JsonSerde.write(post(11, 3, 5))),
                collector);
        deserializer.deserialize(
                new ConsumerRecord<>(POSTS, 1, 11L, null, new byte[] {1, 2, 3}), collector);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).isDead()).isFalse();
        assertThat(out.get(0).record()).isEqualTo(post(11, 3, 5));
        assertThat(out.get(1).isDead()).isTrue();
        assertThat(out.get(1).deadLetter().offset()).isEqualTo(11L);
        assertThat(out.get(1).record()).isNull();
    }

    @Test
    void readRecordsCarryTheirOrigin() {
        Inbound in = DECODER.decode(POSTS, 3, 77L, JsonSerde.write(post(11, 3, 5)));
        assertThat(in.topic()).isEqualTo(POSTS);
        assertThat(in.partition()).isEqualTo(3);
        assertThat(in.offset()).isEqualTo(77L);
    }

    @Test
    void anOversizedRecordBecomesADeadLetterWithAShortPayload() {
        byte[] big = new byte[InboundDecoder.MAX_RECORD_BYTES + 1];
        Arrays.fill(big, (byte) 'x');
        DeadLetter letter = deadLetter(POSTS, 0, 9L, big);
        assertThat(letter.error())
                .isEqualTo(
                        "oversized: "
                                + big.length
                                + " bytes (at most "
                                + InboundDecoder.MAX_RECORD_BYTES
                                + ")");
        assertThat(letter.payload())
                .hasSize(
                        DeadLetters.PAYLOAD_CHARS
                                + (" (" + big.length + " bytes in all)").length()
                                + 3)
                .endsWith("... (" + big.length + " bytes in all)");
        // One byte less is read (and then fails as JSON, which garbage of this size is).
        assertThat(deadLetter(POSTS, 0, 9L, Arrays.copyOf(big, big.length - 1)).error())
                .doesNotContain("oversized");
    }

    @Test
    void aNotANumberOrANegativeIdBecomesADeadLetter() {
        // JSON has no NaN, but Jackson reads the string "NaN" into a double.
        String nan =
                new String(JsonSerde.write(post(11, 3, 5)), StandardCharsets.UTF_8)
                        .replaceFirst("\"stance\":[^,]*", "\"stance\":\"NaN\"");
        assertThat(deadLetter(POSTS, 0, 1L, nan.getBytes(StandardCharsets.UTF_8)).error())
                .isEqualTo("invalid value: stance NaN outside [-1, 1]");
        Impression negative = impression(21, -7, 11, 5, 0, Action.CLICK);
        assertThat(deadLetter(ENGAGEMENTS, 0, 2L, JsonSerde.write(negative)).error())
                .isEqualTo("invalid value: negative id or position in an impression of request 21");
        Impression infinite = Impression.of(21, 7, 11, 5, 0, 0, 1, Double.POSITIVE_INFINITY, -1, 0);
        assertThat(deadLetter(ENGAGEMENTS, 0, 3L, JsonSerde.write(infinite)).error())
                .isEqualTo("invalid value: dwell Infinity is not a finite, non-negative number");
    }

    @Test
    void aTickEndMarkerOnAnotherPartitionBecomesADeadLetter() {
        DeadLetter letter = deadLetter(POSTS, 1, 4L, JsonSerde.write(TickEnd.of(5, 2)));
        assertThat(letter.error()).isEqualTo("tick-end marker of partition 2 on partition 1");
    }

    @Test
    void topicsUnderAPrefixAreReadAndOthersAreNot() {
        InboundDecoder prefixed = new InboundDecoder(new JobTopics("run-7."));
        byte[] post = JsonSerde.write(post(11, 3, 5));
        assertThat(prefixed.decode("run-7." + POSTS, 0, 0L, post).isDead()).isFalse();
        assertThat(prefixed.decode(POSTS, 0, 0L, post).deadLetter().error())
                .isEqualTo("Post is not allowed on this topic");
    }

    private static Object decoded(String topic, Object record) {
        Inbound in = DECODER.decode(topic, 0, 0L, JsonSerde.write(record));
        assertThat(in.isDead()).as("dead letter: %s", in.deadLetter()).isFalse();
        assertThat(in.deadLetter()).isNull();
        return in.record();
    }

    private static DeadLetter deadLetter(String topic, int partition, long offset, byte[] value) {
        Inbound in = DECODER.decode(topic, partition, offset, value);
        assertThat(in.isDead()).as("decoded as %s", in.record()).isTrue();
        assertThat(in.record()).isNull();
        return in.deadLetter();
    }

    /** Collects into a list. */
    private record ListCollector<T>(List<T> out) implements Collector<T> {
        @Override
        public void collect(T record) {
            out.add(record);
        }

        @Override
        public void close() {}
    }
}
