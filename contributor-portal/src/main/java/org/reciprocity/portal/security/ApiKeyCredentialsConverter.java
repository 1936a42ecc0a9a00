package org.reciprocity.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the API key a request presents: {@code Authorization: Bearer <key>}, or HTTP Basic with the participant's
 * id as the user and its API key as the password, which is what TAXII clients (MISP, OpenCTI) know how to send.
 */
class ApiKeyCredentialsConverter implements AuthenticationConverter {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String apiKey = header.substring(BEARER.length()).strip();
            if (apiKey.isEmpty()) {
                throw new BadCredentialsException("the Authorization header carries no key after 'Bearer'");
            }
            return ApiKeyAuthentication.presented(apiKey, null);
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            String credentials;
            try {
                credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentialsException("the Basic credentials are not base64");
            }
            int colon = credentials.indexOf(':');
            if (colon <= 0 || colon == credentials.length() - 1) {
                throw new BadCredentialsException("Basic credentials are the participant id and its API key, "
                        + "as 'id:key'");
            }
            return ApiKeyAuthentication.presented(credentials.substring(colon + 1), credentials.substring(0, colon));
        }
        return null;
    }
}
