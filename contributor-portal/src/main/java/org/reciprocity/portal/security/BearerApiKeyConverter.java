package org.reciprocity.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** Reads the API key from {@code Authorization: Bearer <key>}. */
class BearerApiKeyConverter implements AuthenticationConverter {

    private static final String BEARER = "Bearer ";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String apiKey = header.substring(BEARER.length()).strip();
        if (apiKey.isEmpty()) {
            throw new BadCredentialsException("the Authorization header carries no key after 'Bearer'");
        }
        return ApiKeyAuthentication.presented(apiKey);
    }
}
