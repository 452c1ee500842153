package org.feedlab.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedlab.events.FeedAudit;
import org.feedlab.events.JsonSerde;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.run.RunRequest;
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

    private Path run(Scenario s) throws Exception {
        Path out = work.resolve("run");
        new LabLauncher(work.resolve("runs"), System.out)
                .execute(new RunRequest(s, out, true, List.of(), 0, true, "tiny.yaml"));
        return out;
    }

    @Test
    void manifestRecordsHowThePoliciesShapedTheModel() throws Exception {
        Path out = run(ScenarioLoader.parse(SCENARIO, "tiny.yaml"));
        JsonNode manifest =
                new ObjectMapper().readTree(out.resolve(RunDirectory.MANIFEST).toFile());
        JsonNode r = manifest.get("ranker_resolution");
        assertEquals("wide-deep", r.get("model").asText());
        assertEquals("[64,32]", r.get("hidden_sizes").toString());
        assertEquals("$.ranker.policies[1] (model-capacity)", r.get("hidden_sizes_from").asText());
        assertEquals("[\"recency\",\"user\"]", r.get("withheld_feature_groups").toString());
        assertEquals(
                "$.ranker.withheld_feature_groups", r.get("withheld_from").get("recency").asText());
        assertEquals(
                "$.ranker.policies[0] (telemetry-restriction)",
                r.get("withheld_from").get("user").asText());
        // The scenario is recorded as declared: the policies did not rewrite it.
        JsonNode ranker = manifest.get("scenario").get("ranker");
        assertEquals("[32,16]", ranker.get("hidden_sizes").toString());
        assertEquals("[\"recency\"]", ranker.get("withheld_feature_groups").toString());
        // The trainer built the resolved model: its provenance says so.
        String provenance = manifest.get("model_versions").get(0).get("provenance").toString();
        assertTrue(provenance.contains("\"trainer.hiddenSizes\":\"[64, 32]\""), provenance);
        assertTrue(Files.isRegularFile(out.resolve(MainParameters.FILE)));
        // The direct engine explains the sampled users' feeds too, one line per feed.
        List<String> audits = Files.readAllLines(out.resolve(LabLauncher.AUDIT_FILE));
        assertTrue(audits.size() > 10, "audited feeds: " + audits.size());
        assertEquals(audits.size(), manifest.get("pipeline").get("audited_feeds").asInt());
        Audit sample = Audit.sample(5, 0.5);
        for (String line : audits) {
            FeedAudit audit = JsonSerde.mapper().readValue(line, FeedAudit.class);
            assertTrue(sample.includes(audit.userId()), line);
        }
    }
}
