package org.reciprocity.ledger.replay;

/**
 * The rules the replay holds every recorded decision to, each by taking it again with the rule kernel on the state
 * the history had rebuilt by then. A finding names the one it broke.
 */
public enum Check {
    POLICY_VERSION("decided under the policy version in force at its instant"),
    ENTITLEMENT("decided on the account its requester acts on: its pool's while a member of one, else its own"),
    EXPIRY("credit whose time had come recorded as expired before the decision, and none before its time"),
    VESTING("credit whose holding period had ended recorded as vested before the decision, and none before its time"),
    CLASSIFICATION("each item classified once, as the pool's history gives it: new, corroboration, repeat or "
            + "received when contributed; charged or free when delivered; counted or not when reported"),
    EARNINGS("each item's weight and credit, and the lot the batch adds, as the policy's terms give them"),
    CONTEXT("each context object taken or refused as the pool's history gives it: new, a new version from its "
            + "owner, a version already held, or another participant's object"),
    DELIVERY("nothing delivered that the marking does not allow the consumer to receive"),
    SCORES("in a withdrawal by score, each item's score as the pool's history and the policy give it at the decision, "
            + "the best first"),
    CHARGES("the cost of what was delivered, at the policy's price per charged item"),
    COVERAGE("delivered only what the balance covered, and refused only what it did not: a whole request when it "
            + "did not cover it all, a page when it did not cover its first item, a lookup by id never"),
    BONUS("each bonus for an item a report counted, to the account that first shared it, once, priced at the "
            + "report"),
    GRANT("a grant made before its own expiry, and answered once"),
    JUDGMENT("each report of a false positive counted as the pool's history gives it and weighed once, by the "
            + "account that first shared the item; the item judged by the weighing that makes the policy's quorum of "
            + "accounts, and by no other"),
    REVOCATION("for each item judged or retracted, the credit of every account it earned some (or of the retracting "
            + "account) clawed back, and, when it left the pool, what every account paid for it refunded, once each, "
            + "at what was earned and paid; a retraction of what the account contributed, taking the item out when "
            + "no other account vouches for it"),
    BOOK("the lots drawn from and the balance after, as the account's book gives them");

    private final String description;

    Check(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
