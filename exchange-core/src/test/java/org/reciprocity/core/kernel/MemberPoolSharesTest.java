package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.kernel.MemberPoolShares.Contribution;
import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool's members share its balance in proportion to what each earned it. */
class MemberPoolSharesTest {

    @Test
    void eachMemberHoldsItsPartOfWhatTheAccountEarned() {
        List<MemberShare> shares = MemberPoolShares.of(List.of(
                new Contribution("town-a", Credit.of(3), Credit.of(1)),
                new Contribution("town-b", Credit.of(1), Credit.of(5))), Credit.of(10));
        assertThat(shares).containsExactly(
                new MemberShare("town-a", Credit.of(3), Credit.of(1), new BigDecimal("0.75"), Credit.parse("7.5")),
                new MemberShare("town-b", Credit.of(1), Credit.of(5), new BigDecimal("0.25"), Credit.parse("2.5")));
    }

    @Test
    void sharesAreRoundedToATenThousandthAndNothingEarnedIsNoShare() {
        List<MemberShare> thirds = MemberPoolShares.of(List.of(new Contribution("a", Credit.of(1), Credit.ZERO),
                new Contribution("b", Credit.of(2), Credit.ZERO)), Credit.of(3));
        assertThat(thirds).extracting(MemberShare::share).containsExactly(new BigDecimal("0.3333"),
                new BigDecimal("0.6667"));
        assertThat(MemberPoolShares.of(List.of(new Contribution("c", Credit.ZERO, Credit.of(2))), Credit.of(4)))
                .extracting(MemberShare::share).containsExactly(BigDecimal.ZERO);
    }
}
