package org.feedlab.lab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.SafeYaml;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.ranker.policy.Policies;

/**
 * Reads an experiment file (safely, as plain data) and checks it, reporting every problem with the
 * field's path, what was expected and what was there, like a scenario file.
 *
 * <pre>
 * name: outrage-arms
 * description: Engagement vs chronological ranking on the classroom population.
 * scenario: ../scenarios/classroom.yaml     # relative to this file
 * seeds: [1, 2, 3]
 * baseline: chronological
 * arms:
 *   - name: engagement
 *     ranker: {objective: engagement}
 *   - name: chronological
 *     ranker: {objective: chronological}
 * summary: {metrics: [outrage_exposure_share, items_read], last_ticks: 5}
 * </pre>
 *
 * Instead of {@code arms}, a {@code dose_response} block lays the arms out as curves over the
 * levels of one scenario key ({@link DoseResponse}); each curve's overrides are an arm's:
 *
 * <pre>
 * dose_response:
 *   dose: society.anger_threshold
 *   levels: [1.5, 3, 6]
 *   curves:
 *     - name: engagement
 *       ranker: {objective: engagement}
 * </pre>
 *
 * <p>The dose may also be one parameter of a policy, {@code
 * ranker.policies.model-capacity.flops_per_second}: the arm's policy list (the curve's, else the
 * base scenario's) must hold exactly one policy of that type, and the parameter is set on it.
 */
public final class ExperimentLoader {
    private static final Set<String> TOP =
            Set.of(
                    "name",
                    "description",
                    "scenario",
                    "seeds",
                    "ticks",
                    "baseline",
                    "arms",
                    "dose_response",
                    "loss_recovery",
                    "summary");
    private static final Set<String> ARM_KEYS =
            Set.of("name", "ticks", "society", "ranker", "stream");
    private static final Set<String> SUMMARY_KEYS = Set.of("metrics", "last_ticks");
    private static final Set<String> DOSE_KEYS = Set.of("dose", "levels", "curves");
    private static final Set<String> RECOVERY_KEYS =
            Set.of("tick", "end_ticks", "metrics", "pairs");
    private static final Set<String> PAIR_KEYS = Set.of("treated", "control");
    private static final Pattern DOSE = Pattern.compile("^(society|ranker)\\.[a-z][a-z0-9_]*$");

    /** A policy's parameter as a dose: {@code ranker.policies.<type>.<parameter>}. */
    private static final Pattern POLICY_DOSE =
            Pattern.compile("^ranker\\.policies\\.[a-z][a-z-]*\\.[a-z][a-z0-9_]*$");

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$");
    private static final List<String> DEFAULT_METRICS =
            List.of(
                    "outrage_exposure_share",
                    "thermometer_outgroup_mean",
                    "items_read",
                    "opinion_variance",
                    "anger_exits");

    private ExperimentLoader() {}

    public static ExperimentSpec load(Path file) throws ScenarioException {
        String source = file.toString();
        return parse(SafeYaml.read(readText(file, source), source), file);
    }

