package org.reciprocity.ledger.account;

import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.CreditExpired;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.policy.Credit;

import java.util.Optional;
import java.util.UUID;

/**
 * What one account event means for the ledger: a credit, a bonus, a grant, a debit, an expiry, or a refused attempt.
 * The live ledger and every replay read the events through this one mapping, so the two cannot drift apart.
 *
 * @param participantId  who acted: the contributor, the consumer, the granting operator; null for expiries and
 *                       bonuses
 * @param amount         what the entry did to the balance: added (positive), taken (negative), nothing (zero)
 * @param credit         what a contribution or bonus earned before the ratio, or what a refused withdrawal would
 *                       have cost; null otherwise
 * @param recordedAfter  the balance the deciding account recorded after this entry; null for expiries, which record
 *                       no balance
 * @param policyVersion  the policy version that computed the entry; null for grants and expiries, which no policy
 *                       computes
 * @param detail         a grant's reason
 */
public record LedgerEntry(String accountId, EntryType type, String participantId, Credit amount, Credit credit,
                          Credit recordedAfter, Cause cause, UUID causeId, String requestKey, int items,
                          Integer policyVersion, String detail) {

    public enum EntryType { CREDIT, BONUS, GRANT, DEBIT, EXPIRY, REFUSAL }

    public enum Cause { CONTRIBUTION, WITHDRAWAL, GRANT, BONUS, EXPIRY }

    /** The entry an account event makes, or empty for a report, which touches no balance. */
    public static Optional<LedgerEntry> of(AccountEvent event) {
        return event.accept(ENTRIES);
    }

    private static final AccountEvent.Visitor<Optional<LedgerEntry>> ENTRIES = new AccountEvent.Visitor<>() {
        @Override
        public Optional<LedgerEntry> contributed(ItemsContributed contributed) {
            return Optional.of(new LedgerEntry(contributed.accountId(), EntryType.CREDIT,
                    contributed.contributorId(), contributed.drawable(), contributed.credit(),
                    contributed.balanceAfter(), Cause.CONTRIBUTION, contributed.contributionId(),
                    contributed.requestKey(), contributed.itemCount(), contributed.policyVersion(), null));
        }

        @Override
        public Optional<LedgerEntry> bonus(BonusEarned bonus) {
            return Optional.of(new LedgerEntry(bonus.accountId(), EntryType.BONUS, null, bonus.drawable(),
                    bonus.credit(), bonus.balanceAfter(), Cause.BONUS, bonus.bonusId(), bonus.requestKey(), 1,
                    bonus.policyVersion(), null));
        }

        @Override
        public Optional<LedgerEntry> granted(CreditGranted granted) {
            return Optional.of(new LedgerEntry(granted.accountId(), EntryType.GRANT, granted.grantedBy(),
                    granted.amount(), null, granted.balanceAfter(), Cause.GRANT, granted.grantId(),
                    granted.requestKey(), 0, null, granted.reason()));
        }

        @Override
        public Optional<LedgerEntry> withdrawn(ItemsWithdrawn withdrawn) {
            return Optional.of(new LedgerEntry(withdrawn.accountId(), EntryType.DEBIT, withdrawn.consumerId(),
                    Credit.ZERO.minus(withdrawn.cost()), null, withdrawn.balanceAfter(), Cause.WITHDRAWAL,
                    withdrawn.withdrawalId(), withdrawn.requestKey(), withdrawn.items().size(),
                    withdrawn.policyVersion(), null));
        }

        @Override
        public Optional<LedgerEntry> expired(CreditExpired expired) {
            return Optional.of(new LedgerEntry(expired.accountId(), EntryType.EXPIRY, null,
                    Credit.ZERO.minus(expired.amount()), null, null, Cause.EXPIRY, expired.lotId(), null, 0, null,
                    null));
        }

        @Override
        public Optional<LedgerEntry> refused(WithdrawalRefused refused) {
            return Optional.of(new LedgerEntry(refused.accountId(), EntryType.REFUSAL, refused.consumerId(),
                    Credit.ZERO, refused.cost(), refused.balance(), Cause.WITHDRAWAL, refused.withdrawalId(),
                    refused.requestKey(), refused.itemsOffered(), refused.policyVersion(), null));
        }

        @Override
        public Optional<LedgerEntry> reported(ActedOnReported reported) {
            return Optional.empty();
        }

        @Override
        public Optional<LedgerEntry> sighted(ItemsSighted sighted) {
            return Optional.empty();
        }
    };
}
