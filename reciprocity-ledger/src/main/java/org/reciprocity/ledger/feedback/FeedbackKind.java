package org.reciprocity.ledger.feedback;

import org.reciprocity.core.event.BonusCause;

/** What consumers reported of an account's item: each kind is counted on its own. */
enum FeedbackKind {
    ACTED_ON,
    SIGHTED,
    FALSE_POSITIVE;

    static FeedbackKind of(BonusCause cause) {
        return switch (cause) {
            case ACTED_ON -> ACTED_ON;
            case SIGHTED -> SIGHTED;
        };
    }
}
