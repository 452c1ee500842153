package org.feedlab.ranker.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedItem;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.ranker.ObjectiveConfig;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.PostIndex;
import org.feedlab.ranker.features.UserProfile;
import org.junit.jupiter.api.Test;

/** The serving step both engines call: profile updates, ranking by request id, audits. */
class FeedServerTest {
    private static final long SEED = 3;
    private static final int USER = 5;
    private static final int AUTHOR = 1;

    private static TickContext context(long tick, Post... posts) {
        PostIndex index = new PostIndex();
        for (Post p : posts) {
            index.addPost(p);
        }
        return new TickContext(tick, ModelVersion.NONE, null, index.snapshot(), new HashMap<>());
    }

    private static Post post(long id, long tick) {
        return Post.of(id, AUTHOR, tick, 0, (id % 3 - 1) / 2.0, id % 4 / 4.0, -1);
    }

    private static FeedRequest request(long id, long tick) {
        return FeedRequest.of(id, USER, tick, new int[] {AUTHOR}, 10);
    }

    private static Impression seen(long request, long post, long tick, int position) {
        return Impression.of(
                request,
                USER,
                post,
                tick,
                position,
                ModelVersion.NONE,
                Impression.with(0, Action.LIKE));
    }

    private static FeedServer server(Audit audit) {
        RankerConfig config =
                RankerConfig.DEFAULTS.withObjective(ObjectiveConfig.named("chronological"));
        return new FeedServer(config, 4, SEED, audit);
    }

    private static List<Long> ids(Feed feed) {
        return feed.items().stream().map(FeedItem::postId).toList();
    }

    @Test
    void logsInAnyOrderGiveTheSameProfileAndFeedAndSeenPostsAreNotServedAgain() {
        TickContext ctx = context(2, post(1, 1), post(2, 1), post(3, 2), post(4, 2));
        List<Impression> logs = List.of(seen(10, 1, 1, 0), seen(10, 2, 1, 1), seen(11, 3, 1, 0));
        List<Impression> reversed = new ArrayList<>(logs);
        Collections.reverse(reversed);
        FeedServer server = server(Audit.none());
        UserProfile a = server.newProfile();
        UserProfile b = server.newProfile();
        Feed first = server.serve(a, logs, List.of(request(20, 2)), ctx, t -> null).feeds().get(0);
        Feed second =
                server.serve(b, reversed, List.of(request(20, 2)), ctx, t -> null).feeds().get(0);
        assertEquals(List.of(4L), ids(first));
        assertEquals(ids(first), ids(second));
        assertEquals(a.leaning(), b.leaning(), 0.0);
        assertEquals(3, a.impressions());
    }

    @Test
    void requestsAreServedInRequestIdOrderAndALateOneRanksWithItsOwnTick() {
        TickContext earlier = context(1, post(1, 1));
        TickContext now = context(2, post(1, 1), post(2, 2));
        FeedServer server = server(Audit.none());
        FeedServer.Served served =
                server.serve(
                        server.newProfile(),
                        List.of(),
                        List.of(request(30, 2), request(29, 1)),
                        now,
                        t -> t == 1 ? earlier : null);
        List<Feed> feeds = served.feeds();
        assertEquals(List.of(29L, 30L), feeds.stream().map(Feed::requestId).toList());
        assertEquals(List.of(1L), ids(feeds.get(0)));
        assertEquals(List.of(2L, 1L), ids(feeds.get(1)));
        // Every candidate was scored: one for the late request, two for the current one.
        assertEquals(3, served.candidatesScored());
        assertThrows(
                IllegalStateException.class,
                () ->
                        server.serve(
                                server.newProfile(),
                                List.of(),
                                List.of(request(29, 1)),
                                now,
                                t -> null));
    }

    @Test
    void onlyAuditedUsersFeedsAreExplainedWithTermsThatAddUpToTheScore() {
        TickContext ctx = context(2, post(1, 1), post(2, 2));
        FeedServer.Served audited = serveOnce(Audit.of(USER, 2), ctx);
        assertEquals(1, audited.audits().size());
        FeedAudit audit = audited.audits().get(0);
        assertEquals(audited.feeds().get(0).requestId(), audit.requestId());
        for (FeedAudit.Item item : audit.items()) {
            // A chronological feed: one term, the post's tick.
            assertEquals(
                    List.of(
                            new FeedAudit.Term(
                                    FeedAudit.TermKind.ORDER, "chronological", item.score())),
                    item.terms());
            assertEquals(ctx.post(item.postId()).post().tick(), item.score(), 0.0);
        }
        FeedServer.Served other = serveOnce(Audit.of(USER + 1, 2), ctx);
        assertTrue(other.audits().isEmpty());
        assertFalse(other.feeds().isEmpty());
    }

    private static FeedServer.Served serveOnce(Audit audit, TickContext ctx) {
        return server(audit)
                .serve(new UserProfile(4), List.of(), List.of(request(40, 2)), ctx, t -> null);
    }
}
