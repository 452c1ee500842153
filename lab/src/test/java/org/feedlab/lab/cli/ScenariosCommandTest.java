package org.feedlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedlab.lab.run.RunLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feedlab scenarios}: one line per preset, invalid files flagged with exit status 2. */
class ScenariosCommandTest {

    private static final RunLauncher NEVER =
            request -> {
                throw new AssertionError("scenarios must not launch a run");
            };

    @TempDir Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int scenarios(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "scenarios";
        System.arraycopy(args, 0, full, 1, args.length);
        return FeedLabCommand.execute(NEVER, new PrintWriter(out), new PrintWriter(err), full);
    }

    @Test
    void listsValidFilesSortedByFileNameWithTheirFirstSentence() throws IOException {
        Files.writeString(
                temp.resolve("b.yaml"),
                "name: second\n"
                        + "description: >-\n"
                        + "  Runs 1.5 times\n"
                        + "  longer. Then stops.\n"
                        + "seed: 1\n"
                        + "ticks: 2\n");
        Files.writeString(
                temp.resolve("a.yaml"),
                "name: first-one\ndescription: Fast! Really.\nseed: 1\nticks: 2\n");
        Files.writeString(temp.resolve("notes.txt"), "not a scenario");

        assertEquals(0, scenarios("--dir", temp.toString()));

        assertEquals(
                List.of("first-one — Fast!", "second    — Runs 1.5 times longer."),
                out.toString().lines().toList());
    }

    @Test
    void invalidFilesAreListedAndTheExitCodeIsTwo() throws IOException {
        Files.writeString(
                temp.resolve("good.yaml"), "name: good\ndescription: Fine.\nseed: 1\nticks: 2\n");
        Files.writeString(
                temp.resolve("bad.yaml"), "name: bad\nseed: 1\nticks: 0\nsociety: {users: 0}\n");

        assertEquals(2, scenarios("--dir", temp.toString()));

        assertEquals(
                List.of(
                        "bad.yaml — INVALID: $.society.users: expected integer ≥ 1, got 0",
                        "                    $.ticks: expected integer ≥ 1, got 0",
                        "good     — Fine."),
                out.toString().lines().toList());
    }

    @Test
    void shippedScenariosAreListed() {
        assertEquals(0, scenarios("--dir", Path.of("..", "scenarios").toString()), err.toString());

        assertTrue(
                out.toString()
                        .lines()
                        .anyMatch(
                                line ->
                                        line.matches(
                                                "classroom +— Two-minute classroom demo: 600"
                                                        + " users and 60 creators \\(the reference"
                                                        + " population of docs/CALIBRATION\\.md\\)"
                                                        + " for 30 days under an engagement"
                                                        + " objective\\.")),
                out.toString());
    }

    @Test
    void missingDirectoryExitsTwo() {
        assertEquals(2, scenarios("--dir", temp.resolve("nope").toString()));
        assertTrue(err.toString().contains("no scenario directory"), err.toString());
    }

    @Test
    void firstSentenceStopsAtTheFirstSentenceEnd() {
        assertEquals("One.", ScenariosCommand.firstSentence("One. Two."));
        assertEquals("No full stop", ScenariosCommand.firstSentence("  No full\n stop  "));
        assertEquals(
                "Version 2.0 ships?", ScenariosCommand.firstSentence("Version 2.0 ships? Yes."));
        assertEquals("", ScenariosCommand.firstSentence(""));
    }
}
