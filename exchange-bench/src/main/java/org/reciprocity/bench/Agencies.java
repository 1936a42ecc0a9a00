package org.reciprocity.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The agencies of one round of concurrent clients: each registered with its own account, funded by a grant so that
 * the round measures drawing rather than running out of credit, and given its own place to start in the pool, so
 * that they do not all draw the same items.
 */
final class Agencies {

    private static final long GRANT = 1_000_000;

    record Agency(String id, String apiKey, long start) {
    }

    private Agencies() {
    }

    static List<Agency> register(RunningExchange exchange, String round, int count, long poolSize) {
        return register(exchange, round, count, 0, poolSize);
    }

    /** Agencies starting within positions {@code from} (exclusive) to {@code from + size}. */
    static List<Agency> register(RunningExchange exchange, String round, int count, long from, long size) {
        return IntStream.range(0, count).mapToObj(j -> {
            String id = round + "-" + count + "-" + j;
            String key = exchange.register(id, "agency");
            exchange.grant(id, GRANT);
            return new Agency(id, key, from + j * size / count);
        }).toList();
    }
}
