package org.feedlab.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.feedlab.events.ModelVersion;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run manifest: written and read back to an equal record, with the keys and layout runs have
 * always had, and a manifest written before the record existed still reads.
 */
class ManifestTest {
    /**
     * A stream run's manifest as the code before this record wrote it (from a map): 4 ticks, 3
     * model versions, 92 audited feeds, a snapshot after 2 ticks.
     */
    private static final String LEGACY = "legacy-stream-manifest.json";

    private static final String SCENARIO =
            """
            name: tiny
            seed: 7
            ticks: 3
            society: {users: 40, creators: 10, creator_follows_per_user: 4}
            ranker:
              policies:
                - {type: telemetry-restriction, groups: [user]}
            """;

    @TempDir Path temp;

    private static Manifest manifest() throws Exception {
        Scenario s = ScenarioLoader.parse(SCENARIO, "tiny.yaml").withSeed(11);
        RunRequest request =
                new RunRequest(
                        s,
                        null,
                        false,
                        List.of(3L, 0L),
                        Watching.metricsOnly(0),
                        true,
                        "scenarios/tiny.yaml");
        ModelVersion v2 =
                ModelVersion.of(
                        2,
                        2,
                        "WideDeepTrainer",
                        412,
                        0,
                        Map.of("trainer.epochs", "3", "model", "WideDeepModel"),
                        Map.of("click.auc", "0.612345", "click.examples", "40"));
        return Manifest.of(
                request,
                "stream",
                List.of(v2),
                Manifest.Pipeline.stream(1, 2, 4).withAuditedFeeds(17),
                List.of("snapshots/users-tick-0.csv", "snapshots/users-tick-3.csv"));
    }

    @Test
    void writtenThenReadIsTheSameRecord() throws Exception {
        Manifest written = manifest();
        RunDirectory dir = RunDirectory.create(temp.resolve("run"), temp, "tiny", 11);
        assertFalse(dir.finished());

        dir.writeManifest(written);

        assertTrue(dir.finished());
        Manifest read = Manifest.read(dir.path());
        assertEquals(written, read);
        // What was built from the request and the platform, value by value.
        assertEquals("0.1.0", read.feedlabVersion());
        assertEquals("scenarios/tiny.yaml", read.scenarioFile());
        assertEquals(11, read.seed());
        assertEquals(11, read.scenario().get("seed").asLong());
        assertEquals("stream", read.engine());
        assertEquals(1, read.parallelism());
        assertEquals(2, read.partitions());
        assertEquals(
                new Manifest.Pipeline(1, 2, 4, 17, null, null, null, null, null), read.pipeline());
        assertEquals("metrics.csv", read.metricsCsv());
        assertEquals(List.of(0L, 3L), read.snapshotTicks());
        Manifest.Model model = read.modelVersions().get(0);
        assertEquals("v0002", model.version());
        assertEquals(2, model.firstTick());
        assertEquals(412, model.trainingExamples());
        assertEquals(
                List.of("model", "trainer.epochs"), new ArrayList<>(model.provenance().keySet()));
        assertEquals("0.612345", model.evaluation().get("click.auc"));
        Manifest.RankerResolution r = read.rankerResolution();
        assertEquals("wide-deep", r.model());
        assertEquals(List.of("user"), r.withheldFeatureGroups());
        assertEquals(
                Map.of("user", "$.ranker.policies[0] (telemetry-restriction)"), r.withheldFrom());
        // The scenario reads back through the scenario loader, with the run's seed.
        Scenario scenario = read.resolveScenario("manifest.json");
        assertEquals(ScenarioLoader.parse(SCENARIO, "tiny.yaml").withSeed(11), scenario);
    }

