package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.Recipient;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the pool delivers, to whom, and under which marking: TLP 2.0 applied to the audience a contributor chose. */
class DeliveryTest {

    private static final Recipient BANK_SG = new Recipient("bank-sg", "SG", Set.of("finance-sg"));
    private static final Recipient CERT_MY = new Recipient("cert-my", "MY", Set.of("asean-certs"));
    private static final Recipient TELCO_NL = new Recipient("telco-nl", "NL", Set.of());
    private static final Audience FINANCE_SG = Audience.of(List.of("finance-sg"), List.of(), Border.ANYWHERE);
    private static final Audience FINANCE_AND_CERT_MY = Audience.of(List.of("finance-sg"), List.of("cert-my"),
            Border.ANYWHERE);

    @Test
    void clearGreenAndAmberGoToTheWholeAudienceChosen() {
        for (Tlp marking : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)) {
            assertThat(Audiences.reaches(Audience.EXCHANGE, marking, TELCO_NL)).isTrue();
            assertThat(Audiences.reaches(FINANCE_SG, marking, BANK_SG)).as("a group member").isTrue();
            assertThat(Audiences.reaches(FINANCE_SG, marking, CERT_MY)).as("outside the group").isFalse();
            assertThat(Audiences.reaches(FINANCE_AND_CERT_MY, marking, CERT_MY)).as("named").isTrue();
        }
    }

    @Test
    void amberStrictAndRedGoToNamedParticipantsAloneNeverToAGroupNorTheExchange() {
        for (Tlp marking : List.of(Tlp.AMBER_STRICT, Tlp.RED)) {
            assertThat(Audiences.reaches(Audience.EXCHANGE, marking, TELCO_NL)).isFalse();
            assertThat(Audiences.reaches(FINANCE_AND_CERT_MY, marking, BANK_SG)).as("only in the group").isFalse();
            assertThat(Audiences.reaches(FINANCE_AND_CERT_MY, marking, CERT_MY)).as("named").isTrue();
            assertThat(Delivery.sharing(marking, Audience.EXCHANGE)).as("no one named")
                    .isEqualTo(Delivery.Sharing.KEPT);
            assertThat(Delivery.sharing(marking, FINANCE_SG)).isEqualTo(Delivery.Sharing.KEPT);
            assertThat(Delivery.sharing(marking, FINANCE_AND_CERT_MY)).isEqualTo(Delivery.Sharing.NARROWLY);
        }
        assertThat(Delivery.sharing(Tlp.GREEN, Audience.EXCHANGE)).isEqualTo(Delivery.Sharing.OPENLY);
        assertThat(Delivery.sharing(Tlp.GREEN, new Audience(true, List.of(), List.of("cert-my"), Border.ANYWHERE)))
                .as("named besides everyone adds no one").isEqualTo(Delivery.Sharing.OPENLY);
        assertThat(Delivery.sharing(Tlp.GREEN, FINANCE_SG)).isEqualTo(Delivery.Sharing.NARROWLY);
    }

    @Test
    void aBorderHoldsForEveryoneNamedOrNot() {
        Audience aseanOnly = new Audience(true, List.of(), List.of("telco-nl"), Border.asean());
        assertThat(Audiences.reaches(aseanOnly, Tlp.GREEN, CERT_MY)).isTrue();
        assertThat(Audiences.reaches(aseanOnly, Tlp.GREEN, TELCO_NL)).as("named, outside the border").isFalse();
        Audience singaporeOnly = new Audience(true, List.of(), List.of(), Border.ownCountry("SG"));
        assertThat(Audiences.reaches(singaporeOnly, Tlp.AMBER, BANK_SG)).isTrue();
        assertThat(Audiences.reaches(singaporeOnly, Tlp.AMBER, CERT_MY)).isFalse();
        assertThat(Delivery.sharing(Tlp.GREEN, singaporeOnly)).as("bordered").isEqualTo(Delivery.Sharing.NARROWLY);
        Audience twoCountries = new Audience(true, List.of(), List.of(), Border.countries(List.of("MY", "SG")));
        assertThat(Audiences.reaches(twoCountries, Tlp.CLEAR, CERT_MY)).isTrue();
        assertThat(Audiences.reaches(twoCountries, Tlp.CLEAR, new Recipient("unregistered", null, Set.of())))
                .isFalse();
        assertThat(Border.ASEAN).hasSize(11).contains("TL", "SG", "VN");
    }

    @Test
    void anItemGoesOutUnderTheFreestMarkingOfTheSharesThatReachTheRecipient() {
        ItemFacts facts = new ItemFacts(true, false, false, false, false, false, false, "bank-a", Tlp.AMBER,
                Set.of(new Share(FINANCE_SG, Tlp.CLEAR), new Share(FINANCE_AND_CERT_MY, Tlp.RED)), null, null);
        assertThat(Delivery.reachedMarking(facts, BANK_SG)).isEqualTo(Tlp.CLEAR);
        assertThat(Delivery.reachedMarking(facts, CERT_MY)).isEqualTo(Tlp.AMBER);
        assertThat(Delivery.reachedMarking(facts, TELCO_NL)).isEqualTo(Tlp.AMBER);
        assertThat(Delivery.mayDeliver(item("CLEAR"), facts, BANK_SG)).isTrue();
        assertThat(Delivery.whyNot(item("CLEAR"), facts, CERT_MY)).hasValue(Delivery.Undeliverable.FREER_THAN_SHARED);
        assertThat(Delivery.mayDeliver(item("RED"), facts, CERT_MY)).as("a lagging offer").isTrue();
    }

    @Test
    void anItemSharedOnlyNarrowlyIsNotThereForThoseItDoesNotReach() {
        ItemFacts groupOnly = new ItemFacts(true, false, false, false, false, false, false, "bank-a", null,
                Set.of(new Share(FINANCE_SG, Tlp.GREEN)), null, null);
        assertThat(Delivery.whyNot(item("GREEN"), groupOnly, CERT_MY))
                .hasValue(Delivery.Undeliverable.NOT_SHARED_WITH_RECIPIENT);
        assertThat(Delivery.whyNot(item("GREEN"), groupOnly, BANK_SG)).isEmpty();
        assertThat(Delivery.whyNot(item("GREEN"), ItemFacts.UNKNOWN, BANK_SG))
                .hasValue(Delivery.Undeliverable.NEVER_BROUGHT);
        assertThat(Delivery.whyNot(item("GREEN"), new ItemFacts(true, true, false, false, null, null), BANK_SG))
                .hasValue(Delivery.Undeliverable.NEVER_SHARED);
    }

    @Test
    void audiencesAreNamedTheSameWhateverTheOrderTheyWereWrittenIn() {
        Audience one = Audience.of(List.of("b", "a"), List.of("z", "y"), Border.countries(List.of("SG", "MY")));
        Audience other = Audience.of(List.of("a", "b", "a"), List.of("y", "z"), Border.countries(List.of("MY",
                "SG")));
        assertThat(one).isEqualTo(other);
        assertThat(one.id()).isEqualTo(other.id()).hasSize(64).isNotEqualTo(FINANCE_SG.id());
        assertThat(Audience.EXCHANGE.id()).isEqualTo(Audience.EXCHANGE_ID);
        assertThatThrownBy(() -> Audience.of(List.of(), List.of(), Border.ANYWHERE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("an audience is");
        assertThatThrownBy(() -> Border.countries(List.of("XX"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'XX' is not an ISO 3166-1");
    }

    @Test
    void theMarkingServedOnceAnotherContributionSharesIsTheFreest() {
        assertThat(Delivery.servedMarking(null, Tlp.AMBER)).isEqualTo(Tlp.AMBER);
        assertThat(Delivery.servedMarking(Tlp.AMBER, Tlp.GREEN)).isEqualTo(Tlp.GREEN);
        assertThat(Delivery.servedMarking(Tlp.CLEAR, Tlp.AMBER)).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void aStatementWithholdsTheValuesOfRestrictedItemsFromThoseWhoDoNotSeeAll() {
        assertThat(Delivery.showsValue(Tlp.RED, false, false)).isFalse();
        assertThat(Delivery.showsValue(Tlp.RED, true, true)).isTrue();
        assertThat(Delivery.showsValue(Tlp.AMBER, false, false)).isTrue();
        assertThat(Delivery.showsValue(Tlp.GREEN, true, false)).as("shared narrowly, with another").isFalse();
    }

    private static Item item(String tlp) {
        return Item.normalised("domain", "c2.example", null, tlp, null, null, List.of());
    }
}
