package org.reciprocity.portal.taxii;

import org.reciprocity.portal.problem.NotFoundException;
import org.springframework.http.MediaType;

/** TAXII 2.1's media type, and where the exchange serves it: the one collection, the shared pool. */
public final class Taxii {

    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    public static final MediaType MEDIA = MediaType.parseMediaType(MEDIA_TYPE);
    public static final String ROOT = "/taxii2";
    /** The one API root: the shared pool. */
    public static final String API_ROOT = ROOT + "/pool/";
    /** The pool's collection id: fixed, as the feeds that poll it keep it in their settings. */
    public static final String POOL_COLLECTION = "a7f8b7c0-53f1-4f0e-9a8e-5d1b8e2b7c11";
    public static final String POOL_OBJECTS = ROOT + "/pool/collections/" + POOL_COLLECTION + "/objects/";

    private Taxii() {
    }

    /** @throws NotFoundException unless the id is the pool's collection's */
    static void requirePool(String collectionId) {
        if (!POOL_COLLECTION.equals(collectionId)) {
            throw new NotFoundException("no collection " + collectionId + ": the shared pool is " + POOL_COLLECTION);
        }
    }

    /** Whether a request is to the TAXII server, whose errors are TAXII error messages. */
    public static boolean serves(String requestUri) {
        return requestUri != null && (requestUri.equals(ROOT) || requestUri.startsWith(ROOT + "/"));
    }
}