    /**
     * Checks an experiment already read as plain data; {@code file} locates the base scenario,
     * which is named relative to it. The validation suite reads its findings' designs through here.
     */
    public static ExperimentSpec parse(JsonNode root, Path file) throws ScenarioException {
        String source = file.toString();
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ScenarioException(
                    source, List.of(new Problem("$", "a mapping", "something else")));
        }
        unknownKeys(root, TOP, "$", problems);
        String name = text(root, "name", "$.name", true, problems);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(
                    new Problem("$.name", "letters, digits, '.', '_' or '-' (at most 30)", name));
        }
        String scenarioFile = text(root, "scenario", "$.scenario", true, problems);
        List<Long> seeds = new ArrayList<>();
        JsonNode seedsNode = root.path("seeds");
        if (!seedsNode.isArray() || seedsNode.isEmpty()) {
            problems.add(
                    new Problem(
                            "$.seeds", "a non-empty list of integers ≥ 0", describe(seedsNode)));
        } else {
            for (int i = 0; i < seedsNode.size(); i++) {
                JsonNode s = seedsNode.get(i);
                if (!s.canConvertToLong() || !s.isIntegralNumber() || s.longValue() < 0) {
                    problems.add(new Problem("$.seeds[" + i + "]", "integer ≥ 0", describe(s)));
                } else if (seeds.contains(s.longValue())) {
                    problems.add(
                            new Problem(
                                    "$.seeds[" + i + "]", "distinct seeds", "a repeat of " + s));
                } else {
                    seeds.add(s.longValue());
                }
            }
        }
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        if (scenarioFile != null) {
            Path basePath = file.toAbsolutePath().getParent().resolve(scenarioFile).normalize();
            if (!Files.isRegularFile(basePath)) {
                problems.add(new Problem("$.scenario", "an existing scenario file", scenarioFile));
            } else {
                JsonNode tree = SafeYaml.read(readText(basePath, scenarioFile), scenarioFile);
                if (tree instanceof ObjectNode obj) {
                    base = obj;
                } else {
                    problems.add(new Problem("$.scenario", "a scenario mapping", scenarioFile));
                }
            }
        }
        List<Arm> arms = new ArrayList<>();
        Set<String> armNames = new HashSet<>();
        DoseResponse doseResponse = null;
        JsonNode armsNode = root.path("arms");
        if (root.has("dose_response")) {
            if (root.has("arms")) {
                problems.add(
                        new Problem(
                                "$.arms",
                                "nothing when dose_response lays out the arms",
                                describe(armsNode)));
            }
            doseResponse = doseResponse(root, base, arms, armNames, problems);
        } else if (!armsNode.isArray() || armsNode.isEmpty()) {
            problems.add(new Problem("$.arms", "a non-empty list of arms", describe(armsNode)));
        } else {
            for (int i = 0; i < armsNode.size(); i++) {
                String path = "$.arms[" + i + "]";
                JsonNode a = armsNode.get(i);
                if (!a.isObject()) {
                    problems.add(new Problem(path, "a mapping with a name", describe(a)));
                    continue;
                }
                unknownKeys(a, ARM_KEYS, path, problems);
                String armName = text(a, "name", path + ".name", true, problems);
                if (armName != null && !NAME.matcher(armName).matches()) {
                    problems.add(
                            new Problem(
                                    path + ".name",
                                    "letters, digits, '.', '_' or '-' (at most 30)",
                                    armName));
                } else if (armName != null && !armNames.add(armName)) {
                    problems.add(
                            new Problem(
                                    path + ".name", "a unique arm name", "a repeat of " + armName));
                }
                ObjectNode overrides = ((ObjectNode) a).deepCopy();
                overrides.remove("name");
                if (root.has("ticks") && !overrides.has("ticks")) {
                    overrides.set("ticks", root.get("ticks"));
                }
                arms.add(new Arm(armName, overrides));
            }
        }
        String baseline = text(root, "baseline", "$.baseline", false, problems);
        if (baseline == null && !arms.isEmpty()) {
            baseline = arms.get(0).name();
        } else if (baseline != null && !armNames.contains(baseline)) {
            problems.add(new Problem("$.baseline", "one of the arm names " + armNames, baseline));
        }
        List<String> metrics = new ArrayList<>(DEFAULT_METRICS);
        int lastTicks = 5;
        JsonNode summary = root.path("summary");
        if (!summary.isMissingNode()) {
            if (!summary.isObject()) {
                problems.add(new Problem("$.summary", "a mapping", describe(summary)));
            } else {
                unknownKeys(summary, SUMMARY_KEYS, "$.summary", problems);
                JsonNode m = summary.path("metrics");
                if (!m.isMissingNode()) {
                    metrics.clear();
                    if (!m.isArray() || m.isEmpty()) {
                        problems.add(
                                new Problem(
                                        "$.summary.metrics",
                                        "a non-empty list of metric names",
                                        describe(m)));
                    } else {
                        for (int i = 0; i < m.size(); i++) {
                            if (!m.get(i).isTextual()) {
                                problems.add(
                                        new Problem(
                                                "$.summary.metrics[" + i + "]",
                                                "a metric name",
                                                describe(m.get(i))));
                            } else {
                                metrics.add(m.get(i).asText());
                            }
                        }
                    }
                }
                JsonNode k = summary.path("last_ticks");
                if (!k.isMissingNode()) {
                    if (!k.isIntegralNumber() || k.intValue() < 1) {
                        problems.add(
                                new Problem("$.summary.last_ticks", "integer ≥ 1", describe(k)));
                    } else {
                        lastTicks = k.intValue();
                    }
                }
            }
        }
        LossRecovery lossRecovery =
                root.has("loss_recovery") ? lossRecovery(root, armNames, problems) : null;
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return new ExperimentSpec(
                name,
                root.path("description").asText("").strip(),
                base,
                scenarioFile,
                List.copyOf(seeds),
                baseline,
                List.copyOf(arms),
                List.copyOf(metrics),
                lastTicks,
                doseResponse,
                lossRecovery);
    }

    /**
     * Reads {@code dose_response} and adds its arms, curve by curve and level by level: each a
     * curve's overrides with the dose key set to the level.
     */
    private static DoseResponse doseResponse(
            JsonNode root,
            ObjectNode base,
            List<Arm> arms,
            Set<String> armNames,
            List<Problem> problems) {
        JsonNode d = root.get("dose_response");
        if (!d.isObject()) {
            problems.add(new Problem("$.dose_response", "a mapping", describe(d)));
            return null;
        }
        unknownKeys(d, DOSE_KEYS, "$.dose_response", problems);
        String key = text(d, "dose", "$.dose_response.dose", true, problems);
        if (key != null && !DOSE.matcher(key).matches() && !POLICY_DOSE.matcher(key).matches()) {
            problems.add(
                    new Problem(
                            "$.dose_response.dose",
                            "a scenario key as society.<key>, ranker.<key> or"
                                    + " ranker.policies.<policy type>.<parameter>",
                            key));
            key = null;
        } else if (key != null
                && POLICY_DOSE.matcher(key).matches()
                && !Policies.TYPES.contains(key.split("\\.")[2])) {
            problems.add(
                    new Problem(
                            "$.dose_response.dose",
                            "ranker.policies.<policy type>.<parameter> with a type among "
                                    + Policies.TYPES,
                            key));
            key = null;
        }
        List<Double> levels = new ArrayList<>();
        JsonNode l = d.path("levels");
        if (!l.isArray() || l.isEmpty()) {
            problems.add(
                    new Problem(
                            "$.dose_response.levels",
                            "a non-empty list of ascending numbers",
                            describe(l)));
        } else {
            for (int i = 0; i < l.size(); i++) {
                JsonNode v = l.get(i);
                if (!v.isNumber()
                        || (!levels.isEmpty()
                                && v.doubleValue() <= levels.get(levels.size() - 1))) {
                    problems.add(
                            new Problem(
                                    "$.dose_response.levels[" + i + "]",
                                    "a number above the level before it",
                                    describe(v)));
                } else {
                    levels.add(v.doubleValue());
                }
            }
        }
        List<String> curves = new ArrayList<>();
        JsonNode c = d.path("curves");
        if (!c.isArray() || c.isEmpty()) {
            problems.add(
                    new Problem(
                            "$.dose_response.curves",
                            "a non-empty list of curves, each a name and overrides",
                            describe(c)));
            return null;
        }
        for (int i = 0; i < c.size(); i++) {
            String path = "$.dose_response.curves[" + i + "]";
            JsonNode curve = c.get(i);
            if (!curve.isObject()) {
                problems.add(new Problem(path, "a mapping with a name", describe(curve)));
                continue;
            }
            unknownKeys(curve, ARM_KEYS, path, problems);
            String name = text(curve, "name", path + ".name", true, problems);
            if (name == null || key == null) {
                continue;
            }
            curves.add(name);
            for (double level : levels) {
                String arm = DoseResponse.arm(name, level);
                if (!NAME.matcher(arm).matches()) {
                    problems.add(
                            new Problem(
                                    path + ".name",
                                    "letters, digits, '.', '_' or '-' (at most 30 with the level)",
                                    arm));
                    break;
                }
                if (!armNames.add(arm)) {
                    problems.add(new Problem(path + ".name", "a unique curve name", name));
                    break;
                }
                ObjectNode overrides = ((ObjectNode) curve).deepCopy();
                overrides.remove("name");
                if (root.has("ticks") && !overrides.has("ticks")) {
                    overrides.set("ticks", root.get("ticks"));
                }
                if (!setDose(key, level, base, overrides, path, problems)) {
                    break;
                }
                arms.add(new Arm(arm, overrides));
            }
        }
        return key == null ? null : new DoseResponse(key, levels, curves);
    }

    /**
     * Reads {@code loss_recovery}: the treatment's first tick, how many last ticks the end loss
     * averages, the metrics and the pairs of arms (each a treated arm and its control, both arms of
     * this experiment).
     */
    private static LossRecovery lossRecovery(
            JsonNode root, Set<String> armNames, List<Problem> problems) {
        String at = "$.loss_recovery";
        JsonNode r = root.get("loss_recovery");
        if (!r.isObject()) {
            problems.add(new Problem(at, "a mapping", describe(r)));
            return null;
        }
        unknownKeys(r, RECOVERY_KEYS, at, problems);
        int tick = positiveInt(r, "tick", at, true, 0, problems);
        int endTicks = positiveInt(r, "end_ticks", at, false, 5, problems);
        List<String> metrics = new ArrayList<>();
        JsonNode m = r.path("metrics");
        if (!m.isArray() || m.isEmpty()) {
            problems.add(
                    new Problem(at + ".metrics", "a non-empty list of metric names", describe(m)));
        } else {
            for (int i = 0; i < m.size(); i++) {
                if (!m.get(i).isTextual() || m.get(i).asText().isBlank()) {
                    problems.add(
                            new Problem(
                                    at + ".metrics[" + i + "]",
                                    "a metric name",
                                    describe(m.get(i))));
                } else {
                    metrics.add(m.get(i).asText());
                }
            }
        }
        List<LossRecovery.Pair> pairs = new ArrayList<>();
        JsonNode ps = r.path("pairs");
        if (!ps.isArray() || ps.isEmpty()) {
            problems.add(
                    new Problem(
                            at + ".pairs",
                            "a non-empty list of {treated: <arm>, control: <arm>}",
                            describe(ps)));
        } else {
            for (int i = 0; i < ps.size(); i++) {
                String path = at + ".pairs[" + i + "]";
                JsonNode p = ps.get(i);
                if (!p.isObject()) {
                    problems.add(
                            new Problem(path, "a mapping of treated and control", describe(p)));
                    continue;
                }
                unknownKeys(p, PAIR_KEYS, path, problems);
                String treated = arm(p, "treated", path, armNames, problems);
                String control = arm(p, "control", path, armNames, problems);
                if (treated != null && treated.equals(control)) {
                    problems.add(
                            new Problem(
                                    path + ".control",
                                    "an arm other than the treated one",
                                    control));
                } else if (treated != null && control != null) {
                    pairs.add(new LossRecovery.Pair(treated, control));
                }
            }
        }
        return new LossRecovery(tick, endTicks, metrics, pairs);
    }

    private static String arm(
            JsonNode pair, String key, String path, Set<String> armNames, List<Problem> problems) {
        String name = text(pair, key, path + "." + key, true, problems);
        if (name != null && !armNames.contains(name)) {
            problems.add(
                    new Problem(
                            path + "." + key,
                            "one of the arm names " + new TreeSet<>(armNames),
                            name));
            return null;
        }
        return name;
    }

    private static int positiveInt(
            JsonNode node,
            String key,
            String at,
            boolean required,
            int fallback,
            List<Problem> problems) {
        JsonNode v = node.get(key);
        if (v == null) {
            if (required) {
                problems.add(new Problem(at + "." + key, "integer ≥ 1 (required)", "nothing"));
            }
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            problems.add(new Problem(at + "." + key, "integer ≥ 1", describe(v)));
            return fallback;
        }
        return v.intValue();
    }

    /**
     * Sets the dose key to a level in an arm's overrides: {@code section.key} directly; a policy's
     * parameter ({@code ranker.policies.<type>.<parameter>}) in a copy of the policy list the arm
     * runs with (the curve's own {@code ranker.policies}, else the base scenario's), which must
     * hold exactly one policy of that type. The parameter itself is checked with the rest of each
     * arm's scenario ({@link Grid#expand}).
     *
     * @return false, with a problem naming the curve, when there is no single policy to set
     */
    private static boolean setDose(
            String key,
            double level,
            ObjectNode base,
            ObjectNode overrides,
            String curvePath,
            List<Problem> problems) {
        String[] parts = key.split("\\.");
        JsonNode section = overrides.get(parts[0]);
        ObjectNode target = section instanceof ObjectNode o ? o : overrides.putObject(parts[0]);
        if (parts.length == 2) {
            target.put(parts[1], level);
            return true;
        }
        JsonNode declared = target.get("policies");
        String where = curvePath + ".ranker.policies";
        if (declared == null) {
            declared = base.path("ranker").path("policies");
            where = "$.scenario ranker.policies";
        }
        ArrayNode policies =
                declared.isArray() ? (ArrayNode) declared.deepCopy() : target.arrayNode();
        ObjectNode policy = null;
        int count = 0;
        for (JsonNode p : policies) {
            if (p.isObject() && parts[2].equals(p.path("type").asText())) {
                policy = (ObjectNode) p;
                count++;
            }
        }
        if (count != 1) {
            problems.add(
                    new Problem(
                            where,
                            "exactly one " + parts[2] + " policy for the dose " + key,
                            count + " of them"));
            return false;
        }
        policy.put(parts[3], level);
        target.set("policies", policies);
        return true;
    }

    private static void unknownKeys(
            JsonNode node, Set<String> allowed, String path, List<Problem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!allowed.contains(key)) {
                problems.add(
                        new Problem(
                                path + "." + key,
                                "one of the keys " + new TreeSet<>(allowed),
                                "unknown key " + key));
            }
        }
    }

    private static String text(
            JsonNode node, String key, String path, boolean required, List<Problem> problems) {
        JsonNode v = node.get(key);
        if (v == null) {
            if (required) {
                problems.add(new Problem(path, "a string (required)", "nothing"));
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(path, "a non-empty string", describe(v)));
            return null;
        }
        return v.asText();
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v;
    }

    /** A file's text, refused above 1 MiB, with a problem naming the file when unreadable. */
    public static String readText(Path file, String source) throws ScenarioException {
        try {
            if (Files.size(file) > 1 << 20) {
                throw new ScenarioException(
                        source,
                        List.of(new Problem("file", "at most 1 MiB", Files.size(file) + " bytes")));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(
                    source, List.of(new Problem("file", "a readable UTF-8 file", e.toString())));
        }
    }
}
