package org.reciprocity.portal.support;

import org.reciprocity.core.account.SharedPoolRecords;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a race certain instead of likely: once armed for n contributions, the first n to ask which items the pool
 * knows all get their answer before any of them may go on to decide. Each has then seen the same items as new, and
 * only the unique key of the pool registry can settle who was first.
 */
public final class RaceGate {

    private static volatile CountDownLatch arrived = new CountDownLatch(0);
    private static final AtomicInteger waiting = new AtomicInteger();

    private RaceGate() {
    }

    public static void arm(int contributions) {
        arrived = new CountDownLatch(contributions);
        waiting.set(contributions);
    }

    static void pass() {
        if (waiting.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            CountDownLatch latch = arrived;
            latch.countDown();
            try {
                if (!latch.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other contributions of the race never arrived");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Put in front of the pool registry of every node that takes part. */
    public static class Configuration {

        @Bean
        @Primary
        SharedPoolRecords gatedPoolRecords(@Qualifier("jdbcSharedPool") SharedPoolRecords records) {
            return new HookedPoolRecords(records, RaceGate::pass);
        }
    }
}
