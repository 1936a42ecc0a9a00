package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registries that say who contributed, received, acted on, sighted or reported an item are keyed by the item
 * first, on each store the exchange supports, with their rows kept; and a consumer the database's statistics do not
 * know yet has its received items among those offered looked up by item, not by reading all it ever received.
 */
class RegistryKeysMigrationTest {

    private static final UUID ITEM = UUID.randomUUID();
    private static final int OFFERED = 10;
    private static final List<String> BY_CONSUMER = List.of("delivered_item", "acted_on", "sighted",
            "reported_false");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theRegistriesKeepTheirRowsAndAreKeyedByItem(String store) throws SQLException {
        DataSource dataSource = TestDatabases.empty(store, "registry_keys_migration");
        migrate(dataSource, "44");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into contributed_item (account_id, item_id, contributor_id) values ('bank-a', ?, "
                + "'bank-a')", ITEM);
        jdbc.update("insert into delivered_item (consumer_id, item_id) values ('agency-b', ?)", ITEM);
        jdbc.update("insert into acted_on (consumer_id, item_id) values ('agency-b', ?)", ITEM);
        jdbc.update("insert into sighted (consumer_id, item_id) values ('agency-b', ?)", ITEM);
        jdbc.update("insert into reported_false (consumer_id, item_id, account_id) values ('agency-b', ?, "
                + "'agency-b')", ITEM);

        migrate(dataSource, "45");

        assertThat(keyOf(dataSource, "contributed_item")).containsExactly("item_id", "account_id");
        assertThat(indexesOf(dataSource, "contributed_item")).as("the contributor's index goes with the old key")
                .doesNotContain("contributed_item_contributor");
        assertThat(jdbc.queryForObject("select account_id from contributed_item where item_id = ?", String.class,
                ITEM)).isEqualTo("bank-a");
        assertThatThrownBy(() -> jdbc.update("insert into contributed_item (account_id, item_id, contributor_id) "
                + "values ('bank-a', ?, 'bank-a')", ITEM)).isInstanceOf(DuplicateKeyException.class);
        for (String table : BY_CONSUMER) {
            assertThat(keyOf(dataSource, table)).as(table).containsExactly("item_id", "consumer_id");
            assertThat(jdbc.queryForObject("select consumer_id from " + table + " where item_id = ?", String.class,
                    ITEM)).as(table).isEqualTo("agency-b");
            String again = table.equals("reported_false")
                    ? "insert into reported_false (consumer_id, item_id, account_id) values ('agency-b', ?, 'agency-b')"
                    : "insert into " + table + " (consumer_id, item_id) values ('agency-b', ?)";
            assertThatThrownBy(() -> jdbc.update(again, ITEM)).as("one row per consumer and item in " + table)
                    .isInstanceOf(DuplicateKeyException.class);
        }
    }

    /**
     * The case that was slow: statistics taken before a consumer drew anything, then twenty thousand items drawn.
     * PostgreSQL reckoned the new consumer to hold a row or two and, with the consumer leading the key, planned the
     * lookup as a scan of all its rows with the items as a filter.
     */
    @Test
    void aConsumerTheStatisticsDoNotKnowHasItsReceivedItemsLookedUpByItem() {
        DataSource dataSource = TestDatabases.empty("postgres", "registry_keys_plan");
        migrate(dataSource, null);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into delivered_item (consumer_id, item_id) select 'agency-' || (n % 100), "
                + "gen_random_uuid() from generate_series(1, 5000) as n");
        jdbc.execute("analyze delivered_item");
        jdbc.update("insert into delivered_item (consumer_id, item_id) select 'newcomer', gen_random_uuid() "
                + "from generate_series(1, 20000)");
        String items = offeredToTheNewcomer(jdbc);

        JsonNode plan = explain(jdbc, "select item_id from delivered_item where consumer_id in ('newcomer') and "
                + "item_id in (" + items + ")");

        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        assertThat(nodes).extracting(node -> node.path("Node Type").asText()).doesNotContain("Seq Scan");
        assertThat(nodes).filteredOn(node -> node.has("Index Cond")).isNotEmpty()
                .allSatisfy(node -> assertThat(node.path("Index Cond").asText()).contains("item_id"));
        assertThat(nodes).noneSatisfy(node -> assertThat(node.path("Filter").asText()).contains("item_id"));
    }

    /** The embedded store looks up a list of values only on the key's first column, whatever its statistics. */
    @Test
    void onTheEmbeddedStoreTheReceivedItemsAmongThoseOfferedAreReadByItemToo() {
        DataSource dataSource = TestDatabases.empty("h2", "registry_keys_plan");
        migrate(dataSource, null);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into delivered_item (consumer_id, item_id) select 'newcomer', random_uuid() "
                + "from system_range(1, 20000)");
        String items = offeredToTheNewcomer(jdbc);

        String plan = jdbc.queryForObject("explain analyze select item_id from delivered_item where consumer_id in "
                + "('newcomer') and item_id in (" + items + ")", String.class);

        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).as(plan).isLessThanOrEqualTo(OFFERED + 1);
    }

    /** The items a withdrawal offers the newcomer, as a list for SQL: half of them it received, half not. */
    private static String offeredToTheNewcomer(JdbcTemplate jdbc) {
        List<UUID> offered = new ArrayList<>(jdbc.queryForList("select item_id from delivered_item where "
                + "consumer_id = 'newcomer' fetch first " + OFFERED / 2 + " rows only", UUID.class));
        while (offered.size() < OFFERED) {
            offered.add(UUID.randomUUID());
        }
        return offered.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private static void migrate(DataSource dataSource, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    /** The primary key's columns in order, lower case whatever the store keeps them as. */
    private static List<String> keyOf(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet key = connection.getMetaData().getPrimaryKeys(null, null, named(connection, table))) {
            Map<Integer, String> columns = new TreeMap<>();
            while (key.next()) {
                columns.put(key.getInt("KEY_SEQ"), key.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            return List.copyOf(columns.values());
        }
    }

    private static Set<String> indexesOf(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet index = connection.getMetaData().getIndexInfo(null, null, named(connection, table), false,
                     false)) {
            Set<String> names = new HashSet<>();
            while (index.next()) {
                if (index.getString("INDEX_NAME") != null) {
                    names.add(index.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }
    }

    /** The table's name as the store keeps it: H2 upper-cases unquoted names, PostgreSQL lower-cases them. */
    private static String named(Connection connection, String table) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static JsonNode explain(JdbcTemplate jdbc, String query) {
        try {
            String json = jdbc.queryForObject("explain (format json) " + query, String.class);
            return new ObjectMapper().readTree(json).path(0).path("Plan");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the plan of " + query, e);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        node.path("Plans").forEach(child -> collect(child, into));
    }
}
