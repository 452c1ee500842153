package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.FeedKind;
import org.feedlab.events.JsonSerde;
import org.feedlab.events.ModelVersion;
import org.feedlab.events.PlatformRecord;
import org.feedlab.lab.metrics.PrometheusEndpoint;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.simulator.Society;
import org.feedlab.simulator.User;
import org.feedlab.simulator.metrics.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each listener of the tick story does its one job, checked value by value. */
class RunListenersTest {
    @TempDir Path temp;

    private static final List<Measurement> MEASURED =
            List.of(
                    new Measurement("active_users", "all", 57),
                    new Measurement("outrage_exposure_share", "all", 0.25),
                    new Measurement("active_users", "young", 3),
                    new Measurement("outrage_exposure_share", "young", 0.75));

    private static Society society() throws Exception {
        Scenario s =
                ScenarioLoader.parse(
                        "name: small\nseed: 4\nticks: 3\nsociety: {users: 12, creators: 5,"
                                + " creator_follows_per_user: 3}\n",
                        "small.yaml");
        return Society.create(s.society(), s.seed());
    }

    private static SimulationRun.Tick tick(long t, Society society, List<FeedAudit> audits) {
        return new SimulationRun.Tick(t, MEASURED, society, audits);
    }

    @Test
    void progressStepsOncePerTickAndShowsThePopulationsFigures() throws Exception {
        ProgressBar bar =
                new ProgressBarBuilder()
                        .setInitialMax(3)
                        .setConsumer(
                                new ConsoleProgressBarConsumer(
                                        new PrintStream(PrintStream.nullOutputStream())))
                        .build();
        try (ProgressListener progress = new ProgressListener(bar)) {
            progress.ticked(tick(0, null, List.of()));
            progress.ticked(tick(1, null, List.of()));

            assertEquals(2, bar.getCurrent());
            // The population's figures ("all"), not a segment's.
            assertEquals("users 57  outrage 25.00 %", bar.getExtraMessage());
        }
        assertEquals(
                "users NaN  outrage NaN %",
                ProgressListener.extra(List.of(new Measurement("sessions", "all", 9))));
    }

