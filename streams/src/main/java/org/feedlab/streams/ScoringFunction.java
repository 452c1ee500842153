package org.feedlab.streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.PlatformRecord;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.serving.FeedServer;
import org.feedlab.streams.types.StreamTypes;

/**
 * Serves feeds, keyed by user. A user's requests and impression logs (as the platform replay
 * accepted them) wait in keyed state until the watermark passes their phase t; then {@link
 * FeedServer} applies the logs to the user's profile (keyed state) and ranks the request of tick t
 * with the broadcast context of tick t, whatever order the records arrived in and whatever the
 * parallelism: the same step the direct engine runs. With {@link JobSettings#scoringDelayMs} it
 * takes that much longer per request.
 */
public final class ScoringFunction
        extends KeyedBroadcastProcessFunction<Integer, PlatformRecord, TickContext, Feed> {
    public static final String UID = "score-feeds";
    public static final String NAME = "Retrieve and score candidates";

    /** Broadcast state: tick → context. */
    public static final MapStateDescriptor<Long, TickContext> CONTEXTS =
            new MapStateDescriptor<>("tick-contexts", Types.LONG, StreamTypes.CONTEXT);

    /** Explanations of the feeds served to audited users ({@link JobSettings#audit}). */
    public static final OutputTag<FeedAudit> AUDITS =
            new OutputTag<>("feed-audits", StreamTypes.AUDIT);

    /** Contexts older than this many ticks behind the newest are dropped. */
    private static final int CONTEXTS_KEPT = 3;

    private final JobSettings settings;
    private transient ListState<PlatformRecord> pending;
    private transient ValueState<UserProfile> profile;
    private transient FeedServer server;
    private transient ScoringMetrics metrics;

    public ScoringFunction(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("pending", StreamTypes.RECORD));
        profile =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("profile", StreamTypes.PROFILE));
        server =
                new FeedServer(
                        settings.ranker(), settings.topics(), settings.seed(), settings.audit());
        metrics = ScoringMetrics.register(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(PlatformRecord record, ReadOnlyContext ctx, Collector<Feed> out)
            throws Exception {
        pending.add(record);
        ctx.timerService().registerEventTimeTimer(record.phase());
    }

    @Override
    public void processBroadcastElement(TickContext context, Context ctx, Collector<Feed> out)
            throws Exception {
        BroadcastState<Long, TickContext> contexts = ctx.getBroadcastState(CONTEXTS);
        contexts.put(context.tick, context);
        List<Long> old = new ArrayList<>();
        for (Map.Entry<Long, TickContext> e : contexts.entries()) {
            // Only a context whose tick the watermark has passed is safe to drop: every timer
            // that could read it has fired.
            if (e.getKey() < context.tick - CONTEXTS_KEPT && e.getKey() <= ctx.currentWatermark()) {
                old.add(e.getKey());
            }
        }
        for (Long tick : old) {
            contexts.remove(tick);
        }
    }

    @Override
    public void onTimer(long phase, OnTimerContext ctx, Collector<Feed> out) throws Exception {
        ReadOnlyBroadcastState<Long, TickContext> contexts = ctx.getBroadcastState(CONTEXTS);
        TickContext context = contexts.get(phase);
        if (context == null) {
            throw new IllegalStateException(
                    "no platform context for tick " + phase + " at user " + ctx.getCurrentKey());
        }
        List<Impression> logs = new ArrayList<>();
        List<FeedRequest> requests = new ArrayList<>();
        // A request that arrived after its phase ranks with its own tick's context.
        Map<Long, TickContext> earlier = new HashMap<>();
        for (PlatformRecord r : PhaseBuffer.takeUpTo(pending, phase, PlatformRecord::phase)) {
            if (r instanceof Impression i) {
                logs.add(i);
            } else if (r instanceof FeedRequest q) {
                requests.add(q);
                if (q.tick() != phase) {
                    earlier.put(q.tick(), contexts.get(q.tick()));
                }
            }
        }
        UserProfile user = profile.value();
        if (user == null) {
            user = server.newProfile();
        }
        long started = System.nanoTime();
        FeedServer.Served served = server.serve(user, logs, requests, context, earlier::get);
        if (settings.scoringDelayMs() > 0 && !requests.isEmpty()) {
            // A slower ranker, by configuration: the task thread is busy, so Flink's backpressure
            // reaches the Kafka source and the society waits for its feeds. The
            // latency metric sees the delay, as it would see a slower model.
            Thread.sleep((long) settings.scoringDelayMs() * requests.size());
        }
        // Latency is observed, never used: the clock does not reach the feeds.
        metrics.served(System.nanoTime() - started, served.candidatesScored());
        served.feeds().forEach(out::collect);
        served.audits().forEach(a -> ctx.output(AUDITS, a));
        profile.update(user);
    }
}
