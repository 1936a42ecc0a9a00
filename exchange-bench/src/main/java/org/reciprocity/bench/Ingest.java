package org.reciprocity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.item.Item;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feed dump contributed through the exchange in batches, one after another as one feed sends them: through the
 * command gateway in this process, or over HTTP. Each way gives two figures: items stored (every contribution
 * answered, its event and registries committed) and items drawable (the catalogue and the ledger have them too),
 * the one to hold against the limit, which also ends with every item drawable.
 */
final class Ingest {

    private final RunningExchange exchange;
    private final JdbcTemplate jdbc;

    Ingest(RunningExchange exchange) {
        this.exchange = exchange;
        this.jdbc = exchange.bean(JdbcTemplate.class);
    }

    record Result(Figure stored, Figure drawable) {
    }

    /** Items {@code from} to {@code to} through the command gateway, in batches, credited to a new firm. */
    Result throughGateway(String firm, long from, long to, int batch) throws InterruptedException {
        exchange.register(firm, "firm");
        return contribute("in process, command gateway", from, to, batch, (first, items) -> {
            ContributionReceipt receipt = exchange.commands().sendAndWait(new ContributeItems(firm, firm,
                    "bench-" + firm + "-" + items.get(0).value(), items));
            return receipt.newItems();
        });
    }

    /**
     * Items {@code from} to {@code to} through the command gateway, in batches, each with the context a report sends
     * around its indicators ({@link BenchContext}).
     */
    Result withContext(String firm, long from, long to, int batch) throws InterruptedException {
        exchange.register(firm, "firm");
        return contribute("with context, command gateway", from, to, batch, (first, items) -> {
            ContributionReceipt receipt = exchange.commands().sendAndWait(new ContributeItems(firm, firm,
                    "bench-" + firm + "-" + items.get(0).value(), items, BenchContext.around(items, first)));
            return receipt.newItems();
        });
    }

    /** Items {@code from} to {@code to} over HTTP, in batches, by a new firm with its API key. */
    Result overHttp(String firm, long from, long to, int batch) throws InterruptedException {
        String key = exchange.register(firm, "firm");
        return contribute("over HTTP", from, to, batch, (first, items) -> {
            JsonNode receipt = exchange.client().post("api/contributions", key,
                    "bench-" + firm + "-" + items.get(0).value(), Map.of("items", items.stream()
                            .map(Ingest::asJson).toList()), 201);
            return receipt.path("newItems").asLong();
        });
    }

    /** One batch sent: items {@code first} onwards; the answer, how many were new to the pool. */
    private interface Send {
        long batch(long first, List<Item> items);
    }

    private Result contribute(String how, long from, long to, int batch, Send send) throws InterruptedException {
        long drawableBefore = drawable();
        long started = System.nanoTime();
        long stored = 0;
        for (long first = from; first < to; first += batch) {
            stored += send.batch(first, BenchItems.range(first, Math.min(to, first + batch)));
        }
        long storedAt = System.nanoTime();
        exchange.awaitProjections();
        long drawableAt = System.nanoTime();
        return new Result(Figure.bulk("ingest " + how + ": stored", stored, "items", storedAt - started),
                Figure.bulk("ingest " + how + ": drawable", drawable() - drawableBefore, "items",
                        drawableAt - started));
    }

    private long drawable() {
        Long count = jdbc.queryForObject("select count(*) from catalogue_item where pool_position is not null",
                Long.class);
        return count == null ? 0 : count;
    }

    private static Map<String, Object> asJson(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", item.type().label());
        json.put("value", item.value());
        json.put("tlp", item.tlp().label());
        json.put("confidence", item.confidence());
        json.put("tags", item.tags());
        return json;
    }
}
