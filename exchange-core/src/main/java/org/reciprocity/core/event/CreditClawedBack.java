package org.reciprocity.core.event;

import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account gave back the credit it had earned for an item that left the pool. It is taken from the balance as far
 * as the balance goes, the lots that expire soonest first; what the account has spent already cannot be taken back,
 * and becomes a debt that its later credit repays before anything else.
 *
 * @param judgmentId  the weighing that judged the item, or the retraction that withdrew it
 * @param credit      the drawable credit the item earned the account: its credit times the ratio of the policy
 *                    the contribution was decided under
 * @param policyVersion the version the contribution was decided under, whose ratio made the credit drawable
 * @param drawnFrom   which lots gave how much of it
 * @param debtAdded   what the balance could not give
 * @param debtAfter   what the account owes once this is counted
 */
public record CreditClawedBack(UUID clawbackId, String accountId, String requestKey, String requestFingerprint,
                               ItemRef item, UUID judgmentId, RevocationCause cause, String contributorId,
                               Credit credit, int policyVersion, List<LotDraw> drawnFrom, Credit debtAdded, Credit balanceAfter,
                               Credit debtAfter, Instant decidedAt) implements AnsweredRequest {

    public CreditClawedBack {
        drawnFrom = List.copyOf(drawnFrom);
    }

    @Override
    public UUID requestId() {
        return clawbackId;
    }

    @Override
    public String requesterId() {
        return contributorId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.CLAWBACK;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.clawedBack(this);
    }
}
