package org.reciprocity.core.event;

import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.sharing.Audience;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch of items entered the pool, with the context objects sent around them, and credited an account. The event
 * records the decision itself, item by item: the rule each item fell under (new, corroboration, repeat, received),
 * its weight and its credit, under which policy version; and object by object, what became of each context object.
 * The ledger counts what it records, and the auditor's replay takes the decision again and compares.
 *
 * @param credits             each distinct item of the batch with what it earned, in the contributor's order
 * @param duplicatesInRequest items repeated within the batch and counted once
 * @param credit              what the batch earned: the sum of the items' credits
 * @param lot                 the drawable credit it adds (the credit times the policy's ratio), pending until the
 *                            policy's holding period ends if it has one; null when it earned nothing
 * @param balanceAfter        the account's drawable balance once the lot was added: the same as before while the lot
 *                            is pending
 * @param decidedAt           the instant of the decision: the policy version is the one in force then, and the lot
 *                            expires its lifetime later
 * @param context             each distinct context object sent and its ruling, in the contributor's order; empty in
 *                            contributions recorded before context was kept
 * @param audience            whom the contribution shares its items with, its border resolved into countries; the
 *                            whole exchange in contributions recorded before audiences could be chosen
 */
public record ItemsContributed(UUID contributionId, String accountId, String contributorId, String requestKey,
                               String requestFingerprint, List<ItemCredit> credits, int duplicatesInRequest,
                               Credit credit, CreditLot lot, Credit balanceAfter, int policyVersion,
                               Instant decidedAt, List<ContextRuling> context, Audience audience)
        implements AnsweredRequest {

    public ItemsContributed {
        credits = List.copyOf(credits);
        context = context == null ? List.of() : List.copyOf(context);
        audience = audience == null ? Audience.EXCHANGE : audience;
    }

    /** A contribution of items alone. */
    public ItemsContributed(UUID contributionId, String accountId, String contributorId, String requestKey,
                            String requestFingerprint, List<ItemCredit> credits, int duplicatesInRequest,
                            Credit credit, CreditLot lot, Credit balanceAfter, int policyVersion, Instant decidedAt) {
        this(contributionId, accountId, contributorId, requestKey, requestFingerprint, credits, duplicatesInRequest,
                credit, lot, balanceAfter, policyVersion, decidedAt, List.of(), Audience.EXCHANGE);
    }

    @Override
    public UUID requestId() {
        return contributionId;
    }

    @Override
    public String requesterId() {
        return contributorId;
    }

    @Override
    public RequestKind kind() {
        return RequestKind.CONTRIBUTION;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.contributed(this);
    }

    public int itemCount() {
        return credits.size();
    }

    public long count(CreditRule rule) {
        return credits.stream().filter(credit -> credit.rule() == rule).count();
    }

    public List<Item> items() {
        return credits.stream().map(ItemCredit::item).toList();
    }

    /** What the batch added to the balance. */
    public Credit drawable() {
        return lot == null ? Credit.ZERO : lot.amount();
    }
}
