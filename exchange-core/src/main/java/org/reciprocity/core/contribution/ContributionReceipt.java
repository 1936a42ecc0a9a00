package org.reciprocity.core.contribution;

import java.util.UUID;

/** What the contributor is told: how many items were accepted, how many were new, and what they earned. */
public record ContributionReceipt(UUID contributionId, String accountId, String requestKey, int itemsAccepted,
                                  int newItems, int knownItems, int duplicatesInRequest, long creditEarned,
                                  long balance, int policyVersion) {

    public static ContributionReceipt of(ItemsContributed event) {
        return new ContributionReceipt(event.contributionId(), event.accountId(), event.requestKey(), event.itemCount(),
                event.newItems().size(), event.knownItems().size(), event.duplicatesInRequest(), event.credit(),
                event.balanceAfter(), event.policyVersion());
    }
}
