package org.reciprocity.portal.problem;

import java.net.URI;

/** The kinds of problem the API answers with; docs/api.md describes each. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is invalid"),
    UNAUTHENTICATED("unauthenticated", "No valid API key"),
    FORBIDDEN("forbidden", "Not allowed for this participant"),
    NOT_FOUND("not-found", "No such resource"),
    OVER_QUOTA("over-quota", "The withdrawal costs more than the balance"),
    KEY_REUSED("idempotency-key-reused", "The request key was used for a different request"),
    ALREADY_REGISTERED("already-registered", "The participant id is taken"),
    MEMBERSHIP_REFUSED("membership-refused", "The pool's membership rules do not allow this"),
    POLICY_CHANGE_REFUSED("policy-change-refused", "The policy's rules do not allow this change"),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large"),
    BUSY("busy", "The exchange is busy: retry with the same request key"),
    NOT_READY("not-ready", "The exchange is still starting: retry in a moment"),
    INTERNAL("internal", "The exchange failed to answer"),
    PROJECTION_CLAIMED("projection-claimed", "Another node runs this projection"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body is not of a supported media type");

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = URI.create("urn:reciprocity-exchange:problem:" + slug);
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
