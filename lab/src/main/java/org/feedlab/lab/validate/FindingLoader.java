package org.feedlab.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.feedlab.lab.experiment.Arm;
import org.feedlab.lab.experiment.ExperimentLoader;
import org.feedlab.lab.experiment.ExperimentSpec;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.SafeYaml;
import org.feedlab.lab.scenario.ScenarioException;

/**
 * Reads a finding file (safely, as plain data) and checks it, naming every bad field like a
 * scenario file does. The design is an experiment (base scenario, seeds, ticks, arms) checked by
 * {@link ExperimentLoader}; its name is the finding's id and its baseline the control arm.
 *
 * <pre>
 * study: Guess et al. 2023a
 * citation: Guess, A. M. et al. (2023). How do social media feed algorithms affect ... Science 381.
 * outcome: time spent on the platform, chronological vs algorithmic feed
 * unit: percent
 * role: validation
 * mechanism: habit and satisfaction bring users back; taste pull keeps them scrolling
 * published: {estimate: -21, low: -26, high: -16, kind: ci95, source: secondary, note: ...}
 * design:
 *   scenario: ../scenarios/classroom.yaml
 *   seeds: [1, 2, 3]
 *   ticks: 30
 *   arms:
 *     - {name: algorithmic, ranker: {objective: engagement}}
 *     - {name: chronological, ranker: {objective: chronological}}
 * measure:
 *   metric: minutes_per_active_user
 *   statistic: percent_change
 *   treatment: {arm: chronological}
 *   control: {arm: algorithmic}
 *   ticks: {from: 10, to: 29}
 * </pre>
 */
public final class FindingLoader {
    private static final Set<String> TOP =
            Set.of(
                    "study",
                    "citation",
                    "outcome",
                    "unit",
                    "role",
                    "mechanism",
                    "published",
                    "design",
                    "measure");
    private static final Set<String> PUBLISHED =
            Set.of("estimate", "low", "high", "kind", "source", "note");
    private static final Set<String> MEASURE =
            Set.of("metric", "statistic", "treatment", "control", "ticks", "sd_metric");
    private static final Set<String> GROUP = Set.of("arm", "segment");
    private static final Set<String> WINDOW = Set.of("from", "to");

    private FindingLoader() {}

