package org.feedlab.lab.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a piece of work needed, from the JVM's own accounts: every garbage collection reports
 * (in a notification) the bytes in use in each heap pool just before and just after it; between
 * collections the heap in use only grows, so the largest sum before a collection is the peak of the
 * heap in use, as far as collections saw it. {@link #sample} adds the heap in use at a chosen
 * moment (MemoryMXBean), e.g. at the end of each tick, for work that ends between collections.
 */
public final class HeapWatch implements AutoCloseable {
    private final Set<String> heapPools =
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private long peakInUse;
    private long mostLiveAfterCollection;
    private int collections;

    /** Starts listening to every garbage collector's notifications. */
    public HeapWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private synchronized void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        collections++;
        peakInUse = Math.max(peakInUse, heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()));
        mostLiveAfterCollection =
                Math.max(
                        mostLiveAfterCollection,
                        heapUsed(info.getGcInfo().getMemoryUsageAfterGc()));
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    /** Counts the heap in use now (MemoryMXBean) toward the peak. */
    public synchronized void sample() {
        peakInUse =
                Math.max(
                        peakInUse,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /**
     * What was seen since this watch started.
     *
     * @param peakInUse the largest heap in use: before any collection, or at a sample
     * @param mostLiveAfterCollection the largest heap still in use right after a collection (an
     *     upper bound of the live data at that moment: a young collection leaves old garbage)
     * @param collections collections seen
     * @param maxHeap the heap's limit ({@code -Xmx}, Runtime.maxMemory)
     */
    public record Figures(
            long peakInUse, long mostLiveAfterCollection, int collections, long maxHeap) {}

    /** The figures so far. */
    public synchronized Figures figures() {
        return new Figures(
                peakInUse, mostLiveAfterCollection, collections, Runtime.getRuntime().maxMemory());
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // Already gone: nothing to remove.
            }
        }
    }
}
