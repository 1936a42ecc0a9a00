package org.reciprocity.portal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** An API key as presented (not yet checked), and once checked, the member it belongs to. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient String apiKey;
    private final transient String claimedParticipantId;
    private final transient Member member;

    private ApiKeyAuthentication(String apiKey, String claimedParticipantId, Member member) {
        super(member == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + member.kind().name())));
        this.apiKey = apiKey;
        this.claimedParticipantId = claimedParticipantId;
        this.member = member;
        setAuthenticated(member != null);
    }

    /** @param claimedParticipantId whose key the client says it is (HTTP Basic's user); null when it does not say */
    static ApiKeyAuthentication presented(String apiKey, String claimedParticipantId) {
        return new ApiKeyAuthentication(apiKey, claimedParticipantId, null);
    }

    static ApiKeyAuthentication of(Member member) {
        return new ApiKeyAuthentication(null, null, member);
    }

    String apiKey() {
        return apiKey;
    }

    String claimedParticipantId() {
        return claimedParticipantId;
    }

    @Override
    public Object getCredentials() {
        return apiKey;
    }

    @Override
    public Member getPrincipal() {
        return member;
    }

    @Override
    public String getName() {
        return member == null ? "" : member.participantId();
    }
}
