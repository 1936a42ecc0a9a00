package org.reciprocity.core.messaging;

import org.reciprocity.core.Refusal;

import java.time.Duration;
import java.util.Optional;

/**
 * The stream a command decides on had more requests waiting than it takes in turn, or did not come to this one in
 * time. Nothing was stored, and the request itself is fine: the same request, sent again a moment later with the
 * same request key, is taken.
 */
public class StreamBusyException extends Refusal {

    StreamBusyException(String stream) {
        super("'" + stream + "' has more requests to decide at the moment than it can take in turn; nothing was "
                + "stored: send the same request again, with the same request key, in a moment");
    }

    @Override
    public Reason reason() {
        return Reason.BUSY;
    }

    // A stream decides dozens of requests a second: a second later the queue ahead of the request has moved on.
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(1));
    }
}
