package org.reciprocity.ledger.account;

import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.util.Optional;
import java.util.UUID;

/**
 * What one account event means for the ledger: a credit, a debit, or a refused attempt. The live ledger and every
 * replay read the events through this one mapping, so the two cannot drift apart.
 *
 * @param amount        credits added (CREDIT) or taken (DEBIT); the cost that was refused (REFUSAL)
 * @param recordedAfter the balance the deciding account recorded after this entry
 */
public record LedgerEntry(String accountId, EntryType type, long amount, long recordedAfter, Cause cause,
                          UUID causeId, String requestKey, int items, int policyVersion) {

    public enum EntryType { CREDIT, DEBIT, REFUSAL }

    public enum Cause { CONTRIBUTION, WITHDRAWAL }

    /** The entry an event makes, or empty for events that do not touch an account. */
    public static Optional<LedgerEntry> of(Object event) {
        if (event instanceof ItemsContributed contributed) {
            return Optional.of(new LedgerEntry(contributed.accountId(), EntryType.CREDIT, contributed.credit(),
                    contributed.balanceAfter(), Cause.CONTRIBUTION, contributed.contributionId(),
                    contributed.requestKey(), contributed.itemCount(), contributed.policyVersion()));
        }
        if (event instanceof ItemsWithdrawn withdrawn) {
            return Optional.of(new LedgerEntry(withdrawn.accountId(), EntryType.DEBIT, withdrawn.cost(),
                    withdrawn.balanceAfter(), Cause.WITHDRAWAL, withdrawn.withdrawalId(), withdrawn.requestKey(),
                    withdrawn.items().size(), withdrawn.policyVersion()));
        }
        if (event instanceof WithdrawalRefused refused) {
            return Optional.of(new LedgerEntry(refused.accountId(), EntryType.REFUSAL, refused.cost(),
                    refused.balance(), Cause.WITHDRAWAL, refused.withdrawalId(), refused.requestKey(),
                    refused.itemsOffered(), refused.policyVersion()));
        }
        return Optional.empty();
    }
}
