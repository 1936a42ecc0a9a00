package org.reciprocity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The whole machine's processor time while something ran: the exchange's nodes, the database and the benchmark's
 * clients together, from Linux's {@code /proc/stat} (the host's counts: in a container, its neighbours' too). Two
 * nodes that share the machine's cores cannot serve more than one that already keeps them busy; what they can show
 * is whether a decision costs the machine more processor time on two nodes than on one.
 *
 * @param busyNanos core-nanoseconds spent working, summed over the cores
 * @param idleShare the share of the cores' time spent idle or waiting for a disk
 */
record ProcessorTime(long busyNanos, double idleShare) {

    private static final Path STAT = Path.of("/proc/stat");
    // Linux counts in USER_HZ ticks: 100 a second on x86 and ARM, the machines this runs on.
    private static final long NANOS_PER_TICK = 10_000_000L;
    // user, nice, system, idle, iowait, irq, softirq; then steal, the time a virtual machine's host gave its cores
    // to others, which is neither this machine's work nor its idling, and is left out. Guest time is already counted
    // in user and nice.
    private static final int COUNTED_FIELDS = 7;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    /** Runs the work and says what the machine spent meanwhile; no figure where the machine does not tell. */
    static <T> Measured<T> during(Callable<T> work) throws Exception {
        Optional<long[]> before = ticks();
        T result = work.call();
        Optional<long[]> after = ticks();
        if (before.isEmpty() || after.isEmpty()) {
            return new Measured<>(result, Optional.empty());
        }
        long total = 0;
        long idle = 0;
        for (int field = 0; field < COUNTED_FIELDS; field++) {
            long spent = after.get()[field] - before.get()[field];
            total += spent;
            if (field == IDLE || field == IOWAIT) {
                idle += spent;
            }
        }
        return new Measured<>(result, total == 0 ? Optional.empty()
                : Optional.of(new ProcessorTime((total - idle) * NANOS_PER_TICK, (double) idle / total)));
    }

    /** Busy processor time per operation, in milliseconds. */
    double millisEach(long operations) {
        return busyNanos / 1e6 / operations;
    }

    /** The machine's ticks since it started, summed over its cores, from the first line of {@code /proc/stat}. */
    private static Optional<long[]> ticks() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            String[] fields = lines.isEmpty() ? new String[0] : lines.get(0).trim().split("\\s+");
            if (fields.length <= COUNTED_FIELDS || !fields[0].equals("cpu")) {
                return Optional.empty();
            }
            return Optional.of(Arrays.stream(fields, 1, 1 + COUNTED_FIELDS).mapToLong(Long::parseLong).toArray());
        } catch (IOException | NumberFormatException notLinux) {
            return Optional.empty();
        }
    }

    record Measured<T>(T result, Optional<ProcessorTime> time) {
    }
}
