package org.reciprocity.portal.taxii;

import org.springframework.http.MediaType;

/** TAXII 2.1's media type, and where the exchange serves it. */
public final class Taxii {

    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    public static final MediaType MEDIA = MediaType.parseMediaType(MEDIA_TYPE);
    public static final String ROOT = "/taxii2";

    private Taxii() {
    }

    /** Whether a request is to the TAXII server, whose errors are TAXII error messages. */
    public static boolean serves(String requestUri) {
        return requestUri != null && (requestUri.equals(ROOT) || requestUri.startsWith(ROOT + "/"));
    }
}
