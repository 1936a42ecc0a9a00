package org.reciprocity.portal.pages;

import jakarta.servlet.http.HttpSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a person uploaded and saw previewed, kept in their session under the request key of the preview until they
 * confirm it: the contribution sent is then the bytes previewed, exactly, and they do not travel through the browser
 * twice. Only the latest few are kept, so that a session holds little.
 */
final class PreviewedUploads {

    static final int KEPT = 2;
    private static final String ATTRIBUTE = "portal.previewedUploads";

    /**
     * A previewed upload: the bytes as sent, the format they were read in, the marking of a plain list, and whom it
     * is shared with.
     */
    record Upload(byte[] content, UploadFormat format, String tlp, ShareForm audience) {
    }

    private PreviewedUploads() {
    }

    static void keep(HttpSession session, String requestKey, Upload upload) {
        synchronized (session) {
            Map<String, Upload> uploads = uploads(session);
            uploads.put(requestKey, upload);
            while (uploads.size() > KEPT) {
                uploads.remove(uploads.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, uploads);
        }
    }

    /** The upload previewed under the key; kept, so that a confirmation sent again finds it and repeats the key. */
    static Optional<Upload> find(HttpSession session, String requestKey) {
        synchronized (session) {
            return Optional.ofNullable(uploads(session).get(requestKey));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Upload> uploads(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof Map<?, ?> map ? (Map<String, Upload>) map : new LinkedHashMap<>();
    }
}
