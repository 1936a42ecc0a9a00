package org.reciprocity.core.contribution;

import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the contributor is told: how many items were accepted and under which rule, what they earned, what that adds
 * to the balance, from when and until when; how many context objects were kept, and which were refused as another
 * participant's.
 *
 * @param expired items that had expired as sent (see {@code ItemLife}): they earn nothing and stay out of the pool
 * @param vestsAt when what was added can be drawn, at the end of the policy's holding period; null for at once
 * @param balance the account's drawable balance after the contribution: without what is still pending
 */
public record ContributionReceipt(UUID contributionId, String accountId, String contributorId, String requestKey,
                                  int itemsAccepted, long newItems, long corroborations, long repeats,
                                  long expired, int duplicatesInRequest, Credit creditEarned, Credit drawableAdded,
                                  Instant expiresAt, Instant vestsAt, Credit balance, int policyVersion,
                                  int contextObjects, List<String> objectsRefused) {

    public static ContributionReceipt of(ItemsContributed event) {
        return new ContributionReceipt(event.contributionId(), event.accountId(), event.contributorId(),
                event.requestKey(), event.itemCount(), event.count(CreditRule.NEW),
                event.count(CreditRule.CORROBORATION), event.count(CreditRule.REPEAT),
                event.count(CreditRule.EXPIRED), event.duplicatesInRequest(),
                event.credit(), event.drawable(), event.lot() == null ? null : event.lot().expiresAt(),
                event.lot() == null ? null : event.lot().vestsAt(), event.balanceAfter(), event.policyVersion(),
                (int) event.context().stream().filter(ruling -> ruling.rule().admitted()).count(),
                event.context().stream().filter(ruling -> !ruling.rule().admitted())
                        .map(ruling -> ruling.object().id()).toList());
    }
}
