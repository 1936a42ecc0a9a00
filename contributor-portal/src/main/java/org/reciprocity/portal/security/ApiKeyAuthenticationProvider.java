package org.reciprocity.portal.security;

import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Recognises an API key by its hash in the participant directory. */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ParticipantDirectory directory;

    ApiKeyAuthenticationProvider(ParticipantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ApiKeyAuthentication presented = (ApiKeyAuthentication) authentication;
        return directory.findByApiKeyHash(ApiKeys.hash(presented.apiKey()))
                .filter(participant -> presented.claimedParticipantId() == null
                        || presented.claimedParticipantId().equals(participant.participantId()))
                .map(participant -> ApiKeyAuthentication.of(new Member(participant.participantId(),
                        participant.kind())))
                .orElseThrow(() -> new BadCredentialsException("the API key is not one the exchange issued"
                        + (presented.claimedParticipantId() == null ? "" : " to '" + presented.claimedParticipantId()
                        + "'")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
