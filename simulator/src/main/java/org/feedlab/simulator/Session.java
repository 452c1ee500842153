package org.feedlab.simulator;

/**
 * One session as the health metrics need it.
 *
 * @param userId the reader
 * @param index the session's number within the reader's day, from 0
 * @param items items examined
 * @param seconds time spent (sum of dwell)
 * @param satisfaction satisfaction from stated preferences in [0, 1]
 * @param stopReason what ended it
 * @param churnedAfter whether the user left the platform after it (only the day's last session)
 */
public record Session(
        int userId,
        int index,
        int items,
        double seconds,
        double satisfaction,
        StopReason stopReason,
        boolean churnedAfter) {

    /** Whether anger ended the session. */
    public boolean angerExit() {
        return stopReason == StopReason.ANGER_EXIT;
    }
}
