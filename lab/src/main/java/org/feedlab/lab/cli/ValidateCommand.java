package org.feedlab.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.feedlab.lab.experiment.Grid;
import org.feedlab.lab.run.RunDirectory;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.validate.Finding;
import org.feedlab.lab.validate.FindingLoader;
import org.feedlab.lab.validate.Result;
import org.feedlab.lab.validate.ValidationSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `feedlab validate`: the shipped validation suite against published findings. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Runs the validation suite on the direct engine: for each published finding, its"
                        + " design, the published estimate with its interval, FeedLab's estimate"
                        + " with its 95%% interval over seeds and a verdict; the last line counts"
                        + " the findings inside their published intervals.")
public final class ValidateCommand implements Callable<Integer> {
    @Option(
            names = "--suite",
            paramLabel = "DIR",
            defaultValue = "validation",
            description = "The directory of finding files (default validation).")
    Path suite;

    @Option(
            names = "--only",
            paramLabel = "ID",
            split = ",",
            description = "Run only these findings (file names without .yaml).")
    List<String> only;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default runs/validate).")
    Path out;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            defaultValue = "2",
            description = "Runs at once (default 2).")
    int jobs;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (jobs < 1) {
            spec.commandLine().getErr().println("--jobs: expected an integer ≥ 1, got " + jobs);
            return FeedLabCommand.EXIT_USAGE;
        }
        List<Finding> findings;
        try {
            findings = ValidationSuite.only(FindingLoader.loadSuite(suite), only, suite.toString());
            for (Finding f : findings) {
                // every run of every design is checked as a scenario before anything runs
                Grid.expand(f.design(), f.file());
            }
        } catch (ScenarioException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return FeedLabCommand.EXIT_USAGE;
        }
        Path dir = out != null ? out : Path.of("runs", "validate");
        RunDirectory.checkOutAvailable(dir);
        Files.createDirectories(dir);
        long start = System.nanoTime();
        console.printf(
                Locale.ROOT,
                "validate: %d findings from %s on the direct engine, %d runs at once%n%n",
                findings.size(),
                suite,
                jobs);
        console.flush();
        List<Result> results =
                ValidationSuite.run(
                        findings,
                        dir,
                        jobs,
                        r -> {
                            console.println(r.block());
                            console.flush();
                        });
        ValidationSuite.write(results, dir);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        console.printf(
                Locale.ROOT,
                "wrote %s; wall time %d min %02d s%n",
                dir,
                seconds / 60,
                seconds % 60);
        console.print(ValidationSuite.tally(results));
        console.flush();
        return 0;
    }
}
