package org.feedlab.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.feedlab.events.Action;
import org.feedlab.events.Feed;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.SocietyConfig;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.SocietyReporters;
import org.feedlab.simulator.metrics.TickMetrics;

/**
 * The story of a run, tick by tick: the society publishes and opens sessions, the platform ranks,
 * the society reads, the reporters measure. The same driver serves every engine.
 */
public final class SimulationRun {
    /** Post truths are kept this many ticks; far longer than any post can stay a candidate. */
    private static final int CONTENT_MEMORY_TICKS = 50;

    /**
     * What is measured after every tick, in the row order of metrics.csv (docs/METRICS.md): the
     * society's reporters, and the platform's model quality where the file has always had it.
     */
    public static final List<Reporter> REPORTERS =
            List.of(
                    SocietyReporters.SESSIONS,
                    SocietyReporters.ITEMS_READ,
                    SocietyReporters.ENGAGEMENTS,
                    SocietyReporters.ANGER_EXITS,
                    SocietyReporters.OUTRAGE_EXPOSURE,
                    SocietyReporters.OUTRAGE_PRODUCTION,
                    SocietyReporters.OUTRAGE_ENGAGEMENT,
                    SocietyReporters.CROSS_CUTTING,
                    SocietyReporters.OPINION,
                    SocietyReporters.OUTGROUP_THERMOMETER,
                    ModelReporters.VERSION,
                    ModelReporters.auc(Action.CLICK),
                    SocietyReporters.INGROUP_AFFECT,
                    SocietyReporters.CREATOR_PROPENSITY,
                    SocietyReporters.CASCADES,
                    SocietyReporters.EXPOSURE_DIVERSITY,
                    SocietyReporters.HOMOGENIZATION,
                    SocietyReporters.CHURN,
                    SocietyReporters.SATISFACTION,
                    SocietyReporters.ENGAGEMENT_SATISFACTION_GAP,
                    SocietyReporters.TIME_SPENT,
                    SocietyReporters.SURVEY_WORTH,
                    SocietyReporters.AMPLIFICATION,
                    ModelReporters.auc(
                            Action.LIKE, Action.RESHARE, Action.COMMENT, Action.HIDE, Action.ANGRY),
                    ModelReporters.LOSS_AND_CALIBRATION);

    private SimulationRun() {}

    /** Called after each tick with that tick's measurements. */
    @FunctionalInterface
    public interface TickListener {
        void onTick(long tick, List<Measurement> measurements, Society society);
    }

    /** Runs the society against a platform for the given number of ticks. */
    public static List<MetricRow> run(
            SocietyConfig config, long seed, int ticks, Platform platform, TickListener listener)
            throws Exception {
        return run(config, seed, ticks, platform, listener, society -> {});
    }

    /**
     * Runs the society against a platform; {@code onCreated} sees the population before tick 0 (for
     * the snapshot of tick 0).
     */
    public static List<MetricRow> run(
            SocietyConfig config,
            long seed,
            int ticks,
            Platform platform,
            TickListener listener,
            Consumer<Society> onCreated)
            throws Exception {
        Society society = Society.create(config, seed);
        onCreated.accept(society);
        List<MetricRow> rows = new ArrayList<>();
        List<Impression> lastImpressions = List.of();
        for (long t = 0; t < ticks; t++) {
            society.beginTick(t);
            List<Content> posts = society.publish(t);
            List<Post> observed = posts.stream().map(society::observe).toList();
            List<FeedRequest> requests = society.openSessions(t);
            Map<Integer, Feed> feeds = platform.serve(t, observed, requests, lastImpressions);
            TickReadout readout = society.read(t, feeds, posts);
            List<Measurement> measurements = TickMetrics.measure(society, readout, REPORTERS);
            for (Measurement m : measurements) {
                rows.add(new MetricRow(t, m.metric(), m.segment(), m.value()));
            }
            listener.onTick(t, measurements, society);
            lastImpressions = readout.impressions();
            society.forgetPostsBefore(t - CONTENT_MEMORY_TICKS);
        }
        return rows;
    }
}
