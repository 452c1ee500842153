package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.feedlab.lab.run.RunLauncher;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Every help text is a valid format string: picocli formats descriptions with {@code %n} line
 * breaks, so a bare {@code %} (as in "95% CIs") makes it print a warning and the raw text.
 */
class HelpTextTest {

    private static final RunLauncher NEVER =
            request -> {
                throw new AssertionError("help must not launch a run");
            };

    @Test
    void everyDescriptionOfEveryCommandAndOptionFormats() {
        List<String> texts = new ArrayList<>();
        collect(FeedLabCommand.commandLine(NEVER), texts);
        assertFalse(texts.isEmpty());
        for (String text : texts) {
            assertDoesNotThrow(() -> String.format(text), () -> "not a format string: " + text);
        }
    }

    private static void collect(CommandLine command, List<String> texts) {
        texts.addAll(List.of(command.getCommandSpec().usageMessage().description()));
        for (ArgSpec arg : command.getCommandSpec().args()) {
            texts.addAll(List.of(arg.description()));
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, texts));
    }
}
