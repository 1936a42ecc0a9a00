package org.reciprocity.portal.problem;

import org.reciprocity.core.Refusal;
import org.springframework.http.HttpStatus;

import java.net.URI;

/** The kinds of problem the API answers with; docs/api.md describes each. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is invalid", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "No valid API key", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed for this participant", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "No such resource", HttpStatus.NOT_FOUND),
    OVER_QUOTA("over-quota", "The withdrawal costs more than the balance", HttpStatus.CONFLICT),
    KEY_REUSED("idempotency-key-reused", "The request key was used for a different request",
            HttpStatus.UNPROCESSABLE_ENTITY),
    ALREADY_REGISTERED("already-registered", "The participant id is taken", HttpStatus.CONFLICT),
    SHARING_GROUP_EXISTS("sharing-group-exists", "The sharing group id is taken", HttpStatus.CONFLICT),
    MEMBERSHIP_REFUSED("membership-refused", "The pool's membership rules do not allow this", HttpStatus.CONFLICT),
    POLICY_CHANGE_REFUSED("policy-change-refused", "The policy's rules do not allow this change",
            HttpStatus.CONFLICT),
    KEY_NAME_TAKEN("key-name-taken", "The participant holds a key of that name already", HttpStatus.CONFLICT),
    KEY_REVOCATION_REFUSED("key-revocation-refused", "This key cannot be revoked by this participant",
            HttpStatus.CONFLICT),
    SUSPENSION_REFUSED("suspension-refused", "This participant cannot be suspended by this participant",
            HttpStatus.CONFLICT),
    PARTICIPANT_SUSPENDED("participant-suspended", "The participant is suspended", HttpStatus.FORBIDDEN),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.PAYLOAD_TOO_LARGE),
    BUSY("busy", "The exchange is busy: retry with the same request key", HttpStatus.SERVICE_UNAVAILABLE),
    NOT_READY("not-ready", "The exchange is still starting: retry in a moment", HttpStatus.SERVICE_UNAVAILABLE),
    MISCONFIGURED("misconfigured", "The exchange's nodes do not share one database", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "The exchange failed to answer", HttpStatus.INTERNAL_SERVER_ERROR),
    PROJECTION_CLAIMED("projection-claimed", "Another node runs this projection", HttpStatus.CONFLICT),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body is not of a supported media type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE("not-acceptable", "The answer cannot be given in a media type the request accepts",
            HttpStatus.NOT_ACCEPTABLE),
    METHOD_NOT_ALLOWED("method-not-allowed", "The resource does not answer this method",
            HttpStatus.METHOD_NOT_ALLOWED),
    RATE_LIMITED("rate-limited", "Too many requests: retry after the time given", HttpStatus.TOO_MANY_REQUESTS);

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create("urn:reciprocity-exchange:problem:" + slug);
        this.title = title;
        this.status = status;
    }

    /** The problem an HTTP status stands for, where Spring or the servlet container chose the status. */
    public static ProblemType forStatus(HttpStatus status) {
        return switch (status.value()) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            default -> status.is4xxClientError() ? INVALID_REQUEST : INTERNAL;
        };
    }

    /** The problem each kind of refusal is answered with: the one place a refusal meets HTTP. */
    public static ProblemType of(Refusal.Reason reason) {
        return switch (reason) {
            case INVALID_INPUT -> INVALID_REQUEST;
            case OVER_QUOTA -> OVER_QUOTA;
            case KEY_REUSED -> KEY_REUSED;
            case ALREADY_REGISTERED -> ALREADY_REGISTERED;
            case SHARING_GROUP_EXISTS -> SHARING_GROUP_EXISTS;
            case MEMBERSHIP_REFUSED -> MEMBERSHIP_REFUSED;
            case POLICY_CHANGE_REFUSED -> POLICY_CHANGE_REFUSED;
            case KEY_NAME_TAKEN -> KEY_NAME_TAKEN;
            case KEY_REVOCATION_REFUSED -> KEY_REVOCATION_REFUSED;
            case SUSPENSION_REFUSED -> SUSPENSION_REFUSED;
            case NOT_READY -> NOT_READY;
            case BUSY -> BUSY;
            case NOT_FOUND -> NOT_FOUND;
            case FORBIDDEN -> FORBIDDEN;
        };
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
