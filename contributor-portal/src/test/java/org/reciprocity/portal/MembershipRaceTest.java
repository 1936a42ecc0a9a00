package org.reciprocity.portal;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.account.SharedPoolRecords;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.HookedPoolRecords;
import org.reciprocity.portal.support.Participant;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * A pool's contribution and a change of the pool's members, at the same moment: the one waits for the other, so the
 * order they are stored in is the order they were taken in, and the auditor's replay, which follows the stored order,
 * takes the contribution again with the members it was taken with. Without that, a member joining while the pool
 * decides would make the replay judge the decision by members it never saw.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
@Import(MembershipRaceTest.Gate.class)
class MembershipRaceTest extends ExchangeTestBase {

    private static final String OPERATOR_KEY = "rx_operator-key-for-the-membership-race-test";
    private static volatile CountDownLatch reached = new CountDownLatch(0);
    private static volatile CountDownLatch released = new CountDownLatch(0);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "membership_race", OPERATOR_KEY);
    }

    @Autowired
    ReplayEngine replays;

    @Override
    String operatorKey() {
        return OPERATOR_KEY;
    }

    /** Holds the next decision that reads the pool's facts until the test lets it go on. */
    static class Gate {

        @Bean
        @Primary
        SharedPoolRecords pausingPoolRecords(@Qualifier("jdbcSharedPool") SharedPoolRecords records) {
            return new HookedPoolRecords(records, () -> {
                if (reached.getCount() > 0) {
                    reached.countDown();
                    await(released);
                }
            });
        }
    }

    @Test
    void aMemberJoiningWhileThePoolDecidesWaitsAndTheReplayAgrees() throws Exception {
        ExchangeClient exchange = exchange();
        Participant town = exchange.register("agency");
        Participant village = exchange.register("agency");
        String poolId = "pool-" + town.id();
        assertThat(exchange.post("/api/pools", OPERATOR_KEY, null, Map.of("id", poolId, "name", "Towns", "sector",
                "government-local", "country", "MY", "members", List.of(town.id()))).status()).isEqualTo(201);
        // The village brought the item on its own account before it joins.
        String shared = ExchangeContract.uniqueIp();
        exchange.contribute(village, "own", List.of(item("ipv4", shared, "GREEN")));

        reached = new CountDownLatch(1);
        released = new CountDownLatch(1);
        CompletableFuture<Response> contribution = CompletableFuture.supplyAsync(() ->
                exchange.contribute(town, "for-the-pool", List.of(item("ipv4", shared, "GREEN"))));
        assertThat(reached.await(10, TimeUnit.SECONDS)).as("the pool's decision read the facts").isTrue();
        CompletableFuture<Response> joining = CompletableFuture.supplyAsync(() -> exchange.post("/api/pools/"
                + poolId + "/members", OPERATOR_KEY, null, Map.of("participantId", village.id())));
        Thread.sleep(500);
        assertThat(joining).as("the join waits for the decision that holds the pool's membership").isNotDone();
        released.countDown();

        Response contributed = contribution.get(10, TimeUnit.SECONDS);
        assertThat(joining.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(contributed.body().path("corroborations").asInt())
                .as("decided with the members of that moment: the village was not one yet").isEqualTo(1);
        Long contributedAt = jdbc.queryForObject("select max(global_index) from domain_event_entry where "
                + "aggregate_identifier = ? and payload_type like '%ItemsContributed'", Long.class,
                "account:" + poolId);
        Long joinedAt = jdbc.queryForObject("select max(global_index) from domain_event_entry where "
                + "aggregate_identifier = ? and payload_type like '%MemberJoinedPool'", Long.class,
                "participant:" + poolId);
        assertThat(joinedAt).as("stored in the order taken").isGreaterThan(contributedAt);

        ReplayResult replay = replays.replay(ReplayScope.EVERYTHING, Progress.NONE);
        assertThat(replay.findings()).as("the replay takes every decision as it was taken").isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the decision go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
