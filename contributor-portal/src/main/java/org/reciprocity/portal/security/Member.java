package org.reciprocity.portal.security;

import org.reciprocity.core.participant.ParticipantKind;

/** The participant a request acts as, once its API key is recognised. */
public record Member(String participantId, ParticipantKind kind) {

    public boolean isOperatorOrAuditor() {
        return kind == ParticipantKind.OPERATOR || kind == ParticipantKind.AUDITOR;
    }
}
