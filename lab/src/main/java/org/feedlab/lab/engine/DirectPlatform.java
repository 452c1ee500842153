package org.feedlab.lab.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.Post;
import org.feedlab.lab.run.Manifest;
import org.feedlab.ranker.PredictionSource;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.TickContext;
import org.feedlab.ranker.features.UserProfile;
import org.feedlab.ranker.policy.Intervention;
import org.feedlab.ranker.serving.Audit;
import org.feedlab.ranker.serving.FeedServer;
import org.feedlab.ranker.training.PlatformReplay;
import org.feedlab.streams.ScoringMetrics;

/**
 * The same replay, trainer and serving step as the stream job, called in-process without Kafka or
 * Flink: for fast sweeps, and as the reference the stream engine must agree with. Like the job's
 * keyed scorer, it keeps one serving profile per user and serves each user of a tick in turn.
 */
public class DirectPlatform implements Platform {
    private final PlatformReplay replay;
    private final FeedServer server;
    private final Map<Integer, UserProfile> profiles = new HashMap<>();
    private final List<ModelVersion> versions = new ArrayList<>();
    private final ScoringMetrics metrics = ScoringMetrics.unregistered();
    private final Optional<IntPredicate> treated;

    /** A platform whose feeds no audit explains. */
    public DirectPlatform(RankerConfig config, int topics, long seed) {
        this(config, topics, seed, Audit.none());
    }

    /** A platform that explains the feeds of the users the audit includes. */
    public DirectPlatform(RankerConfig config, int topics, long seed, Audit audit) {
        this(config, topics, seed, audit, null);
    }

    /**
     * A platform whose ranked feeds take the society's true probabilities from {@code oracle}
     * ({@code ranker.oracle}): the same replay and serving step, the oracle in place of the model.
     *
     * @param oracle the true probabilities, or null to rank with the model
     */
    public DirectPlatform(
            RankerConfig config, int topics, long seed, Audit audit, PredictionSource oracle) {
        this.replay = new PlatformReplay(config, topics, seed);
        this.server = new FeedServer(config, topics, seed, audit, oracle);
        this.treated = Intervention.treatedBy(config.policies(), seed);
    }

    @Override
    public Optional<IntPredicate> treated() {
        return treated;
    }

    @Override
    public ServedTick serve(
            long tick, List<Post> posts, List<FeedRequest> requests, List<Impression> impressions) {
        PlatformReplay.Step step = replay.advance(tick, posts, requests, impressions);
        if (!step.rejected().isEmpty()) {
            // The society only sends what it was given ids for: a refusal here is a bug.
            PlatformReplay.Rejection first = step.rejected().get(0);
            throw new IllegalStateException(
                    "the platform refused "
                            + step.rejected().size()
                            + " records of phase "
                            + tick
                            + ", the first: "
                            + first.reason()
                            + ": "
                            + first.record());
        }
        if (step.announcement() != null) {
            versions.add(step.announcement());
        }
        TickContext context = step.context();
        // Each user's accepted records of the phase, as the stream job keys them by user.
        Map<Integer, UserRecords> byUser = new TreeMap<>();
        for (Impression i : step.impressions()) {
            byUser.computeIfAbsent(i.userId(), u -> new UserRecords()).impressions.add(i);
        }
        for (FeedRequest r : step.requests()) {
            byUser.computeIfAbsent(r.userId(), u -> new UserRecords()).requests.add(r);
        }
        Map<Integer, Feed> feeds = new HashMap<>();
        List<FeedAudit> audits = new ArrayList<>();
        for (Map.Entry<Integer, UserRecords> e : byUser.entrySet()) {
            UserProfile profile = profiles.computeIfAbsent(e.getKey(), u -> server.newProfile());
            long started = System.nanoTime();
            FeedServer.Served served =
                    server.serve(
                            profile,
                            e.getValue().impressions,
                            e.getValue().requests,
                            context,
                            t -> null);
            metrics.served(System.nanoTime() - started, served.candidatesScored());
            served.feeds().forEach(f -> feeds.put(f.userId(), f));
            audits.addAll(served.audits());
        }
        audits.sort(Comparator.comparingLong(FeedAudit::requestId));
        return new ServedTick(feeds, audits);
    }

    /** One user's impressions and requests of a phase. */
    private static final class UserRecords {
        final List<Impression> impressions = new ArrayList<>();
        final List<FeedRequest> requests = new ArrayList<>();
    }

    /** How long serving took and how many candidates were scored, for the live endpoint. */
    public ScoringMetrics scoringMetrics() {
        return metrics;
    }

    /** The platform's replay (post index, trainer). */
    public PlatformReplay replay() {
        return replay;
    }

    @Override
    public List<ModelVersion> modelVersions() {
        return List.copyOf(versions);
    }

    @Override
    public String engine() {
        return "direct";
    }

    @Override
    public Manifest.Pipeline pipelineFacts() {
        return Manifest.Pipeline.NONE;
    }

    @Override
    public void close() {}
}
