package org.feedlab.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.state.ListState;

/**
 * Helpers for operators that buffer records in keyed state until their phase is complete: the
 * records of phases up to t are taken out and the later ones are kept.
 */
final class PhaseBuffer {
    private PhaseBuffer() {}

    /** Removes and returns the buffered records whose phase is ≤ t. */
    static <T> List<T> takeUpTo(ListState<T> buffer, long phase, ToLongFunction<T> phaseOf)
            throws Exception {
        List<T> due = new ArrayList<>();
        List<T> later = new ArrayList<>();
        Iterable<T> all = buffer.get();
        if (all != null) {
            for (T r : all) {
                (phaseOf.applyAsLong(r) <= phase ? due : later).add(r);
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
