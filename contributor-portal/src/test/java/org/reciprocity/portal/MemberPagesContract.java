package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.ExchangeContract.unique;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * What the portal's member pages read, end to end over HTTP: the quote before a withdrawal. The same contract runs
 * on each store the exchange supports.
 */
interface MemberPagesContract {

    ObjectMapper JSON = new ObjectMapper();

    ExchangeClient exchange();

    JdbcTemplate jdbc();

    ProjectionReplays projections();

    @Test
    default void aQuoteCostsWhatTheWithdrawalThenChargesAndRecordsNothing() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        exchange().contribute(agency, "own", List.of(item("ipv4", uniqueIp(), "GREEN")));
        exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"),
                item("ipv4", uniqueIp(), "GREEN"), item("domain", unique("quoted") + ".example", "GREEN")));
        grant(agency, 5);
        Projections.awaitCaughtUp(projections());
        // Its own item and one charged: the first is free from then on, the other received.
        assertThat(exchange().withdraw(agency, "w1", Map.of("types", List.of("ipv4"), "after", start, "limit", 2))
                .body().path("cost").decimalValue()).isEqualByComparingTo("1");
        Map<String, Object> everything = Map.of("after", start, "limit", 10);

        long events = events();
        Response quote = quote(agency, everything);
        assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
        assertThat(events()).as("a quote records nothing").isEqualTo(events);
        JsonNode quoted = quote.body();
        assertThat(quoted.path("itemsOffered").asInt()).isEqualTo(5);
        assertThat(quoted.path("itemsCharged").asInt()).isEqualTo(3);
        assertThat(quoted.path("alreadyReceived").asInt()).isEqualTo(1);
        assertThat(quoted.path("ownContributions").asInt()).isEqualTo(1);
        assertThat(quoted.path("byType")).isEqualTo(JSON.valueToTree(Map.of("domain", 1, "ipv4", 4)));
        assertThat(quoted.path("balance").decimalValue()).isEqualByComparingTo("5");
        assertThat(quoted.path("availableNow").decimalValue()).isEqualByComparingTo("5");
        assertThat(quoted.path("covered").asBoolean()).isTrue();
        assertThat(quoted.path("policyVersion").asInt()).isEqualTo(1);
        assertThat(quoted.has("items")).as("a quote names no item").isFalse();
        assertThat(quoted.toString()).doesNotContain("value");

        JsonNode drawn = exchange().withdraw(agency, "w2", everything).body();
        assertThat(drawn.path("cost")).isEqualTo(quoted.path("cost"));
        assertThat(drawn.path("itemsCharged")).isEqualTo(quoted.path("itemsCharged"));
        assertThat(drawn.path("items")).hasSize(quoted.path("itemsOffered").asInt());
        assertThat(drawn.path("throughPosition")).isEqualTo(quoted.path("throughPosition"));
        assertThat(drawn.path("balance").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    default void aQuoteBeyondTheBalanceSaysItIsNotCoveredAndRecordsNoRefusal() {
        Participant bank = exchange().register("firm");
        Participant agency = exchange().register("agency");
        long start = poolEnd();
        exchange().contribute(bank, "b1", List.of(item("ipv4", uniqueIp(), "GREEN"), item("ipv4", uniqueIp(), "GREEN"),
                item("ipv4", uniqueIp(), "GREEN")));
        Projections.awaitCaughtUp(projections());

        long events = events();
        JsonNode quoted = quote(agency, Map.of("after", start, "limit", 3)).body();
        assertThat(quoted.path("covered").asBoolean()).isFalse();
        assertThat(quoted.path("cost").decimalValue()).isEqualByComparingTo("3");
        assertThat(quoted.path("availableNow").decimalValue()).isEqualByComparingTo("0");
        assertThat(events()).as("no refusal recorded").isEqualTo(events);
        Projections.awaitCaughtUp(projections());
        assertThat(exchange().get("/api/accounts/" + agency.id(), agency.apiKey()).body().path("balance")
                .path("refusals").asInt()).isZero();

        Response withdrawn = exchange().withdraw(agency, "w1", Map.of("after", start, "limit", 3));
        assertThat(withdrawn.status()).as("the withdrawal the quote said would not be covered").isEqualTo(409);
        assertThat(withdrawn.body().path("cost")).isEqualTo(quoted.path("cost"));
        assertThat(quote(exchange().register("auditor"), Map.of("limit", 1)).status()).isEqualTo(403);
        assertThat(quote(agency, Map.of("limit", 0)).status()).isEqualTo(400);
    }

    private Response quote(Participant participant, Map<String, Object> request) {
        return exchange().post("/api/withdrawals/quotes", participant.apiKey(), null, request);
    }

    private void grant(Participant participant, int amount) {
        assertThat(exchange().post("/api/accounts/" + participant.id() + "/grants", exchange().operatorKey(),
                unique("grant"), Map.of("amount", amount, "reason", "programme")).status()).isEqualTo(201);
    }

    /** The pool position the next item will follow, once the catalogue has taken in what was stored. */
    private long poolEnd() {
        Projections.awaitCaughtUp(projections());
        Long end = jdbc().queryForObject("select max(pool_position) from catalogue_item", Long.class);
        return end == null ? 0 : end;
    }

    private long events() {
        Long count = jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
