package org.reciprocity.ledger.account;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ChargeRefunded;
import org.reciprocity.core.event.CreditClawedBack;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.CreditVested;
import org.reciprocity.core.event.FalsePositiveWeighed;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What one account event means for the ledger: a credit, a bonus, a grant, a debit, an expiry, a refused attempt, a
 * clawback of credit for an item that left the pool, a refund of what was paid for one, or a contribution's credit
 * vesting at the end of its holding period.
 * The live ledger and every replay read the events through this one mapping, so the two cannot drift apart.
 *
 * @param participantId  who acted: the contributor, the consumer, the granting operator; null for expiries,
 *                       vestings and bonuses
 * @param amount         what the entry did to the balance: added (positive), taken (negative), nothing (zero)
 * @param credit         what a contribution or bonus earned before the ratio, what a refused withdrawal would
 *                       have cost, or what vested; null otherwise
 * @param recordedAfter  the balance the deciding account recorded after this entry; null for expiries and vestings,
 *                       which record no balance
 * @param policyVersion  the policy version that computed the entry; null for grants and expiries, which no policy
 *                       computes
 * @param detail         a grant's reason; why a clawback or a refund was made
 * @param vestsAt        when the credit a contribution added becomes drawable; null when it was at once. The ledger's
 *                       balance counts credit from the moment it is earned, pending or not: what can be drawn is told
 *                       apart by the account's book
 */
public record LedgerEntry(String accountId, EntryType type, String participantId, Credit amount, Credit credit,
                          Credit recordedAfter, Cause cause, UUID causeId, String requestKey, int items,
                          Integer policyVersion, String detail, Instant vestsAt) {

    public enum EntryType { CREDIT, BONUS, GRANT, DEBIT, EXPIRY, REFUSAL, CLAWBACK, REFUND, VESTING }

    public enum Cause { CONTRIBUTION, WITHDRAWAL, GRANT, BONUS, EXPIRY, CLAWBACK, REFUND }

    /** The entry an account event makes, or empty for a report or a weighing, which touch no balance. */
    public static Optional<LedgerEntry> of(AccountEvent event) {
        return event.accept(ENTRIES);
    }

    private static final AccountEvent.Visitor<Optional<LedgerEntry>> ENTRIES = new AccountEvent.Visitor<>() {
        @Override
        public Optional<LedgerEntry> contributed(ItemsContributed contributed) {
            return Optional.of(new LedgerEntry(contributed.accountId(), EntryType.CREDIT,
                    contributed.contributorId(), contributed.drawable(), contributed.credit(),
                    contributed.balanceAfter(), Cause.CONTRIBUTION, contributed.contributionId(),
                    contributed.requestKey(), contributed.itemCount(), contributed.policyVersion(), null,
                    contributed.lot() == null ? null : contributed.lot().vestsAt()));
        }

        @Override
        public Optional<LedgerEntry> bonus(BonusEarned bonus) {
            return Optional.of(new LedgerEntry(bonus.accountId(), EntryType.BONUS, null, bonus.drawable(),
                    bonus.credit(), bonus.balanceAfter(), Cause.BONUS, bonus.bonusId(), bonus.requestKey(), 1,
                    bonus.policyVersion(), null, null));
        }

        @Override
        public Optional<LedgerEntry> granted(CreditGranted granted) {
            return Optional.of(new LedgerEntry(granted.accountId(), EntryType.GRANT, granted.grantedBy(),
                    granted.amount(), null, granted.balanceAfter(), Cause.GRANT, granted.grantId(),
                    granted.requestKey(), 0, null, granted.reason(), null));
        }

        @Override
        public Optional<LedgerEntry> withdrawn(ItemsWithdrawn withdrawn) {
            return Optional.of(new LedgerEntry(withdrawn.accountId(), EntryType.DEBIT, withdrawn.consumerId(),
                    Credit.ZERO.minus(withdrawn.cost()), null, withdrawn.balanceAfter(), Cause.WITHDRAWAL,
                    withdrawn.withdrawalId(), withdrawn.requestKey(), withdrawn.items().size(),
                    withdrawn.policyVersion(), null, null));
        }

        @Override
        public Optional<LedgerEntry> expired(CreditExpired expired) {
            return Optional.of(new LedgerEntry(expired.accountId(), EntryType.EXPIRY, null,
                    Credit.ZERO.minus(expired.amount()), null, null, Cause.EXPIRY, expired.lotId(), null, 0, null,
                    null, null));
        }

        // Credit already counted when it was earned: the line tells that it can be drawn now, and moves nothing.
        @Override
        public Optional<LedgerEntry> vested(CreditVested vested) {
            return Optional.of(new LedgerEntry(vested.accountId(), EntryType.VESTING, null, Credit.ZERO,
                    vested.amount(), null, Cause.CONTRIBUTION, vested.lotId(), null, 0, null, null, null));
        }

        @Override
        public Optional<LedgerEntry> refused(WithdrawalRefused refused) {
            return Optional.of(new LedgerEntry(refused.accountId(), EntryType.REFUSAL, refused.consumerId(),
                    Credit.ZERO, refused.cost(), refused.balance(), Cause.WITHDRAWAL, refused.withdrawalId(),
                    refused.requestKey(), refused.itemsOffered(), refused.policyVersion(), null, null));
        }

        @Override
        public Optional<LedgerEntry> reported(ActedOnReported reported) {
            return Optional.empty();
        }

        @Override
        public Optional<LedgerEntry> sighted(ItemsSighted sighted) {
            return Optional.empty();
        }

        @Override
        public Optional<LedgerEntry> reportedFalse(FalsePositivesReported reported) {
            return Optional.empty();
        }

        @Override
        public Optional<LedgerEntry> weighed(FalsePositiveWeighed weighed) {
            return Optional.empty();
        }

        @Override
        public Optional<LedgerEntry> retracted(ItemsRetracted retracted) {
            return Optional.empty();
        }

        // The whole credit the item earned leaves the balance, which goes below zero by what the account owes.
        @Override
        public Optional<LedgerEntry> clawedBack(CreditClawedBack clawback) {
            return Optional.of(new LedgerEntry(clawback.accountId(), EntryType.CLAWBACK, clawback.contributorId(),
                    Credit.ZERO.minus(clawback.credit()), clawback.credit(), clawback.balanceAfter(), Cause.CLAWBACK,
                    clawback.clawbackId(), clawback.requestKey(), 1, clawback.policyVersion(),
                    clawback.cause().name(), null));
        }

        @Override
        public Optional<LedgerEntry> refunded(ChargeRefunded refund) {
            return Optional.of(new LedgerEntry(refund.accountId(), EntryType.REFUND, refund.consumerId(),
                    refund.credit(), refund.credit(), refund.balanceAfter(), Cause.REFUND, refund.refundId(),
                    refund.requestKey(), 1, refund.policyVersion(), refund.cause().name(), null));
        }
    };
}
