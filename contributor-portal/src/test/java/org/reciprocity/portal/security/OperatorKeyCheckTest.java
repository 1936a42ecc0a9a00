package org.reciprocity.portal.security;

import org.junit.jupiter.api.Test;
import org.reciprocity.portal.ExchangeProfiles;
import org.reciprocity.portal.StartRefusedException;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key that could never be presented stops the start before anything starts; the audit command line reads none. */
class OperatorKeyCheckTest {

    private static final String KEY = "rx_a-key-long-enough-for-an-operator-01";

    @Test
    void aShortKeyIsRefusedNamingItsLengthAndWhereAGeneratedOneWouldGo() {
        assertThatThrownBy(() -> check(withKey("rx_too-short")))
                .isInstanceOf(StartRefusedException.class)
                .hasMessage("EXCHANGE_OPERATOR_KEY must be at least 32 characters long; it has 12")
                .extracting(refused -> ((StartRefusedException) refused).action()).asString()
                .endsWith("/srv/exchange/operator.key");
    }

    @Test
    void aKeyWithASpaceAHeaderCouldNotCarryIsRefused() {
        assertThatThrownBy(() -> check(withKey(KEY + " ")))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("a space or another character");
        assertThatThrownBy(() -> check(withKey("rx_" + "\u00e9".repeat(40))))
                .isInstanceOf(StartRefusedException.class);
    }

    @Test
    void aSoundKeyNoKeyAndTheAuditCommandLinePass() {
        assertThatCode(() -> check(withKey(KEY))).doesNotThrowAnyException();
        assertThatCode(() -> check(new MockEnvironment())).doesNotThrowAnyException();
        MockEnvironment audit = withKey("rx_too-short");
        audit.setActiveProfiles(ExchangeProfiles.AUDIT_CLI);
        assertThatCode(() -> check(audit)).doesNotThrowAnyException();
    }

    private static MockEnvironment withKey(String key) {
        return new MockEnvironment().withProperty("exchange.operator.initial-key", key)
                .withProperty("exchange.data-dir", "/srv/exchange");
    }

    private static void check(MockEnvironment environment) {
        new OperatorKeyCheck().postProcessEnvironment(environment, new SpringApplication());
    }
}
