package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the pool delivers, to whom, and under which marking. */
class DeliveryTest {

    @Test
    void thePoolDeliversClearGreenAndAmberOnly() {
        assertThat(Arrays.stream(Tlp.values()).filter(Delivery::isPoolShareable))
                .containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
    }

    @Test
    void anItemIsDeliveredOnlyOnceSharedAndNeverUnderAFreerMarkingThanAnyContributorGaveIt() {
        ItemFacts sharedAsAmber = new ItemFacts(true, false, false, false, "bank-a", Tlp.AMBER);
        assertThat(Delivery.mayDeliver(item("AMBER"), sharedAsAmber)).isTrue();
        assertThat(Delivery.mayDeliver(item("GREEN"), sharedAsAmber)).isFalse();
        ItemFacts sharedAsGreen = new ItemFacts(true, false, false, false, "bank-a", Tlp.GREEN);
        assertThat(Delivery.mayDeliver(item("AMBER"), sharedAsGreen)).as("a lagging offer").isTrue();
        assertThat(Delivery.mayDeliver(item("RED"), sharedAsGreen)).isFalse();
        assertThat(Delivery.mayDeliver(item("GREEN"), new ItemFacts(true, true, false, false, null, null)))
                .as("brought under RED, never shared").isFalse();
        assertThat(Delivery.mayDeliver(item("GREEN"), ItemFacts.UNKNOWN)).isFalse();
    }

    @Test
    void whatMayNotBeDeliveredSaysWhy() {
        ItemFacts sharedAsAmber = new ItemFacts(true, false, false, false, "bank-a", Tlp.AMBER);
        assertThat(Delivery.whyNot(item("GREEN"), ItemFacts.UNKNOWN)).hasValue(Delivery.Undeliverable.NEVER_BROUGHT);
        assertThat(Delivery.whyNot(item("GREEN"), new ItemFacts(true, true, false, false, null, null)))
                .hasValue(Delivery.Undeliverable.NEVER_SHARED);
        assertThat(Delivery.whyNot(item("RED"), sharedAsAmber)).hasValue(Delivery.Undeliverable.MARKING_NOT_DELIVERED);
        assertThat(Delivery.whyNot(item("GREEN"), sharedAsAmber)).hasValue(Delivery.Undeliverable.FREER_THAN_SHARED);
        assertThat(Delivery.whyNot(item("AMBER"), sharedAsAmber)).isEmpty();
    }

    @Test
    void theServedMarkingIsTheLeastRestrictiveShared() {
        assertThat(Delivery.servedMarking(null, Tlp.AMBER)).isEqualTo(Tlp.AMBER);
        assertThat(Delivery.servedMarking(Tlp.AMBER, Tlp.GREEN)).isEqualTo(Tlp.GREEN);
        assertThat(Delivery.servedMarking(Tlp.CLEAR, Tlp.AMBER)).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void aStatementShowsRestrictedValuesOnlyToWhoSeesEverything() {
        assertThat(Delivery.showsValue(Tlp.RED, false)).isFalse();
        assertThat(Delivery.showsValue(Tlp.RED, true)).isTrue();
        assertThat(Delivery.showsValue(Tlp.AMBER, false)).isTrue();
    }

    private static Item item(String tlp) {
        return Item.normalised("ipv4", "192.0.2.1", 100, tlp, null, null, List.of());
    }
}
