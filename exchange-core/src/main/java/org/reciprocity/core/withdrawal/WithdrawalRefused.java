package org.reciprocity.core.withdrawal;

import org.reciprocity.core.account.AnsweredRequest;
import java.util.UUID;

/**
 * A withdrawal was refused because the account's balance did not cover its cost. Nothing was delivered and nothing
 * debited; the attempt is kept so auditors see it.
 */
public record WithdrawalRefused(UUID withdrawalId, String accountId, String requestKey, String requestFingerprint,
                                DrawCriteria criteria, int itemsOffered, long cost, long balance,
                                int policyVersion) implements AnsweredRequest {
}
