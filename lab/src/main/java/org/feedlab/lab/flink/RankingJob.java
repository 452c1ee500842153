package org.feedlab.lab.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.jobgraph.JobGraph;

/**
 * The ranking job on a Flink cluster (embedded or remote), reached through Flink's client for
 * submission and control and through the REST API for checkpoint statistics and restart counts.
 */
public final class RankingJob {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClusterClient<?> client;
    private final URI rest;
    private final JobID id;
    private int savepointsAborted;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RankingJob(ClusterClient<?> client, URI rest, JobID id) {
        this.client = client;
        this.rest = rest;
        this.id = id;
    }

    /** Submits a job graph and returns once the cluster has accepted it. */
    public static RankingJob submit(ClusterClient<?> client, URI rest, JobGraph graph)
            throws Exception {
        JobID id = client.submitJob(graph).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return new RankingJob(client, rest, id);
    }

    public JobID id() {
        return id;
    }

    /** The job's status now. */
    public JobStatus status() throws Exception {
        return client.getJobStatus(id).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Stops the job with a savepoint in {@code directory} (without draining: no timer fires that
     * the input has not completed) and returns its path. The exactly-once sinks commit their last
     * transaction with it.
     *
     * <p>A task that fails while the savepoint is taken makes the JobManager abort it ("Checkpoint
     * Coordinator is suspending") and restart the job from its last completed checkpoint, which
     * gives the same records again (the job is deterministic). So an aborted savepoint is not the
     * end of the run: once the restored job is running, it is stopped again, at most {@link
     * #STOP_ATTEMPTS} times in all. A job that does not come back (its restarts are used up) ends
     * the run with the failure.
     */
    public String stopWithSavepoint(String directory) throws Exception {
        String path =
                stopAcrossRestarts(
                        new Control() {
                            @Override
                            public String stop() throws Exception {
                                return client.stopWithSavepoint(
                                                id, false, directory, SavepointFormatType.CANONICAL)
                                        .get(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS);
                            }

                            @Override
                            public JobStatus status() throws Exception {
                                return RankingJob.this.status();
                            }

                            @Override
                            public void aborted(Exception cause, int attempt) {
                                savepointsAborted++;
                                System.err.println(
                                        "feedlab: the final savepoint was aborted ("
                                                + rootMessage(cause)
                                                + "); the job restarts from its last checkpoint and is stopped again"
                                                + " (attempt "
                                                + (attempt + 1)
                                                + " of "
                                                + STOP_ATTEMPTS
                                                + ")\n"
                                                + lastFailure());
                            }
                        },
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(5));
        client.requestJobResult(id).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return path;
    }

    /** Final savepoints aborted by a task failure (each followed by a restart of the job). */
    public int savepointsAborted() {
        return savepointsAborted;
    }

    /** How many times the final stop is tried before a run fails. */
    static final int STOP_ATTEMPTS = 5;

    /** The calls {@link #stopAcrossRestarts} makes, so that its policy can be tested alone. */
    interface Control {
        String stop() throws Exception;

        JobStatus status() throws Exception;

        void aborted(Exception cause, int attempt);
    }

    /**
     * Tries {@code control.stop()}; when it fails with a {@link CheckpointException} anywhere in
     * its causes and the job has not ended, waits (at least one {@code poll}, then polling every
     * {@code poll}, at most {@code patience}) until the job runs again and tries once more, {@link
     * #STOP_ATTEMPTS} times in all. Any other failure, a job that ended, or one that is not running
     * again in time, is thrown.
     */
    static String stopAcrossRestarts(Control control, Duration poll, Duration patience)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return control.stop();
            } catch (Exception e) {
                if (attempt >= STOP_ATTEMPTS || !abortedCheckpoint(e)) {
                    throw e;
                }
                control.aborted(e, attempt);
                long deadline = System.nanoTime() + patience.toNanos();
                JobStatus status;
                do {
                    Thread.sleep(poll.toMillis());
                    status = control.status();
                    if (status.isGloballyTerminalState() || System.nanoTime() > deadline) {
                        throw e;
                    }
                } while (status != JobStatus.RUNNING);
            }
        }
    }

    private static boolean abortedCheckpoint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CheckpointException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Cancels the job unless it has ended already. */
    public void cancel() throws Exception {
        if (!status().isGloballyTerminalState()) {
            client.cancel(id).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            client.requestJobResult(id).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** What the checkpoint statistics say: counts, and the size and duration of the latest. */
    public record Checkpoints(
            long completed,
            long failed,
            long restored,
            long latestId,
            long latestStateBytes,
            long latestDurationMillis) {}

    /** The job's checkpoint statistics (REST {@code /jobs/<id>/checkpoints}). */
    public Checkpoints checkpoints() throws IOException, InterruptedException {
        JsonNode root = get("/jobs/" + id + "/checkpoints");
        JsonNode counts = root.path("counts");
        JsonNode latest = root.path("latest").path("completed");
        return new Checkpoints(
                counts.path("completed").asLong(),
                counts.path("failed").asLong(),
                counts.path("restored").asLong(),
                latest.path("id").asLong(-1),
                latest.path("state_size").asLong(),
                latest.path("end_to_end_duration").asLong());
    }

    /**
     * How often the job has failed and restarted: the entries of its exception history (REST {@code
     * /jobs/<id>/exceptions}), which the JobManager records at each failure. The metric {@code
     * numRestarts} is only fetched every few seconds, so it can lag a recent restart.
     */
    public long restarts() throws IOException, InterruptedException {
        return get("/jobs/" + id + "/exceptions").path("exceptionHistory").path("entries").size();
    }

    /**
     * The most recent failure's exception as the JobManager recorded it (its first lines and the
     * causes), or "" when the job has not failed.
     */
    public String lastFailure() {
        try {
            JsonNode entries =
                    get("/jobs/" + id + "/exceptions").path("exceptionHistory").path("entries");
            if (entries.isEmpty()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            for (String line : entries.get(0).path("stacktrace").asText().split("\n")) {
                if (!line.startsWith("\tat ") && !line.startsWith("\t...")) {
                    out.append(line.strip()).append('\n');
                }
            }
            return out.toString();
        } catch (IOException | InterruptedException e) {
            return "(the failure could not be read: " + e + ")";
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(rest.resolve(path)).timeout(CALL_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "Flink REST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
