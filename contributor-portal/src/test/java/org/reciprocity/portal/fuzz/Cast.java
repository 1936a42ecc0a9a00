package org.reciprocity.portal.fuzz;

import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Who and what the valid requests name: a firm and an agency with credit, an auditor, a pool of two members and a
 * firm in none, a firm whose key may be reissued, a statement line, an object the firm holds, a TAXII status and an
 * audit job.
 */
record Cast(Participant bank, Participant cert, Participant auditor, Participant loner, Participant spare,
            String pool, Participant pooled, long statementPosition, String objectId, String statusId,
            String jobId) {

    static final String COLLECTION = "a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11";
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    static Cast gathered(ExchangeClient exchange, Runnable settled) {
        Participant bank = exchange.register("firm");
        Participant cert = exchange.register("agency");
        Participant auditor = exchange.register("auditor");
        Participant loner = exchange.register("firm");
        Participant spare = exchange.register("firm");
        Participant pooled = exchange.register("firm");
        Participant other = exchange.register("agency");
        String pool = "fuzz-pool-" + UUID.randomUUID().toString().substring(0, 8);
        required(exchange.post("/api/pools", FuzzedExchange.OPERATOR_KEY, null, Map.of("id", pool, "name", "Fuzz pool",
                "sector", "government-local", "country", "MY", "members", List.of(pooled.id(), other.id()))), 201);
        required(exchange.contribute(bank, "cast-" + UUID.randomUUID(), List.of(item("ipv4", ip(), "GREEN"),
                item("domain", "cast-" + UNIQUE.incrementAndGet() + ".example.com", "AMBER"))), 201);
        for (Participant holder : List.of(bank, cert)) {
            required(exchange.post("/api/accounts/" + holder.id() + "/grants", FuzzedExchange.OPERATOR_KEY,
                    "cast-" + UUID.randomUUID(), Map.of("amount", 50, "reason", "fuzz suite")), 201);
        }
        required(exchange.withdraw(cert, "cast-" + UUID.randomUUID(), Map.of("limit", 1)), 201);
        settled.run();
        Response statement = required(exchange.get("/api/accounts/" + bank.id() + "/statement", bank.apiKey()), 200);
        Response added = required(exchange.post("/taxii2/pool/collections/" + COLLECTION + "/objects/", bank.apiKey(),
                null, envelope(ip()), MediaType.parseMediaType(Family.TAXII)), 202);
        Response held = required(exchange.get("/taxii2/pool/collections/" + COLLECTION + "/manifest/",
                bank.apiKey()), 200);
        settled.run();
        Response job = required(exchange.post("/api/audit/replays", auditor.apiKey(), null, Map.of()), 202);
        return new Cast(bank, cert, auditor, loner, spare, pool, pooled,
                statement.body().path("lines").path(0).path("position").asLong(),
                held.body().path("objects").path(0).path("id").asText(), added.body().path("id").asText(),
                job.body().path("id").asText());
    }

    static String bearer(Participant participant) {
        return "Bearer " + participant.apiKey();
    }

    static String basic(Participant participant) {
        return "Basic " + Base64.getEncoder().encodeToString((participant.id() + ":" + participant.apiKey())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** An address no other try has used, so that a contribution wrongly accepted earns credit for a new item. */
    static String ip() {
        int n = UNIQUE.incrementAndGet();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    static String envelope(String ip) {
        return """
                {"objects": [{"type": "indicator", "spec_version": "2.1", "id": "indicator--%s",
                  "created": "2026-11-01T00:00:00.000Z", "modified": "2026-11-01T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[ipv4-addr:value = '%s']", "valid_from": "2026-11-01T00:00:00Z",
                  "confidence": 90, "object_marking_refs": ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}]}
                """.formatted(UUID.randomUUID(), ip);
    }

    private static Response required(Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("the fuzz's cast could not be set up: " + response.status() + " "
                    + response.body());
        }
        return response;
    }
}
