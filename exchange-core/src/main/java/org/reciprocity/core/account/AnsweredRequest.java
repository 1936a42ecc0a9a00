package org.reciprocity.core.account;

/** An event that answers a client's request to an account, and so is that request's recorded answer. */
public interface AnsweredRequest {

    String accountId();

    String requestKey();

    String requestFingerprint();
}
