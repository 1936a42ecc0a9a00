package org.reciprocity.core.testing;

import org.reciprocity.core.account.AnsweredRequest;
import org.reciprocity.core.account.IdempotencyKeyReusedException;
import org.reciprocity.core.account.RequestKind;
import org.reciprocity.core.account.RequestLog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The request log of a test, kept from the events the test feeds it. */
public class InMemoryRequestLog implements RequestLog {

    private final Map<String, AnsweredRequest> answers = new HashMap<>();

    public InMemoryRequestLog apply(Object... events) {
        for (Object event : events) {
            if (event instanceof AnsweredRequest answer) {
                answers.put(key(answer.accountId(), RequestKind.of(answer), answer.requesterId(), answer.requestKey()),
                        answer);
            }
        }
        return this;
    }

    /** Forgets every answer: for generated histories that never retry a request and would not fit in memory. */
    public void clear() {
        answers.clear();
    }

    @Override
    public Optional<Object> answerTo(String accountId, RequestKind kind, String requesterId, String requestKey,
                                     String fingerprint) {
        AnsweredRequest answer = answers.get(key(accountId, kind, requesterId, requestKey));
        if (answer == null) {
            return Optional.empty();
        }
        if (!answer.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(kind, requestKey);
        }
        return Optional.of(answer);
    }

    private static String key(String accountId, RequestKind kind, String requesterId, String requestKey) {
        return accountId + "/" + kind + "/" + requesterId + "/" + requestKey;
    }
}
