package org.reciprocity.core.messaging;

import org.reciprocity.core.Refusal;

import java.util.Map;

/**
 * A refusal as plain values, the form in which it crosses Axon Server's command bus: the bus carries an exception's
 * details, never its Java type, so the reason travels by name.
 *
 * @param retryAfterSeconds when to send the same request again, for a refusal a moment lifts; null for the others
 */
public record RefusalDetails(String reason, String message, Map<String, Object> details, Long retryAfterSeconds) {

    public static RefusalDetails of(Refusal refusal) {
        return new RefusalDetails(refusal.reason().name(), refusal.getMessage(), refusal.details(),
                refusal.retryAfter().map(wait -> wait.toSeconds()).orElse(null));
    }
}
