package org.reciprocity.core.participant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reciprocity.core.InvalidInputException;

import java.util.Locale;

/** What a participant is to the exchange, which decides what it may do. */
public enum ParticipantKind {
    /** A private firm: bank, telco, security vendor. Contributes and draws. */
    FIRM,
    /** A government agency: national CERT, police cyber unit, regulator. Contributes and draws. */
    AGENCY,
    /** An independent auditor: reads and replays the history, never contributes or draws. */
    AUDITOR,
    /** The agency running the exchange: registers the others. */
    OPERATOR,
    /** Small members sharing one account: holds no key, its members act for it. */
    POOL;

    /** Whether participants of this kind hold a reciprocity account: contribute, earn and draw. */
    public boolean holdsAccount() {
        return this == FIRM || this == AGENCY || this == POOL;
    }

    /** Whether participants of this kind act in person: contribute and draw with their own key. */
    public boolean isMember() {
        return this == FIRM || this == AGENCY;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ParticipantKind parse(String text) {
        if (text != null) {
            for (ParticipantKind kind : values()) {
                if (kind.label().equals(text)) {
                    return kind;
                }
            }
        }
        throw new InvalidInputException("kind", "'" + text + "' is not a kind of participant: use firm, agency, "
                + "auditor, operator or pool");
    }
}
