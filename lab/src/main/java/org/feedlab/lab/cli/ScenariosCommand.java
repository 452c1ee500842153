package org.feedlab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.feedlab.lab.scenario.Problem;
import org.feedlab.lab.scenario.Scenario;
import org.feedlab.lab.scenario.ScenarioException;
import org.feedlab.lab.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feedlab scenarios}: lists the shipped presets with a one-line description, and doubles as
 * a check that every file in the directory is valid (exit status 2 if one is not).
 */
@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        description = "List scenario presets with one-line descriptions.")
public final class ScenariosCommand implements Callable<Integer> {

    /**
     * Ends a sentence: a full stop, question or exclamation mark followed by a space or the end.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

    @Spec private CommandSpec spec;

    @Option(
            names = "--dir",
            defaultValue = "scenarios",
            paramLabel = "DIR",
            description = "Directory of scenario files (default: ${DEFAULT-VALUE}).")
    private Path dir;

    /** One listed file: a summary line, or the problems that make it invalid. */
    private record Entry(String label, String summary, List<Problem> problems) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("feedlab scenarios: no scenario directory " + dir);
            return FeedLabCommand.EXIT_USAGE;
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : scenarioFiles(dir)) {
            try {
                Scenario scenario = ScenarioLoader.load(file);
                entries.add(
                        new Entry(
                                scenario.name(), firstSentence(scenario.description()), List.of()));
            } catch (ScenarioException e) {
                entries.add(new Entry(file.getFileName().toString(), "", e.problems()));
            }
        }
        if (entries.isEmpty()) {
            err.println("feedlab scenarios: no *.yaml files in " + dir);
            return 0;
        }
        int width = entries.stream().mapToInt(entry -> entry.label().length()).max().orElse(0);
        boolean invalid = false;
        for (Entry entry : entries) {
            String label = entry.label() + " ".repeat(width - entry.label().length());
            if (entry.problems().isEmpty()) {
                out.println(
                        entry.summary().isEmpty()
                                ? entry.label()
                                : label + " — " + entry.summary());
            } else {
                invalid = true;
                out.println(label + " — INVALID: " + entry.problems().get(0));
                String indent = " ".repeat(width + " — INVALID: ".length());
                entry.problems().stream().skip(1).forEach(problem -> out.println(indent + problem));
            }
        }
        return invalid ? FeedLabCommand.EXIT_USAGE : 0;
    }

    /** The directory's {@code *.yaml} files, sorted by file name so the listing is stable. */
    static List<Path> scenarioFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        }
    }

    /** The first sentence of a description, whitespace collapsed; the whole text if it has none. */
    static String firstSentence(String description) {
        String text = description.strip().replaceAll("\\s+", " ");
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.end()) : text;
    }
}
