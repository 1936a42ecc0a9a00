package org.reciprocity.ledger.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Balances and statements, kept in SQL by the {@code ledger} tracking processor. Time and position come from the
 * event and its token, never from the clock, so a rebuild writes exactly the same rows.
 */
@Component
@ProcessingGroup(ProjectionReplays.LEDGER)
class LedgerProjection {

    private static final RowMapper<Balance> BALANCE = (rs, i) -> new Balance(rs.getString("account_id"),
            rs.getLong("earned"), rs.getLong("spent"), rs.getLong("balance"), rs.getInt("contributions"),
            rs.getInt("withdrawals"), rs.getInt("refusals"), rs.getLong("last_position"),
            SqlTime.instant(rs, "updated_at"));

    private static final RowMapper<StatementLine> LINE = (rs, i) -> {
        LedgerEntry.EntryType type = LedgerEntry.EntryType.valueOf(rs.getString("entry_type"));
        long amount = rs.getLong("amount");
        return new StatementLine(rs.getLong("position"), SqlTime.instant(rs, "occurred_at"), type,
                switch (type) {
                    case CREDIT -> amount;
                    case DEBIT -> -amount;
                    case REFUSAL -> 0;
                }, type == LedgerEntry.EntryType.REFUSAL ? amount : null, rs.getLong("balance_after"),
                LedgerEntry.Cause.valueOf(rs.getString("cause")), rs.getObject("cause_id", UUID.class),
                rs.getString("request_key"), rs.getInt("items"), rs.getInt("policy_version"));
    };

    private final JdbcTemplate jdbc;

    LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ItemsContributed event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(ItemsWithdrawn event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(WithdrawalRefused event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from statement_entry");
        jdbc.update("delete from account_balance");
    }

    @QueryHandler
    Balance handle(FindBalance query) {
        return find(query.accountId()).orElse(Balance.empty(query.accountId()));
    }

    @QueryHandler
    Statement handle(FindStatement query) {
        return new Statement(query.accountId(), jdbc.query("select * from statement_entry "
                        + "where account_id = ? and position > ? order by position fetch first ? rows only", LINE,
                query.accountId(), query.afterPosition(), query.limit()));
    }

    private void post(Object event, Instant at, TrackingToken token) {
        LedgerEntry entry = LedgerEntry.of(event).orElseThrow();
        long position = token.position().orElseThrow();
        Optional<Balance> existing = find(entry.accountId());
        Balance after = existing.orElse(Balance.empty(entry.accountId())).plus(entry, position, at);
        jdbc.update("insert into statement_entry (account_id, position, occurred_at, entry_type, amount, "
                        + "balance_after, cause, cause_id, request_key, items, policy_version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.accountId(), position, SqlTime.of(at), entry.type().name(), entry.amount(), after.balance(),
                entry.cause().name(), entry.causeId(), entry.requestKey(), entry.items(), entry.policyVersion());
        if (existing.isPresent()) {
            jdbc.update("update account_balance set earned = ?, spent = ?, balance = ?, contributions = ?, "
                            + "withdrawals = ?, refusals = ?, last_position = ?, updated_at = ? where account_id = ?",
                    after.earned(), after.spent(), after.balance(), after.contributions(), after.withdrawals(),
                    after.refusals(), after.lastPosition(), SqlTime.of(at), after.accountId());
        } else {
            jdbc.update("insert into account_balance (account_id, earned, spent, balance, contributions, "
                            + "withdrawals, refusals, last_position, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    after.accountId(), after.earned(), after.spent(), after.balance(), after.contributions(),
                    after.withdrawals(), after.refusals(), after.lastPosition(), SqlTime.of(at));
        }
    }

    private Optional<Balance> find(String accountId) {
        return jdbc.query("select * from account_balance where account_id = ?", BALANCE, accountId).stream()
                .findFirst();
    }
}
