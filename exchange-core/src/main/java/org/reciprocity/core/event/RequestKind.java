package org.reciprocity.core.event;

/** The requests an account answers once per client key. */
public enum RequestKind {
    CONTRIBUTION,
    WITHDRAWAL,
    GRANT,
    REPORT,
    BONUS,
    SIGHTING,
    FALSE_POSITIVE,
    WEIGHING,
    CLAWBACK,
    REFUND,
    RETRACTION
}
