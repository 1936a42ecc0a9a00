package org.reciprocity.core.account;

/** An event that answers a client's request to an account, and so is that request's recorded answer. */
public interface AnsweredRequest {

    String accountId();

    /** The participant whose key the request carried: keys are one requester's own. */
    String requesterId();

    String requestKey();

    String requestFingerprint();
}
