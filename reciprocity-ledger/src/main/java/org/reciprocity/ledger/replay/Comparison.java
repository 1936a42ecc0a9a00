package org.reciprocity.ledger.replay;

import org.reciprocity.ledger.account.Balance;

import java.util.List;

/**
 * The replayed accounts held to the live ledger.
 *
 * @param made        whether the comparison was made; when not, {@code reason} says why
 * @param movedOn     accounts not compared because the ledger already counts events after the replay's end
 * @param differences accounts whose live balance is not the replayed one
 */
public record Comparison(boolean made, String reason, int accountsCompared, int movedOn,
                         List<Difference> differences) {

    static Comparison notMade(String reason) {
        return new Comparison(false, reason, 0, 0, List.of());
    }

    /** An account as replayed and as the ledger shows it; either may be null when the other alone has it. */
    public record Difference(String accountId, Balance replayed, Balance live) {
    }
}
