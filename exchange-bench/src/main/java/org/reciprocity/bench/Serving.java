package org.reciprocity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.taxii.Taxii;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TAXII 2.1 {@code objects} pages of 100 objects read by concurrent feeds (an OpenCTI or MISP instance each), each an
 * agency with its own account, paging from its own place in a stretch of the pool by {@code next}: every page is a
 * metered withdrawal and a page of STIX objects, the items' indicators and their context.
 */
final class Serving {

    static final int PAGE = 100;

    private final RunningExchange exchange;
    private final String stretch;
    private final long from;
    private final long size;

    /** Readers starting within positions {@code from} (exclusive) to {@code from + size}, named {@code stretch}. */
    Serving(RunningExchange exchange, String stretch, long from, long size) {
        this.exchange = exchange;
        this.stretch = stretch;
        this.from = from;
        this.size = size;
    }

    /**
     * {@code total} pages shared among {@code readers}, new agencies named after {@code round}; the objects they were
     * served are counted in.
     */
    Figure measure(String round, int readers, int total, AtomicLong objectsServed) throws InterruptedException {
        List<ClosedLoop.Client> clients = Agencies.register(exchange, round, readers, from, size).stream()
                .map(agency -> reader(agency, objectsServed)).toList();
        return Figure.timed("TAXII pages of " + PAGE + ", " + readers + " concurrent reader" + (readers == 1 ? ""
                : "s") + ", " + stretch, "pages", ClosedLoop.run(clients, Math.max(1, total / readers)));
    }

    private ClosedLoop.Client reader(Agencies.Agency agency, AtomicLong objectsServed) {
        String[] next = {agency.start() == 0 ? null : String.valueOf(agency.start())};
        return n -> {
            JsonNode page = exchange.client().taxii(Taxii.POOL_OBJECTS + "?limit=" + PAGE + (next[0] == null ? ""
                    : "&next=" + next[0]), agency.id(), agency.apiKey());
            objectsServed.addAndGet(page.path("objects").size());
            // At the end of the pool a reader starts its stretch again.
            next[0] = page.path("more").asBoolean() ? page.path("next").asText() : from == 0 ? null
                    : String.valueOf(from);
        };
    }
}
