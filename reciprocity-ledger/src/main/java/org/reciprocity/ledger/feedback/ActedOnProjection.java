package org.reciprocity.ledger.feedback;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What consumers did with each account's contributions: the items others reported acting on, how many of them did,
 * when, and the bonus the account earned for it. Kept by the {@code ledger} processor beside the statements, so that
 * it is rebuilt with them; every time it writes comes from the events (the instant of the report), so a rebuild
 * writes the same rows. A report names the account each counted item earns for; its bonus follows it in the global
 * order, once the bonus processor has awarded it.
 */
@Component
@ProcessingGroup(ProjectionReplays.LEDGER)
class ActedOnProjection {

    private final JdbcTemplate jdbc;

    ActedOnProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActedOnReported report, TrackingToken token) {
        Instant at = report.decidedAt();
        long position = token.position().orElseThrow();
        for (int i = 0; i < report.counted().size(); i++) {
            ActedOnReported.Counted counted = report.counted().get(i);
            int updated = jdbc.update("update item_acted_on set consumers = consumers + 1, last_reported_at = ? "
                    + "where account_id = ? and item_id = ?", SqlTime.of(at), counted.beneficiaryAccountId(),
                    counted.item().id());
            if (updated == 0) {
                jdbc.update("insert into item_acted_on (account_id, item_number, item_id, item_type, item_value, "
                                + "first_reported_at, last_reported_at, consumers, bonus) "
                                + "values (?, ?, ?, ?, ?, ?, ?, 1, 0)", counted.beneficiaryAccountId(),
                        number(position, i), counted.item().id(), counted.item().type().label(),
                        counted.item().value(), SqlTime.of(at), SqlTime.of(at));
            }
        }
    }

    @EventHandler
    void on(BonusEarned bonus) {
        jdbc.update("update item_acted_on set bonus = bonus + ? where account_id = ? and item_id = ?",
                bonus.drawable().amount(), bonus.accountId(), bonus.item().id());
    }

    /**
     * An item's number: the global position of its first report, then its place in that report. Reports reach the
     * items of many accounts and come from many streams, so the number follows the global order alone, whichever
     * segment of the processor handles the report and whenever; it never changes once given.
     */
    static long number(long reportPosition, int index) {
        return reportPosition * ReportActedOn.MAX_ITEMS + index;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from item_acted_on");
    }

    @QueryHandler
    ActedOnItems handle(FindActedOn query) {
        return new ActedOnItems(query.accountId(), jdbc.query("select * from item_acted_on where account_id = ? "
                + "and item_number > ? order by item_number fetch first ? rows only", (rs, i) -> new ActedOnItem(
                rs.getLong("item_number"), rs.getString("item_type"), rs.getString("item_value"),
                SqlTime.instant(rs, "first_reported_at"), SqlTime.instant(rs, "last_reported_at"),
                rs.getInt("consumers"), Credit.of(rs.getBigDecimal("bonus"))), query.accountId(), query.afterNumber(),
                query.limit()));
    }
}
