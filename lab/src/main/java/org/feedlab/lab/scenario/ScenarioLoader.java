package org.feedlab.lab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.feedlab.ranker.ModelResolution;
import org.feedlab.ranker.RankerConfig;
import org.feedlab.ranker.objective.ObjectiveTerms;
import org.feedlab.ranker.policy.PolicyException;
import org.feedlab.ranker.policy.SessionNudge;
import org.feedlab.simulator.SocietyConfig;
import org.feedlab.simulator.User;

/**
 * Turns a scenario file into a {@link Scenario}: safe YAML parsing, JSON Schema validation, checks
 * that span fields, then defaults merged under what the file says.
 *
 * <p>Every failure is a {@link ScenarioException} listing each problem with the path of the bad
 * field, so the command line can print it and exit with status 2 before anything is written.
 */
public final class ScenarioLoader {

    /** Files larger than this are refused unread; real scenarios are a few hundred bytes. */
    static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * Maps between snake_case trees and the config records; the ranker section has its own flat
     * keys ({@link RankerSection}). Unknown properties fail, as a second guard behind the schema,
     * so a record field renamed without the schema is caught by tests.
     */
    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .addModule(RankerSection.module())
                    .build();

    private ScenarioLoader() {}

    /**
     * Reads, validates and resolves a scenario file; problems name the file as the user gave it.
     */
    public static Scenario load(Path file) throws ScenarioException {
        String source = file.toString();
        return parse(read(file, source), source);
    }

    /** Validates and resolves scenario YAML; {@code sourceName} prefixes every problem line. */
    public static Scenario parse(String yaml, String sourceName) throws ScenarioException {
        JsonNode tree = SafeYaml.read(yaml, sourceName);
        if (tree == null) {
            throw new ScenarioException(
                    sourceName,
                    List.of(
                            new Problem(
                                    "$",
                                    "mapping with at least name, seed and ticks",
                                    "an empty file")));
        }
        return resolve(tree, sourceName);
    }

    /**
     * Validates a scenario tree against the schema, checks what the schema cannot express, and maps
     * it over the defaults.
     */
    public static Scenario resolve(JsonNode tree, String sourceName) throws ScenarioException {
        List<Problem> problems = new ArrayList<>(SocietyKeys.renamedKeys(tree));
        problems.addAll(ScenarioSchema.get().validate(SocietyKeys.withoutRenamedKeys(tree)));
        if (!problems.isEmpty()) {
            problems.sort(ScenarioSchema.ORDER);
            throw new ScenarioException(sourceName, problems);
        }
        tree = resolveObjective(tree, sourceName);
        Scenario scenario;
        try {
            scenario =
                    new Scenario(
                            tree.get("name").asText(),
                            tree.path("description").asText("").strip(),
                            tree.get("seed").longValue(),
                            tree.get("ticks").intValue(),
                            society(tree.get("society")),
                            merge(tree, "ranker", RankerConfig.DEFAULTS, RankerConfig.class),
                            merge(tree, "stream", StreamConfig.defaults(), StreamConfig.class));
        } catch (JsonProcessingException e) {
            // The schema admits only values the records can hold, so this means the two drifted.
            throw new ScenarioException(sourceName, List.of(mappingProblem(e)));
        }
        problems = crossFieldProblems(scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(sourceName, problems);
        }
        return scenario;
    }

    /**
     * Checks an already built scenario (for example after command-line overrides) with the same
     * rules and error form as a file.
     */
    public static void check(Scenario scenario, String sourceName) throws ScenarioException {
        List<Problem> problems = ScenarioSchema.get().validate(toJson(scenario));
        if (problems.isEmpty()) {
            problems = crossFieldProblems(scenario);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(sourceName, problems);
        }
    }

    /**
     * The resolved scenario as a tree: snake_case keys in record order (name, description, seed,
     * ticks, society, ranker, stream), every default filled in.
     */
    public static ObjectNode toJson(Scenario scenario) {
        ObjectNode tree = JSON.valueToTree(scenario);
        // Replacing a key keeps its position, so the record order stays.
        tree.set("society", SocietyKeys.flatten(tree.get("society")));
        return tree;
    }

