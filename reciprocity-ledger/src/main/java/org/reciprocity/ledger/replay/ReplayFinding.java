package org.reciprocity.ledger.replay;

/**
 * A recorded decision that does not follow from the history before it and the policy in force.
 *
 * @param event the kind of event, such as {@code ItemsContributed}
 * @param check the rule it breaks
 */
public record ReplayFinding(long position, String accountId, String event, Check check, String detail) {
}