    @Test
    void prometheusGaugesShowTheLatestTicksValuesPerSegment() throws Exception {
        Society society = society();
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(0, Map.of("seed", "4"))) {
            PrometheusGauges gauges = new PrometheusGauges(endpoint);
            gauges.ticked(
                    new SimulationRun.Tick(
                            0,
                            List.of(new Measurement("active_users", "all", 60)),
                            society,
                            List.of()));
            gauges.ticked(tick(1, society, List.of()));

            String text = endpoint.scrape();
            assertTrue(
                    text.contains("feedlab_active_users{seed=\"4\",segment=\"all\"} 57.0\n"), text);
            assertTrue(
                    text.contains("feedlab_active_users{seed=\"4\",segment=\"young\"} 3.0\n"),
                    text);
            assertTrue(
                    text.contains(
                            "feedlab_outrage_exposure_share{seed=\"4\",segment=\"young\"} 0.75\n"),
                    text);
            assertTrue(text.contains("feedlab_tick{seed=\"4\",segment=\"all\"} 1.0\n"), text);
            // Every user's opinion once per tick: two ticks of 12 users, cumulative buckets.
            long left = 0;
            for (User u : society.users()) {
                left += u.ideology() <= 0 ? 1 : 0;
            }
            assertTrue(
                    text.contains("feedlab_opinion_count{seed=\"4\",segment=\"all\"} 24\n"), text);
            assertTrue(
                    text.contains(
                            "feedlab_opinion_bucket{seed=\"4\",segment=\"all\",le=\"0.0\"} "
                                    + 2 * left
                                    + "\n"),
                    text);
        }
    }

    @Test
    void snapshotsAreWrittenAfterTheAskedNumberOfTicks() throws Exception {
        Society society = society();
        RunDirectory dir = RunDirectory.create(temp.resolve("run"), temp, "small", 4);
        UserSnapshots snapshots = new UserSnapshots(dir, List.of(2L, 0L));

        snapshots.started(society);
        snapshots.ticked(tick(0, society, List.of()));
        assertEquals(List.of("snapshots/users-tick-0.csv"), snapshots.written());
        snapshots.ticked(tick(1, society, List.of()));
        snapshots.ticked(tick(2, society, List.of()));

        // Tick 1 ends the second tick: the snapshot "after 2 ticks".
        assertEquals(
                List.of("snapshots/users-tick-0.csv", "snapshots/users-tick-2.csv"),
                snapshots.written());
        try (var files = Files.list(dir.path().resolve("snapshots"))) {
            assertEquals(2, files.count());
        }
        List<String> lines = Files.readAllLines(dir.path().resolve("snapshots/users-tick-2.csv"));
        assertEquals(UserSnapshots.HEADER, lines.get(0));
        assertEquals(13, lines.size());
        // The row of user 5 (line 6 after the header) holds that user's state, column by column.
        User u = society.users()[5];
        String[] row = lines.get(6).split(",");
        assertEquals(7, row.length);
        assertEquals("5", row[0]);
        assertEquals(u.segment(), row[1]);
        assertEquals(u.ideology(), Double.parseDouble(row[2]), 1e-9);
        assertEquals(u.thermometer(), Double.parseDouble(row[3]), 1e-6);
        assertEquals(u.anger(), Double.parseDouble(row[4]), 1e-9);
        assertEquals(u.satisfaction(), Double.parseDouble(row[5]), 1e-9);
        assertEquals(u.active() ? "1" : "0", row[6]);
    }

    @Test
    void auditLogWritesEveryTicksAuditsInOrderWhenTheRunFinishes() throws Exception {
        RunDirectory dir = RunDirectory.create(temp.resolve("run"), temp, "small", 4);
        FeedAuditLog log = new FeedAuditLog(dir);
        FeedAudit a = audit(0, 11, 3);
        FeedAudit b = audit(0, 12, 7);
        FeedAudit c = audit(2, 31, 3);

        log.ticked(tick(0, null, List.of(a, b)));
        log.ticked(tick(1, null, List.of()));
        log.ticked(tick(2, null, List.of(c)));
        assertFalse(Files.exists(dir.path().resolve(FeedAuditLog.FILE)), "written at the end");
        log.finished();

        assertEquals(3, log.count());
        String expected =
                new String(JsonSerde.write(a), StandardCharsets.UTF_8)
                        + "\n"
                        + new String(JsonSerde.write(b), StandardCharsets.UTF_8)
                        + "\n"
                        + new String(JsonSerde.write(c), StandardCharsets.UTF_8)
                        + "\n";
        assertEquals(expected, Files.readString(dir.path().resolve(FeedAuditLog.FILE)));
        assertEquals(b, JsonSerde.mapper().readValue(expected.split("\n")[1], FeedAudit.class));
    }

    @Test
    void aRunWithoutAuditsWritesNoAuditFile() throws Exception {
        RunDirectory dir = RunDirectory.create(temp.resolve("run"), temp, "small", 4);
        FeedAuditLog log = new FeedAuditLog(dir);
        log.ticked(tick(0, null, List.of()));
        log.finished();
        assertEquals(0, log.count());
        assertFalse(Files.exists(dir.path().resolve(FeedAuditLog.FILE)));
    }

    private static FeedAudit audit(long tick, long requestId, int userId) {
        FeedAudit.Item item =
                new FeedAudit.Item(
                        100 + requestId,
                        0.5,
                        List.of(new FeedAudit.Term(FeedAudit.TermKind.ORDER, "recency", 0.5)),
                        List.of(),
                        "",
                        List.of());
        return new FeedAudit(
                PlatformRecord.SCHEMA_VERSION,
                requestId,
                userId,
                tick,
                ModelVersion.NONE,
                FeedKind.RANKED,
                "chronological",
                List.of(item));
    }
}
