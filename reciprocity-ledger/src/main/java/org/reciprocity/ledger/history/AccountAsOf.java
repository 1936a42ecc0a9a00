package org.reciprocity.ledger.history;

import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.account.Balance;

/**
 * An account at an instant, recomputed from the events.
 *
 * @param balance   the balance as the events up to the instant record it
 * @param available that less the credit which had expired by the instant without the account having acted since
 */
public record AccountAsOf(Balance balance, Credit available) {
}