    /** Rules that relate two fields, which JSON Schema cannot state readably. */
    static List<Problem> crossFieldProblems(Scenario scenario) {
        List<Problem> problems = new ArrayList<>();
        SocietyConfig society = scenario.society();
        int creators = society.population().creators();
        int creatorFollows = society.follows().creatorFollowsPerUser();
        if (creatorFollows > creators) {
            problems.add(
                    new Problem(
                            "$.society.creator_follows_per_user",
                            "integer ≤ society.creators (" + creators + ")",
                            Integer.toString(creatorFollows)));
        }
        RankerConfig ranker = scenario.ranker();
        if (ranker.retrieval().inNetworkCandidates() + ranker.retrieval().popularCandidates() < 1) {
            problems.add(
                    new Problem(
                            "$.ranker",
                            "in_network_candidates + popular_candidates ≥ 1",
                            "0 candidates per request"));
        }
        // A policy aimed at a declared segment must name one the society declares, or it would
        // silently apply to nobody.
        List<String> segments = List.of(User.ADULT, User.YOUNG);
        for (int i = 0; i < ranker.policies().size(); i++) {
            if (ranker.policies().get(i) instanceof SessionNudge nudge
                    && !segments.contains(nudge.segment())) {
                problems.add(
                        new Problem(
                                "$.ranker.policies[" + i + "].segment",
                                "a declared segment: one of " + segments,
                                nudge.segment()));
            }
        }
        // The model must be one the policies can shape (e.g. a latency budget some model fits).
        try {
            ModelResolution.of(ranker);
        } catch (PolicyException e) {
            problems.add(new Problem(e.path(), e.expected(), e.got()));
        }
        return problems;
    }

    /**
     * Resolves {@code ranker.objective} written as a mapping into its preset name ({@code preset},
     * or {@code custom}) and {@code ranker.objective_terms}, with every term left out at its
     * default; the resolved form reads back to the same scenario.
     */
    private static JsonNode resolveObjective(JsonNode tree, String sourceName)
            throws ScenarioException {
        if (!(tree.get("ranker") instanceof ObjectNode ranker)) {
            return tree;
        }
        JsonNode objective = ranker.get("objective");
        JsonNode given = ranker.get("objective_terms");
        if (!(objective instanceof ObjectNode) && !(given instanceof ObjectNode)) {
            return tree;
        }
        if (objective instanceof ObjectNode && given != null) {
            throw new ScenarioException(
                    sourceName,
                    List.of(
                            new Problem(
                                    "$.ranker.objective_terms",
                                    "nothing when ranker.objective is a mapping (put the terms"
                                            + " there)",
                                    "a mapping")));
        }
        ObjectNode copy = tree.deepCopy();
        ObjectNode r = (ObjectNode) copy.get("ranker");
        ObjectNode terms = JSON.valueToTree(ObjectiveTerms.none());
        if (objective instanceof ObjectNode mapping) {
            ObjectNode declared = mapping.deepCopy();
            JsonNode preset = declared.remove("preset");
            terms.setAll(declared);
            r.put("objective", preset == null ? "custom" : preset.asText());
        } else {
            terms.setAll((ObjectNode) given);
        }
        r.set("objective_terms", terms);
        return copy;
    }

    /**
     * The society of a scenario: its flat keys over the flat defaults, nested into the groups of
     * {@link SocietyConfig} by {@link SocietyKeys}.
     */
    private static SocietyConfig society(JsonNode given) throws JsonProcessingException {
        ObjectNode flat = SocietyKeys.flatten(JSON.valueToTree(SocietyConfig.DEFAULTS));
        if (given instanceof ObjectNode object) {
            flat.setAll(object);
        }
        return JSON.treeToValue(SocietyKeys.nest(flat), SocietyConfig.class);
    }

    private static <T> T merge(JsonNode tree, String section, T defaults, Class<T> type)
            throws JsonProcessingException {
        ObjectNode merged = JSON.valueToTree(defaults);
        JsonNode given = tree.get(section);
        if (given instanceof ObjectNode object) {
            merged.setAll(object);
        }
        return JSON.treeToValue(merged, type);
    }

    private static Problem mappingProblem(JsonProcessingException e) {
        // A policy the ranker cannot honour (e.g. a latency budget no model fits) names its field.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof PolicyException p) {
                return new Problem(p.path(), p.expected(), p.got());
            }
        }
        StringBuilder path = new StringBuilder("$");
        List<JsonMappingException.Reference> references =
                e instanceof JsonMappingException mapping ? mapping.getPath() : List.of();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return new Problem(path.toString(), "a value of the declared type", e.getOriginalMessage());
    }

    private static String read(Path file, String source) throws ScenarioException {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ScenarioException(
                        source,
                        List.of(
                                new Problem(
                                        "file",
                                        "at most " + MAX_FILE_BYTES + " bytes",
                                        Files.size(file) + " bytes")));
            }
            byte[] bytes = Files.readAllBytes(file);
            // Strict decoding: a file in another encoding is reported, not read as mojibake.
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new ScenarioException(
                    source,
                    List.of(new Problem("file", "an existing scenario file", "no such file")));
        } catch (CharacterCodingException e) {
            throw new ScenarioException(
                    source, List.of(new Problem("file", "UTF-8 text", "bytes that are not UTF-8")));
        } catch (IOException e) {
            throw new ScenarioException(
                    source,
                    List.of(
                            new Problem(
                                    "file",
                                    "a readable scenario file",
                                    e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
    }
}
