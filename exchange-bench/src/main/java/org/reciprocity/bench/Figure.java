package org.reciprocity.bench;

/**
 * One line of the benchmark's table: how many of something were done in how long, and, for operations timed one by
 * one, their latencies.
 *
 * @param name         what was measured
 * @param count        how many were done
 * @param unit         of what: items, events, withdrawals, pages
 * @param elapsedNanos the wall time they took
 * @param latencies    per-operation latencies; null when the operation is one bulk run
 */
record Figure(String name, long count, String unit, long elapsedNanos, Latencies latencies) {

    static Figure bulk(String name, long count, String unit, long elapsedNanos) {
        return new Figure(name, count, unit, elapsedNanos, null);
    }

    static Figure timed(String name, String unit, Latencies latencies) {
        return new Figure(name, latencies.count(), unit, latencies.elapsedNanos(), latencies);
    }

    double perSecond() {
        return Rates.perSecond(count, elapsedNanos);
    }

    /** This figure's rate as a share of another's: 0.5 is half as fast. */
    double ratioTo(Figure limit) {
        return perSecond() / limit.perSecond();
    }
}
