package org.reciprocity.ledger.feedback;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.SharedPoolRecording;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * What consumers did with each account's contributions: the items others reported acting on, those others
 * reported seeing in their own systems, and those others reported as false positives (with their reasons, whether
 * the item left the pool and what the account gave back for it); how many of them did, when, how often they saw it, and the bonus the account
 * earned for it. Kept by the {@code ledger} processor beside the statements, so that it is rebuilt with them; every
 * time it writes comes from the events (the instant of the report), so a rebuild writes the same rows. A report names
 * the account each counted item earns for; its bonus follows it in the global order, once the bonus processor has
 * awarded it.
 */
@Component
@ProcessingGroup(ProjectionReplays.LEDGER)
class FeedbackProjection {

    // The items a report of either kind names at most, so that the numbers of two reports never meet.
    private static final int PER_REPORT = Math.max(Math.max(ReportActedOn.MAX_ITEMS, ReportSightings.MAX_SIGHTINGS),
            ReportFalsePositives.MAX_REPORTS);

    private final JdbcTemplate jdbc;

    FeedbackProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActedOnReported report, TrackingToken token) {
        long position = token.position().orElseThrow();
        for (int i = 0; i < report.counted().size(); i++) {
            ActedOnReported.Counted counted = report.counted().get(i);
            count(FeedbackKind.ACTED_ON, counted.beneficiaryAccountId(), counted.item(), 0, report.decidedAt(),
                    number(position, i), null);
        }
    }

    @EventHandler
    void on(ItemsSighted report, TrackingToken token) {
        long position = token.position().orElseThrow();
        for (int i = 0; i < report.counted().size(); i++) {
            ItemsSighted.Counted counted = report.counted().get(i);
            count(FeedbackKind.SIGHTED, counted.beneficiaryAccountId(), counted.sighting().item(),
                    counted.sighting().count(), report.decidedAt(), number(position, i), null);
        }
    }

    @EventHandler
    void on(FalsePositivesReported report, TrackingToken token) {
        long position = token.position().orElseThrow();
        for (int i = 0; i < report.counted().size(); i++) {
            FalsePositivesReported.Counted counted = report.counted().get(i);
            count(FeedbackKind.FALSE_POSITIVE, counted.sharerAccountId(), counted.report().item(), 0,
                    report.decidedAt(), number(position, i), counted.report().reason());
        }
    }

    @EventHandler
    void on(FalsePositiveWeighed weighing) {
        if (SharedPoolRecording.revokes(weighing)) {
            jdbc.update("update item_feedback set revoked = true where account_id = ? and kind = ? and item_id = ?",
                    weighing.accountId(), FeedbackKind.FALSE_POSITIVE.name(), weighing.item().id());
        }
    }

    // What the sharer gave back is told beside the reports; the other contributors' clawbacks are in their statements.
    @EventHandler
    void on(CreditClawedBack clawback) {
        jdbc.update("update item_feedback set bonus = bonus + ? where account_id = ? and kind = ? and item_id = ?",
                clawback.credit().amount(), clawback.accountId(), FeedbackKind.FALSE_POSITIVE.name(),
                clawback.item().id());
    }

    private void count(FeedbackKind kind, String accountId, ItemRef item, long timesSeen, Instant at, long number,
                       String reason) {
        int updated = jdbc.update("update item_feedback set consumers = consumers + 1, times_seen = times_seen + ?, "
                        + "last_reported_at = ?, last_reason = ? where account_id = ? and kind = ? and item_id = ?",
                timesSeen, SqlTime.of(at), reason, accountId, kind.name(), item.id());
        if (updated == 0) {
            jdbc.update("insert into item_feedback (account_id, kind, item_number, item_id, item_type, item_value, "
                            + "first_reported_at, last_reported_at, consumers, times_seen, bonus, last_reason) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?)", accountId, kind.name(), number,
                    item.id(), item.type().label(), item.value(), SqlTime.of(at), SqlTime.of(at), timesSeen, reason);
        }
    }

    @EventHandler
    void on(BonusEarned bonus) {
        jdbc.update("update item_feedback set bonus = bonus + ? where account_id = ? and kind = ? and item_id = ?",
                bonus.drawable().amount(), bonus.accountId(), FeedbackKind.of(bonus.cause()).name(),
                bonus.item().id());
    }

    /**
     * An item's number: the global position of its first report, then its place in that report. Reports reach the
     * items of many accounts and come from many streams, so the number follows the global order alone, whichever
     * segment of the processor handles the report and whenever; it never changes once given.
     */
    static long number(long reportPosition, int index) {
        return reportPosition * PER_REPORT + index;
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from item_feedback");
    }

    @QueryHandler
    ActedOnItems handle(FindActedOn query) {
        return new ActedOnItems(query.accountId(), jdbc.query(page(), (rs, i) -> new ActedOnItem(
                rs.getLong("item_number"), rs.getString("item_type"), rs.getString("item_value"),
                SqlTime.instant(rs, "first_reported_at"), SqlTime.instant(rs, "last_reported_at"),
                rs.getInt("consumers"), Credit.of(rs.getBigDecimal("bonus"))), query.accountId(),
                FeedbackKind.ACTED_ON.name(), query.afterNumber(), query.limit()));
    }

    @QueryHandler
    SightedItems handle(FindSightings query) {
        return new SightedItems(query.accountId(), jdbc.query(page(), (rs, i) -> new SightedItem(
                rs.getLong("item_number"), rs.getString("item_type"), rs.getString("item_value"),
                SqlTime.instant(rs, "first_reported_at"), SqlTime.instant(rs, "last_reported_at"),
                rs.getInt("consumers"), rs.getLong("times_seen"), Credit.of(rs.getBigDecimal("bonus"))),
                query.accountId(), FeedbackKind.SIGHTED.name(), query.afterNumber(), query.limit()));
    }

    @QueryHandler
    FalsePositiveItems handle(FindFalsePositives query) {
        return new FalsePositiveItems(query.accountId(), jdbc.query(page(), (rs, i) -> new FalsePositiveItem(
                rs.getLong("item_number"), rs.getString("item_type"), rs.getString("item_value"),
                SqlTime.instant(rs, "first_reported_at"), SqlTime.instant(rs, "last_reported_at"),
                rs.getInt("consumers"), rs.getString("last_reason"), rs.getBoolean("revoked"),
                Credit.of(rs.getBigDecimal("bonus"))), query.accountId(), FeedbackKind.FALSE_POSITIVE.name(),
                query.afterNumber(), query.limit()));
    }

    private static String page() {
        return "select * from item_feedback where account_id = ? and kind = ? and item_number > ? "
                + "order by item_number fetch first ? rows only";
    }
}
