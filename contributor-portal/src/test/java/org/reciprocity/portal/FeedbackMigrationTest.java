package org.reciprocity.portal;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.core.SqlTime;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What others acted on, kept before sightings were, stays on the record as feedback of that kind on each store the
 * exchange supports; an item may then be both acted on and seen, once each.
 */
class FeedbackMigrationTest {

    private static final Instant REPORTED = Instant.parse("2026-11-23T09:12:44Z");
    private static final UUID ITEM = UUID.randomUUID();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theItemsOthersActedOnBecomeFeedbackOfThatKind(String store) {
        DataSource dataSource = TestDatabases.empty(store, "feedback_migration");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("33").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into item_acted_on (account_id, item_number, item_id, item_type, item_value, "
                + "first_reported_at, last_reported_at, consumers, bonus) values ('bank-a', 41270000, ?, 'ipv4', "
                + "'203.0.113.7', ?, ?, 2, 1)", ITEM, SqlTime.of(REPORTED), SqlTime.of(REPORTED));

        // As far as the feedback's own migration: a later one empties the ledger to rebuild it from the events.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("34").load().migrate();

        assertThat(jdbc.queryForObject("select kind || ' ' || consumers || ' ' || times_seen || ' ' || item_number "
                + "from item_feedback where account_id = 'bank-a' and item_id = ?", String.class, ITEM))
                .isEqualTo("ACTED_ON 2 0 41270000");
        jdbc.update("insert into item_feedback (account_id, kind, item_number, item_id, item_type, item_value, "
                + "first_reported_at, last_reported_at, consumers, times_seen, bonus) values ('bank-a', 'SIGHTED', "
                + "41280000, ?, 'ipv4', '203.0.113.7', ?, ?, 1, 12, 0.25)", ITEM, SqlTime.of(REPORTED),
                SqlTime.of(REPORTED));
        assertThatThrownBy(() -> jdbc.update("insert into item_feedback (account_id, kind, item_number, item_id, "
                + "item_type, item_value, first_reported_at, last_reported_at, consumers, times_seen, bonus) values "
                + "('bank-a', 'SIGHTED', 41290000, ?, 'ipv4', '203.0.113.7', ?, ?, 1, 1, 0)", ITEM,
                SqlTime.of(REPORTED), SqlTime.of(REPORTED))).as("one row per account, kind and item")
                .isInstanceOf(DuplicateKeyException.class);
    }
}
