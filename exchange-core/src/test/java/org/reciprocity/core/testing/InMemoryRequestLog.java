package org.reciprocity.core.testing;

import org.reciprocity.core.account.IdempotencyKeyReusedException;
import org.reciprocity.core.account.RequestLog;
import org.reciprocity.core.event.AccountEvent;
import org.reciprocity.core.event.AnsweredRequest;
import org.reciprocity.core.event.RequestKind;
import org.reciprocity.core.kernel.Request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request log of a test, kept from the events the test feeds it. */
public class InMemoryRequestLog implements RequestLog {

    private final Map<String, AnsweredRequest> answers = new HashMap<>();

    public InMemoryRequestLog apply(List<? extends AccountEvent> events) {
        for (AccountEvent event : events) {
            if (event instanceof AnsweredRequest answer) {
                answers.put(key(answer.accountId(), answer.kind(), answer.requesterId(), answer.requestKey()), answer);
            }
        }
        return this;
    }

    /** Forgets every answer: for generated histories that never retry a request and would not fit in memory. */
    public void clear() {
        answers.clear();
    }

    @Override
    public Optional<AnsweredRequest> answerTo(Request request, RequestKind kind) {
        AnsweredRequest answer = answers.get(key(request.accountId(), kind, request.requesterId(),
                request.requestKey()));
        if (answer == null) {
            return Optional.empty();
        }
        if (!answer.requestFingerprint().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException(kind, request.requestKey());
        }
        return Optional.of(answer);
    }

    private static String key(String accountId, RequestKind kind, String requesterId, String requestKey) {
        return accountId + "/" + kind + "/" + requesterId + "/" + requestKey;
    }
}
