package org.reciprocity.core.messaging;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    private final CreditGranted granted = new CreditGranted(UUID.randomUUID(), "cert-my", "g1", "f", Credit.of(10),
            "programme", null, "operator", Credit.parse("12.5"), Instant.parse("2026-11-23T08:00:00Z"));

    @Test
    void amountsAreWrittenAsPeopleWriteThemInTheStoreAndInTrees() {
        assertThat(EventJson.write(granted)).contains("\"amount\":10,").contains("\"balanceAfter\":12.5,");
        assertThat(EventJson.tree(granted).toString()).contains("\"amount\":10,").contains("\"balanceAfter\":12.5,");
    }

    @Test
    void anEventReadsBackAsItWasWritten() {
        assertThat(EventJson.read(EventJson.write(granted), CreditGranted.class)).isEqualTo(granted);
    }
}
