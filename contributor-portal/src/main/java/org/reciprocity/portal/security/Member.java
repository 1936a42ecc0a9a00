package org.reciprocity.portal.security;

import org.reciprocity.core.participant.ParticipantKind;

/**
 * The participant a request acts as, once its API key is recognised.
 *
 * @param keyName which of the participant's keys the request was made with, as in {@code ci-bot}
 */
public record Member(String participantId, ParticipantKind kind, String keyName) {

    public boolean isOperatorOrAuditor() {
        return kind == ParticipantKind.OPERATOR || kind == ParticipantKind.AUDITOR;
    }
}
