package org.reciprocity.portal.pool;

/** A participant to add to a pool. */
record MemberRequest(String participantId) {
}
