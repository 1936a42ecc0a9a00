package org.reciprocity.ledger.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.AccountBook;
import org.reciprocity.core.kernel.Charges;
import org.reciprocity.core.kernel.Delivery;
import org.reciprocity.core.kernel.MemberPoolShares;
import org.reciprocity.core.kernel.MemberShare;
import org.reciprocity.core.kernel.SharedPoolRecording;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Balances, statements and members' shares, kept in SQL by the {@code ledger} tracking processor. Time and position
 * come from the event and its token, never from the clock, so a rebuild writes exactly the same rows. Each account
 * row keeps its lots ({@link AccountBook}, the account's own arithmetic), so that what it can draw now, past any
 * vesting or expiry not yet recorded, can be told without asking the account.
 */
@Component
@ProcessingGroup(ProjectionReplays.LEDGER)
class LedgerProjection {

    private static final int CHUNK = 1000;
    // The entries a pool's member makes its share of the pool's account with.
    private static final Set<LedgerEntry.EntryType> MEMBERS_SHARES = EnumSet.of(LedgerEntry.EntryType.CREDIT,
            LedgerEntry.EntryType.DEBIT, LedgerEntry.EntryType.CLAWBACK, LedgerEntry.EntryType.REFUND);

    private static final RowMapper<StatementLine> LINE = (rs, i) -> new StatementLine(rs.getLong("position"),
            SqlTime.instant(rs, "occurred_at"), LedgerEntry.EntryType.valueOf(rs.getString("entry_type")),
            rs.getString("participant_id"), credit(rs, "amount"), credit(rs, "credit"), credit(rs, "balance_after"),
            LedgerEntry.Cause.valueOf(rs.getString("cause")), rs.getObject("cause_id", UUID.class),
            rs.getString("request_key"), rs.getInt("items"), rs.getObject("policy_version", Integer.class),
            rs.getString("detail"), SqlTime.instant(rs, "vests_at"));

    private final JdbcTemplate jdbc;

    LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ItemsContributed event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
        List<Object[]> items = new ArrayList<>();
        for (int i = 0; i < event.credits().size(); i++) {
            var credit = event.credits().get(i);
            items.add(itemRow(event.accountId(), position(token), i, credit.item(), credit.rule().name(),
                    credit.weight(), credit.credit(),
                    SharedPoolRecording.sharing(credit, event) == Delivery.Sharing.NARROWLY,
                    credit.rule() == CreditRule.REVOKED));
        }
        insertItems(items);
    }

    @EventHandler
    void on(ItemsWithdrawn event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
        Credit each = Charges.eachCharged(event);
        List<Object[]> items = new ArrayList<>();
        for (int i = 0; i < event.items().size(); i++) {
            var delivered = event.items().get(i);
            items.add(itemRow(event.accountId(), position(token), i, delivered.item(), delivered.charge().name(),
                    null, delivered.charge() == Charge.CHARGED ? each : Credit.ZERO, delivered.narrowly(),
                    delivered.revoked()));
        }
        insertItems(items);
    }

    @EventHandler
    void on(WithdrawalRefused event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(CreditGranted event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(CreditExpired event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(CreditVested event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(BonusEarned event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    /** Every line that named an item that left the pool says so from now on, for whoever sent or drew it. */
    @EventHandler
    void on(FalsePositiveWeighed event) {
        if (SharedPoolRecording.revokes(event)) {
            jdbc.update("update statement_item set revoked = true where item_id = ?", event.item().id());
        }
    }

    @EventHandler
    void on(ItemsRetracted event) {
        SharedPoolRecording.revokedBy(event).forEach(retracted -> jdbc.update("update statement_item set revoked = "
                + "true where item_id = ?", retracted.item().id()));
    }

    @EventHandler
    void on(CreditClawedBack event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @EventHandler
    void on(ChargeRefunded event, @Timestamp Instant at, TrackingToken token) {
        post(event, at, token);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from statement_item");
        jdbc.update("delete from statement_entry");
        jdbc.update("delete from account_member");
        jdbc.update("delete from account_balance");
    }

    @QueryHandler
    AccountSummary handle(FindBalance query) {
        Optional<AccountRow> row = find(query.accountId());
        Balance balance = row.map(AccountRow::balance).orElse(Balance.empty(query.accountId()));
        AccountBook book = row.map(AccountRow::book).orElse(AccountBook.EMPTY);
        return new AccountSummary(balance, book.availableAt(query.accountId(), query.now()),
                book.pendingAt(query.accountId(), query.now()), members(balance));
    }

    @QueryHandler
    Statement handle(FindStatement query) {
        Balance balance = find(query.accountId()).map(AccountRow::balance).orElse(Balance.empty(query.accountId()));
        List<Object> arguments = new ArrayList<>(List.of(query.accountId(), query.afterPosition()));
        StringBuilder sql = new StringBuilder("select * from statement_entry where account_id = ? and position > ?");
        if (query.throughPosition() != null) {
            sql.append(" and position <= ?");
            arguments.add(query.throughPosition());
        }
        if (query.until() != null) {
            sql.append(" and occurred_at <= ?");
            arguments.add(SqlTime.of(query.until()));
        }
        StatementFilter filter = query.filter();
        if (!filter.types().isEmpty()) {
            sql.append(" and entry_type in (").append(String.join(",", Collections.nCopies(filter.types().size(), "?")))
                    .append(')');
            filter.types().stream().map(Enum::name).sorted().forEach(arguments::add);
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            arguments.add(SqlTime.of(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            arguments.add(SqlTime.of(filter.to()));
        }
        arguments.add(query.limit());
        // The members' shares are the present's: a statement as of an earlier point lists its lines alone.
        return new Statement(query.accountId(), jdbc.query(sql.append(" order by position fetch first ? rows only")
                .toString(), LINE, arguments.toArray()), query.isBounded() ? List.of() : members(balance));
    }

    @QueryHandler
    StatementItems handle(FindStatementItems query) {
        // Who sent or drew the line's items; lines without items (grants, expiries) have no one.
        List<String> actedBy = jdbc.query("select participant_id from statement_entry where account_id = ? "
                + "and position = ?", (rs, i) -> rs.getString(1), query.accountId(), query.position());
        boolean seesAll = query.viewerId() == null || actedBy.contains(query.viewerId());
        return new StatementItems(query.accountId(), query.position(), jdbc.query("select * from statement_item "
                        + "where account_id = ? and position = ? and ordinal > ? order by ordinal "
                        + "fetch first ? rows only", (rs, i) -> item(rs, seesAll), query.accountId(),
                query.position(), query.afterOrdinal(), query.limit()));
    }

    private static StatementItem item(ResultSet rs, boolean seesAll) throws SQLException {
        Tlp tlp = Tlp.parse(rs.getString("tlp"));
        boolean withheld = !Delivery.showsValue(tlp, rs.getBoolean("narrow"), seesAll);
        String tags = rs.getString("tags");
        return new StatementItem(rs.getInt("ordinal"), rs.getString("item_type"),
                withheld ? null : rs.getString("item_value"), withheld, tlp.label(),
                rs.getObject("confidence", Integer.class), withheld || tags == null ? null
                : List.of(EventJson.read(tags, String[].class)), rs.getString("rule"), rs.getBigDecimal("weight"),
                credit(rs, "credit"), rs.getBoolean("revoked"));
    }

    private static Object[] itemRow(String accountId, long position, int ordinal, Item item, String rule,
                                    BigDecimal weight, Credit credit, boolean narrowly, boolean revoked) {
        return new Object[] {accountId, position, ordinal, item.id(), item.type().label(), item.value(),
                item.tlp().label(), item.confidence(), EventJson.write(item.tags()), rule, weight, credit.amount(),
                narrowly, revoked};
    }

    private void post(AccountEvent event, Instant at, TrackingToken token) {
        LedgerEntry entry = LedgerEntry.of(event).orElseThrow();
        long position = position(token);
        Optional<AccountRow> existing = find(entry.accountId());
        Balance after = existing.map(AccountRow::balance).orElse(Balance.empty(entry.accountId()))
                .plus(entry, position, at);
        AccountBook book = existing.map(AccountRow::book).orElse(AccountBook.EMPTY).apply(event);
        jdbc.update("insert into statement_entry (account_id, position, occurred_at, entry_type, participant_id, "
                        + "amount, credit, balance_after, cause, cause_id, request_key, items, policy_version, detail, "
                        + "vests_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.accountId(), position, SqlTime.of(at), entry.type().name(), entry.participantId(),
                entry.amount().amount(), entry.credit() == null ? null : entry.credit().amount(),
                after.balance().amount(), entry.cause().name(), entry.causeId(), entry.requestKey(), entry.items(),
                entry.policyVersion(), entry.detail(), SqlTime.of(entry.vestsAt()));
        Object[] balanceColumns = {after.earned().amount(), after.granted().amount(), after.spent().amount(),
                after.expired().amount(), after.balance().amount(), after.contributions(), after.withdrawals(),
                after.refusals(), after.lastPosition(), SqlTime.of(at), EventJson.write(book), after.accountId()};
        if (existing.isPresent()) {
            jdbc.update("update account_balance set earned = ?, granted = ?, spent = ?, expired = ?, balance = ?, "
                    + "contributions = ?, withdrawals = ?, refusals = ?, last_position = ?, updated_at = ?, book = ? "
                    + "where account_id = ?", balanceColumns);
        } else {
            jdbc.update("insert into account_balance (earned, granted, spent, expired, balance, contributions, "
                    + "withdrawals, refusals, last_position, updated_at, book, account_id) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", balanceColumns);
        }
        if (entry.participantId() != null && MEMBERS_SHARES.contains(entry.type())) {
            shareOf(entry);
        }
    }

    // A clawback takes from what its contributor earned; a refund from what its consumer spent.
    private void shareOf(LedgerEntry entry) {
        boolean earned = entry.type() == LedgerEntry.EntryType.CREDIT || entry.type() == LedgerEntry.EntryType.CLAWBACK;
        BigDecimal amount = (earned ? entry.amount() : Credit.ZERO.minus(entry.amount())).amount();
        int updated = jdbc.update("update account_member set " + (earned ? "earned = earned + ?" : "spent = spent + ?")
                + " where account_id = ? and participant_id = ?", amount, entry.accountId(), entry.participantId());
        if (updated == 0) {
            jdbc.update("insert into account_member (account_id, participant_id, earned, spent) values (?, ?, ?, ?)",
                    entry.accountId(), entry.participantId(), earned ? amount : BigDecimal.ZERO,
                    earned ? BigDecimal.ZERO : amount);
        }
    }

    private List<MemberShare> members(Balance balance) {
        return MemberPoolShares.of(jdbc.query("select participant_id, earned, spent from account_member "
                        + "where account_id = ? order by participant_id", (rs, i) -> new MemberPoolShares.Contribution(
                        rs.getString(1), credit(rs, "earned"), credit(rs, "spent")), balance.accountId()),
                balance.balance());
    }

    private void insertItems(List<Object[]> items) {
        for (int from = 0; from < items.size(); from += CHUNK) {
            jdbc.batchUpdate("insert into statement_item (account_id, position, ordinal, item_id, item_type, "
                    + "item_value, tlp, confidence, tags, rule, weight, credit, narrow, revoked) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
    }

    @QueryHandler
    AllBalances handle(FindAllBalances query) {
        return new AllBalances(jdbc.query("select * from account_balance order by account_id",
                (rs, i) -> balance(rs)));
    }

    private Optional<AccountRow> find(String accountId) {
        return jdbc.query("select * from account_balance where account_id = ?", (rs, i) -> new AccountRow(
                balance(rs), EventJson.read(rs.getString("book"), AccountBook.class)), accountId).stream().findFirst();
    }

    private static Balance balance(ResultSet rs) throws SQLException {
        return new Balance(rs.getString("account_id"), credit(rs, "earned"), credit(rs, "granted"),
                credit(rs, "spent"), credit(rs, "expired"), credit(rs, "balance"), rs.getInt("contributions"),
                rs.getInt("withdrawals"), rs.getInt("refusals"), rs.getLong("last_position"),
                SqlTime.instant(rs, "updated_at"));
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }

    private static Credit credit(ResultSet rs, String column) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null ? null : Credit.of(amount);
    }

    private record AccountRow(Balance balance, AccountBook book) {
    }
}
