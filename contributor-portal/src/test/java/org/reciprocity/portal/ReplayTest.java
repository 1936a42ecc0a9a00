package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * The read side follows from the events alone: rebuilt from the start of the event store, the ledger and the
 * catalogue hold exactly what they held, and an auditor's recomputation from the events agrees with them.
 */
class ReplayTest extends PostgresExchangeTest {

    @Test
    void rebuildingTheProjectionsFromTheEventStoreGivesExactlyTheSameBalancesStatementsAndCatalogue() {
        ExchangeClient exchange = exchange();
        Participant bank = exchange.register("firm");
        Participant telco = exchange.register("firm");
        Participant agency = exchange.register("agency");
        Participant auditor = exchange.register("auditor");
        exchange.contribute(bank, "b1", IntStream.range(0, 30).mapToObj(i -> item("ipv4", "100.64.1." + i,
                i % 5 == 0 ? "RED" : "GREEN")).toList());
        exchange.contribute(telco, "t1", IntStream.range(20, 40).mapToObj(i -> item("ipv4", "100.64.1." + i,
                i % 3 == 0 ? "AMBER" : "CLEAR")).toList());
        exchange.contribute(agency, "a1", List.of(item("domain", "replay-c2.example", "GREEN"),
                item("ipv4", "100.64.1.5", "GREEN")));
        contributeAtOnce(exchange);
        Projections.awaitCaughtUp(projections);
        exchange.withdraw(agency, "w1", Map.of("limit", 1));
        exchange.withdraw(agency, "w2", Map.of("limit", 5));
        exchange.withdraw(telco, "w3", Map.of("types", List.of("ipv4"), "limit", 7));
        exchange.withdraw(bank, "w4", Map.of("limit", 1000));
        // Grants, pools and bonuses too: every kind of line the ledger keeps.
        exchange.post("/api/accounts/" + agency.id() + "/grants", operatorKey(), "g1", Map.of("amount", 3.5,
                "reason", "replay programme"));
        Participant town = exchange.register("agency");
        exchange.post("/api/pools", operatorKey(), null, Map.of("id", "pool-" + town.id(), "name", "Towns",
                "sector", "government-local", "country", "MY", "members", List.of(town.id())));
        exchange.contribute(town, "t1", List.of(item("domain", "replay-town.example", "GREEN")));
        Response drawn = exchange.withdraw(agency, "w5", Map.of("types", List.of("ipv4"), "limit", 2));
        exchange.post("/api/acted-on", agency.apiKey(), "r1", Map.of("items", List.of(Map.of("type", "ipv4",
                "value", drawn.body().path("items").path(0).path("item").path("value").asText()))));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from statement_entry where entry_type = 'BONUS'", Long.class) > 0);
        Projections.awaitCaughtUp(projections);

        Map<String, List<Map<String, Object>>> before = readSide();
        assertThat(before.get("statement_entry")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(before.get("catalogue_item")).hasSizeGreaterThanOrEqualTo(41);
        assertThat(before.get("item_feedback")).isNotEmpty();
        assertThat(before.get("contributor_quality")).isNotEmpty();

        // Damage the read side, as a bug or a careless hand might: only a rebuild from the events can restore it.
        jdbc.update("update account_balance set balance = balance + 1000");
        jdbc.update("delete from statement_entry where account_id = ?", agency.id());
        jdbc.update("update catalogue_item set confidence = 0");
        jdbc.update("update item_feedback set consumers = consumers + 5");
        jdbc.update("update contributor_quality set judged_false = judged_false + 3");
        assertThat(readSide()).isNotEqualTo(before);

        for (String projection : List.of("ledger", "catalogue")) {
            assertThat(exchange.post("/api/operations/projections/" + projection + "/replay", operatorKey(), null,
                    Map.of()).status()).isEqualTo(202);
        }
        Projections.awaitCaughtUp(projections);

        assertThat(readSide()).isEqualTo(before);
        JsonNode recomputed = exchange.get("/api/audit/balances", auditor.apiKey()).body().path("accounts");
        Map<String, BigDecimal> fromEvents = new TreeMap<>();
        recomputed.forEach(asOf -> fromEvents.put(asOf.path("balance").path("accountId").asText(),
                asOf.path("balance").path("balance").decimalValue().setScale(3)));
        Map<String, BigDecimal> fromLedger = new TreeMap<>();
        before.get("account_balance").forEach(row -> fromLedger.put((String) row.get("account_id"),
                ((BigDecimal) row.get("balance")).setScale(3)));
        assertThat(fromEvents).isEqualTo(fromLedger).containsKeys(bank.id(), telco.id(), agency.id());
    }

    /**
     * Several members contributing at the same moment, large batches among small ones: the case where a slow
     * transaction could commit after a quicker one that drew a higher index, if appends were not ordered.
     */
    private static void contributeAtOnce(ExchangeClient exchange) {
        List<Participant> members = IntStream.range(0, 6).mapToObj(i -> exchange.register("firm")).toList();
        ExecutorService threads = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                Participant member = members.get(m);
                int offset = m * 700;
                work.add(threads.submit(() -> {
                    for (int batch : new int[] {1500, 3, 200, 1}) {
                        exchange.contribute(member, "burst-" + batch, IntStream.range(0, batch)
                                .mapToObj(i -> item("url", "https://burst.example/" + (offset + i), "GREEN"))
                                .toList());
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("the concurrent contributions failed", e);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aProjectionThatIsNotOneIsRefused() {
        var response = exchange().post("/api/operations/projections/registries/replay", operatorKey(), null, Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asText()).contains("ledger, catalogue");
    }

    private Map<String, List<Map<String, Object>>> readSide() {
        return Map.of(
                "account_balance", jdbc.queryForList("select * from account_balance order by account_id"),
                "statement_entry", jdbc.queryForList("select * from statement_entry order by account_id, position"),
                "statement_item", jdbc.queryForList("select * from statement_item "
                        + "order by account_id, position, ordinal"),
                "account_member", jdbc.queryForList("select * from account_member order by account_id, participant_id"),
                "item_feedback", jdbc.queryForList("select * from item_feedback order by account_id, item_number"),
                "contributor_quality", jdbc.queryForList("select * from contributor_quality order by account_id"),
                "catalogue_item", jdbc.queryForList("select * from catalogue_item order by item_id"));
    }
}
