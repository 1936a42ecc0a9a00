package org.reciprocity.portal;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.core.SqlTime;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one key each participant held before keys had names becomes its {@code default} key, with its expiry and the
 * old key still in its grace period, on each store the exchange supports; the directory keeps no key of its own.
 */
class ParticipantKeysMigrationTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2027-06-30T00:00:00Z");
    private static final Instant GRACE_END = Instant.parse("2026-12-02T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void eachParticipantsKeyBecomesItsDefaultKey(String store) {
        DataSource dataSource = TestDatabases.empty(store, "participant_keys_migration");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("24").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into participant_directory (participant_id, kind, name, sector, country, api_key_hash, "
                        + "api_key_expires_at, previous_key_hash, previous_key_until, registered_at) "
                        + "values ('bank-a', 'FIRM', 'Bank A', 'financial-services', 'SG', ?, ?, ?, ?, ?)",
                "a".repeat(64), SqlTime.of(EXPIRY), "b".repeat(64), SqlTime.of(GRACE_END), SqlTime.of(REGISTERED));
        jdbc.update("insert into participant_directory (participant_id, kind, name, sector, country, "
                + "registered_at) values ('pool-west', 'POOL', 'Pool West', 'government-local', 'MY', ?)",
                SqlTime.of(REGISTERED));

        // To the keys' own migration: a later one empties the registries for the exchange to fill from its history.
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("25").load().migrate();

        assertThat(jdbc.queryForList("select participant_id, key_name, key_hash, previous_key_hash "
                + "from participant_key")).singleElement().satisfies(key -> assertThat(lowerCase(key)).containsEntry(
                        "participant_id", "bank-a").containsEntry("key_name", "default")
                .containsEntry("key_hash", "a".repeat(64)).containsEntry("previous_key_hash", "b".repeat(64)));
        assertThat(jdbc.query("select * from participant_key", (rs, i) -> new Instant[] {
                SqlTime.instant(rs, "expires_at"), SqlTime.instant(rs, "previous_key_until"),
                SqlTime.instant(rs, "issued_at"), SqlTime.instant(rs, "rotated_at")})).singleElement()
                .isEqualTo(new Instant[] {EXPIRY, GRACE_END, REGISTERED, null});
        assertThatThrownBy(() -> jdbc.queryForList("select api_key_hash from participant_directory"))
                .as("the directory keeps no key of its own").isInstanceOf(BadSqlGrammarException.class);
    }

    // H2 names columns in upper case, PostgreSQL in lower.
    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> lower = new HashMap<>();
        row.forEach((column, value) -> lower.put(column.toLowerCase(Locale.ROOT), value));
        return lower;
    }
}
