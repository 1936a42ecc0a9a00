package org.reciprocity.ledger.feedback;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusEarned;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.testing.Simulation;
import org.reciprocity.ledger.LedgerDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FeedbackProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Item ip = item("ipv4", "192.0.2.1");
    private final Item domain = item("domain", "bad.example");

    private FeedbackProjection feedback;
    private Simulation exchange;

    @BeforeEach
    void setUp() {
        feedback = new FeedbackProjection(LedgerDatabase.fresh());
        exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ip, domain));
        for (String consumer : List.of("cert-my", "telco-b")) {
            exchange.grant(consumer, "g1", Credit.of(5), null);
            exchange.withdraw(consumer, consumer, "w1", List.of(ip, domain));
        }
        exchange.advance(Duration.ofHours(1));
        exchange.report("cert-my", "cert-my", "r1", List.of(ItemRef.of(ip), ItemRef.of(domain)));
        exchange.advance(Duration.ofHours(1));
        exchange.report("telco-b", "telco-b", "r1", List.of(ItemRef.of(ip)));
        // Its own item, and one reported twice: neither counts.
        exchange.report("bank-a", "bank-a", "r1", List.of(ItemRef.of(ip)));
        exchange.report("cert-my", "cert-my", "r2", List.of(ItemRef.of(ip)));
    }

    @Test
    void aContributorSeesWhatOthersActedOnHowManyOfThemWhenAndTheBonusItEarned() {
        feedAll();

        assertThat(feedback.handle(new FindActedOn("bank-a", -1, 10)).items())
                .extracting(ActedOnItem::type, ActedOnItem::value, ActedOnItem::consumers,
                        ActedOnItem::firstReportedAt, ActedOnItem::lastReportedAt, ActedOnItem::bonus)
                .containsExactly(tuple("ipv4", "192.0.2.1", 2, T0.plus(Duration.ofHours(1)),
                                T0.plus(Duration.ofHours(2)), Credit.of(1)),
                        tuple("domain", "bad.example", 1, T0.plus(Duration.ofHours(1)),
                                T0.plus(Duration.ofHours(1)), Credit.parse("0.5")));
        assertThat(feedback.handle(new FindActedOn("cert-my", -1, 10)).items()).as("what it reported is not its own")
                .isEmpty();
    }

    @Test
    void aPageContinuesAfterTheLastItemOfThePreviousOne() {
        feedAll();

        List<ActedOnItem> first = feedback.handle(new FindActedOn("bank-a", -1, 1)).items();
        assertThat(first).extracting(ActedOnItem::value).containsExactly("192.0.2.1");
        assertThat(feedback.handle(new FindActedOn("bank-a", first.get(0).number(), 10)).items())
                .extracting(ActedOnItem::value).containsExactly("bad.example");
    }

    @Test
    void aReplayFromScratchWritesTheSameItems() {
        feedAll();
        ActedOnItems before = feedback.handle(new FindActedOn("bank-a", -1, 10));
        feedback.reset();
        assertThat(feedback.handle(new FindActedOn("bank-a", -1, 10)).items()).isEmpty();

        feedAll();
        assertThat(feedback.handle(new FindActedOn("bank-a", -1, 10))).isEqualTo(before);
    }

    @Test
    void aContributorSeesWhatOthersSawApartFromWhatTheyActedOn() {
        Instant seenAt = T0.plus(Duration.ofMinutes(30));
        exchange.sight("cert-my", "cert-my", "s1", List.of(new Sighting(ItemRef.of(domain), seenAt,
                seenAt.plusSeconds(60), 12)));
        exchange.sight("telco-b", "telco-b", "s1", List.of(Sighting.once(ItemRef.of(domain), seenAt)));
        exchange.sight("cert-my", "cert-my", "s2", List.of(Sighting.once(ItemRef.of(domain), seenAt)));
        feedAll();

        assertThat(feedback.handle(new FindSightings("bank-a", -1, 10)).items())
                .extracting(SightedItem::value, SightedItem::consumers, SightedItem::timesSeen, SightedItem::bonus)
                .containsExactly(tuple("bad.example", 2, 13L, Credit.parse("0.5")));
        assertThat(feedback.handle(new FindActedOn("bank-a", -1, 10)).items())
                .extracting(ActedOnItem::value, ActedOnItem::bonus)
                .as("the bonuses for acting on the domain are counted apart from those for seeing it")
                .containsExactly(tuple("192.0.2.1", Credit.of(1)), tuple("bad.example", Credit.parse("0.5")));
    }

    /** Hands the reports and bonuses to the projection's handlers, as the ledger's tracking processor would. */
    private void feedAll() {
        for (Simulation.Step step : exchange.history()) {
            if (step.event() instanceof ActedOnReported report) {
                feedback.on(report, new GlobalSequenceTrackingToken(step.position()));
            } else if (step.event() instanceof ItemsSighted report) {
                feedback.on(report, new GlobalSequenceTrackingToken(step.position()));
            } else if (step.event() instanceof BonusEarned bonus) {
                feedback.on(bonus);
            }
        }
    }

    private static Item item(String type, String value) {
        return Item.normalised(type, value, 100, "GREEN", null, null, List.of());
    }
}
