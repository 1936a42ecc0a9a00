package org.reciprocity.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * How much heap something needs while it runs, two ways. In use: sampled every few milliseconds on a thread of its
 * own, garbage not yet collected included, which tracks how much the collector let the heap fill. After each
 * collection: what was still reachable once the collector was done, the part the work itself kept; its peak is what
 * {@code -Xmx} must at least hold.
 */
final class HeapPeak implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong inUse = new AtomicLong();
    private final AtomicLong afterCollection = new AtomicLong();
    private final NotificationListener collected = this::collected;
    private final Thread sampler;
    private volatile boolean sampling = true;

    private HeapPeak() {
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
    }

    static HeapPeak watch() {
        HeapPeak watch = new HeapPeak();
        watch.inUse.set(watch.memory.getHeapMemoryUsage().getUsed());
        watch.collectors.forEach(collector -> ((NotificationEmitter) collector)
                .addNotificationListener(watch.collected, null, null));
        watch.sampler.start();
        return watch;
    }

    /** The most heap in use at any sample. */
    long peakBytes() {
        return inUse.get();
    }

    /** The most heap still in use right after a collection; 0 when none ran. */
    long peakAfterCollectionBytes() {
        return afterCollection.get();
    }

    static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * The heap in use after a full collection: what is still reachable. The collections during the work are mostly
     * young ones, after which the old generation still holds garbage the collector has not yet come to.
     */
    static long liveBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (sampling) {
            inUse.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        long reachable = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .map(Map.Entry::getValue).mapToLong(MemoryUsage::getUsed).sum();
        afterCollection.accumulateAndGet(reachable, Math::max);
    }

    @Override
    public void close() {
        sampling = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(collected);
            } catch (ListenerNotFoundException e) {
                // Added to every collector in watch(); nothing to remove means nothing to stop.
            }
        }
    }
}
