package org.reciprocity.core.membership;

/** A participant joined a pool. */
public record MemberJoinedPool(String poolId, String memberId, String decidedBy) {
}
