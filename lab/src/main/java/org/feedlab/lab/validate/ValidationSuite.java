package org.feedlab.lab.validate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.feedlab.lab.experiment.Arm;
import org.feedlab.lab.experiment.ExperimentRunner;
import org.feedlab.lab.experiment.ExperimentSpec;
import org.feedlab.lab.experiment.Grid;
import org.feedlab.lab.experiment.Summary;
import org.feedlab.lab.run.AtomicFiles;
import org.feedlab.lab.run.MetricRow;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.ScenarioException;

/**
 * Runs findings on the direct engine (each design as an experiment under {@code out/<id>}) and
 * judges FeedLab's estimates; writes validation-results.csv, validation-seeds.csv and validation.md
 * beside them.
 */
public final class ValidationSuite {
    private ValidationSuite() {}

    /**
     * Runs the findings in order and judges each; findings whose designs are the same (base
     * scenario, arms and seeds) share one set of runs, written under the first one's id.
     *
     * @param onResult called with each result as soon as it is known
     */
    public static List<Result> run(
            List<Finding> findings, Path out, int jobs, Consumer<Result> onResult)
            throws Exception {
        Map<String, Map<String, Map<Long, List<MetricRow>>>> byDesign = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (Finding f : findings) {
            String key = designKey(f.design());
            Map<String, Map<Long, List<MetricRow>>> runs = byDesign.get(key);
            if (runs == null) {
                runs =
                        ExperimentRunner.run(
                                        f.design(),
                                        Grid.expand(f.design(), f.file()),
                                        out.resolve(f.id()),
                                        true,
                                        jobs,
                                        f.file(),
                                        new PrintStream(OutputStream.nullOutputStream()))
                                .runs();
                byDesign.put(key, runs);
            }
            Result r = judge(f, runs);
            results.add(r);
            onResult.accept(r);
        }
        return results;
    }

    /** What makes two designs the same runs: the base scenario, the arms and the seeds. */
    static String designKey(ExperimentSpec design) {
        StringBuilder key = new StringBuilder(design.base().toString());
        for (Arm arm : design.arms()) {
            key.append('|').append(arm.name()).append('=').append(arm.overrides());
        }
        return key.append('|').append(design.seeds()).toString();
    }

    /** The verdict from a finding's runs, keyed by arm then seed. */
    public static Result judge(Finding finding, Map<String, Map<Long, List<MetricRow>>> runs) {
        List<Long> seeds = finding.design().seeds();
        List<Double> perSeed = new ArrayList<>();
        List<Double> finite = new ArrayList<>();
        for (long seed : seeds) {
            Map<String, List<MetricRow>> byArm = new LinkedHashMap<>();
            runs.forEach((arm, bySeed) -> byArm.put(arm, bySeed.get(seed)));
            double e = finding.measure().estimate(byArm);
            perSeed.add(e);
            if (Double.isFinite(e)) {
                finite.add(e);
            }
        }
        double[] m = Summary.meanAndHalfWidth(finite);
        boolean complete = finite.size() == seeds.size();
        double mean = complete ? m[0] : Double.NaN;
        return new Result(
                finding,
                seeds,
                List.copyOf(perSeed),
                mean,
                mean - m[1],
                mean + m[1],
                Verdict.judge(finding.published(), mean));
    }

