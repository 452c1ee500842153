package org.feedlab.lab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.feedlab.lab.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `feedlab report RUN_OR_EXPERIMENT_DIR`: writes report.html into a run or experiment directory.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Writes report.html into a run directory (charts of the key metrics per segment, last"
                        + " values, the scenario) or an experiment directory (one line per arm, the mean"
                        + " over seeds; the summary table with 95%% intervals; the experiment).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "RUN_OR_EXPERIMENT_DIR",
            description = "A directory written by `feedlab run` or `feedlab experiment`.")
    Path runDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = ReportWriter.write(runDir);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
