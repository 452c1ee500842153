package org.feedlab.lab.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The output directory of one run. Every file of a run is written through it, the same way:
 * atomically ({@link AtomicFiles}: a reader or a crash sees the old file or the new one, never half
 * of one), inside the directory, with {@code \n} line ends and a fixed number format, so equal runs
 * give equal bytes. The manifest is written last and marks the run finished.
 */
public final class RunDirectory {

    /** Metrics file name. */
    public static final String METRICS = "metrics.csv";

    /** Scenario names become directory names: keep them to characters safe on every OS. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Bounds the search for a free run number, so a broken file system cannot loop forever. */
    private static final int MAX_RUN_NUMBER = 1_000_000;

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates the directory for a run.
     *
     * @param outOrNull the directory the user asked for ({@code --out}); it may exist only if empty
     * @param runsRoot where numbered run directories go when {@code outOrNull} is null
     * @param scenarioName scenario name, part of the generated directory name
     * @param seed run seed, part of the generated directory name
     * @return for a null {@code outOrNull}, {@code runsRoot/<scenario>-s<seed>-<n>} with the first
     *     unused n from 1: the name depends only on what is already there, never on the clock
     * @throws IOException if {@code outOrNull} is a file or a non-empty directory, or on I/O
     *     failure
     */
    public static RunDirectory create(Path outOrNull, Path runsRoot, String scenarioName, long seed)
            throws IOException {
        if (outOrNull != null) {
            checkOutAvailable(outOrNull);
            return new RunDirectory(Files.createDirectories(outOrNull));
        }
        Objects.requireNonNull(runsRoot, "runsRoot");
        if (!SAFE_NAME.matcher(scenarioName).matches()) {
            throw new IllegalArgumentException(
                    "scenario name cannot be used in a directory name: " + scenarioName);
        }
        Files.createDirectories(runsRoot);
        for (int n = 1; n <= MAX_RUN_NUMBER; n++) {
            Path candidate = runsRoot.resolve(scenarioName + "-s" + seed + "-" + n);
            try {
                // createDirectory fails if it exists, so two concurrent runs never share a
                // directory.
                return new RunDirectory(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
        }
        throw new IOException(
                "no free run directory name under "
                        + runsRoot
                        + " for "
                        + scenarioName
                        + "-s"
                        + seed);
    }

    /**
     * Checks that {@code out} can become a run directory: absent, or an empty directory. The
     * command line calls it before starting any work, so a mistake costs nothing.
     *
     * @throws IOException with a message naming the directory and the reason
     */
    public static void checkOutAvailable(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IOException("--out " + out + " exists and is not a directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            if (entries.iterator().hasNext()) {
                throw new IOException(
                        "--out "
                                + out
                                + " is not empty; refusing to mix two runs in one directory"
                                + " (choose a new --out or empty it)");
            }
        }
    }

    /** The run directory. */
    public Path path() {
        return path;
    }

    /**
     * Writes {@code manifest.json}. It is the last file of a run: a run directory without one is
     * unfinished, and Ctrl-C removes it.
     */
    public Path writeManifest(Manifest manifest) throws IOException {
        return write(Manifest.FILE, manifest.toJson());
    }

    /** Whether the run finished: its manifest is written. */
    public boolean finished() {
        return Files.isRegularFile(path.resolve(Manifest.FILE));
    }

    /** Writes {@code metrics.csv}: the header, then one line per row in the order given. */
    public Path writeMetrics(List<MetricRow> rows) throws IOException {
        return AtomicFiles.write(
                resolveInside(METRICS),
                out -> {
                    Writer writer =
                            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                    writer.write(MetricRow.HEADER);
                    writer.write('\n');
                    for (MetricRow row : rows) {
                        writer.write(row.toCsvLine());
                        writer.write('\n');
                    }
                    writer.flush();
                });
    }

    /**
     * Writes any file of the run atomically, e.g. {@code snapshots/users-tick-10.csv}; parent
     * directories inside the run directory are created.
     *
     * @param relativeName a path relative to the run directory that stays inside it
     */
    public Path write(String relativeName, byte[] content) throws IOException {
        return AtomicFiles.write(resolveInside(relativeName), content);
    }

    private Path resolveInside(String relativeName) throws IOException {
        Path target = path.resolve(relativeName).normalize();
        if (!target.startsWith(path.normalize()) || target.equals(path.normalize())) {
            throw new IllegalArgumentException(
                    "not a file inside the run directory: " + relativeName);
        }
        Files.createDirectories(target.getParent());
        return target;
    }
}
