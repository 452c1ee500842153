package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedlab.streams.StreamFixtures.MAX_AGE;
import static org.feedlab.streams.StreamFixtures.post;
import static org.feedlab.streams.StreamFixtures.postIds;
import static org.feedlab.streams.StreamFixtures.userImpression;
import static org.feedlab.streams.StreamFixtures.userRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.data.Offset;
import org.feedlab.events.Action;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.events.TickEnd;
import org.feedlab.events.Topics;
import org.feedlab.ranker.training.OnlineTrainer;
import org.feedlab.streams.types.StreamTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole ranking topology on a MiniCluster over a bounded, hand-made run of four phases: every
 * request gets exactly one feed holding exactly the eligible unseen posts, ranked with the
 * engagements of earlier ticks only, and the result does not depend on the parallelism.
 *
 * <p>A bounded job ends with a final watermark that fires every timer, so the phase alignment is
 * checked through content: impressions of tick t arrive before tick t is complete, and the feed of
 * tick t must still show the posts they saw.
 */
class RankingTopologyIT {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final int A10 = 10;
    private static final int A11 = 11;
    private static final int A12 = 12;
    private static final long DEAD_OFFSET = 17L;

    /** Jobs run once per parallelism and are shared by the tests. */
    private static final Map<Integer, RunResult> RUNS = new HashMap<>();

    /** What one job run produced. */
    private record RunResult(
            List<Feed> feeds,
            List<ModelVersion> modelVersions,
            List<DeadLetter> deadLetters,
            List<FeedAudit> audits) {}

