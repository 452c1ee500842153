package org.feedlab.lab.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.feedlab.events.ModelVersion;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;
import org.feedlab.ranker.ModelResolution;

/**
 * A run's {@code manifest.json}: what was run (the resolved scenario, seed, engine), the model the
 * policies shaped, every model version the platform trained, pipeline facts and the files written.
 * This record is the only code that writes or reads the file (snake_case keys in component order,
 * pretty-printed with {@code \n} line ends); {@code feedlab explain} and {@code feedlab report}
 * read runs through it. Keys unknown to it are ignored, so older run directories still read.
 *
 * @param feedlabVersion version of FeedLab that wrote the run
 * @param scenarioFile the scenario file as the user named it
 * @param scenario the scenario as resolved, in the scenario file's own format ({@link
 *     Scenario#resolvedTree}); {@link #resolveScenario} reads it back
 * @param rankerResolution the model the trainer built and what decided its shape
 * @param seed run seed
 * @param engine {@code direct} or {@code stream}
 * @param parallelism Flink parallelism (1 for the direct engine)
 * @param partitions partitions per topic (0 for the direct engine)
 * @param modelVersions every model version the platform announced, in order
 * @param pipeline pipeline figures (records dead-lettered, feeds audited, ...)
 * @param metricsCsv name of the metrics file
 * @param snapshotTicks the ticks snapshots were asked for
 * @param snapshots the snapshot files written, in tick order
 */
