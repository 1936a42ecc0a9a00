package org.reciprocity.portal.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The portal's sign-in form: the key is checked exactly as an API call's would be, and the participant id, when
 * given, must be the key's owner, as with HTTP Basic.
 */
class SignInProvider implements AuthenticationProvider {

    private final ApiKeyAuthenticationProvider apiKeys;

    SignInProvider(ApiKeyAuthenticationProvider apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Authentication authenticate(Authentication form) {
        String key = String.valueOf(form.getCredentials()).strip();
        String participant = form.getName() == null || form.getName().isBlank() ? null : form.getName().strip();
        Authentication checked = apiKeys.authenticate(ApiKeyAuthentication.presented(key, participant));
        return UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn((Member) checked.getPrincipal(), key), null, checked.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
