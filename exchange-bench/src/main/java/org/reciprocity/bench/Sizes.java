package org.reciprocity.bench;

import java.util.List;

/**
 * How much the benchmark does.
 *
 * @param items            items in the feed dump, contributed half through the gateway and half over HTTP; also the
 *                         pool that withdrawals and TAXII pages are drawn from
 * @param batch            items per contribution and per raw insert batch
 * @param withdrawals      withdrawals timed at each number of consumers
 * @param consumers        the numbers of concurrent consumers
 * @param pages            TAXII pages timed at each number of readers
 * @param readers          the numbers of concurrent TAXII readers
 */
record Sizes(long items, int batch, int withdrawals, List<Integer> consumers, int pages, List<Integer> readers) {

    /** The sizes the goals in docs/benchmarks.md are set at. */
    static final Sizes GOALS = new Sizes(1_000_000, 1_000, 6_400, List.of(1, 16, 64), 3_200, List.of(1, 16));

    Sizes {
        if (items < 2 || batch < 1 || withdrawals < 1 || pages < 1) {
            throw new IllegalArgumentException("items (at least 2), batch, withdrawals and pages must be positive");
        }
        consumers = List.copyOf(consumers);
        readers = List.copyOf(readers);
    }
}
