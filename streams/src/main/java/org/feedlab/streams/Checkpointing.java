package org.feedlab.streams;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * How the ranking job keeps its state safe: exactly-once (aligned) checkpoints of the heap state
 * backend to a directory, a fixed-delay restart strategy, a fixed maximum parallelism (so keyed
 * state can be restored at another parallelism), and generic types off (every record and every
 * piece of state has an explicit serializer; Flink fails rather than fall back to Kryo).
 *
 * @param interval time between checkpoints
 * @param directory URI of the checkpoint directory (such as {@code file:///...}), or null to use
 *     the cluster's own setting
 * @param restartAttempts restarts before the job fails for good
 * @param restartDelay pause before each restart
 */
public record Checkpointing(
        Duration interval, String directory, int restartAttempts, Duration restartDelay) {
    /** Every 2 s: a tick of a lab-sized society takes longer, so recovery replays little. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    /** Key groups: the most parallel a restored job can be. */
    public static final int MAX_PARALLELISM = 128;

    /** A retraining holds a checkpoint's barrier back while it runs: allow for a slow one. */
    public static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** Restarts allowed before the job fails (each one restores the last checkpoint). */
    public static final int RESTART_ATTEMPTS = 10;

    /** The defaults, checkpointing to {@code directory}. */
    public static Checkpointing to(String directory) {
        return new Checkpointing(INTERVAL, directory, RESTART_ATTEMPTS, Duration.ofSeconds(1));
    }

    /** The job's configuration: checkpoints, state backend, restarts and serializer rules. */
    public Configuration configuration() {
        Configuration c = new Configuration();
        c.set(PipelineOptions.GENERIC_TYPES, false);
        c.set(PipelineOptions.MAX_PARALLELISM, MAX_PARALLELISM);
        c.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        if (directory != null) {
            c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
        }
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        c.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        c.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(500));
        c.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, TIMEOUT);
        c.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 1);
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, restartDelay);
        return c;
    }
}
