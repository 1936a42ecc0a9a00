package org.reciprocity.core.policy;

import org.reciprocity.core.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** No policy was in force at the instant of a decision: the exchange is still adopting its first one as it starts. */
public class PolicyNotAdoptedException extends Refusal {

    public PolicyNotAdoptedException(Instant instant) {
        super("no reciprocity policy is in force at " + instant + ": the exchange adopts its first policy as it "
                + "starts; send the same request again in a moment");
    }

    @Override
    public Reason reason() {
        return Reason.NOT_READY;
    }

    // The first policy is adopted within a second of the start.
    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(1));
    }
}