public record Manifest(
        String feedlabVersion,
        String scenarioFile,
        JsonNode scenario,
        RankerResolution rankerResolution,
        long seed,
        String engine,
        int parallelism,
        int partitions,
        List<Model> modelVersions,
        Pipeline pipeline,
        String metricsCsv,
        List<Long> snapshotTicks,
        List<String> snapshots) {

    /** The file name in a run directory. */
    public static final String FILE = "manifest.json";

    /** The version a manifest records as {@code feedlab_version}. */
    public static final String FEEDLAB_VERSION = "0.1.0";

    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private static final ObjectWriter PRETTY = JSON.writer(prettyPrinter());

    /** Absent lists (in a manifest written by an older FeedLab) read as empty ones. */
    public Manifest {
        modelVersions = modelVersions == null ? List.of() : List.copyOf(modelVersions);
        snapshotTicks = snapshotTicks == null ? List.of() : List.copyOf(snapshotTicks);
        snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
    }

    /**
     * The manifest of a finished run.
     *
     * @param request what the run was asked to do
     * @param engine the engine's short name
     * @param versions the model versions the platform announced
     * @param pipeline the platform's pipeline figures, with the audited feeds counted
     * @param snapshots the snapshot files written
     */
    public static Manifest of(
            RunRequest request,
            String engine,
            List<ModelVersion> versions,
            Pipeline pipeline,
            List<String> snapshots) {
        Scenario s = request.scenario();
        return new Manifest(
                FEEDLAB_VERSION,
                request.scenarioFile(),
                asRead(s.resolvedTree()),
                RankerResolution.of(ModelResolution.of(s.ranker())),
                s.seed(),
                engine,
                request.direct() ? 1 : s.stream().parallelism(),
                request.direct() ? 0 : s.stream().partitions(),
                versions.stream().map(Model::of).toList(),
                pipeline,
                RunDirectory.METRICS,
                request.snapshotTicks(),
                snapshots);
    }

    /**
     * The model the trainer built and what decided its shape (policies or the scenario), from
     * {@link ModelResolution}.
     *
     * @param model the model kind's scenario key
     * @param hiddenSizes the hidden layer sizes the trainer used
     * @param hiddenSizesFrom what decided them
     * @param withheldFeatureGroups the feature groups withheld from the model
     * @param withheldFrom per withheld group, what withheld it
     */
    public record RankerResolution(
            String model,
            List<Integer> hiddenSizes,
            String hiddenSizesFrom,
            List<String> withheldFeatureGroups,
            Map<String, String> withheldFrom) {

        /** Keeps the order of first mention of the withheld groups. */
        public RankerResolution {
            hiddenSizes = hiddenSizes == null ? List.of() : List.copyOf(hiddenSizes);
            withheldFeatureGroups =
                    withheldFeatureGroups == null ? List.of() : List.copyOf(withheldFeatureGroups);
            withheldFrom =
                    Collections.unmodifiableMap(
                            withheldFrom == null ? Map.of() : new LinkedHashMap<>(withheldFrom));
        }

        static RankerResolution of(ModelResolution r) {
            return new RankerResolution(
                    r.model().kind().key(),
                    r.model().hiddenSizes(),
                    r.hiddenSizesFrom(),
                    r.model().withheldFeatureGroups(),
                    r.withheldFrom());
        }
    }

    /**
     * One model version the platform trained.
     *
     * @param version its label ({@link ModelVersion#label}, e.g. {@code v0004})
     * @param firstTick the first tick it ranked
     * @param trainingExamples logged impressions it was trained on
     * @param windowStartTick first tick of its training window
     * @param provenance flattened Tribuo provenance, keys sorted
     * @param evaluation held-out evaluation per head, keys sorted
     */
    public record Model(
            String version,
            long firstTick,
            int trainingExamples,
            long windowStartTick,
            Map<String, String> provenance,
            Map<String, String> evaluation) {

        /** Sorted keys, whatever map the platform handed over. */
        public Model {
            provenance = sorted(provenance);
            evaluation = sorted(evaluation);
        }

        private static Map<String, String> sorted(Map<String, String> map) {
            return Collections.unmodifiableSortedMap(
                    map == null ? new TreeMap<>() : new TreeMap<>(map));
        }

        static Model of(ModelVersion v) {
            return new Model(
                    ModelVersion.label(v.version()),
                    v.tick(),
                    v.trainingExamples(),
                    v.windowStartTick(),
                    v.provenance(),
                    v.evaluation());
        }
    }

    /**
     * Pipeline figures; a figure that does not apply to the engine is absent (null).
     *
     * @param deadLetteredRecords records on the dead-letter topic (stream engine)
     * @param duplicateFeedsDropped duplicate feeds dropped by request id (stream engine)
     * @param partitions partitions per topic (stream engine)
     * @param auditedFeeds lines of {@code feed-audit.jsonl} (when feeds were audited)
     * @param jobRestarts times the ranking job restarted from a checkpoint (stream engine)
     * @param checkpointsCompleted checkpoints the job completed (stream engine)
     * @param checkpointsRestored times the job restored a checkpoint (stream engine)
     * @param lastCheckpointStateBytes size of the job's state in the last checkpoint, in bytes
     * @param lastCheckpointDurationMs end-to-end duration of the last checkpoint
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pipeline(
            Integer deadLetteredRecords,
            Integer duplicateFeedsDropped,
            Integer partitions,
            Integer auditedFeeds,
            Long jobRestarts,
            Long checkpointsCompleted,
            Long checkpointsRestored,
            Long lastCheckpointStateBytes,
            Long lastCheckpointDurationMs) {

        /** The direct engine: no pipeline. */
        public static final Pipeline NONE =
                new Pipeline(null, null, null, null, null, null, null, null, null);

        /** The stream engine's figures. */
        public static Pipeline stream(int deadLettered, int duplicatesDropped, int partitions) {
            return new Pipeline(
                    deadLettered,
                    duplicatesDropped,
                    partitions,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /** These figures and the number of audited feeds, recorded when there were any. */
        public Pipeline withAuditedFeeds(int audited) {
            return new Pipeline(
                    deadLetteredRecords,
                    duplicateFeedsDropped,
                    partitions,
                    audited > 0 ? audited : null,
                    jobRestarts,
                    checkpointsCompleted,
                    checkpointsRestored,
                    lastCheckpointStateBytes,
                    lastCheckpointDurationMs);
        }

        /** These figures and the ranking job's restarts and checkpoint statistics. */
        public Pipeline withJob(
                long restarts,
                long checkpoints,
                long restored,
                long lastCheckpointBytes,
                long lastCheckpointMillis) {
            return new Pipeline(
                    deadLetteredRecords,
                    duplicateFeedsDropped,
                    partitions,
                    auditedFeeds,
                    restarts,
                    checkpoints,
                    restored,
                    lastCheckpointBytes,
                    lastCheckpointMillis);
        }
    }

    /** The file's bytes: pretty-printed JSON, keys in component order, a final line break. */
    public byte[] toJson() {
        try {
            return (PRETTY.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the manifest of a run directory.
     *
     * @throws IllegalArgumentException naming the file and the problem when {@code dir} is not a
     *     run directory, the file is not JSON, or it lacks the scenario or the seed
     */
    public static Manifest read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a run directory (no such directory)");
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": not a run directory (no " + FILE + ")");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage());
        }
        JsonNode scenario = tree.get("scenario");
        JsonNode seed = tree.get("seed");
        if (scenario == null || !scenario.isObject()) {
            throw new IllegalArgumentException(
                    file + ": $.scenario: expected an object, got " + scenario);
        }
        if (seed == null || !seed.isIntegralNumber()) {
            throw new IllegalArgumentException(file + ": $.seed: expected an integer, got " + seed);
        }
        try {
            return JSON.treeToValue(tree, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The scenario the run resolved, with the run's seed, read back through the scenario loader.
     *
     * @param source the name problems are reported under
     */
    public Scenario resolveScenario(String source) throws ScenarioException {
        return ScenarioLoader.resolve(scenario, source).withSeed(seed);
    }

    /** A tree as it reads back from the file, so a manifest equals its own reading. */
    private static JsonNode asRead(JsonNode tree) {
        try {
            return JSON.readTree(JSON.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        // Explicit "\n" and two-space indents: the default uses the platform line separator.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(
                        Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
