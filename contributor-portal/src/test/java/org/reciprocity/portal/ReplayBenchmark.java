package org.reciprocity.portal;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.history.Progress;
import org.reciprocity.ledger.integrity.ChainVerifier;
import org.reciprocity.ledger.integrity.CheckpointPublisher;
import org.reciprocity.ledger.integrity.Checkpoints;
import org.reciprocity.ledger.integrity.VerificationReport;
import org.reciprocity.ledger.replay.ReplayEngine;
import org.reciprocity.ledger.replay.ReplayResult;
import org.reciprocity.ledger.replay.ReplayScope;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long an auditor waits: a generated history of {@code benchmark.events} events (a million by default) appended
 * through the exchange's storage engine on PostgreSQL, hash chain included, then verified and replayed. Prints the
 * numbers; docs/audit.md records them. Run on demand:
 * {@code ./mvnw -pl contributor-portal -am verify -Dexcluded.tags=none -Dgroups=benchmark -Dtest=ReplayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@SpringBootTest
@DirtiesContext
class ReplayBenchmark {

    private static final int ACCOUNTS = 50;
    private static final int UNIVERSE = 20_000;
    private static final int BATCH = 1_000;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        TestDatabases.own(properties, "replay_benchmark", "rx_operator-key-for-the-replay-benchmark");
        // Only the audit reads the history here: the projections would compete with it for the two cores.
        for (String processor : List.of("ledger", "catalogue", "bonuses")) {
            properties.add("axon.eventhandling.processors." + processor + ".mode", () -> "subscribing");
        }
    }

    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionManager transactions;
    @Autowired
    ReplayEngine replays;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    CheckpointPublisher publisher;
    @Autowired
    Checkpoints checkpoints;

    @Test
    void verifyAndReplayAMillionEvents() {
        long target = Long.getLong("benchmark.events", 1_000_000);
        long started = System.nanoTime();
        long appended = generate(target);
        report("generated and appended", appended, started);
        publisher.publish();

        long verifying = System.nanoTime();
        VerificationReport verification = verifier.verify(checkpoints.all(), publisher.keys().publicKey(),
                Progress.NONE);
        report("verified", verification.eventsChecked(), verifying);

        long replaying = System.nanoTime();
        ReplayResult replay = replays.replay(ReplayScope.EVERYTHING, Progress.NONE);
        report("replayed", replay.eventsRead(), replaying);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("benchmark: heap in use after the replay %d MB of %d MB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);

        assertThat(verification.intact()).as(verification.findings().toString()).isTrue();
        assertThat(replay.findingsTotal()).as(replay.findings().toString()).isZero();
        assertThat(replay.eventsRead()).isGreaterThanOrEqualTo(target);
    }

    /** A history the accounts' own decision code took, appended a batch at a time; memory stays bounded. */
    private long generate(long target) {
        Random random = new Random(7);
        Instant start = Instant.now().minus(Duration.ofDays(400));
        Simulation exchange = new Simulation(start, ReciprocityPolicy.INITIAL);
        List<Item> universe = IntStream.range(0, UNIVERSE).mapToObj(i -> Item.normalised("ipv4",
                "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 50 + i % 50, "GREEN", null, null,
                List.of())).toList();
        Map<String, Long> sequences = new HashMap<>();
        long appended = 0;
        long key = 0;
        while (appended < target) {
            for (int i = 0; i < BATCH / 2; i++) {
                String account = "member-" + random.nextInt(ACCOUNTS);
                int action = random.nextInt(10);
                if (action < 5) {
                    exchange.contribute(account, account, "k" + key++, pick(universe, random, 5));
                } else if (action < 9) {
                    exchange.withdraw(account, account, "k" + key++, exchange.asServed(pick(universe, random, 3)));
                } else {
                    exchange.grant(account, "k" + key++, Credit.of(2), null);
                    exchange.advance(Duration.ofHours(1));
                }
            }
            List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
            for (Simulation.Step step : exchange.drain()) {
                String stream = step.accountEvent().map(event -> EventStreams.account(event.accountId()))
                        .orElseThrow();
                long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
                messages.add(new GenericDomainEventMessage<>("Account", stream, sequence, step.event(),
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), step.at()));
            }
            transactions.executeInTransaction(() -> storage.appendEvents(messages));
            appended += messages.size();
        }
        return appended;
    }

    private static List<Item> pick(List<Item> universe, Random random, int count) {
        return IntStream.range(0, count).mapToObj(i -> universe.get(random.nextInt(universe.size()))).toList();
    }

    private static void report(String what, long events, long startedNanos) {
        long millis = Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
        System.out.printf("benchmark: %s %,d events in %,d ms: %,d events/s%n", what, events, millis,
                events * 1000 / millis);
    }
}
