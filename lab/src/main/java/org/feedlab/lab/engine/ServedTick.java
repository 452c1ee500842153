package org.feedlab.lab.engine;

import java.util.List;
import java.util.Map;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;

/**
 * The platform's answer to one tick.
 *
 * @param feeds the feed of every request, by user id
 * @param audits the explanations of the feeds the scenario's audit samples ({@code
 *     stream.audit_share}), by request id; empty without an audit
 */
public record ServedTick(Map<Integer, Feed> feeds, List<FeedAudit> audits) {
    public ServedTick {
        feeds = Map.copyOf(feeds);
        audits = List.copyOf(audits);
    }
}
