package org.feedlab.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranked answer to a {@link FeedRequest}, stamped with the model version that ranked it.
 *
 * @param requestId the request this feed answers
 * @param userId the requesting user
 * @param tick the tick of the request
 * @param modelVersion version of the model whose predictions were used ({@link ModelVersion#NONE}
 *     when no model ranked the feed)
 * @param kind the scenario's ranking, or the feed a policy gives this user instead
 * @param objective name of the objective that ordered the items
 * @param items ranked items, best first
 * @param sessionNudge whether a session-nudge policy shows the reader a "take a break" prompt with
 *     this feed (a prompt the society reacts to)
 * @param unserved the post ids of the candidates the platform retrieved for the request (after the
 *     policies filtered them) that the feed does not hold, ascending: with {@code items} they make
 *     the candidate pool, so the society can measure it (ids only, nothing the platform does not
 *     know; see cross_cutting_share_candidates in docs/METRICS.md)
 */
public record Feed(
        int schema,
        long requestId,
        int userId,
        long tick,
        int modelVersion,
        FeedKind kind,
        String objective,
        List<FeedItem> items,
        boolean sessionNudge,
        long[] unserved)
        implements PlatformRecord {

    /** A ranked feed without a session nudge, whose candidates it all holds. */
    public static Feed of(
            long requestId,
            int userId,
            long tick,
            int modelVersion,
            String objective,
            List<FeedItem> items) {
        return of(
                requestId,
                userId,
                tick,
                modelVersion,
                FeedKind.RANKED,
                objective,
                items,
                false,
                new long[0]);
    }

    /**
     * A feed of the given kind, with the session-nudge prompt set as given and the candidates it
     * passed over.
     */
    public static Feed of(
            long requestId,
            int userId,
            long tick,
            int modelVersion,
            FeedKind kind,
            String objective,
            List<FeedItem> items,
            boolean sessionNudge,
            long[] unserved) {
        return new Feed(
                SCHEMA_VERSION,
                requestId,
                userId,
                tick,
                modelVersion,
                kind,
                objective,
                new ArrayList<>(items),
                sessionNudge,
                unserved.clone());
    }
}
