package org.reciprocity.portal.limits;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AllowanceTest {

    @Test
    void eachHolderHasItsOwnMinuteOfUses() {
        Allowance allowance = new Allowance(3);
        for (int i = 0; i < 3; i++) {
            assertThat(allowance.take("a")).isEmpty();
        }
        assertThat(allowance.take("a")).get().matches(wait -> wait.compareTo(Duration.ofSeconds(20)) <= 0
                && !wait.isNegative() && !wait.isZero(), "at most the 20 s one use takes to come back");
        assertThat(allowance.waitFor("a")).as("looking takes nothing, and sees none left").isPresent();
        assertThat(allowance.take("b")).as("another holder").isEmpty();
        assertThat(allowance.waitFor("c")).as("a holder never seen").isEmpty();
    }

    @Test
    void offIsNoLimitAndHoldsNothing() {
        Allowance off = new Allowance(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(off.take("a")).isEmpty();
        }
        assertThat(off.waitFor("a")).isEmpty();
    }

    @Test
    void aHolderWithUsesTakenIsNotForgotten() {
        Allowance allowance = new Allowance(3);
        allowance.take("b");
        allowance.forgetRefilled();
        assertThat(allowance.take("b")).as("b, partly used, is still counted").isEmpty();
        assertThat(allowance.take("b")).isEmpty();
        assertThat(allowance.take("b")).as("its third use was taken before, and kept").isPresent();
    }
}
