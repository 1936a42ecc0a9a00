package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.updates.UpdateChecker;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.reciprocity.portal.support.ExchangeClient.item;

/** What the store looks like to someone with only psql: plain bytea JSON, no large objects, a one-step index. */
class StorageTest extends PostgresExchangeTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EventStore events;

    @Test
    void payloadsAreByteaThatPlainSqlReadsAsJson() throws Exception {
        Participant bank = exchange().register("firm");
        exchange().contribute(bank, "k", List.of(item("ipv4", "192.0.2.77", "GREEN")));

        assertThat(jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns "
                        + "where column_name in ('payload', 'meta_data', 'token', 'serialized_saga') "
                        + "and data_type <> 'bytea'", String.class)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();

        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%ItemsContributed'", String.class,
                "account:" + bank.id());
        JsonNode json = new ObjectMapper().readTree(payload);
        JsonNode credit = json.path("credits").path(0);
        assertThat(credit.path("item").path("value").asText()).isEqualTo("192.0.2.77");
        assertThat(credit.path("item").path("tlp").asText()).isEqualTo("GREEN");
        assertThat(credit.path("rule").asText()).isEqualTo("NEW");
        assertThat(json.path("credit").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void theGlobalIndexStepsByOne() {
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where sequencename = "
                + "'domain_event_entry_seq'", Long.class)).isEqualTo(1);
        Participant bank = exchange().register("firm");
        exchange().contribute(bank, "k1", List.of(item("ipv4", "192.0.2.78", "GREEN")));
        exchange().contribute(bank, "k2", List.of(item("ipv4", "192.0.2.79", "GREEN")));
        List<Long> positions = jdbc.queryForList("select global_index from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, "account:" + bank.id());
        assertThat(positions.get(1) - positions.get(0)).isEqualTo(1);
    }

    @Test
    void anActiveAccountIsSnapshottedInReadableJsonAndDecidesFromTheSnapshotAsFromItsEvents() throws Exception {
        Participant agency = exchange().register("agency");
        for (int i = 0; i < 25; i++) {
            exchange().contribute(agency, "k" + i, List.of(item("ipv4", "198.51.100." + (100 + i), "GREEN")));
        }
        String snapshot = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?",
                String.class, "account:" + agency.id()), rows -> !rows.isEmpty()).get(0);
        JsonNode state = new ObjectMapper().readTree(snapshot);
        assertThat(state.path("streamId").asText()).isEqualTo("account:" + agency.id());
        assertThat(state.path("book").path("lots").size()).isBetween(20, 25);
        assertThat(state.path("quality").path("contributed").asLong()).as("the quality record, counted so far")
                .isBetween(20L, 25L);
        // Loading the account starts from that snapshot: one the store passed over would leave every load to
        // replay the whole history, which is the same answer, ever slower.
        assertThat(events.readEvents("account:" + agency.id()).peek().getPayloadType().getSimpleName())
                .isEqualTo("Account");

        Participant bank = exchange().register("firm");
        exchange().contribute(bank, "pool", IntStream.range(0, 30)
                .mapToObj(i -> item("ipv4", "198.51.101." + i, "GREEN")).toList());
        Projections.awaitCaughtUp(projections);
        long banksItems = lastPoolPositionBefore(bank);
        assertThat(exchange().withdraw(agency, "w1", Map.of("limit", 26, "after", banksItems)).status())
                .isEqualTo(409);
        var drawn = exchange().withdraw(agency, "w2", Map.of("limit", 25, "after", banksItems));
        assertThat(drawn.body().path("balance").decimalValue()).isEqualByComparingTo("0");
    }

    /** The pool position just before the bank's first item: its items come after it. */
    private long lastPoolPositionBefore(Participant bank) {
        return jdbc.queryForObject("select min(c.pool_position) - 1 from catalogue_item c join shared_item p "
                + "on p.item_id = c.item_id where p.account_id = ?", Long.class, bank.id());
    }

    @Test
    void nothingPhonesHomeAndNoAxonServerIsLookedFor() {
        assertThat(context.getBeanNamesForType(UpdateChecker.class)).isEmpty();
        assertThat(context.getBeanNamesForType(AxonServerConnectionManager.class)).isEmpty();
    }
}
