package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a withdrawal costs and which of its items a balance covers, for each coverage a request can ask for. */
class ChargesTest {

    private static final PolicyRules TERMS = PolicyRules.DEFAULT;

    private final DeliveredItem paid1 = delivered("192.0.2.1", Charge.CHARGED);
    private final DeliveredItem free = delivered("192.0.2.2", Charge.ALREADY_RECEIVED);
    private final DeliveredItem paid2 = delivered("192.0.2.3", Charge.CHARGED);
    private final DeliveredItem own = delivered("192.0.2.4", Charge.OWN_CONTRIBUTION);
    private final List<DeliveredItem> offer = List.of(paid1, free, paid2, own);

    @Test
    void onlyChargedDeliveriesCostThePricePerItem() {
        assertThat(Charges.charged(offer)).isEqualTo(2);
        assertThat(Charges.costOf(offer, TERMS)).isEqualTo(Credit.of(2));
        assertThat(Charges.covers(Credit.of(2), Credit.of(2))).isTrue();
        assertThat(Charges.covers(Credit.parse("1.999"), Credit.of(2))).isFalse();
    }

    @Test
    void onlyAWholeRequestTheBalanceDoesNotCoverOrAPageItCannotBeginMayBeRefused() {
        Credit two = Credit.of(2);
        assertThat(Charges.wrongRefusal(Coverage.WHOLE, Credit.of(1), two, TERMS)).isEmpty();
        assertThat(Charges.wrongRefusal(Coverage.WHOLE, two, two, TERMS)).hasValue(Charges.WrongRefusal.COVERED);
        assertThat(Charges.wrongRefusal(Coverage.LONGEST_RUN, Credit.parse("0.999"), two, TERMS)).isEmpty();
        assertThat(Charges.wrongRefusal(Coverage.LONGEST_RUN, Credit.of(1), two, TERMS))
                .hasValue(Charges.WrongRefusal.FIRST_ITEM_COVERED);
        assertThat(Charges.wrongRefusal(Coverage.NAMED, Credit.ZERO, two, TERMS))
                .hasValue(Charges.WrongRefusal.LOOKUP_REFUSED);
    }

    @Test
    void aWholeRequestIsAllOrNothing() {
        assertThat(Charges.covered(offer, Coverage.WHOLE, Credit.of(1), TERMS)).isEqualTo(offer);
    }

    @Test
    void aPageEndsAtTheFirstChargedItemTheBalanceNoLongerCovers() {
        assertThat(Charges.covered(offer, Coverage.LONGEST_RUN, Credit.of(1), TERMS)).containsExactly(paid1, free);
        assertThat(Charges.covered(offer, Coverage.LONGEST_RUN, Credit.of(2), TERMS)).isEqualTo(offer);
        assertThat(Charges.covered(offer, Coverage.LONGEST_RUN, Credit.ZERO, TERMS))
                .as("a page that cannot begin is offered whole, to be refused").isEqualTo(offer);
        assertThat(Charges.covered(List.of(free, paid1), Coverage.LONGEST_RUN, Credit.ZERO, TERMS))
                .containsExactly(free);
    }

    @Test
    void aLookupByIdKeepsWhatIsFreeAndWhatIsCoveredAndLeavesOutTheRest() {
        assertThat(Charges.covered(offer, Coverage.NAMED, Credit.of(1), TERMS)).containsExactly(paid1, free, own);
        assertThat(Charges.covered(offer, Coverage.NAMED, Credit.ZERO, TERMS)).containsExactly(free, own);
    }

    private static DeliveredItem delivered(String ip, Charge charge) {
        return new DeliveredItem(Item.normalised("ipv4", ip, 100, "GREEN", null, null, List.of()), 0, charge);
    }
}
