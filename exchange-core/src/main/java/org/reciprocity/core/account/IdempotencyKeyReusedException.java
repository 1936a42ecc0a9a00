package org.reciprocity.core.account;

public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(RequestKind kind, String requestKey) {
        super("request key '" + requestKey + "' was first used for a different " + kind.name().toLowerCase()
                + "; a key names one request: send a new key for a new request");
    }
}
