package org.reciprocity.core.account;

/** The requests an account answers once per client key. */
public enum RequestKind {
    CONTRIBUTION,
    WITHDRAWAL
}
