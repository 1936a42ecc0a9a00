package org.reciprocity.portal.pages;

import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.portal.security.SignedIn;

/** Who is signed in, as the pages' header and navigation need it. */
public record Viewer(String id, String kindName, boolean member, boolean auditor, boolean operator) {

    static Viewer of(SignedIn who) {
        ParticipantKind kind = who.member().kind();
        return new Viewer(who.member().participantId(), kind.name().toLowerCase(java.util.Locale.ROOT),
                kind == ParticipantKind.FIRM || kind == ParticipantKind.AGENCY, kind == ParticipantKind.AUDITOR,
                kind == ParticipantKind.OPERATOR);
    }

    /** The page a role starts on. */
    String home() {
        return member ? "/portal/member" : auditor ? "/portal/audit" : "/portal/operator";
    }
}
