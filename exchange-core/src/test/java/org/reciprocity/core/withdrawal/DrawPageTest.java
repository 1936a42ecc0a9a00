package org.reciprocity.core.withdrawal;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A feed's page is keyed by what it holds and where the account's credit stands: a retry finds it, a change not. */
class DrawPageTest {

    private static final DrawCriteria ANY = new DrawCriteria(List.of(), null, null, 100);
    private final Item ip = Item.normalised("ipv4", "192.0.2.1", 100, "GREEN", null, null, List.of());

    @Test
    void theSamePageAtTheSameCreditHasTheSameKey() {
        assertThat(page(7L).asWithdrawal(3).requestKey()).isEqualTo(page(7L).asWithdrawal(3).requestKey());
    }

    @Test
    void aPageOfOtherPositionsAtTheSameCreditIsAnotherRequest() {
        assertThat(page(7L).asWithdrawal(3).requestKey()).isNotEqualTo(page(8L).asWithdrawal(3).requestKey());
    }

    @Test
    void theSamePageOnceTheCreditMovedIsAnotherRequest() {
        assertThat(page(7L).asWithdrawal(3).requestKey()).isNotEqualTo(page(7L).asWithdrawal(4).requestKey());
    }

    private DrawPage page(Long position) {
        return new DrawPage("cert-my", "cert-my", ANY, new Offer(List.of(new OfferedItem(ip, 0, position)), position),
                Coverage.LONGEST_RUN);
    }
}
