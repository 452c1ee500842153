package org.feedlab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.feedlab.lab.run.RunLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code feedlab} command; it exists to hold the subcommands and to receive the
 * {@link RunLauncher} from whoever wires the program, so tests can pass a fake one.
 */
@Command(
        name = "feedlab",
        mixinStandardHelpOptions = true,
        version = "feedlab 0.1.0",
        description = "A simulation lab for social-feed recommenders.",
        subcommands = {
            RunCommand.class,
            ScenariosCommand.class,
            ReportCommand.class,
            ExperimentCommand.class,
            BenchCommand.class,
            ExplainCommand.class,
            ClusterCommand.class,
            ValidateCommand.class
        })
public final class FeedLabCommand implements Callable<Integer> {

    /** Exit status for a bad command line or a bad scenario file. */
    public static final int EXIT_USAGE = 2;

    private final RunLauncher launcher;

    @Spec private CommandSpec spec;

    /**
     * @param launcher carries out {@code feedlab run} once the request is validated
     */
    public FeedLabCommand(RunLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** Without a subcommand there is nothing to do: show the usage and report a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }

    /**
     * Runs the command line with the process's standard output and error; returns the exit code.
     */
    public static int execute(RunLauncher launcher, String... args) {
        return execute(
                launcher,
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                args);
    }

    /** Runs the command line with the given output and error writers; returns the exit code. */
    public static int execute(
            RunLauncher launcher, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(launcher);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The configured command line: subcommands built by a factory that hands them the launcher, and
     * failures reported as one clear line instead of a stack trace where the cause is known.
     */
    public static CommandLine commandLine(RunLauncher launcher) {
        CommandLine commandLine =
                new CommandLine(new FeedLabCommand(launcher), new Factory(launcher));
        commandLine.setExecutionExceptionHandler(FeedLabCommand::reportFailure);
        return commandLine;
    }

    private static int reportFailure(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            // An I/O failure has a message a user can act on; the stack trace would hide it.
            err.println(commandLine.getCommandName() + ": " + e.getMessage());
        } else {
            err.println(commandLine.getCommandName() + ": unexpected failure");
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** Builds subcommands, giving the run command its launcher. */
    private static final class Factory implements CommandLine.IFactory {

        private final RunLauncher launcher;

        Factory(RunLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(launcher));
            }
            if (type == FeedLabCommand.class) {
                return type.cast(new FeedLabCommand(launcher));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
