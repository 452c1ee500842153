package org.feedlab.lab.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way FeedLab writes a file into a run or experiment directory: to a temporary file in the
 * target's directory, forced to disk, then renamed over the target in one atomic step. A reader, a
 * crash or Ctrl-C sees the old file or the new one, never half of one.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Body of a file, written to a stream the caller must not close. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} as {@code target}, replacing any file there; returns the target. */
    public static Path write(Path target, byte[] content) throws IOException {
        return write(target, out -> out.write(content));
    }

    /** Writes {@code text} in UTF-8 as {@code target}, replacing any file there. */
    public static Path write(Path target, String text) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes what {@code body} produces as {@code target}, replacing any file there; the temporary
     * file is removed if anything fails, and the target is then left as it was.
     */
    public static Path write(Path target, Body body) throws IOException {
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
            // On POSIX file systems an atomic move replaces an existing target in one rename.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
