package db.migration;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.ItemIdentity;
import org.reciprocity.core.item.ItemType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement lines written before the ledger kept item identifiers are each given theirs, page after page. */
class StatementItemIdsTest {

    @Test
    void everyLineWrittenBeforeGetsTheIdentifierOfItsItem() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
        List<Object[]> lines = new ArrayList<>();
        // More than two pages, over several accounts and positions, so that each page must start where the last ended.
        for (int i = 0; i < 2_500; i++) {
            lines.add(new Object[] {"account-" + (i % 3), (long) (i / 7), i % 7, "ipv4",
                    "10.0." + (i / 256) + "." + (i % 256)});
        }
        jdbc.batchUpdate("insert into statement_item (account_id, position, ordinal, item_type, item_value, tlp, rule, "
                + "credit) values (?, ?, ?, ?, ?, 'GREEN', 'NEW', 1)", lines);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForObject("select count(*) from statement_item where item_id is null", Long.class))
                .isZero();
        jdbc.query("select item_value, item_id from statement_item", rows -> {
            assertThat(rows.getObject("item_id", UUID.class))
                    .isEqualTo(ItemIdentity.of(ItemType.IPV4, rows.getString("item_value")));
        });
    }
}
