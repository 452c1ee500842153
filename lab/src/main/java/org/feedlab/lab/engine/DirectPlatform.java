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
import org.feedlab.simulator.Workers;
import org.feedlab.streams.ScoringMetrics;

/**
 * The same replay, trainer and serving step as the stream job, called in-process without Kafka or
 * Flink: for fast sweeps, and as the reference the stream engine must agree with. Like the job's
 * keyed scorer, it keeps one serving profile per user and serves each user of a tick with it; the
 * platform's replay and trainer run first, on one thread, and the users are then served in parallel
 * on the run's workers (the context of the tick is read-only while they are served).
 */
public class DirectPlatform implements Platform {
    private final PlatformReplay replay;
    private final FeedServer server;
    private final Map<Integer, UserProfile> profiles = new HashMap<>();
    private final List<ModelVersion> versions = new ArrayList<>();
    private final ScoringMetrics metrics = ScoringMetrics.unregistered();
    private final Optional<IntPredicate> treated;
    private final Workers workers;

    /** A platform whose feeds no audit explains, serving on one thread. */
    public DirectPlatform(RankerConfig config, int topics, long seed) {
        this(config, topics, seed, Audit.none());
    }

    /**
     * A platform that explains the feeds of the users the audit includes, serving on one thread.
     */
    public DirectPlatform(RankerConfig config, int topics, long seed, Audit audit) {
        this(config, topics, seed, audit, null, Workers.ONE);
    }

    /**
     * A platform that explains the feeds of the users the audit includes and serves the users of a
     * tick on {@code workers} (the feeds are the same for any number of threads). Its ranked feeds
     * take the society's true probabilities from {@code oracle} when one is given ({@code
     * ranker.oracle}): the same replay and serving step, the oracle in place of the model.
     *
     * @param oracle the true probabilities, or null to rank with the model
     */
    public DirectPlatform(
            RankerConfig config,
            int topics,
            long seed,
            Audit audit,
            PredictionSource oracle,
            Workers workers) {
        this.replay = new PlatformReplay(config, topics, seed);
        this.server = new FeedServer(config, topics, seed, audit, oracle);
        this.treated = Intervention.treatedBy(config.policies(), seed);
        this.workers = workers;
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
        // Users are served in parallel: each serving step reads the context and writes only the
        // user's own profile and result; the results are merged in user-id order.
        List<Map.Entry<Integer, UserRecords>> users = new ArrayList<>(byUser.entrySet());
        UserProfile[] userProfiles = new UserProfile[users.size()];
        for (int k = 0; k < userProfiles.length; k++) {
            userProfiles[k] =
                    profiles.computeIfAbsent(users.get(k).getKey(), u -> server.newProfile());
        }
        FeedServer.Served[] served = new FeedServer.Served[users.size()];
        long[] nanos = new long[users.size()];
        workers.forEach(
                users.size(),
                k -> {
                    UserRecords records = users.get(k).getValue();
                    long started = System.nanoTime();
                    served[k] =
                            server.serve(
                                    userProfiles[k],
                                    records.impressions,
                                    records.requests,
                                    context,
                                    t -> null);
                    nanos[k] = System.nanoTime() - started;
                });
        Map<Integer, Feed> feeds = new HashMap<>();
        List<FeedAudit> audits = new ArrayList<>();
        for (int k = 0; k < served.length; k++) {
            metrics.served(nanos[k], served[k].candidatesScored());
            served[k].feeds().forEach(f -> feeds.put(f.userId(), f));
            audits.addAll(served[k].audits());
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
