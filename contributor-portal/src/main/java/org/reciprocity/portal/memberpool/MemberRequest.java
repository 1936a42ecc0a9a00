package org.reciprocity.portal.memberpool;

/** A participant to add to a pool. */
record MemberRequest(String participantId) {
}
