package org.reciprocity.ledger.replay;

/** A recorded decision that does not follow from the history before it and the policy in force. */
public record ReplayFinding(long position, String accountId, String event, String detail) {
}
