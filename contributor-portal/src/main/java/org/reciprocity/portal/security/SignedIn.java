package org.reciprocity.portal.security;

import java.security.Principal;

/**
 * A person signed in to the portal with a participant's API key. The key stays on the server, in the session, for
 * the portal to call the API as that participant; the browser holds only the session cookie.
 */
public record SignedIn(Member member, String apiKey) implements Principal {

    /** The participant's id: what access logs and session listings record of who is signed in. */
    @Override
    public String getName() {
        return member.participantId();
    }

    @Override
    public String toString() {
        // Never the key: principals end up in logs and error pages.
        return "SignedIn[" + member.participantId() + "]";
    }
}
