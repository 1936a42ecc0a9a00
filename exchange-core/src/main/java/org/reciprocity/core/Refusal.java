package org.reciprocity.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every way the exchange refuses a request: the one hierarchy the web layer maps to problem details, each refusal by
 * its {@link Reason} rather than its Java type, so that the meaning survives wherever the refusal travels. A refusal
 * is thrown before anything is stored, or after the refusal itself was recorded as a fact.
 */
public abstract class Refusal extends RuntimeException {

    /** Why a request was refused; each has its own problem type and HTTP status. */
    public enum Reason {
        /** The request itself is wrong: a field, a value, a shape. */
        INVALID_INPUT,
        /** The account's balance does not cover the withdrawal; the refusal is recorded. */
        OVER_QUOTA,
        /** A request key already named another request. */
        KEY_REUSED,
        /** The participant id is taken. */
        ALREADY_REGISTERED,
        /** A sharing group of that id was formed already. */
        SHARING_GROUP_EXISTS,
        /** The pool's membership rules do not allow the change. */
        MEMBERSHIP_REFUSED,
        /** The policy's own rules do not allow the change. */
        POLICY_CHANGE_REFUSED,
        /** One of the participant's keys has that name already. */
        KEY_NAME_TAKEN,
        /** The key cannot be revoked: an operator revoking its own would lock itself out. */
        KEY_REVOCATION_REFUSED,
        /** The participant cannot be suspended by whoever asked: an operator suspending itself would lock itself out. */
        SUSPENSION_REFUSED,
        /** The exchange is still starting; the same request will be taken in a moment. */
        NOT_READY,
        /** Too much work is waiting; the same request will be taken later. */
        BUSY,
        /** No such resource, or none the caller may see. */
        NOT_FOUND,
        /** The caller's role does not allow this. */
        FORBIDDEN
    }

    protected Refusal(String message) {
        super(message);
    }

    public abstract Reason reason();

    /**
     * What a caller can act on beyond the message, as plain values: the fields at fault, the balance and cost of a
     * withdrawal refused. Empty by default.
     */
    public Map<String, Object> details() {
        return Map.of();
    }

    /** For a refusal a moment lifts, when to send the same request again; empty for the others. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The one field at fault, in the shape every refusal of input names its fields: {@code field}, {@code message}. */
    protected static Map<String, Object> fieldError(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
