package org.reciprocity.core.withdrawal;

import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.item.Item;

import java.util.List;
import java.util.UUID;

/**
 * Items were delivered to an account and their cost debited. The items are recorded as delivered, markings included,
 * so an auditor sees exactly what each participant received.
 *
 * @param throughPosition pool position of the last delivered item; null when nothing matched
 * @param balanceAfter    the account's balance once the cost was debited
 */
public record ItemsWithdrawn(UUID withdrawalId, String accountId, String requestKey, String requestFingerprint,
                             DrawCriteria criteria, List<Item> items, Long throughPosition, long cost,
                             long balanceAfter, int policyVersion) implements AnsweredRequest {
}