    /**
     * The input in arrival order. Per phase t: impressions of tick t−1, posts and requests of t,
     * then the tick-end marker of t; one unreadable record in phase 1; one impression of tick 2
     * that arrives before phase 2 is complete; and an impression of tick 3 after the last marker,
     * which only the end of input completes.
     */
    private static List<InputElement> input() {
        List<InputElement> in = new ArrayList<>();
        // Phase 0.
        in.add(rec(post(1, A10, 0)));
        in.add(rec(post(2, A11, 0)));
        in.add(rec(post(3, A12, 0)));
        in.add(rec(userRequest(1, 0, A10)));
        in.add(rec(userRequest(2, 0, A11, A12)));
        in.add(rec(TickEnd.of(0, 0)));
        // Phase 1.
        in.add(rec(userImpression(1, 1, 0, 0, Action.CLICK)));
        in.add(rec(userImpression(1, 2, 0, 1)));
        in.add(rec(userImpression(2, 3, 0, 0, Action.LIKE)));
        in.add(rec(post(4, A10, 1)));
        in.add(InputElement.unreadable());
        in.add(rec(post(5, A11, 1)));
        in.add(rec(userRequest(1, 1, A10)));
        in.add(rec(userRequest(2, 1, A11, A12)));
        in.add(rec(userRequest(3, 1)));
        in.add(rec(TickEnd.of(1, 0)));
        // Phase 2.
        in.add(rec(userImpression(1, 4, 1, 0, Action.CLICK)));
        in.add(rec(userImpression(2, 5, 1, 0)));
        in.add(rec(userImpression(3, 1, 1, 0, Action.RESHARE)));
        in.add(rec(post(6, A12, 2)));
        in.add(rec(userRequest(1, 2, A10)));
        in.add(rec(userRequest(2, 2, A11, A12)));
        // Early: user 2 saw post 6 in tick 2; the feed of tick 2 must not know it yet.
        in.add(rec(userImpression(2, 6, 2, 0, Action.LIKE)));
        in.add(rec(TickEnd.of(2, 0)));
        // Phase 3.
        in.add(rec(userImpression(1, 6, 2, 0, Action.COMMENT)));
        in.add(rec(post(7, A10, 3)));
        in.add(rec(userRequest(1, 3, A10)));
        in.add(rec(userRequest(2, 3, A11, A12)));
        in.add(rec(userRequest(3, 3, A10)));
        in.add(rec(TickEnd.of(3, 0)));
        // Phase 4, never marked complete: the end of input completes it.
        in.add(rec(userImpression(1, 7, 3, 0, Action.CLICK)));
        return in;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyRequestGetsExactlyOneFeed(int parallelism) throws Exception {
        List<Long> answered =
                run(parallelism).feeds().stream().map(Feed::requestId).sorted().toList();
        List<Long> asked = requests().stream().map(FeedRequest::requestId).sorted().toList();
        assertThat(answered).isEqualTo(asked).hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void feedsHoldExactlyTheRecentPostsTheUserHasNotSeen(int parallelism) throws Exception {
        Map<Long, FeedRequest> byId = new HashMap<>();
        requests().forEach(r -> byId.put(r.requestId(), r));
        for (Feed feed : run(parallelism).feeds()) {
            FeedRequest request = byId.get(feed.requestId());
            assertThat(feed.userId()).isEqualTo(request.userId());
            assertThat(feed.tick()).isEqualTo(request.tick());
            assertThat(postIds(feed))
                    .as("feed of request %d", feed.requestId())
                    .isEqualTo(eligible(request));
            for (FeedItem item : feed.items()) {
                int author = postById(item.postId()).authorId();
                boolean followed = Arrays.stream(request.following()).anyMatch(a -> a == author);
                assertThat(item.inNetwork()).isEqualTo(followed);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void feedOfTickTIgnoresImpressionsOfTickT(int parallelism) throws Exception {
        Map<Long, Set<Long>> feeds = new HashMap<>();
        run(parallelism).feeds().forEach(f -> feeds.put(f.requestId(), postIds(f)));
        // Expected by hand, so the oracle above cannot hide a shared mistake.
        assertThat(feeds.get(FeedRequest.idFor(2, 2))).containsExactly(1L, 2L, 4L, 6L);
        assertThat(feeds.get(FeedRequest.idFor(3, 2))).containsExactly(4L, 7L);
        assertThat(feeds.get(FeedRequest.idFor(3, 1))).containsExactly(5L, 7L);
        assertThat(feeds.get(FeedRequest.idFor(3, 3))).containsExactly(4L, 5L, 6L, 7L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void modelsTrainedEachTickStampTheFeedsTheyRank(int parallelism) throws Exception {
        RunResult result = run(parallelism);
        List<ModelVersion> versions =
                result.modelVersions().stream()
                        .sorted(Comparator.comparingLong(ModelVersion::tick))
                        .toList();
        assertThat(versions).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4);
        // Every logged impression of the window is used: for training, or held out (a seeded
        // tenth) to evaluate the new version.
        assertThat(versions)
                .extracting(
                        v ->
                                v.trainingExamples()
                                        + Integer.parseInt(
                                                v.evaluation().getOrDefault("click.examples", "0")))
                .containsExactly(3, 6, 8, 9);
        for (Feed feed : result.feeds()) {
            if (feed.tick() == 0) {
                assertThat(feed.modelVersion()).isEqualTo(ModelVersion.NONE);
                assertThat(feed.items()).allMatch(i -> i.predictions().length == 0);
            } else {
                assertThat(feed.modelVersion()).isEqualTo((int) feed.tick());
                assertThat(feed.items())
                        .allMatch(i -> i.predictions().length == OnlineTrainer.headNames().size());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void unreadableRecordComesOutAsADeadLetter(int parallelism) throws Exception {
        List<DeadLetter> letters = run(parallelism).deadLetters();
        assertThat(letters)
                .singleElement()
                .satisfies(
                        letter -> {
                            assertThat(letter.topic()).isEqualTo(Topics.POSTS.name());
                            assertThat(letter.partition()).isZero();
                            assertThat(letter.offset()).isEqualTo(DEAD_OFFSET);
                            assertThat(letter.error()).isNotBlank();
                        });
    }

    @Test
    void resultIsTheSameAtParallelismOneAndTwo() throws Exception {
        RunResult one = run(1);
        RunResult two = run(2);
        assertThat(canonicalFeeds(two)).isEqualTo(canonicalFeeds(one));
        assertThat(versionSummary(two)).isEqualTo(versionSummary(one));
        assertThat(two.deadLetters()).isEqualTo(one.deadLetters());
        assertThat(canonicalAudits(two)).isEqualTo(canonicalAudits(one));
    }

    /**
     * The fixtures audit every user: each served feed has one audit listing its items and scores,
     * each head's wide and deep logits give back the served prediction, and the listed terms add up
     * to the served score.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void everyAuditedFeedIsExplainedItemByItem(int parallelism) throws Exception {
        RunResult result = run(parallelism);
        Map<Long, FeedAudit> audits = new HashMap<>();
        result.audits().forEach(a -> audits.put(a.requestId(), a));
        assertThat(result.audits()).hasSameSizeAs(result.feeds());
        int explainedTerms = 0;
        for (Feed feed : result.feeds()) {
            FeedAudit audit = audits.get(feed.requestId());
            assertThat(audit).as("audit of request %d", feed.requestId()).isNotNull();
            assertThat(audit.modelVersion()).isEqualTo(feed.modelVersion());
            assertThat(audit.items())
                    .extracting(FeedAudit.Item::postId)
                    .containsExactlyElementsOf(
                            feed.items().stream().map(FeedItem::postId).toList());
            for (int i = 0; i < feed.items().size(); i++) {
                FeedItem served = feed.items().get(i);
                FeedAudit.Item item = audit.items().get(i);
                assertThat(item.score()).isEqualTo(served.score());
                if (served.predictions().length == 0) {
                    // Before the first model the engagement objective explores: one random draw.
                    assertThat(item.heads()).isEmpty();
                    assertThat(item.terms())
                            .containsExactly(
                                    new FeedAudit.Term(
                                            FeedAudit.TermKind.ORDER, "explore", item.score()));
                    continue;
                }
                for (int h = 0; h < item.heads().size(); h++) {
                    FeedAudit.HeadPrediction p = item.heads().get(h);
                    assertThat(p.probability()).isEqualTo(served.predictions()[h]);
                    assertThat(1.0 / (1.0 + Math.exp(-(p.wide() + p.deep()))))
                            .isCloseTo(p.probability(), Offset.offset(1e-5));
                    explainedTerms++;
                }
                assertThat(item.terms())
                        .extracting(FeedAudit.Term::kind)
                        .containsOnly(FeedAudit.TermKind.HEAD);
                double sum = item.terms().stream().mapToDouble(FeedAudit.Term::value).sum();
                assertThat(sum)
                        .isCloseTo(item.score(), Offset.offset(1e-9 * Math.max(1, item.score())));
                assertThat(item.topWide()).isNotEmpty();
            }
        }
        assertThat(explainedTerms).isPositive();
    }

    private static List<String> canonicalAudits(RunResult r) {
        return r.audits().stream()
                .sorted(Comparator.comparingLong(FeedAudit::requestId))
                .map(a -> new String(JsonSerde.write(a), StandardCharsets.UTF_8))
                .toList();
    }

    private static synchronized RunResult run(int parallelism) throws Exception {
        RunResult cached = RUNS.get(parallelism);
        if (cached != null) {
            return cached;
        }
        // Generic types off: every record and every piece of state has an explicit serializer.
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        List<Inbound> inbound = input().stream().map(InputElement::inbound).toList();
        // One source subtask plays one Kafka partition: its markers move the watermark of all.
        DataStream<Inbound> source =
                env.fromData(inbound, StreamTypes.INBOUND)
                        .assignTimestampsAndWatermarks(TickWatermarks.strategy())
                        .setParallelism(1)
                        .name("Tick watermarks");
        RankingTopology.Outputs out = RankingTopology.build(source, StreamFixtures.settings());
        String prefix = "p" + parallelism + "-";
        out.feeds().sinkTo(new CollectingSink<>(prefix + "feeds")).name("Feeds");
        out.modelVersions().sinkTo(new CollectingSink<>(prefix + "versions")).name("Versions");
        out.deadLetters().sinkTo(new CollectingSink<>(prefix + "dead")).name("Dead letters");
        out.audits().sinkTo(new CollectingSink<>(prefix + "audits")).name("Feed audits");
        env.execute("ranking topology at parallelism " + parallelism);
        RunResult result =
                new RunResult(
                        CollectingSink.results(prefix + "feeds"),
                        CollectingSink.results(prefix + "versions"),
                        CollectingSink.results(prefix + "dead"),
                        CollectingSink.results(prefix + "audits"));
        RUNS.put(parallelism, result);
        return result;
    }

    /** The oracle: posts of the last MAX_AGE ticks up to t, minus those the user saw before t. */
    private static Set<Long> eligible(FeedRequest request) {
        Set<Long> ids = new TreeSet<>();
        for (PlatformRecord r : records()) {
            if (r instanceof Post p
                    && p.tick() >= request.tick() - MAX_AGE
                    && p.tick() <= request.tick()
                    && !seenBefore(request.userId(), p.postId(), request.tick())) {
                ids.add(p.postId());
            }
        }
        return ids;
    }

    private static boolean seenBefore(int userId, long postId, long tick) {
        return records().stream()
                .anyMatch(
                        r ->
                                r instanceof Impression i
                                        && i.userId() == userId
                                        && i.postId() == postId
                                        && i.tick() < tick);
    }

    private static Post postById(long postId) {
        return records().stream()
                .filter(r -> r instanceof Post p && p.postId() == postId)
                .map(Post.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static List<FeedRequest> requests() {
        return records().stream()
                .filter(FeedRequest.class::isInstance)
                .map(FeedRequest.class::cast)
                .toList();
    }

    private static List<PlatformRecord> records() {
        return input().stream().map(InputElement::record).filter(r -> r != null).toList();
    }

    private static List<String> canonicalFeeds(RunResult result) {
        return result.feeds().stream()
                .sorted(Comparator.comparingLong(Feed::requestId))
                .map(StreamFixtures::canonical)
                .toList();
    }

    private static List<String> versionSummary(RunResult result) {
        return result.modelVersions().stream()
                .sorted(Comparator.comparingLong(ModelVersion::tick))
                .map(
                        v ->
                                v.tick()
                                        + "|"
                                        + v.version()
                                        + "|"
                                        + v.trainingExamples()
                                        + "|"
                                        + v.windowStartTick())
                .toList();
    }

    private static InputElement rec(PlatformRecord record) {
        return new InputElement(record, null);
    }

    /**
     * One input element as the test describes it: a record, or raw bytes that the decoder turns
     * into a dead letter (kept as bytes so the oracle can skip them).
     */
    private record InputElement(PlatformRecord record, byte[] bytes) {
        static InputElement unreadable() {
            return new InputElement(null, "{\"type\":\"post\",".getBytes(StandardCharsets.UTF_8));
        }

        Inbound inbound() {
            return record != null
                    ? StreamFixtures.inbound(record)
                    : new InboundDecoder(JobTopics.PLAIN)
                            .decode(Topics.POSTS.name(), 0, DEAD_OFFSET, bytes);
        }
    }
}
