package org.feedlab.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.feedlab.events.PlatformRecord;

/**
 * Helpers for operators that buffer records in keyed state until their phase is complete: the
 * records of phases up to t are taken out and the later ones are kept.
 */
final class PhaseBuffer {
    private PhaseBuffer() {}

    /** Removes and returns the buffered records whose phase is ≤ t. */
    static List<PlatformRecord> takeUpTo(ListState<PlatformRecord> buffer, long phase)
            throws Exception {
        List<PlatformRecord> due = new ArrayList<>();
        List<PlatformRecord> later = new ArrayList<>();
        Iterable<PlatformRecord> all = buffer.get();
        if (all != null) {
            for (PlatformRecord r : all) {
                (r.phase() <= phase ? due : later).add(r);
            }
        }
        if (later.isEmpty()) {
            buffer.clear();
        } else {
            buffer.update(later);
        }
        return due;
    }
}
