package org.feedlab.streams;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.feedlab.events.DeadLetter;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.training.PlatformReplay;
import org.feedlab.streams.types.StreamTypes;

/**
 * The platform's global view and online trainer, at parallelism 1. Buffers each phase's posts,
 * requests and impressions; when the watermark passes phase t it advances the {@link
 * PlatformReplay} (which refuses records with unknown ids and retrains when due) and emits the
 * {@link TickContext} that ranks tick t, the accepted requests and impression logs for the scorers,
 * a model announcement when a new version was trained, and a dead letter per refused record.
 *
 * <p>State: the buffered records and the last phase advanced are keyed state (key 0); the replay
 * itself (post index, profiles, follow lists, the trainer's window and current model, the
 * objective's state) is operator state, written in its sealed binary form ({@link
 * PlatformReplay#toBytes}) at every checkpoint and restored from it, so a restored job goes on
 * exactly where the checkpoint was taken.
 */
public final class PlatformReplayFunction
        extends KeyedProcessFunction<Integer, Inbound, TickContext>
        implements CheckpointedFunction {
    public static final String UID = "platform-replay";
    public static final String NAME = "Platform replay and online trainer";
    public static final OutputTag<ModelVersion> MODEL_VERSIONS =
            new OutputTag<>("model-versions", StreamTypes.MODEL_VERSION);

    /** The requests and impression logs the replay accepted, for the scorers. */
    public static final OutputTag<PlatformRecord> USER_RECORDS =
            new OutputTag<>("user-records", StreamTypes.RECORD);

    /** Records refused for naming unknown ids, or arriving after their phase closed. */
    public static final OutputTag<DeadLetter> REFUSED =
            new OutputTag<>("refused-records", StreamTypes.DEAD_LETTER);

    /** Name of the operator state that holds the replay's bytes. */
    public static final String REPLAY_STATE = "platform-replay";

    private final JobSettings settings;
    private transient ListState<Inbound> pending;
    private transient ValueState<Long> lastAdvanced;
    private transient ListState<byte[]> replayState;
    private transient PlatformReplay replay;

    /**
     * The replay's bytes as the last checkpoint wrote them, or null once the replay has advanced
     * since: a checkpoint between two phases (most of them: the replay advances once per tick and
     * the job checkpoints every {@link Checkpointing#INTERVAL}) hands on the same bytes again
     * instead of sealing the same state anew on the task thread. The operator state holds the array
     * until the next checkpoint anyway.
     */
    private transient byte[] sealed;

    public PlatformReplayFunction(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        replayState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        REPLAY_STATE,
                                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        replay = new PlatformReplay(settings.ranker(), settings.topics(), settings.seed());
        if (context.isRestored()) {
            for (byte[] bytes : replayState.get()) {
                replay.restore(bytes);
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (sealed == null) {
            sealed = replay.toBytes();
        }
        replayState.update(List.of(sealed));
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getListState(new ListStateDescriptor<>("pending", StreamTypes.INBOUND));
        lastAdvanced =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("last-advanced", Types.LONG));
    }

    @Override
    public void processElement(Inbound record, Context ctx, Collector<TickContext> out)
            throws Exception {
        pending.add(record);
        ctx.timerService().registerEventTimeTimer(record.record().phase());
    }

    @Override
    public void onTimer(long phase, OnTimerContext ctx, Collector<TickContext> out)
            throws Exception {
        List<Inbound> due = PhaseBuffer.takeUpTo(pending, phase, r -> r.record().phase());
        // A fixed order whatever order the partitions were read in.
        due.sort(Inbound.ORIGIN_ORDER);
        Long last = lastAdvanced.value();
        TreeMap<Long, List<Inbound>> byPhase = new TreeMap<>();
        for (Inbound r : due) {
            long p = r.record().phase();
            if (last != null && p <= last) {
                ctx.output(REFUSED, r.refused("late: phase " + p + " was already closed"));
            } else {
                byPhase.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
            }
        }
        // Advance through every phase, even one that carried no record, so the trainer's
        // schedule is the same as in the direct engine.
        if (byPhase.isEmpty() && last == null) {
            return;
        }
        long first = last == null ? byPhase.firstKey() : last + 1;
        for (long p = first; p <= phase; p++) {
            advance(p, byPhase.getOrDefault(p, List.of()), ctx, out);
        }
        lastAdvanced.update(phase);
    }

    private void advance(
            long phase, List<Inbound> records, OnTimerContext ctx, Collector<TickContext> out) {
        List<Post> posts = new ArrayList<>();
        List<FeedRequest> requests = new ArrayList<>();
        List<Impression> impressions = new ArrayList<>();
        Map<PlatformRecord, Inbound> origins = new IdentityHashMap<>();
        for (Inbound in : records) {
            PlatformRecord r = in.record();
            origins.put(r, in);
            if (r instanceof Post p) {
                posts.add(p);
            } else if (r instanceof FeedRequest q) {
                requests.add(q);
            } else if (r instanceof Impression i) {
                impressions.add(i);
            }
        }
        sealed = null;
        PlatformReplay.Step step = replay.advance(phase, posts, requests, impressions);
        for (PlatformReplay.Rejection r : step.rejected()) {
            ctx.output(REFUSED, origins.get(r.record()).refused(r.reason()));
        }
        if (step.announcement() != null) {
            ctx.output(MODEL_VERSIONS, step.announcement());
        }
        step.requests().forEach(r -> ctx.output(USER_RECORDS, r));
        step.impressions().forEach(i -> ctx.output(USER_RECORDS, i));
        out.collect(step.context());
    }
}
