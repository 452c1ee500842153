package org.feedlab.lab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.feedlab.lab.run.RunDirectory;

/**
 * What a run needs cleaned up, on the way out and on Ctrl-C: the platform it started (stopped
 * once), its temporary work directory (removed), and, when the JVM is interrupted before the run
 * finished, its run directory (removed, so an interrupted run leaves nothing half-written).
 */
final class RunGuard implements AutoCloseable {
    private final RunDirectory dir;
    private final Path work;
    private final AtomicReference<Platform> platform = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread hook;

    private RunGuard(RunDirectory dir, Path work) {
        this.dir = dir;
        this.work = work;
        this.hook = new Thread(this::interrupted, "feedlab-shutdown");
    }

    /**
     * Creates the run's temporary work directory and registers the shutdown hook, before anything
     * starts.
     */
    static RunGuard install(RunDirectory dir) throws IOException {
        RunGuard guard = new RunGuard(dir, Files.createTempDirectory("feedlab-run-"));
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The run directory it guards. */
    RunDirectory directory() {
        return dir;
    }

    /** The temporary directory for the broker's and the job's files. */
    Path work() {
        return work;
    }

    /** Takes charge of stopping a started platform; returns it. */
    <P extends Platform> P watch(P started) {
        platform.set(started);
        return started;
    }

    /** The run ended, finished or failed: stop the platform, remove the work files and the hook. */
    @Override
    public void close() {
        stopPlatform();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs or has run.
        }
        deleteRecursively(work);
    }

    /** The shutdown hook: Ctrl-C or the JVM exiting while the run goes on. */
    private void interrupted() {
        stopPlatform();
        deleteRecursively(work);
        if (!dir.finished()) {
            deleteRecursively(dir.path());
        }
    }

    private void stopPlatform() {
        Platform p = platform.get();
        if (p != null && stopped.compareAndSet(false, true)) {
            try {
                p.close();
            } catch (Exception e) {
                System.err.println("feedlab: error while stopping the platform: " + e);
            }
        }
    }

    /**
     * Deletes a tree, retrying briefly: on Ctrl-C the broker child may still be writing its last
     * files while it stops.
     */
    private static void deleteRecursively(Path root) {
        for (int attempt = 0; attempt < 10 && Files.exists(root); attempt++) {
            try (var walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A file vanished or appeared during the walk: try again.
            }
            if (Files.exists(root)) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (Files.exists(root)) {
            System.err.println("feedlab: could not delete " + root);
        }
    }
}
