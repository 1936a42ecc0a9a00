package org.reciprocity.core.membership;

/** A member left its pool. */
public record MemberLeftPool(String poolId, String memberId, String decidedBy) {
}
