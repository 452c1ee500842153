package org.feedlab.lab.run;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * The output directory of one run. It exists so that every run file is written the same way:
 * atomically (a reader or a crash sees the old file or the new one, never half of one), with {@code
 * \n} line ends and a fixed number format, so equal runs give equal bytes.
 */
public final class RunDirectory {

    /** Manifest file name. */
    public static final String MANIFEST = "manifest.json";

    /** Metrics file name. */
    public static final String METRICS = "metrics.csv";

    /** Scenario names become directory names: keep them to characters safe on every OS. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Bounds the search for a free run number, so a broken file system cannot loop forever. */
    private static final int MAX_RUN_NUMBER = 1_000_000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final ObjectWriter PRETTY = JSON.writer(prettyPrinter());

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

    /** Writes {@code manifest.json}: pretty-printed, keys in the tree's order. */
    public Path writeManifest(JsonNode manifest) throws IOException {
        byte[] bytes =
                (PRETTY.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        return write(MANIFEST, bytes);
    }

    /**
     * Writes {@code manifest.json} from a map. Maps that have an order ({@link LinkedHashMap},
     * {@link SortedMap}) keep it; any other map, at any depth, is written with keys sorted, because
     * hash order (and the order of {@code Map.of}) can differ between runs.
     */
    public Path writeManifest(Map<String, ?> manifest) throws IOException {
        return writeManifest(toTree(manifest));
    }

    /** Writes {@code metrics.csv}: the header, then one line per row in the order given. */
    public Path writeMetrics(List<MetricRow> rows) throws IOException {
        return writeAtomically(
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
        return writeAtomically(resolveInside(relativeName), out -> out.write(content));
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

    /** Body of a file, written to a stream the caller must not close. */
    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes to a temporary file in the target's directory, forces it to disk, then renames it over
     * the target in one atomic step; the temporary file is removed if anything fails.
     */
    private static Path writeAtomically(Path target, Body body) throws IOException {
        // A fixed temporary name (not createTempFile) keeps the usual file permissions, and a
        // leftover from a crash is simply overwritten by the next attempt.
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(
                            temp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        // Explicit "\n" and two-space indents: the default uses the platform line separator.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(
                        Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    /** Converts manifest values to a tree with a deterministic key order (see writeManifest). */
    private static JsonNode toTree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            if (!(map instanceof LinkedHashMap<?, ?>) && !(map instanceof SortedMap<?, ?>)) {
                entries.sort(
                        (a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            }
            for (Map.Entry<?, ?> entry : entries) {
                object.set(String.valueOf(entry.getKey()), toTree(entry.getValue()));
            }
            return object;
        }
        if (value instanceof Collection<?> collection) {
            ArrayNode array = nodes.arrayNode();
            collection.forEach(element -> array.add(toTree(element)));
            return array;
        }
        if (value instanceof Path file) {
            // Jackson would write an absolute file: URI; a manifest keeps the path as given.
            return nodes.textNode(file.toString());
        }
        return JSON.valueToTree(value);
    }
}
