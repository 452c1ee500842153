package org.feedlab.lab.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.feedlab.events.Action;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedRequest;
import org.feedlab.events.Impression;
import org.feedlab.events.Post;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.simulator.Content;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.SocietyConfig;
import org.feedlab.simulator.TickReadout;
import org.feedlab.simulator.Workers;
import org.feedlab.simulator.metrics.Measurement;
import org.feedlab.simulator.metrics.Reporter;
import org.feedlab.simulator.metrics.Segment;
import org.feedlab.simulator.metrics.SocietyReporters;
import org.feedlab.simulator.metrics.TickMetrics;

/**
 * The story of a run, tick by tick: the society publishes and opens sessions, the platform ranks,
 * the society reads, the reporters measure, the listeners follow. The same driver serves every
 * engine.
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
                    ModelReporters.LOSS_AND_CALIBRATION,
                    SocietyReporters.DAILY_USE,
                    SocietyReporters.ENGAGEMENT_RATES,
                    SocietyReporters.CONTENT_MIX,
                    SocietyReporters.HOSTILE_RESHARES,
                    SocietyReporters.THERMOMETER_SPREAD,
                    SocietyReporters.POSTING,
                    SocietyReporters.CASCADE_SHAPE,
                    SocietyReporters.FOLLOWS,
                    SocietyReporters.AFFECTIVE_SPREAD,
                    SocietyReporters.IDEOLOGY_BY_CAMP,
                    SocietyReporters.FIRST_TEN,
                    SocietyReporters.POLITICAL_AMPLIFICATION,
                    SocietyReporters.CROSS_CUTTING_STAGES);

    private SimulationRun() {}

    /**
     * Follows the story: sees the population before tick 0 and every tick once it is measured.
     * Progress bars, Prometheus gauges, user snapshots and feed audit logs are listeners.
     */
    @FunctionalInterface
    public interface Listener {
        /** The population before tick 0. */
        default void started(Society society) throws IOException {}

        /** Tick t, read and measured. */
        void ticked(Tick tick) throws IOException;

        /** After the last tick (not after a failed one). */
        default void finished() throws IOException {}
    }

    /**
     * One tick as listeners see it.
     *
     * @param tick the tick t
     * @param measurements its measurements, in the row order of metrics.csv
     * @param society the population after t ticks
     * @param audits the platform's explanations of the tick's audited feeds, by request id
     */
    public record Tick(
            long tick, List<Measurement> measurements, Society society, List<FeedAudit> audits) {}

    /**
     * Runs the society against a platform for the given number of ticks and returns the rows of
     * metrics.csv; each listener follows along, in the order given.
     */
    public static List<MetricRow> run(
            SocietyConfig config,
            long seed,
            int ticks,
            Platform platform,
            List<? extends Listener> listeners)
            throws Exception {
        return run(config, seed, ticks, platform, listeners, Workers.ONE);
    }

    /**
     * The same run with the society's per-user work on {@code workers}: the rows, and every
     * listener's view of every tick, are the same for any number of threads.
     */
    public static List<MetricRow> run(
            SocietyConfig config,
            long seed,
            int ticks,
            Platform platform,
            List<? extends Listener> listeners,
            Workers workers)
            throws Exception {
        Society society = Society.create(config, seed, workers);
        // The rows of metrics.csv: all, adult, young, and with a field experiment its arms.
        List<Segment> segments = TickMetrics.segments(society, platform.treated());
        for (Listener l : listeners) {
            l.started(society);
        }
        List<MetricRow> rows = new ArrayList<>();
        List<Impression> lastImpressions = List.of();
        for (long t = 0; t < ticks; t++) {
            // 1. A night passes (anger, thermometers and opinions decay); the society's field
            // experiments that start today begin (cross-cutting follows).
            society.beginTick(t);
            society.intervene(t);
            // 2. Creators post; the platform sees each post with a noisy outrage score.
            List<Content> posts = society.publish(t);
            List<Post> observed = posts.stream().map(society::observe).toList();
            // 3. Users open the app and ask for feeds.
            List<FeedRequest> requests = society.openSessions(t);
            // 4. The platform takes in phase t (posts, requests, last tick's impressions) and
            // answers every request with a feed.
            ServedTick served = platform.serve(t, observed, requests, lastImpressions);
            // 5. Users read, engage, get angry, change their minds, stop.
            TickReadout readout = society.read(t, served.feeds(), posts);
            // 6. The reporters measure the population and each segment (the segments at once).
            List<Measurement> measurements =
                    TickMetrics.measure(society, readout, REPORTERS, segments, workers);
            for (Measurement m : measurements) {
                rows.add(new MetricRow(t, m.metric(), m.segment(), m.value()));
            }
            // 7. The listeners see the tick: progress, gauges, snapshots, audit log.
            Tick tick = new Tick(t, measurements, society, served.audits());
            for (Listener l : listeners) {
                l.ticked(tick);
            }
            // 8. The impressions of t are published in phase t+1.
            lastImpressions = readout.impressions();
            society.forgetPostsBefore(t - CONTENT_MEMORY_TICKS);
        }
        for (Listener l : listeners) {
            l.finished();
        }
        return rows;
    }
}
