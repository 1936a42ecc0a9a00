package org.reciprocity.portal.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * So many uses a minute for each of many holders (participants, addresses): a token bucket each, full at first and
 * refilled evenly through the minute, so that a holder who used it all gets one use back every 60/n seconds. Kept in
 * this node's memory only.
 */
final class Allowance {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final long perMinute;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute uses a minute; 0 for as many as a holder likes */
    Allowance(long perMinute) {
        this.perMinute = perMinute;
    }

    long perMinute() {
        return perMinute;
    }

    /** Takes one use of the holder's; when none is left, how long until one is. */
    Optional<Duration> take(String holder) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(holder, any -> full()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until the holder has a use left, taking none; empty when it has one now. */
    Optional<Duration> waitFor(String holder) {
        Bucket bucket = perMinute == 0 ? null : buckets.get(holder);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Forgets the holders whose allowance is whole again, as good as new: otherwise every address that ever failed
     * once would stay in memory. A use taken while its bucket is forgotten goes uncounted, which costs one request.
     */
    void forgetRefilled() {
        buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
    }

    private Bucket full() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, MINUTE))
                .build();
    }
}