    /** Every {@code *.yaml} file of a suite directory, in file-name order, all checked first. */
    public static List<Finding> loadSuite(Path directory) throws ScenarioException {
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException(
                    directory.toString(),
                    List.of(new Problem("directory", "a readable directory", e.toString())));
        }
        if (files.isEmpty()) {
            throw new ScenarioException(
                    directory.toString(),
                    List.of(new Problem("directory", "finding files (*.yaml)", "none")));
        }
        List<Finding> findings = new ArrayList<>();
        for (Path f : files) {
            findings.add(load(f));
        }
        return findings;
    }

    /** One finding file. */
    public static Finding load(Path file) throws ScenarioException {
        String source = file.toString();
        JsonNode root = SafeYaml.read(ExperimentLoader.readText(file, source), source);
        if (root == null || !root.isObject()) {
            throw new ScenarioException(
                    source, List.of(new Problem("$", "a mapping", "something else")));
        }
        String name = file.getFileName().toString();
        String id = name.substring(0, name.length() - ".yaml".length());
        List<Problem> problems = new ArrayList<>();
        unknownKeys(root, TOP, "$", problems);
        String study = text(root, "study", "$", true, problems);
        String citation = text(root, "citation", "$", true, problems);
        String outcome = text(root, "outcome", "$", true, problems);
        String unit = text(root, "unit", "$", true, problems);
        String mechanism = text(root, "mechanism", "$", true, problems);
        Finding.Role role =
                choice(root, "role", "$", Finding.Role.class, Finding.Role.VALIDATION, problems);
        Published published = published(root.path("published"), problems);
        JsonNode designNode = root.path("design");
        Measure measure = measure(root.path("measure"), problems);
        if (!designNode.isObject()) {
            problems.add(
                    new Problem("$.design", "a mapping (an experiment)", describe(designNode)));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        ObjectNode design = ((ObjectNode) designNode).deepCopy();
        if (design.has("name") || design.has("baseline") || design.has("summary")) {
            throw new ScenarioException(
                    source,
                    List.of(
                            new Problem(
                                    "$.design",
                                    "no name, baseline or summary (the finding sets them)",
                                    "keys " + fieldNames(design))));
        }
        design.put("name", id.length() > 30 ? id.substring(0, 30) : id);
        design.put("baseline", measure.control().arm());
        ExperimentSpec spec;
        try {
            spec = ExperimentLoader.parse(design, file);
        } catch (ScenarioException e) {
            List<Problem> inDesign = new ArrayList<>();
            for (Problem p : e.problems()) {
                inDesign.add(
                        new Problem(
                                p.path().replaceFirst("^\\$", "\\$.design"),
                                p.expected(),
                                p.got()));
            }
            throw new ScenarioException(source, inDesign);
        }
        List<String> arms = spec.arms().stream().map(Arm::name).toList();
        checkArm(measure.treatment(), "$.measure.treatment.arm", arms, problems);
        if (measure.statistic().needsControl()) {
            checkArm(measure.control(), "$.measure.control.arm", arms, problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return new Finding(
                id, source, study, citation, outcome, unit, published, role, mechanism, spec,
                measure);
    }

    private static Published published(JsonNode node, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem("$.published", "a mapping", describe(node)));
            return null;
        }
        unknownKeys(node, PUBLISHED, "$.published", problems);
        Published.Kind kind =
                choice(node, "kind", "$.published", Published.Kind.class, null, problems);
        Published.Source source =
                choice(node, "source", "$.published", Published.Source.class, null, problems);
        double estimate = number(node, "estimate", "$.published", true, problems);
        boolean interval = kind != null && kind.hasInterval();
        double low = number(node, "low", "$.published", interval, problems);
        double high = number(node, "high", "$.published", interval, problems);
        String note = text(node, "note", "$.published", true, problems);
        if (kind == null || source == null) {
            return null;
        }
        if (interval && !(low <= high)) {
            problems.add(new Problem("$.published.high", "high ≥ low (" + low + ")", "" + high));
            return null;
        }
        if (!interval && (node.has("low") || node.has("high"))) {
            problems.add(
                    new Problem("$.published", "no low or high for kind direction", "an interval"));
            return null;
        }
        return new Published(estimate, low, high, kind, source, note);
    }

    private static Measure measure(JsonNode node, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem("$.measure", "a mapping", describe(node)));
            return null;
        }
        unknownKeys(node, MEASURE, "$.measure", problems);
        String metric = text(node, "metric", "$.measure", true, problems);
        Statistic statistic =
                choice(node, "statistic", "$.measure", Statistic.class, null, problems);
        Measure.Group treatment = group(node.path("treatment"), "$.measure.treatment", problems);
        boolean control = statistic == null || statistic.needsControl();
        Measure.Group controlGroup =
                control || node.has("control")
                        ? group(node.path("control"), "$.measure.control", problems)
                        : treatment;
        JsonNode window = node.path("ticks");
        long from = -1;
        long to = -1;
        if (!window.isObject()) {
            problems.add(new Problem("$.measure.ticks", "a mapping {from, to}", describe(window)));
        } else {
            unknownKeys(window, WINDOW, "$.measure.ticks", problems);
            from = (long) number(window, "from", "$.measure.ticks", true, problems);
            to = (long) number(window, "to", "$.measure.ticks", true, problems);
            if (from < 0 || to < from) {
                problems.add(
                        new Problem(
                                "$.measure.ticks", "0 ≤ from ≤ to", "from " + from + ", to " + to));
            }
        }
        String sdMetric = null;
        if (statistic == Statistic.SD_UNITS) {
            sdMetric = text(node, "sd_metric", "$.measure", true, problems);
        } else if (node.has("sd_metric")) {
            problems.add(
                    new Problem(
                            "$.measure.sd_metric",
                            "nothing (only statistic sd_units reads it)",
                            describe(node.get("sd_metric"))));
        }
        if (metric == null || statistic == null || treatment == null || controlGroup == null) {
            return null;
        }
        return new Measure(metric, statistic, treatment, controlGroup, from, to, sdMetric);
    }

    private static Measure.Group group(JsonNode node, String path, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(path, "a mapping {arm, segment}", describe(node)));
            return null;
        }
        unknownKeys(node, GROUP, path, problems);
        String arm = text(node, "arm", path, true, problems);
        String segment = node.has("segment") ? text(node, "segment", path, true, problems) : "all";
        return arm == null || segment == null ? null : new Measure.Group(arm, segment);
    }

    private static void checkArm(
            Measure.Group group, String path, List<String> arms, List<Problem> problems) {
        if (!arms.contains(group.arm())) {
            problems.add(new Problem(path, "one of the design's arms " + arms, group.arm()));
        }
    }

    private static <E extends Enum<E>> E choice(
            JsonNode node,
            String key,
            String parent,
            Class<E> type,
            E fallback,
            List<Problem> problems) {
        JsonNode v = node.get(key);
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (v == null && fallback != null) {
            return fallback;
        }
        if (v != null && v.isTextual() && allowed.contains(v.asText())) {
            return Enum.valueOf(type, v.asText().toUpperCase(Locale.ROOT));
        }
        problems.add(new Problem(parent + "." + key, "one of " + allowed, describe(v)));
        return null;
    }

    private static double number(
            JsonNode node, String key, String parent, boolean required, List<Problem> problems) {
        JsonNode v = node.get(key);
        if (v == null && !required) {
            return Double.NaN;
        }
        if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
            problems.add(new Problem(parent + "." + key, "a finite number", describe(v)));
            return Double.NaN;
        }
        return v.doubleValue();
    }

    private static String text(
            JsonNode node, String key, String parent, boolean required, List<Problem> problems) {
        JsonNode v = node.get(key);
        if (v == null && !required) {
            return null;
        }
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problems.add(new Problem(parent + "." + key, "a non-empty string", describe(v)));
            return null;
        }
        return v.asText().strip();
    }

    private static void unknownKeys(
            JsonNode node, Set<String> allowed, String path, List<Problem> problems) {
        for (String key : fieldNames(node)) {
            if (!allowed.contains(key)) {
                problems.add(
                        new Problem(
                                path + "." + key,
                                "one of the keys " + new TreeSet<>(allowed),
                                "unknown key " + key));
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + v;
    }
}
