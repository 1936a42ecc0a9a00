package org.reciprocity.portal.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitSettingsTest {

    @Test
    void aLimitIsAWholeNumberAMinuteOrOff() {
        LimitSettings settings = new LimitSettings(" 1200 ", "OFF");
        assertThat(settings.requestsPerMinute()).isEqualTo(1200);
        assertThat(settings.failedSignInsPerMinute()).as("off").isZero();
        assertThat(new LimitSettings("0", "20").requestsPerMinute()).as("0 is off as well").isZero();
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new LimitSettings("-1", "20")).hasMessageContaining(
                "EXCHANGE_LIMIT_REQUESTS_PER_MINUTE").hasMessageContaining("'-1'");
        assertThatThrownBy(() -> new LimitSettings("1200", "twenty")).hasMessageContaining(
                "EXCHANGE_LIMIT_FAILED_SIGN_INS_PER_MINUTE");
        assertThatThrownBy(() -> new LimitSettings("", "20")).hasMessageContaining("empty");
    }
}
