package org.feedlab.lab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directory naming, the refusal to reuse a non-empty directory, and files written inside it
 * (the manifest has its own test, ManifestTest; the atomic write, AtomicFilesTest).
 */
class RunDirectoryTest {

    @TempDir Path temp;

    @Test
    void generatedNamesCountUpFromOne() throws IOException {
        Path runs = temp.resolve("runs");

        RunDirectory first = RunDirectory.create(null, runs, "classroom", 42);
        RunDirectory second = RunDirectory.create(null, runs, "classroom", 42);
        RunDirectory otherSeed = RunDirectory.create(null, runs, "classroom", 7);

        assertEquals(runs.resolve("classroom-s42-1"), first.path());
        assertEquals(runs.resolve("classroom-s42-2"), second.path());
        assertEquals(runs.resolve("classroom-s7-1"), otherSeed.path());
        assertTrue(Files.isDirectory(second.path()));
    }

    @Test
    void unsafeScenarioNamesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> RunDirectory.create(null, temp, "../escape", 1));
    }

    @Test
    void outMayBeNewOrEmptyButNotHoldAnything() throws IOException {
        Path fresh = temp.resolve("a/b");
        assertEquals(fresh, RunDirectory.create(fresh, temp.resolve("runs"), "x", 1).path());
        assertTrue(Files.isDirectory(fresh));
        assertEquals(fresh, RunDirectory.create(fresh, temp.resolve("runs"), "x", 1).path());

        Files.writeString(fresh.resolve("metrics.csv"), "old");
        IOException notEmpty =
                assertThrows(IOException.class, () -> RunDirectory.create(fresh, temp, "x", 1));
        assertTrue(notEmpty.getMessage().contains("is not empty"), notEmpty.getMessage());

        Path file = Files.writeString(temp.resolve("file"), "");
        IOException notDirectory =
                assertThrows(IOException.class, () -> RunDirectory.create(file, temp, "x", 1));
        assertTrue(
                notDirectory.getMessage().contains("not a directory"), notDirectory.getMessage());
        // An explicit --out never touches the runs root.
        assertTrue(Files.notExists(temp.resolve("runs")));
    }

    @Test
    void metricsAreWrittenInOrderWithTheFixedFormat() throws IOException {
        RunDirectory run = RunDirectory.create(temp.resolve("run"), temp, "x", 1);

        Path written =
                run.writeMetrics(
                        List.of(
                                new MetricRow(0, "active_users", "all", 2000),
                                new MetricRow(0, "outrage_exposure_share", "all", 0.1234567890123),
                                new MetricRow(1, "opinion_variance", "left", -0.5),
                                new MetricRow(1, "model_auc_like", "all", Double.NaN)));

        assertEquals(run.path().resolve("metrics.csv"), written);
        assertEquals(
                "tick,metric,segment,value\n"
                        + "0,active_users,all,2000\n"
                        + "0,outrage_exposure_share,all,0.123456789\n"
                        + "1,opinion_variance,left,-0.5\n"
                        + "1,model_auc_like,all,NaN\n",
                Files.readString(written));
        assertEquals(List.of("metrics.csv"), names(run.path()));
    }

    @Test
    void rewritingReplacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        RunDirectory run = RunDirectory.create(temp.resolve("run"), temp, "x", 1);
        run.writeMetrics(List.of(new MetricRow(0, "a", "all", 1), new MetricRow(1, "a", "all", 2)));

        run.writeMetrics(List.of(new MetricRow(5, "b", "all", 3)));

        assertEquals(
                "tick,metric,segment,value\n5,b,all,3\n",
                Files.readString(run.path().resolve("metrics.csv")));
        assertEquals(List.of("metrics.csv"), names(run.path()));
    }

    @Test
    void otherFilesGoInsideTheRunDirectoryOnly() throws IOException {
        RunDirectory run = RunDirectory.create(temp.resolve("run"), temp, "x", 1);

        Path snapshot =
                run.write(
                        "snapshots/users-tick-0.csv",
                        "user_id\n1\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(run.path().resolve("snapshots").resolve("users-tick-0.csv"), snapshot);
        assertEquals("user_id\n1\n", Files.readString(snapshot));
        assertEquals(List.of("users-tick-0.csv"), names(run.path().resolve("snapshots")));
        assertThrows(
                IllegalArgumentException.class, () -> run.write("../outside.csv", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> run.write(".", new byte[0]));
        assertTrue(Files.notExists(temp.resolve("outside.csv")));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