    @Test
    void fileHasSnakeCaseKeysInTheirOrderAndUnixLineEnds() throws Exception {
        String json = new String(manifest().toJson(), StandardCharsets.UTF_8);

        assertTrue(json.startsWith("{\n  \"feedlab_version\": \"0.1.0\",\n"), json);
        assertTrue(json.endsWith("\n}\n"), json);
        assertFalse(json.contains("\r"));
        JsonNode tree = new ObjectMapper().readTree(json);
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertEquals(
                List.of(
                        "feedlab_version",
                        "scenario_file",
                        "scenario",
                        "ranker_resolution",
                        "seed",
                        "engine",
                        "parallelism",
                        "partitions",
                        "model_versions",
                        "pipeline",
                        "metrics_csv",
                        "snapshot_ticks",
                        "snapshots"),
                keys);
        assertTrue(
                json.contains(
                        "  \"pipeline\": {\n"
                                + "    \"dead_lettered_records\": 1,\n"
                                + "    \"duplicate_feeds_dropped\": 2,\n"
                                + "    \"partitions\": 4,\n"
                                + "    \"audited_feeds\": 17\n"
                                + "  },\n"),
                json);
        assertTrue(json.contains("\"first_tick\": 2,\n"), json);
    }

    @Test
    void theDirectEngineHasNoPipelineFiguresAndNoAuditCountWithoutAudits() {
        Manifest.Pipeline direct = Manifest.Pipeline.NONE.withAuditedFeeds(0);
        assertEquals(Manifest.Pipeline.NONE, direct);
        assertEquals(
                new Manifest.Pipeline(null, null, null, 5, null, null, null, null, null),
                direct.withAuditedFeeds(5));
    }

    @Test
    void aManifestWrittenBeforeTheRecordReadsAndKeepsEveryKeyAndValue() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("old-run"));
        byte[] legacy;
        try (InputStream in = ManifestTest.class.getResourceAsStream(LEGACY)) {
            legacy = in.readAllBytes();
        }
        Files.write(dir.resolve(Manifest.FILE), legacy);

        Manifest read = Manifest.read(dir);

        assertEquals("audited.yaml", read.scenarioFile());
        assertEquals(9, read.seed());
        assertEquals("stream", read.engine());
        assertEquals(1, read.parallelism());
        assertEquals(2, read.partitions());
        assertEquals(
                new Manifest.Pipeline(0, 0, 2, 92, null, null, null, null, null), read.pipeline());
        assertEquals(List.of(2L), read.snapshotTicks());
        assertEquals(List.of("snapshots/users-tick-2.csv"), read.snapshots());
        assertEquals(3, read.modelVersions().size());
        Manifest.Model first = read.modelVersions().get(0);
        assertEquals("v0001", first.version());
        assertEquals(1, first.firstTick());
        assertEquals(335, first.trainingExamples());
        assertEquals(0, first.windowStartTick());
        assertEquals("[32, 16]", first.provenance().get("trainer.hiddenSizes"));
        assertEquals("0.652406", first.evaluation().get("click.auc"));
        assertEquals("$.ranker.hidden_sizes", read.rankerResolution().hiddenSizesFrom());
        // Its society section is society v1's: a renamed key refuses to run it again, by name.
        ScenarioException v1 =
                assertThrows(ScenarioException.class, () -> read.resolveScenario(LEGACY));
        assertTrue(v1.getMessage().contains("$.society.anger_per_outrage"), v1.getMessage());
        // Written again, it says the same: every key and value (provenance and evaluation keys
        // are now sorted, as the direct engine always wrote them).
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(legacy), json.readTree(read.toJson()));
    }

    @Test
    void aDirectoryWithoutAManifestOrWithoutItsSeedIsRefusedByName() throws IOException {
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> Manifest.read(temp));
        assertTrue(none.getMessage().contains("no manifest.json"), none.getMessage());
        Files.writeString(temp.resolve(Manifest.FILE), "{\"scenario\": {\"name\": \"x\"}}");
        IllegalArgumentException seed =
                assertThrows(IllegalArgumentException.class, () -> Manifest.read(temp));
        assertTrue(seed.getMessage().contains("$.seed: expected an integer"), seed.getMessage());
        Files.writeString(temp.resolve(Manifest.FILE), "{\"seed\": 3,");
        IllegalArgumentException broken =
                assertThrows(IllegalArgumentException.class, () -> Manifest.read(temp));
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
    }
}
