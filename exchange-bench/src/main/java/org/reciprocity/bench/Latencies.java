package org.reciprocity.bench;

import java.util.Arrays;

/**
 * What a run of timed operations took: how many per second over the run, and the latency below which half and 99 in
 * a hundred of them finished (nearest-rank percentiles: the value of an operation that was actually timed).
 *
 * @param count         operations timed
 * @param elapsedNanos  the wall time of the whole run
 * @param p50Nanos      the median latency
 * @param p99Nanos      the 99th percentile latency
 * @param maxNanos      the slowest
 */
record Latencies(int count, long elapsedNanos, long p50Nanos, long p99Nanos, long maxNanos) {

    static Latencies of(long[] nanos, long elapsedNanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no operation was timed");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, elapsedNanos, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The smallest timed value that at least {@code percent} of the values do not exceed. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    double perSecond() {
        return Rates.perSecond(count, elapsedNanos);
    }
}
