package org.reciprocity.portal.security;

import org.reciprocity.core.participant.ApiKeys;
import org.reciprocity.core.registry.ParticipantDirectory.KeyHolder;
import org.reciprocity.core.registry.ParticipantDirectory.RegisteredParticipant;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

import java.time.Clock;

/**
 * Recognises an API key by its hash in the participant directory, on every request and with nothing cached, so that
 * a key revoked on one node is refused by all from that moment; and while it works: until its expiry, or, replaced
 * by a rotation, until its grace period ends. A key that stopped is refused saying so, for the participant to ask
 * for a new one rather than check the one it holds. A suspended participant's key is recognised but refused: it
 * learns that it is suspended (see {@link LockedException}), and may do nothing else.
 */
class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ParticipantDirectory directory;
    private final Clock clock;

    ApiKeyAuthenticationProvider(ParticipantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ApiKeyAuthentication presented = (ApiKeyAuthentication) authentication;
        KeyHolder holder = directory.findByApiKeyHash(ApiKeys.hash(presented.apiKey()))
                .filter(found -> presented.claimedParticipantId() == null
                        || presented.claimedParticipantId().equals(found.participant().participantId()))
                .orElseThrow(() -> new BadCredentialsException("the API key is not one the exchange issued"
                        + (presented.claimedParticipantId() == null ? "" : " to '" + presented.claimedParticipantId()
                        + "'")));
        RegisteredParticipant participant = holder.participant();
        if (!holder.worksAt(clock.instant())) {
            throw new CredentialsExpiredException(holder.replaced()
                    ? "the API key was replaced, and its grace period ended at " + holder.worksUntil() + ": use the "
                    + "new key"
                    : "the API key expired at " + holder.worksUntil() + ": ask the operator for a new one");
        }
        if (participant.suspended()) {
            // The reason is for operators and auditors: the participant is told to ask them.
            throw new LockedException("participant '" + participant.participantId() + "' is suspended: its key is "
                    + "refused until an operator reinstates it; ask the exchange's operator why");
        }
        return ApiKeyAuthentication.of(new Member(participant.participantId(), participant.kind(), holder.keyName()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
