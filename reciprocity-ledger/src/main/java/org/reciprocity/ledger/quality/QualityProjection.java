package org.reciprocity.ledger.quality;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Each account's quality record, kept by the {@code ledger} processor beside the statements and rebuilt with them.
 * Every account event goes through the rule kernel's {@link QualityRecord#after}, the one count the exchange and the
 * auditor's replay know; an account's events reach one segment of the processor, in their order, so its row has one
 * writer, which remembers the last event it counted.
 */
@Component
@ProcessingGroup(ProjectionReplays.LEDGER)
class QualityProjection {

    // The worst first: the largest part of junk, then the most reports of false positives, then by account.
    private static final Comparator<AccountQuality> WORST_FIRST = Comparator.comparing(AccountQuality::junkShare)
            .thenComparingLong(quality -> quality.record().reportedFalse()).reversed()
            .thenComparing(AccountQuality::accountId);

    private final JdbcTemplate jdbc;
    private final RowMapper<AccountQuality> row = this::quality;

    QualityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountEvent event, @Timestamp Instant stamped, TrackingToken token) {
        // A record only ever grows: an event that adds nothing to an empty one adds nothing to any.
        if (QualityRecord.EMPTY.after(event).equals(QualityRecord.EMPTY)) {
            return;
        }
        long position = token.position().orElseThrow();
        List<Stored> stored = jdbc.query("select * from contributor_quality where account_id = ?", (rs, i) ->
                new Stored(quality(rs, i), rs.getLong("last_position")), event.accountId());
        // An event set aside and retried goes through every handler of the processor again: count it once.
        if (!stored.isEmpty() && stored.get(0).lastPosition() >= position) {
            return;
        }
        QualityRecord after = (stored.isEmpty() ? QualityRecord.EMPTY : stored.get(0).quality().record())
                .after(event);
        Object[] values = {after.contributed(), after.actedOn(), after.sighted(), after.reportedFalse(),
                after.judgedFalse(), after.retracted(), position, SqlTime.of(stamped), event.accountId()};
        jdbc.update(stored.isEmpty()
                ? "insert into contributor_quality (contributed, acted_on, sighted, reported_false, judged_false, "
                + "retracted, last_position, updated_at, account_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "update contributor_quality set contributed = ?, acted_on = ?, sighted = ?, reported_false = ?, "
                + "judged_false = ?, retracted = ?, last_position = ?, updated_at = ? where account_id = ?", values);
    }

    private record Stored(AccountQuality quality, long lastPosition) {
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from contributor_quality");
    }

    @QueryHandler
    QualityRecords handle(FindQuality query) {
        List<AccountQuality> accounts = query.accountId() == null
                ? jdbc.query("select * from contributor_quality", row)
                : jdbc.query("select * from contributor_quality where account_id = ?", row, query.accountId());
        return new QualityRecords(accounts.stream().sorted(WORST_FIRST).toList());
    }

    private AccountQuality quality(ResultSet rs, int i) throws SQLException {
        return new AccountQuality(rs.getString("account_id"), new QualityRecord(rs.getLong("contributed"),
                rs.getLong("acted_on"), rs.getLong("sighted"), rs.getLong("reported_false"),
                rs.getLong("judged_false"), rs.getLong("retracted")), SqlTime.instant(rs, "updated_at"));
    }
}
