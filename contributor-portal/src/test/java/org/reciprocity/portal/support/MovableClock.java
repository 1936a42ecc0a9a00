package org.reciprocity.portal.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The exchange's clock for a test that lets time pass: real time, moved on by as much as the test says. A test class
 * imports {@link AsTheExchangesClock} to have it used in place of the real clock.
 */
public class MovableClock extends Clock {

    @TestConfiguration
    public static class AsTheExchangesClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    private final Clock real = Clock.systemUTC();
    private volatile Duration moved = Duration.ZERO;

    public void moveOn(Duration by) {
        moved = moved.plus(by);
    }

    /** Back to real time, for whatever runs after the test: Axon's clock is one static for the whole JVM. */
    public void reset() {
        moved = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the exchange tells time in UTC");
    }

    @Override
    public Instant instant() {
        return real.instant().plus(moved);
    }
}
