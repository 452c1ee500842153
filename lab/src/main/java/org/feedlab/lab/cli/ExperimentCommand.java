package org.feedlab.lab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.feedlab.lab.experiment.ExperimentLoader;
import org.feedlab.lab.experiment.ExperimentRunner;
import org.feedlab.lab.experiment.ExperimentSpec;
import org.feedlab.lab.experiment.Grid;
import org.feedlab.lab.experiment.PlannedRun;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `feedlab experiment EXPERIMENT.yaml`: arms × seeds, tidy results and a summary with CIs. */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description =
                "Runs every arm of an experiment with every seed; writes results.csv, summary.csv"
                        + " (means and paired differences from the baseline with 95%% CIs) and"
                        + " experiment.json.")
public final class ExperimentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EXPERIMENT", description = "The experiment file (YAML).")
    Path file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default runs/<experiment>).")
    Path out;

    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            defaultValue = "direct",
            description = "direct (in-process, default) or stream (Kafka + Flink for every run).")
    String engine;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            defaultValue = "1",
            description = "Runs at once (direct engine only).")
    int jobs;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("direct") && !engine.equals("stream")) {
            spec.commandLine()
                    .getErr()
                    .println("--engine: expected direct or stream, got " + engine);
            return FeedLabCommand.EXIT_USAGE;
        }
        if (jobs < 1) {
            spec.commandLine().getErr().println("--jobs: expected an integer ≥ 1, got " + jobs);
            return FeedLabCommand.EXIT_USAGE;
        }
        ExperimentSpec experiment;
        List<PlannedRun> plan;
        try {
            experiment = ExperimentLoader.load(file);
            plan = Grid.expand(experiment, file.toString());
            if (!engine.equals("direct")) {
                checkNoOracle(experiment, plan, file.toString());
            }
        } catch (ScenarioException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return FeedLabCommand.EXIT_USAGE;
        }
        Path dir = out != null ? out : Path.of("runs", experiment.name());
        spec.commandLine()
                .getOut()
                .printf(
                        "experiment %s: %d runs (%d arms x %d seeds) on the %s engine%n",
                        experiment.name(),
                        plan.size(),
                        experiment.arms().size(),
                        experiment.seeds().size(),
                        engine);
        spec.commandLine().getOut().flush();
        ExperimentRunner.Outcome outcome =
                ExperimentRunner.run(
                        experiment,
                        plan,
                        dir,
                        engine.equals("direct"),
                        jobs,
                        file.toString(),
                        System.out);
        spec.commandLine().getOut().print(ExperimentRunner.table(outcome.summary()));
        if (experiment.lossRecovery() != null) {
            spec.commandLine().getOut().print(ExperimentRunner.recoveryTable(outcome.recovery()));
        }
        spec.commandLine().getOut().println("wrote " + outcome.directory());
        return 0;
    }

    /**
     * The oracle ({@code ranker.oracle}) runs on the direct engine only: an arm that asks for it on
     * the stream engine is refused at its path, before anything runs.
     */
    private static void checkNoOracle(
            ExperimentSpec experiment, List<PlannedRun> plan, String source)
            throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (PlannedRun run : plan) {
            if (run.scenario().ranker().oracle() && reported.add(run.arm())) {
                int arm = 0;
                while (!experiment.arms().get(arm).name().equals(run.arm())) {
                    arm++;
                }
                boolean inArm = experiment.arms().get(arm).overrides().path("ranker").has("oracle");
                problems.add(
                        RunCommand.oracleOnStream(
                                inArm
                                        ? "$.arms[" + arm + "].ranker.oracle"
                                        : "$.scenario (ranker.oracle of arm " + run.arm() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
    }
}
