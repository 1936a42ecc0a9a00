package org.reciprocity.portal.security;

import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * Recognises an API key by its hash in the participant directory. A suspended participant's key is recognised but
 * refused: it learns that it is suspended (see {@link LockedException}), and may do nothing else.
 */
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
                .map(participant -> {
                    if (participant.suspended()) {
                        // The reason is for operators and auditors: the participant is told to ask them.
                        throw new LockedException("participant '" + participant.participantId() + "' is suspended: "
                                + "its key is refused until an operator reinstates it; ask the exchange's operator "
                                + "why");
                    }
                    return ApiKeyAuthentication.of(new Member(participant.participantId(), participant.kind()));
                })
                .orElseThrow(() -> new BadCredentialsException("the API key is not one the exchange issued"
                        + (presented.claimedParticipantId() == null ? "" : " to '" + presented.claimedParticipantId()
                        + "'")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
