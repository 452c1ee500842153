package org.feedlab.lab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scenario JSON Schema (draft 2020-12) and the translation of its findings into {@link
 * Problem}s a researcher can read: path of the field, what was expected, what was there.
 */
final class ScenarioSchema {

    /** Classpath location of the schema shipped with the launcher. */
    static final String RESOURCE = "/org/feedlab/lab/scenario/scenario.schema.json";

    /** Bounds this large are technical limits (e.g. of a long), not advice worth printing. */
    private static final double UNINTERESTING_BOUND = 1e15;

    /** Problems are reported sorted by path, then by what was expected, so output is stable. */
    static final Comparator<Problem> ORDER =
            Comparator.comparing(Problem::path).thenComparing(Problem::expected);

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final ScenarioSchema INSTANCE = load();

    private final JsonNode schemaTree;
    private final JsonSchema schema;

    private ScenarioSchema(JsonNode schemaTree, JsonSchema schema) {
        this.schemaTree = schemaTree;
        this.schema = schema;
    }

    /** The shipped schema, read once. */
    static ScenarioSchema get() {
        return INSTANCE;
    }

    private static ScenarioSchema load() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "scenario schema missing from the classpath: " + RESOURCE);
            }
            JsonNode tree = new ObjectMapper().readTree(in);
            JsonSchema schema =
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree);
            return new ScenarioSchema(tree, schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario schema " + RESOURCE, e);
        }
    }

    /** The schema itself, as a tree. */
    JsonNode tree() {
        return schemaTree;
    }

    /** Validates {@code instance}; the problems come sorted by path so output is stable. */
    List<Problem> validate(JsonNode instance) {
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(instance)) {
            Problem problem = translate(message, instance);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        problems.sort(ORDER);
        return problems;
    }

    private Problem translate(ValidationMessage message, JsonNode instance) {
        List<String> location = names(message.getInstanceLocation());
        JsonNode value = find(instance, location);
        JsonNode fieldSchema = schemaAt(message, location);
        String path = path(location);
        Object[] arguments =
                message.getArguments() == null ? new Object[0] : message.getArguments();
        switch (message.getType()) {
            case "type":
                {
                    String got = render(value);
                    if (value.isBoolean() && "string".equals(fieldSchema.path("type").asText())) {
                        // The YAML 1.1 trap: unquoted yes/no/on/off read as booleans.
                        got +=
                                " (YAML reads unquoted yes, no, on, off, true, false as booleans:"
                                        + " quote it)";
                    }
                    return new Problem(path, describe(fieldSchema), got);
                }
            case "minimum":
                return new Problem(
                        path,
                        kind(fieldSchema) + " ≥ " + fieldSchema.path("minimum").asText(),
                        render(value));
            case "exclusiveMinimum":
                return new Problem(
                        path,
                        kind(fieldSchema) + " > " + fieldSchema.path("exclusiveMinimum").asText(),
                        render(value));
            case "maximum":
                return new Problem(
                        path,
                        kind(fieldSchema) + " ≤ " + fieldSchema.path("maximum").asText(),
                        render(value));
            case "exclusiveMaximum":
                return new Problem(
                        path,
                        kind(fieldSchema) + " < " + fieldSchema.path("exclusiveMaximum").asText(),
                        render(value));
            case "enum":
                return new Problem(path, oneOf(fieldSchema.path("enum")), render(value));
            case "minLength":
                return new Problem(path, describe(fieldSchema), render(value));
            case "maxLength":
                return new Problem(
                        path,
                        "string of at most "
                                + fieldSchema.path("maxLength").asText()
                                + " characters",
                        "a string of "
                                + value.asText().codePointCount(0, value.asText().length())
                                + " characters");
            case "pattern":
                return new Problem(
                        path,
                        "string matching "
                                + fieldSchema.path("pattern").asText()
                                + " (letters, digits, '.', '_' or '-')",
                        render(value));
            case "required":
                {
                    String key =
                            message.getProperty() != null
                                    ? message.getProperty()
                                    : String.valueOf(arguments[0]);
                    List<String> child = append(location, key);
                    return new Problem(
                            path(child),
                            describe(fieldSchema.path("properties").path(key)) + " (required)",
                            "nothing");
                }
            case "additionalProperties":
                {
                    String key =
                            message.getProperty() != null
                                    ? message.getProperty()
                                    : String.valueOf(arguments[0]);
                    List<String> known = new ArrayList<>();
                    fieldSchema.path("properties").fieldNames().forEachRemaining(known::add);
                    return new Problem(
                            path(append(location, key)),
                            "one of the keys " + String.join(", ", known),
                            "unknown key " + key + suggestion(key, known));
                }
            default:
                return new Problem(path, message.getMessage(), render(value));
        }
    }

    /** A field's expectation in words, e.g. {@code integer between 1 and 64}. */
    private static String describe(JsonNode fieldSchema) {
        if (fieldSchema.has("enum")) {
            return oneOf(fieldSchema.get("enum"));
        }
        String type = fieldSchema.path("type").asText("");
        switch (type) {
            case "integer":
            case "number":
                return type + range(fieldSchema);
            case "string":
                return fieldSchema.path("minLength").asInt(0) >= 1 ? "non-empty string" : "string";
            case "object":
                return "mapping (key: value lines)";
            case "array":
                return "list";
            case "":
                return "a value";
            default:
                return type;
        }
    }

    private static String kind(JsonNode fieldSchema) {
        String type = fieldSchema.path("type").asText("");
        return type.isEmpty() ? "value" : type;
    }

    private static String range(JsonNode fieldSchema) {
        String lower = null;
        String upper = null;
        if (interesting(fieldSchema.get("minimum"))) {
            lower = "≥ " + fieldSchema.get("minimum").asText();
        } else if (interesting(fieldSchema.get("exclusiveMinimum"))) {
            lower = "> " + fieldSchema.get("exclusiveMinimum").asText();
        }
        if (interesting(fieldSchema.get("maximum"))) {
            upper = "≤ " + fieldSchema.get("maximum").asText();
        } else if (interesting(fieldSchema.get("exclusiveMaximum"))) {
            upper = "< " + fieldSchema.get("exclusiveMaximum").asText();
        }
        if (lower != null && upper != null && lower.startsWith("≥") && upper.startsWith("≤")) {
            return " between "
                    + fieldSchema.get("minimum").asText()
                    + " and "
                    + fieldSchema.get("maximum").asText();
        }
        if (lower != null && upper != null) {
            return " " + lower + " and " + upper;
        }
        if (lower != null) {
            return " " + lower;
        }
        return upper == null ? "" : " " + upper;
    }

    private static boolean interesting(JsonNode bound) {
        return bound != null
                && bound.isNumber()
                && Math.abs(bound.asDouble()) < UNINTERESTING_BOUND;
    }

    private static String oneOf(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(v -> words.add(v.asText()));
        return "one of " + String.join(", ", words);
    }

    /** What the file holds, as a reader would recognise it in their YAML. */
    static String render(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null (an empty value)";
        }
        if (value.isTextual()) {
            return value.toString();
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.asText();
    }

    /** A "did you mean" for a near-miss key, by edit distance. */
    private static String suggestion(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(key.toLowerCase(Locale.ROOT), candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(1, key.length() / 3)
                ? " (did you mean " + best + "?)"
                : "";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The sub-schema holding the keyword that failed, found from the message's schema location so
     * fields inside lists and conditional branches (policies, objective mappings) are described by
     * their own schema; falls back to the field's schema by instance path.
     */
    private JsonNode schemaAt(ValidationMessage message, List<String> location) {
        if (message.getSchemaLocation() != null) {
            List<String> keywords = names(message.getSchemaLocation().getFragment());
            if (!keywords.isEmpty()) {
                JsonNode node = schemaTree;
                for (String name : keywords.subList(0, keywords.size() - 1)) {
                    node =
                            node.isArray() && name.chars().allMatch(Character::isDigit)
                                    ? node.path(Integer.parseInt(name))
                                    : node.path(name);
                }
                if (node.isObject()) {
                    return node;
                }
            }
        }
        return schemaFor(location);
    }

    /** The sub-schema that governs the field at {@code location} (missing if none). */
    private JsonNode schemaFor(List<String> location) {
        JsonNode node = schemaTree;
        for (String name : location) {
            node = node.path("properties").path(name);
        }
        return node;
    }

    private static JsonNode find(JsonNode root, List<String> location) {
        JsonNode node = root;
        for (String name : location) {
            node =
                    node.isArray() && name.chars().allMatch(Character::isDigit)
                            ? node.path(Integer.parseInt(name))
                            : node.path(name);
        }
        return node;
    }

    private static List<String> names(JsonNodePath path) {
        List<String> names = new ArrayList<>();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                names.add(String.valueOf(path.getElement(i)));
            }
        }
        return names;
    }

    private static List<String> append(List<String> location, String name) {
        List<String> child = new ArrayList<>(location);
        child.add(name);
        return child;
    }

    /** A JSON path such as {@code $.society.users}; odd keys are bracketed and quoted. */
    static String path(List<String> location) {
        StringBuilder path = new StringBuilder("$");
        for (String name : location) {
            if (PLAIN_KEY.matcher(name).matches()) {
                path.append('.').append(name);
            } else if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
                path.append('[').append(name).append(']');
            } else {
                path.append("['").append(name.replace("'", "\\'")).append("']");
            }
        }
        return path.toString();
    }
}
