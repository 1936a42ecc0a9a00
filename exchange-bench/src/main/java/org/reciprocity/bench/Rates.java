package org.reciprocity.bench;

/** The arithmetic every figure shares. */
final class Rates {

    private Rates() {
    }

    static double perSecond(long count, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            throw new IllegalArgumentException("elapsed time must be positive; got " + elapsedNanos + " ns");
        }
        return count * 1e9 / elapsedNanos;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
