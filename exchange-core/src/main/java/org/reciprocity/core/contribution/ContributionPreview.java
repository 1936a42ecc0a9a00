package org.reciprocity.core.contribution;

import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.List;

/**
 * What a contribution would earn if the account decided it now: each distinct item with its rule, weight and credit,
 * and what its receipt would say. Nothing of it is recorded, so a contribution decided in between (another account
 * bringing the same item first, say) can make the real contribution earn otherwise.
 *
 * @param credits      each distinct item with what it would earn, in the contributor's order
 * @param balance      what the account can draw now, once what has vested and expired by now is counted
 * @param balanceAfter what the receipt's balance would be: {@code balance} plus what {@code drawableAdded} leaves
 *                     once it has repaid any debt, or {@code balance} while the policy holds it until
 *                     {@code vestsAt}
 */
public record ContributionPreview(String accountId, String contributorId, List<ItemCredit> credits,
                                  int duplicatesInRequest, Credit creditEarned, Credit drawableAdded,
                                  Instant expiresAt, Instant vestsAt, Credit balance, Credit balanceAfter,
                                  int policyVersion, int contextObjects, List<String> objectsRefused) {

    public ContributionPreview {
        credits = List.copyOf(credits);
        objectsRefused = List.copyOf(objectsRefused);
    }

    /**
     * The preview of a contribution the account decided and did not apply.
     *
     * @param balanceNow what the account could draw before it, at the instant it was decided
     */
    public static ContributionPreview of(ItemsContributed unapplied, Credit balanceNow) {
        ContributionReceipt receipt = ContributionReceipt.of(unapplied);
        return new ContributionPreview(unapplied.accountId(), unapplied.contributorId(), unapplied.credits(),
                unapplied.duplicatesInRequest(), receipt.creditEarned(), receipt.drawableAdded(), receipt.expiresAt(),
                receipt.vestsAt(), balanceNow, unapplied.balanceAfter(),
                unapplied.policyVersion(), receipt.contextObjects(), receipt.objectsRefused());
    }

    public long count(CreditRule rule) {
        return credits.stream().filter(credit -> credit.rule() == rule).count();
    }
}
