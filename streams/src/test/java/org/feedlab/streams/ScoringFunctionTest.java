package org.feedlab.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.feedlab.streams.StreamFixtures.context;
import static org.feedlab.streams.StreamFixtures.impression;
import static org.feedlab.streams.StreamFixtures.post;
import static org.feedlab.streams.StreamFixtures.postIds;
import static org.feedlab.streams.StreamFixtures.request;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedItem;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keyed scorer answers a request of tick t only once the watermark has passed t, with the
 * broadcast context of t and the user's impressions of ticks &lt; t, and then forgets the request.
 */
class ScoringFunctionTest {
    private static final int USER = 7;
    private static final int FOLLOWED = 10;
    private static final int STRANGER = 11;

    private static final Post OLD = post(1, FOLLOWED, 0);
    private static final Post P2 = post(2, FOLLOWED, 1);
    private static final Post P3 = post(3, STRANGER, 2);
    private static final Post P4 = post(4, FOLLOWED, 2);
    private static final Post P5 = post(5, STRANGER, 3);

    private KeyedBroadcastOperatorTestHarness<Integer, PlatformRecord, TickContext, Feed> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new ScoringFunction(StreamFixtures.settings()),
                        RankingTopology::userOf,
                        Types.INT,
                        ScoringFunction.CONTEXTS);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void requestWaitsUntilTheWatermarkPassesItsTick() throws Exception {
        harness.processElement(request(100, USER, 3, FOLLOWED), 3);
        // A context may hold a post from after the request's tick; retrieval must skip it.
        Post future = post(6, FOLLOWED, 4);
        harness.processBroadcastElement(context(3, 3, OLD, P2, P3, P4, P5, future), 3);

        harness.watermark(2);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.watermark(3);
        List<Feed> feeds = harness.extractOutputValues();
        assertThat(feeds).hasSize(1);
        Feed feed = feeds.get(0);
        assertThat(feed.requestId()).isEqualTo(100);
        assertThat(feed.userId()).isEqualTo(USER);
        assertThat(feed.tick()).isEqualTo(3);
        assertThat(feed.modelVersion()).isEqualTo(3);
        assertThat(feed.objective()).isEqualTo("engagement");
        // Post 1 (tick 0) is older than the maximum age of 2 ticks at tick 3.
        assertThat(postIds(feed)).containsExactly(2L, 3L, 4L, 5L);
        for (FeedItem item : feed.items()) {
            boolean followed = item.postId() == 2 || item.postId() == 4;
            assertThat(item.inNetwork()).as("post %d", item.postId()).isEqualTo(followed);
        }
    }

    @Test
    void emitsExactlyOneFeedPerRequestInRequestIdOrder() throws Exception {
        harness.processBroadcastElement(context(2, 2, P2, P3, P4), 2);
        harness.processElement(request(105, USER, 2, FOLLOWED), 2);
        harness.processElement(request(101, USER, 2, FOLLOWED), 2);
        harness.processElement(request(103, 8, 2), 2);
        harness.watermark(2);
        harness.watermark(3);

        List<Feed> feeds = harness.extractOutputValues();
        assertThat(feeds).extracting(Feed::requestId).containsExactlyInAnyOrder(101L, 103L, 105L);
        assertThat(feeds.stream().filter(f -> f.userId() == USER).map(Feed::requestId))
                .containsExactly(101L, 105L);
        assertThat(feeds).allSatisfy(f -> assertThat(f.modelVersion()).isEqualTo(2));
        // User 8 follows nobody: the same posts come to them, all out of network.
        Feed stranger = feeds.stream().filter(f -> f.userId() == 8).findFirst().orElseThrow();
        assertThat(postIds(stranger)).containsExactly(2L, 3L, 4L);
        assertThat(stranger.items()).noneMatch(FeedItem::inNetwork);
    }

    @Test
    void impressionsOfEarlierTicksChangeTheProfileButLaterOnesDoNot() throws Exception {
        harness.processBroadcastElement(context(2, 2, P2, P3, P4), 2);
        harness.processElement(request(100, USER, 2, FOLLOWED), 2);
        harness.watermark(2);
        assertThat(postIds(harness.extractOutputValues().get(0))).containsExactly(2L, 3L, 4L);

        // Impressions of tick 2 (phase 3): the user saw posts 2 and 3 and clicked one.
        harness.processElement(impression(100, USER, 2, 2, 0, Action.CLICK), 3);
        harness.processElement(impression(100, USER, 3, 2, 1), 3);
        harness.processElement(request(110, USER, 3, FOLLOWED), 3);
        // An impression of tick 3 (phase 4) arriving early must not leak into the feed of tick 3.
        harness.processElement(impression(110, USER, 4, 3, 0, Action.LIKE), 4);
        harness.processBroadcastElement(context(3, 3, P2, P3, P4, P5), 3);
        harness.watermark(3);

        List<Feed> feeds = harness.extractOutputValues();
        assertThat(feeds).hasSize(2);
        Feed second = feeds.get(1);
        assertThat(second.requestId()).isEqualTo(110);
        assertThat(second.modelVersion()).isEqualTo(3);
        assertThat(postIds(second)).containsExactly(4L, 5L);

        UserProfile profile = profile(USER);
        assertThat(profile.impressions()).isEqualTo(2);
        assertThat(profile.sessions()).isEqualTo(1);
        assertThat(profile.hasSeen(2)).isTrue();
        assertThat(profile.hasSeen(3)).isTrue();
        assertThat(profile.hasSeen(4)).isFalse();
        // A click on post 2 (stance of id 2 is 0) counts as engagement: rate (1 + 0.6) / (2 + 2).
        assertThat(profile.engagementRate()).isCloseTo(0.4, within(1e-12));
        // Only the early phase-4 impression is still waiting.
        assertThat(pendingKeys()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processBroadcastElement(context(4, 4, P2, P3, P4, P5), 4);
        harness.watermark(4);
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(profile(USER).impressions()).isEqualTo(3);
        assertThat(profile(USER).hasSeen(4)).isTrue();
        assertThat(pendingKeys()).isZero();
    }

    @Test
    void firedRequestsLeaveNoPendingStateAndAreNotAnsweredTwice() throws Exception {
        harness.processBroadcastElement(context(2, 2, P2, P3, P4), 2);
        harness.processElement(request(100, USER, 2, FOLLOWED), 2);
        harness.processElement(request(101, 8, 2), 2);
        assertThat(pendingKeys()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.watermark(2);
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(pendingKeys()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        // The profile is kept: it is the user's history, not a buffer.
        assertThat(profile(USER)).isNotNull();

        harness.processBroadcastElement(context(3, 3, P2, P3, P4), 3);
        harness.watermark(10);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void missingContextForATickFailsClearly() throws Exception {
        harness.processBroadcastElement(context(4, 4, P2, P3, P4), 4);
        harness.processElement(request(100, USER, 5, FOLLOWED), 5);
        assertThatThrownBy(() -> harness.watermark(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tick 5")
                .hasMessageContaining("user " + USER);
    }

    /**
     * When the broadcast input runs more than three ticks ahead of a user's records (backpressure
     * on the keyed input, or replaying a backlog), a context that a pending request still needs
     * must not be evicted: contexts are dropped only once the watermark has passed them.
     */
    @Test
    void contextStaysWhileItsTickIsPending() throws Exception {
        harness.processElement(request(100, USER, 1, FOLLOWED), 1);
        for (long t = 1; t <= 5; t++) {
            harness.processBroadcastElement(context(t, (int) t, P2), t);
            harness.processBroadcastWatermark(t);
        }
        harness.processWatermark(1);
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(f -> assertThat(f.modelVersion()).isEqualTo(1));
    }

    /** Number of users that still have buffered records. */
    private long pendingKeys() throws Exception {
        KeyedStateBackend<Integer> backend = harness.getOperator().getKeyedStateBackend();
        // Touch the state so it is registered even before the first record of a fresh harness.
        backend.getPartitionedState(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                new ListStateDescriptor<>("pending", TypeInformation.of(PlatformRecord.class)));
        try (var keys = backend.getKeys("pending", VoidNamespace.INSTANCE)) {
            return keys.collect(Collectors.counting());
        }
    }

    private UserProfile profile(int user) throws Exception {
        KeyedStateBackend<Integer> backend = harness.getOperator().getKeyedStateBackend();
        Object previousKey = backend.getCurrentKey();
        backend.setCurrentKey(user);
        try {
            ValueState<UserProfile> state =
                    backend.getPartitionedState(
                            VoidNamespace.INSTANCE,
                            VoidNamespaceSerializer.INSTANCE,
                            new ValueStateDescriptor<>(
                                    "profile", TypeInformation.of(UserProfile.class)));
            return state.value();
        } finally {
            if (previousKey != null) {
                backend.setCurrentKey((Integer) previousKey);
            }
        }
    }
}