    /** The closing lines: the counts by kind and the suite's last line. */
    public static String tally(List<Result> results) {
        int inside = 0;
        int counted = 0;
        int directionRight = 0;
        int directionOnly = 0;
        int calibratedInside = 0;
        int calibrated = 0;
        for (Result r : results) {
            Finding f = r.finding();
            if (f.role() == Finding.Role.CALIBRATION) {
                calibrated++;
                calibratedInside += r.verdict() == Verdict.INSIDE ? 1 : 0;
            } else if (!f.published().kind().hasInterval()) {
                directionOnly++;
                directionRight += r.verdict() == Verdict.DIRECTION ? 1 : 0;
            } else {
                counted++;
                inside += r.verdict() == Verdict.INSIDE ? 1 : 0;
            }
        }
        StringBuilder b = new StringBuilder();
        if (directionOnly > 0) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "direction-only findings: %d of %d in the published direction%n",
                            directionRight,
                            directionOnly));
        }
        if (calibrated > 0) {
            b.append(
                    String.format(
                            Locale.ROOT,
                            "calibration targets (not counted): %d of %d inside%n",
                            calibratedInside,
                            calibrated));
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        "validate: %d of %d findings inside their published intervals%n",
                        inside,
                        counted));
        return b.toString();
    }

    /** Writes the suite's tables into {@code out}. */
    public static void write(List<Result> results, Path out) throws IOException {
        StringBuilder csv =
                new StringBuilder(
                        "finding,study,role,kind,source,unit,published,published_low,published_high,"
                                + "feedlab,feedlab_low,feedlab_high,seeds,verdict\n");
        StringBuilder seeds = new StringBuilder("finding,seed,estimate\n");
        StringBuilder md =
                new StringBuilder(
                        "| finding | study | published | FeedLab (95 % over seeds) | verdict |\n"
                                + "|---|---|---|---|---|\n");
        for (Result r : results) {
            Finding f = r.finding();
            Published p = f.published();
            csv.append(
                            String.join(
                                    ",",
                                    f.id(),
                                    quote(f.study()),
                                    f.role().name().toLowerCase(Locale.ROOT),
                                    p.kind().name().toLowerCase(Locale.ROOT),
                                    p.source().name().toLowerCase(Locale.ROOT),
                                    quote(f.unit()),
                                    MetricRow.formatValue(p.estimate()),
                                    MetricRow.formatValue(p.low()),
                                    MetricRow.formatValue(p.high()),
                                    MetricRow.formatValue(r.mean()),
                                    MetricRow.formatValue(r.low()),
                                    MetricRow.formatValue(r.high()),
                                    Integer.toString(r.seeds().size()),
                                    r.verdict().name().toLowerCase(Locale.ROOT)))
                    .append('\n');
            for (int i = 0; i < r.seeds().size(); i++) {
                seeds.append(f.id())
                        .append(',')
                        .append(r.seeds().get(i))
                        .append(',')
                        .append(MetricRow.formatValue(r.perSeed().get(i)))
                        .append('\n');
            }
            String interval =
                    p.kind().hasInterval()
                            ? " [" + Result.number(p.low()) + ", " + Result.number(p.high()) + "]"
                            : " (direction)";
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %s%s %s | %s [%s, %s] | %s%s |%n",
                            f.id(),
                            f.study(),
                            Result.number(p.estimate()),
                            interval,
                            f.unit(),
                            Result.number(r.mean()),
                            Result.number(r.low()),
                            Result.number(r.high()),
                            r.verdict().label(),
                            f.role() == Finding.Role.CALIBRATION ? " (calibrated)" : ""));
        }
        md.append('\n').append(tally(results).replace("\n", "  \n"));
        AtomicFiles.write(out.resolve("validation-results.csv"), csv.toString());
        AtomicFiles.write(out.resolve("validation-seeds.csv"), seeds.toString());
        AtomicFiles.write(out.resolve("validation.md"), md.toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Keeps the findings whose id is listed; every listed id must exist. */
    public static List<Finding> only(List<Finding> all, List<String> ids, String source)
            throws ScenarioException {
        if (ids == null || ids.isEmpty()) {
            return all;
        }
        List<String> known = all.stream().map(Finding::id).toList();
        List<Problem> problems = new ArrayList<>();
        for (String id : ids) {
            if (!known.contains(id)) {
                problems.add(new Problem("--only", "one of the findings " + known, id));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return all.stream().filter(f -> ids.contains(f.id())).toList();
    }
}
