package org.reciprocity.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Quota-checked withdrawals over HTTP by concurrent consumers, each an agency with its own account (funded by a grant)
 * drawing the pool in small steps from its own place in it, every item charged: the account decides each one against
 * its balance. Consumers on one account would only queue behind each other; separate accounts are what many
 * agencies drawing at once look like.
 */
final class Withdrawals {

    private static final int ITEMS_PER_WITHDRAWAL = 10;

    private final List<RunningExchange> nodes;
    private final long poolSize;
    private final boolean byScore;

    Withdrawals(RunningExchange exchange, long poolSize) {
        this(List.of(exchange), poolSize, false);
    }

    /** The consumers taking turns among the nodes, one node each, as a proxy in front of them would spread them. */
    Withdrawals(List<RunningExchange> nodes, long poolSize) {
        this(nodes, poolSize, false);
    }

    /**
     * @param byScore whether each withdrawal asks for the best items of the whole pool, which the catalogue scores
     *                item by item, instead of the next ones from the consumer's place in it
     */
    Withdrawals(List<RunningExchange> nodes, long poolSize, boolean byScore) {
        this.nodes = nodes;
        this.poolSize = poolSize;
        this.byScore = byScore;
    }

    /**
     * {@code total} withdrawals shared among {@code consumers}, new agencies named after {@code round}; the items
     * each delivered are counted in.
     */
    Figure measure(String round, int consumers, int total, AtomicLong itemsDelivered) throws InterruptedException {
        List<Agencies.Agency> agencies = Agencies.register(nodes.get(0), round, consumers, poolSize);
        List<ClosedLoop.Client> clients = IntStream.range(0, consumers).mapToObj(j -> consumer(nodes.get(
                j % nodes.size()), agencies.get(j), itemsDelivered)).toList();
        return Figure.timed("withdrawals" + (byScore ? String.format(" by score of %,d items", poolSize) : "")
                + ", " + consumers + " concurrent consumer" + (consumers == 1 ? "" : "s")
                + (nodes.size() == 1 ? "" : " on " + nodes.size() + " nodes"), "withdrawals",
                ClosedLoop.run(clients, Math.max(1, total / consumers)));
    }

    private ClosedLoop.Client consumer(RunningExchange node, Agencies.Agency agency, AtomicLong itemsDelivered) {
        if (byScore) {
            // The best of the pool each time: the first draw pays for them, the next ones get them free.
            return n -> itemsDelivered.addAndGet(node.client().post("api/withdrawals", agency.apiKey(),
                    agency.id() + "-" + n, Map.of("order", "score", "limit", ITEMS_PER_WITHDRAWAL), 201)
                    .path("items").size());
        }
        long[] after = {agency.start()};
        return n -> {
            JsonNode answer = node.client().post("api/withdrawals", agency.apiKey(), agency.id() + "-" + n,
                    Map.of("after", after[0], "limit", ITEMS_PER_WITHDRAWAL), 201);
            itemsDelivered.addAndGet(answer.path("items").size());
            // At the end of the pool, start again from the beginning.
            after[0] = answer.path("throughPosition").isNumber() ? answer.path("throughPosition").asLong() : 0;
        };
    }
}
