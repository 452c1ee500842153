package org.feedlab.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The ranked answer to a {@link FeedRequest}, stamped with the model version that ranked it.
 *
 * @param requestId the request this feed answers
 * @param userId the requesting user
 * @param tick the tick of the request
 * @param modelVersion version id of the model whose predictions were used ("none" before the first
 *     model)
 * @param objective name of the objective that ordered the items
 * @param items ranked items, best first
 * @param sessionNudge whether a session-nudge policy shows the reader a "take a break" prompt with
 *     this feed (a prompt the society reacts to)
 */
public record Feed(
        int schema,
        long requestId,
        int userId,
        long tick,
        String modelVersion,
        String objective,
        List<FeedItem> items,
        boolean sessionNudge)
        implements PlatformRecord {

    public static Feed of(
            long requestId,
            int userId,
            long tick,
            String modelVersion,
            String objective,
            List<FeedItem> items) {
        return of(requestId, userId, tick, modelVersion, objective, items, false);
    }

    /** A feed with the session-nudge prompt set as given. */
    public static Feed of(
            long requestId,
            int userId,
            long tick,
            String modelVersion,
            String objective,
            List<FeedItem> items,
            boolean sessionNudge) {
        return new Feed(
                SCHEMA_VERSION,
                requestId,
                userId,
                tick,
                modelVersion,
                objective,
                new ArrayList<>(items),
                sessionNudge);
    }
}
