package org.feedlab.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.events.Post;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.training.PlatformReplay;

/**
 * The platform's global view and online trainer, at parallelism 1. Buffers each phase's posts,
 * requests and impressions; when the watermark passes phase t it advances the {@link
 * PlatformReplay} (which retrains when due) and emits the {@link TickContext} that ranks tick t,
 * plus a model announcement when a new version was trained.
 *
 * <p>The replay lives in operator memory, not in Flink state: checkpointing a Tribuo model is not
 * supported yet, so a failed job restarts the run rather than restoring it.
 */
public final class PlatformReplayFunction
        extends KeyedProcessFunction<Integer, PlatformRecord, TickContext> {
    public static final String UID = "platform-replay";
    public static final String NAME = "Platform replay and online trainer";
    public static final OutputTag<ModelVersion> MODEL_VERSIONS =
            new OutputTag<>("model-versions") {};

    private final JobSettings settings;
    private transient ListState<PlatformRecord> pending;
    private transient PlatformReplay replay;
    private transient long lastAdvanced;

    public PlatformReplayFunction(JobSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "pending", TypeInformation.of(PlatformRecord.class)));
        replay = new PlatformReplay(settings.ranker(), settings.topics(), settings.seed());
        lastAdvanced = Long.MIN_VALUE;
    }

    @Override
    public void processElement(PlatformRecord record, Context ctx, Collector<TickContext> out)
            throws Exception {
        pending.add(record);
        ctx.timerService().registerEventTimeTimer(record.phase());
    }

    @Override
    public void onTimer(long phase, OnTimerContext ctx, Collector<TickContext> out)
            throws Exception {
        TreeMap<Long, List<PlatformRecord>> byPhase = new TreeMap<>();
        for (PlatformRecord r : PhaseBuffer.takeUpTo(pending, phase)) {
            byPhase.computeIfAbsent(r.phase(), p -> new ArrayList<>()).add(r);
        }
        // Advance through every phase, even one that carried no record, so the trainer's
        // schedule is the same as in the direct engine.
        if (byPhase.isEmpty() && lastAdvanced == Long.MIN_VALUE) {
            return;
        }
        long first = lastAdvanced == Long.MIN_VALUE ? byPhase.firstKey() : lastAdvanced + 1;
        for (long p = first; p <= phase; p++) {
            advance(p, byPhase.getOrDefault(p, List.of()), ctx, out);
        }
        lastAdvanced = phase;
    }

    private void advance(
            long phase,
            List<PlatformRecord> records,
            OnTimerContext ctx,
            Collector<TickContext> out) {
        List<Post> posts = new ArrayList<>();
        List<FeedRequest> requests = new ArrayList<>();
        List<Impression> impressions = new ArrayList<>();
        for (PlatformRecord r : records) {
            if (r instanceof Post p) {
                posts.add(p);
            } else if (r instanceof FeedRequest q) {
                requests.add(q);
            } else if (r instanceof Impression i) {
                impressions.add(i);
            }
        }
        PlatformReplay.Step step = replay.advance(phase, posts, requests, impressions);
        if (step.announcement() != null) {
            ctx.output(MODEL_VERSIONS, step.announcement());
        }
        out.collect(step.context());
    }
}
