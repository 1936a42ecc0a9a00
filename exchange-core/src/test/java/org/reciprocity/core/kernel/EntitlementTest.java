package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EntitlementTest {

    @Test
    void aMemberOfAPoolActsOnThePoolsAccountAndNoLongerOnItsOwn() {
        assertThat(Entitlement.accountOf("clinic-a", Optional.of("clinics"))).isEqualTo("clinics");
        assertThat(Entitlement.mayActOn("clinic-a", "clinics", Optional.of("clinics"))).isTrue();
        assertThat(Entitlement.mayActOn("clinic-a", "clinic-a", Optional.of("clinics"))).isFalse();
        assertThat(Entitlement.mayActOn("clinic-a", "clinic-a", Optional.empty())).isTrue();
        assertThat(Entitlement.mayActOn(null, "clinics", Optional.of("clinics"))).as("no requester named").isFalse();
    }

    @Test
    void behindAPoolsContributionStandTheContributorAndEveryMember() {
        assertThat(Entitlement.behind("clinic-a", List.of("clinic-b", "clinic-a", "clinic-c")))
                .containsExactlyInAnyOrder("clinic-a", "clinic-b", "clinic-c");
        assertThat(Entitlement.behind("bank", List.of())).containsExactly("bank");
    }
}
