package org.feedlab.lab.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.junit.jupiter.api.Test;

/** The final stop's policy when a task fails while the savepoint is taken. */
class RankingJobStopTest {
    private static final Duration POLL = Duration.ofMillis(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Stops that fail or succeed in order, and the statuses the job reports in order. */
    private static final class Script implements RankingJob.Control {
        final Deque<Object> stops = new ArrayDeque<>();
        final Deque<JobStatus> statuses = new ArrayDeque<>();
        final List<Integer> aborted = new ArrayList<>();
        int stopCalls;
        int statusCalls;

        @Override
        public String stop() throws Exception {
            stopCalls++;
            Object next = stops.removeFirst();
            if (next instanceof Exception e) {
                throw e;
            }
            return (String) next;
        }

        @Override
        public JobStatus status() {
            statusCalls++;
            return statuses.size() > 1 ? statuses.removeFirst() : statuses.getFirst();
        }

        @Override
        public void aborted(Exception cause, int attempt) {
            aborted.add(attempt);
        }
    }

    private static ExecutionException suspending() {
        return new ExecutionException(
                new CheckpointException(
                        "Checkpoint Coordinator is suspending.",
                        CheckpointFailureReason.CHECKPOINT_COORDINATOR_SUSPEND));
    }

    @Test
    void aSavepointAbortedByARestartIsTakenAgainOnceTheJobRunsAgain() throws Exception {
        Script s = new Script();
        s.stops.add(suspending());
        s.stops.add("file:/savepoints/sp-1");
        s.statuses.add(JobStatus.RESTARTING);
        s.statuses.add(JobStatus.RESTARTING);
        s.statuses.add(JobStatus.RUNNING);

        assertEquals("file:/savepoints/sp-1", RankingJob.stopAcrossRestarts(s, POLL, PATIENCE));
        assertEquals(2, s.stopCalls);
        assertEquals(List.of(1), s.aborted);
        assertEquals(JobStatus.RUNNING, s.status(), "it waited until the job ran again");
    }

    @Test
    void itGivesUpAfterTheLastAttemptWithTheLastFailure() {
        Script s = new Script();
        ExecutionException last = null;
        for (int i = 0; i < RankingJob.STOP_ATTEMPTS; i++) {
            last = suspending();
            s.stops.add(last);
        }
        s.stops.add("never taken");
        s.statuses.add(JobStatus.RUNNING);

        ExecutionException e =
                assertThrows(
                        ExecutionException.class,
                        () -> RankingJob.stopAcrossRestarts(s, POLL, PATIENCE));
        assertEquals(5, RankingJob.STOP_ATTEMPTS);
        assertEquals(RankingJob.STOP_ATTEMPTS, s.stopCalls);
        assertEquals(List.of(1, 2, 3, 4), s.aborted);
        assertSame(last, e);
    }

    @Test
    void aJobThatEndedIsNotStoppedAgain() {
        Script s = new Script();
        ExecutionException first = suspending();
        s.stops.add(first);
        s.stops.add("never taken");
        s.statuses.add(JobStatus.RESTARTING);
        s.statuses.add(JobStatus.FAILED);

        assertSame(
                first,
                assertThrows(
                        ExecutionException.class,
                        () -> RankingJob.stopAcrossRestarts(s, POLL, PATIENCE)));
        assertEquals(1, s.stopCalls);
        assertEquals(2, s.statusCalls, "it stopped waiting as soon as the job had failed");
    }

    @Test
    void aJobThatDoesNotRunAgainInTimeIsNotStoppedAgain() {
        Script s = new Script();
        s.stops.add(suspending());
        s.stops.add("never taken");
        s.statuses.add(JobStatus.RESTARTING);

        assertThrows(
                ExecutionException.class,
                () -> RankingJob.stopAcrossRestarts(s, POLL, Duration.ofMillis(20)));
        assertEquals(1, s.stopCalls);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        Script s = new Script();
        IllegalStateException other = new IllegalStateException("the cluster is gone");
        s.stops.add(new ExecutionException(other));
        s.statuses.add(JobStatus.RUNNING);

        ExecutionException e =
                assertThrows(
                        ExecutionException.class,
                        () -> RankingJob.stopAcrossRestarts(s, POLL, PATIENCE));
        assertSame(other, e.getCause());
        assertEquals(1, s.stopCalls);
        assertEquals(List.of(), s.aborted);
    }
}
