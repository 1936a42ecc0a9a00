package org.reciprocity.portal;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade to quality records empties the ledger and its place in the history, so that the ledger rebuilds itself
 * from the first event, and leaves the other projections where they are.
 */
class LedgerRebuildMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theLedgerStartsAgainFromTheFirstEventAndTheCatalogueGoesOn(String store) {
        DataSource dataSource = TestDatabases.empty(store, "ledger_rebuild_migration");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("42").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String processor : new String[] {"ledger", "catalogue"}) {
            jdbc.update("insert into token_entry (processor_name, segment, timestamp) values (?, 0, '2026-12-01')",
                    processor);
        }
        jdbc.update("insert into contributor_quality (account_id, contributed, acted_on, sighted, reported_false, "
                + "judged_false, retracted, last_position, updated_at) values ('bank-a', 3, 0, 0, 1, 1, 0, 40, "
                + "current_timestamp)");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("select processor_name from token_entry", String.class))
                .containsExactly("catalogue");
        assertThat(jdbc.queryForObject("select count(*) from contributor_quality", Long.class)).isZero();
    }
}
