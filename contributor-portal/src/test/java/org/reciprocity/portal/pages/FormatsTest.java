package org.reciprocity.portal.pages;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A policy's terms as the operator's page writes them: durations in days, and unset as the policy means it. */
class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void aDurationIsInDaysWhenItIsWholeDaysAndUnsetIsWhatTheTermMeansByIt() {
        assertThat(formats.term("creditLifetime", "PT4320H")).isEqualTo("180 days");
        assertThat(formats.term("vestingPeriod", "PT24H")).isEqualTo("1 day");
        assertThat(formats.term("vestingPeriod", "PT36H")).isEqualTo("PT36H");
        assertThat(formats.term("creditLifetime", null)).isEqualTo("never");
        assertThat(formats.term("vestingPeriod", null)).isEqualTo("none");
    }

    @Test
    void anyOtherTermIsWrittenAsItIs() {
        assertThat(formats.term("ratio", new BigDecimal("2.5"))).isEqualTo("2.5");
        assertThat(formats.term("falsePositiveQuorum", 2L)).isEqualTo("2");
        assertThat(formats.term("sightingBonus", null)).isEmpty();
    }
}
