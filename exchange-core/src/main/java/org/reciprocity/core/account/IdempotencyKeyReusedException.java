package org.reciprocity.core.account;

import org.reciprocity.core.Refusal;
import org.reciprocity.core.event.RequestKind;

/** A request key that named another request of the same kind: nothing was decided. */
public class IdempotencyKeyReusedException extends Refusal {

    public IdempotencyKeyReusedException(RequestKind kind, String requestKey) {
        super("request key '" + requestKey + "' was first used for a different " + kind.name().toLowerCase()
                + "; a key names one request: send a new key for a new request");
    }

    @Override
    public Reason reason() {
        return Reason.KEY_REUSED;
    }
}
