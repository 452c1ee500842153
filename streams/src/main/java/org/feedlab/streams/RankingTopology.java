package org.feedlab.streams;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.ranker.TickContext;
import org.feedlab.streams.types.StreamTypes;

/**
 * The ranking job as a pure function of its input stream (posts, feed requests and impression logs
 * with tick watermarks): no sources, no sinks, testable without a broker.
 *
 * <pre>
 * inbound ─▶ route ─┬─▶ dead letters ◀──────────────────────────────┐ refused records
 *                   └─▶ (all records, key 0) ─▶ platform replay + trainer (p=1) ─┬─▶ contexts ─┐
 *                                     accepted requests + impressions, key user ─┘   broadcast │
 *                                                                       ▼                      │
 *                                                           scorer (p=N) ◀─────────────────────┘
 *                                                           feeds ◀─┘└─▶ feed audits
 * </pre>
 */
public final class RankingTopology {
    private RankingTopology() {}

    /**
     * The job's outputs.
     *
     * @param audits explanations of the feeds of audited users (empty without an audit)
     */
    public record Outputs(
            DataStream<Feed> feeds,
            DataStream<ModelVersion> modelVersions,
            DataStream<DeadLetter> deadLetters,
            DataStream<FeedAudit> audits) {}

    public static Outputs build(DataStream<Inbound> inbound, JobSettings settings) {
        SingleOutputStreamOperator<Inbound> records =
                inbound.process(new RouteInbound())
                        .returns(StreamTypes.INBOUND)
                        .uid(RouteInbound.UID)
                        .name(RouteInbound.NAME);

        SingleOutputStreamOperator<TickContext> contexts =
                records.keyBy(r -> 0, Types.INT)
                        .process(new PlatformReplayFunction(settings))
                        .returns(StreamTypes.CONTEXT)
                        .setParallelism(1)
                        .setMaxParallelism(1)
                        .uid(PlatformReplayFunction.UID)
                        .name(PlatformReplayFunction.NAME);
        DataStream<ModelVersion> modelVersions =
                contexts.getSideOutput(PlatformReplayFunction.MODEL_VERSIONS);
        DataStream<DeadLetter> deadLetters =
                records.getSideOutput(RouteInbound.DEAD_LETTERS)
                        .union(contexts.getSideOutput(PlatformReplayFunction.REFUSED));
        BroadcastStream<TickContext> broadcast = contexts.broadcast(ScoringFunction.CONTEXTS);

        SingleOutputStreamOperator<Feed> feeds =
                contexts.getSideOutput(PlatformReplayFunction.USER_RECORDS)
                        .keyBy(RankingTopology::userOf, Types.INT)
                        .connect(broadcast)
                        .process(new ScoringFunction(settings))
                        .returns(StreamTypes.FEED)
                        .uid(ScoringFunction.UID)
                        .name(ScoringFunction.NAME);
        return new Outputs(
                feeds, modelVersions, deadLetters, feeds.getSideOutput(ScoringFunction.AUDITS));
    }

    static int userOf(PlatformRecord r) {
        if (r instanceof FeedRequest q) {
            return q.userId();
        }
        if (r instanceof Impression i) {
            return i.userId();
        }
        throw new IllegalArgumentException("not a user record: " + r);
    }
}
