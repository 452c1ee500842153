package org.feedlab.lab.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** A double that one thread sets and the scrape thread reads, without locks. */
final class GaugeValue {

    // Doubles have no atomic class; their raw bits in an AtomicLong give the same guarantees.
    private final AtomicLong bits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));

    void set(double value) {
        bits.set(Double.doubleToRawLongBits(value));
    }

    double get() {
        return Double.longBitsToDouble(bits.get());
    }
}
