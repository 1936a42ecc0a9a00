package org.reciprocity.core.account;

import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.kernel.Request;

import java.util.Optional;

/**
 * The requests each account has answered, by client key: what lets the account give a retried request its first
 * answer instead of acting twice.
 */
public interface RequestLog {

    /**
     * The event that answered the request with this key, if the account has answered it.
     *
     * @throws IdempotencyKeyReusedException when the key answered a request with another fingerprint
     */
    Optional<AnsweredRequest> answerTo(Request request, RequestKind kind);
}
