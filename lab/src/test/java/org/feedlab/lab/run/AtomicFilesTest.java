package org.feedlab.lab.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic write: no partial file is ever visible, and a file is replaced in one step. */
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("results.csv");

        assertEquals(target, AtomicFiles.write(target, "a,b\n1,2\n"));

        assertOnlyFile(target, "a,b\n1,2\n");
    }

    @Test
    void whileWritingTheOldFileIsWholeAndTheNewOneIsNotVisible() throws IOException {
        Path target = dir.resolve("metrics.csv");
        AtomicFiles.write(target, "old\n");

        AtomicFiles.write(
                target,
                out -> {
                    out.write("new, first half\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    // Half-way through, a reader still sees the old file, whole.
                    assertEquals("old\n", Files.readString(target));
                    out.write("second half\n".getBytes(StandardCharsets.UTF_8));
                });

        assertOnlyFile(target, "new, first half\nsecond half\n");
    }

    @Test
    void replacesByRenameSoAnOpenReaderKeepsTheOldBytes() throws IOException {
        Path target = dir.resolve("manifest.json");
        AtomicFiles.write(target, "{\"seed\": 1}\n");
        try (InputStream reader = Files.newInputStream(target)) {
            AtomicFiles.write(target, "{\"seed\": 2, \"engine\": \"direct\"}\n");

            // A reader that opened the old file reads it to the end, unchanged: the new file is a
            // new inode renamed over the name, not the old one rewritten in place.
            assertArrayEquals(
                    "{\"seed\": 1}\n".getBytes(StandardCharsets.UTF_8), reader.readAllBytes());
        }
        assertEquals("{\"seed\": 2, \"engine\": \"direct\"}\n", Files.readString(target));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "kept\n");

        IOException failure =
                assertThrows(
                        IOException.class,
                        () ->
                                AtomicFiles.write(
                                        target,
                                        out -> {
                                            out.write(new byte[] {'p', 'a', 'r', 't'});
                                            throw new IOException("disk full");
                                        }));

        assertEquals("disk full", failure.getMessage());
        assertOnlyFile(target, "kept\n");
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() throws IOException {
        Path target = dir.resolve("report.html");

        assertThrows(
                IOException.class,
                () ->
                        AtomicFiles.write(
                                target,
                                out -> {
                                    out.write('<');
                                    throw new IOException("interrupted");
                                }));

        assertFalse(Files.exists(target));
        assertEquals(List.of(), names());
    }

    /** The directory holds this one file (no temporary file beside it), with this content. */
    private void assertOnlyFile(Path target, String content) throws IOException {
        assertEquals(content, Files.readString(target));
        assertEquals(List.of(target.getFileName().toString()), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
