package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.JsonSerde;
import org.feedlab.lab.run.Manifest;
import org.feedlab.lab.run.RunRequest;
import org.feedlab.lab.run.Watching;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.policy.MainParameters;
import org.feedlab.ranker.serving.Audit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a direct run writes beside its metrics: the manifest's ranker resolution, and the feed
 * audits of the sampled users.
 */
class LabLauncherTest {
    private static final String SCENARIO =
            """
            name: tiny
            seed: 5
            ticks: 3
            society: {users: 60, creators: 20, creator_follows_per_user: 6}
            ranker:
              objective: engagement
              bootstrap_ticks: 1
              retrain_every: 1
              withheld_feature_groups: [recency]
              policies:
                - {type: telemetry-restriction, groups: [user, recency]}
                - {type: model-capacity, latency_budget_ms: 1, candidates: 300, flops_per_second: 4.6e9}
                - {type: transparency}
            stream: {audit_share: 0.5}
            """;

    @TempDir Path work;

    private Path run(Scenario s, List<Long> snapshotTicks) throws Exception {
        Path out = work.resolve("run");
        new LabLauncher(work.resolve("runs"), System.out)
                .execute(
                        new RunRequest(
                                s,
                                out,
                                true,
                                snapshotTicks,
                                Watching.metricsOnly(0),
                                true,
                                "tiny.yaml"));
        return out;
    }

    @Test
    void manifestRecordsHowThePoliciesShapedTheModel() throws Exception {
        Path out = run(ScenarioLoader.parse(SCENARIO, "tiny.yaml"), List.of(3L, 1L));
        Manifest manifest = Manifest.read(out);
        Manifest.RankerResolution r = manifest.rankerResolution();
        assertEquals("wide-deep", r.model());
        assertEquals(List.of(64, 32), r.hiddenSizes());
        assertEquals("$.ranker.policies[1] (model-capacity)", r.hiddenSizesFrom());
        assertEquals(List.of("recency", "user"), r.withheldFeatureGroups());
        assertEquals("$.ranker.withheld_feature_groups", r.withheldFrom().get("recency"));
        assertEquals("$.ranker.policies[0] (telemetry-restriction)", r.withheldFrom().get("user"));
        // The scenario is recorded as declared: the policies did not rewrite it.
        JsonNode ranker = manifest.scenario().get("ranker");
        assertEquals("[32,16]", ranker.get("hidden_sizes").toString());
        assertEquals("[\"recency\"]", ranker.get("withheld_feature_groups").toString());
        // The trainer built the resolved model: its provenance says so.
        assertEquals(
                "[64, 32]",
                manifest.modelVersions().get(0).provenance().get("trainer.hiddenSizes"));
        assertTrue(Files.isRegularFile(out.resolve(MainParameters.FILE)));
        // The listeners' files: the snapshots asked for, and the manifest lists them.
        assertEquals(List.of(1L, 3L), manifest.snapshotTicks());
        assertEquals(
                List.of("snapshots/users-tick-1.csv", "snapshots/users-tick-3.csv"),
                manifest.snapshots());
        for (String snapshot : manifest.snapshots()) {
            assertEquals(61, Files.readAllLines(out.resolve(snapshot)).size(), snapshot);
        }
        assertEquals("direct", manifest.engine());
        // The direct engine explains the sampled users' feeds too, one line per feed.
        List<String> audits = Files.readAllLines(out.resolve(FeedAuditLog.FILE));
        assertTrue(audits.size() > 10, "audited feeds: " + audits.size());
        assertEquals(audits.size(), manifest.pipeline().auditedFeeds());
        assertEquals(null, manifest.pipeline().deadLetteredRecords());
        Audit sample = Audit.sample(5, 0.5);
        FeedAudit previous = null;
        for (String line : audits) {
            FeedAudit audit = JsonSerde.mapper().readValue(line, FeedAudit.class);
            assertTrue(sample.includes(audit.userId()), line);
            // In tick, then request order.
            if (previous != null) {
                assertTrue(
                        previous.tick() < audit.tick()
                                || (previous.tick() == audit.tick()
                                        && previous.requestId() < audit.requestId()),
                        line);
            }
            previous = audit;
        }
    }
}
