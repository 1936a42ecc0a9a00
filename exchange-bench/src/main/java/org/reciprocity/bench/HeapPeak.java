package org.reciprocity.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use while something runs, sampled every few milliseconds on a thread of its own. In-use heap
 * includes garbage not yet collected, so the peak is what the JVM had to find room for, the figure that decides
 * whether {@code -Xmx} suffices; what survives a full collection afterwards is the part the work keeps.
 */
final class HeapPeak implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean sampling = true;

    private HeapPeak() {
        sampler = new Thread(this::sample, "heap-peak");
        sampler.setDaemon(true);
    }

    static HeapPeak watch() {
        HeapPeak watch = new HeapPeak();
        watch.sample(watch.memory.getHeapMemoryUsage().getUsed());
        watch.sampler.start();
        return watch;
    }

    long peakBytes() {
        return peak.get();
    }

    static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The heap in use after a full collection: what is still reachable. */
    static long liveBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sample() {
        while (sampling) {
            sample(memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sample(long used) {
        peak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        sampling = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample(memory.getHeapMemoryUsage().getUsed());
    }
}
