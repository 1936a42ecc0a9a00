package org.reciprocity.core.account;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The request log of a test: the answers a test says the account gave before. */
class InMemoryRequestLog implements RequestLog {

    private final Map<String, Answer> answers = new HashMap<>();

    void remember(String accountId, RequestKind kind, String requestKey, String fingerprint, Object answer) {
        answers.put(accountId + "/" + kind + "/" + requestKey, new Answer(fingerprint, answer));
    }

    @Override
    public Optional<Object> answerTo(String accountId, RequestKind kind, String requestKey, String fingerprint) {
        Answer answer = answers.get(accountId + "/" + kind + "/" + requestKey);
        if (answer == null) {
            return Optional.empty();
        }
        if (!answer.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(kind, requestKey);
        }
        return Optional.of(answer.event());
    }

    private record Answer(String fingerprint, Object event) {
    }
}
