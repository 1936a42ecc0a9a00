package org.reciprocity.ledger.quality;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.LedgerDatabase;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final QualityProjection projection = new QualityProjection(LedgerDatabase.fresh());
    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item junk = Item.normalised("ipv4", "198.51.100.2", 90, "GREEN", null, null, List.of());
    private final Item good = Item.normalised("ipv4", "198.51.100.3", 90, "GREEN", null, null, List.of());

    @Test
    void eachAccountsRecordIsTheKernelsCountOfItsEventsTheWorstFirstAndAnEventRetriedCountsOnce() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(junk, good));
        exchange.contribute("telco-b", "telco-b", "k1", List.of(good));
        for (String consumer : List.of("cert-my", "cert-th")) {
            exchange.grant(consumer, "g1", Credit.of(10), null);
            exchange.withdraw(consumer, consumer, "w1", exchange.asServed(List.of(junk, good)));
            exchange.reportFalse(consumer, consumer, "f1", List.of(new FalsePositive(ItemRef.of(junk), "sinkhole")));
        }
        feedAll();
        feedAll();

        assertThat(projection.handle(new FindQuality(null)).accounts())
                .extracting(AccountQuality::accountId, AccountQuality::record)
                .as("the consumers contributed nothing; the bank, with half its items judged, comes first")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bank-a", new QualityRecord(2, 0, 0, 2, 1, 0)),
                        org.assertj.core.groups.Tuple.tuple("telco-b", new QualityRecord(1, 0, 0, 0, 0, 0)));
        AccountQuality bank = projection.handle(new FindQuality("bank-a")).accounts().get(0);
        assertThat(bank.junkShare()).isEqualByComparingTo("0.5");
        assertThat(bank.updatedAt()).isEqualTo(exchange.history().stream()
                .filter(step -> step.accountEvent().filter(event -> event.accountId().equals("bank-a")).isPresent())
                .reduce((first, second) -> second).orElseThrow().at());

        projection.reset();
        assertThat(projection.handle(new FindQuality(null)).accounts()).isEmpty();
    }

    // Every account event, as the ledger processor hands them over.
    private void feedAll() {
        exchange.history().forEach(step -> step.accountEvent().ifPresent(event ->
                projection.on(event, step.at(), new GlobalSequenceTrackingToken(step.position()))));
    }
}
