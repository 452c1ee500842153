package org.feedlab.lab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.feedlab.lab.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `feedlab report RUN_DIR`: writes report.html into a run directory. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes report.html (charts of the key metrics, parameters) into a run directory.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run directory written by `feedlab run`.")
    Path runDir;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = ReportWriter.write(runDir);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
