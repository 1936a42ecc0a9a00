package org.reciprocity.core.item;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.messaging.EventJson;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of the store holds items in this form: it reads back, and it is written the same way by every version. */
class ItemJsonTest {

    private final Item item = new Item(ItemType.DOMAIN, "evil.example.com", 80, Tlp.AMBER_STRICT,
            Instant.parse("2026-11-01T00:00:00Z"), null, List.of("c2", "phishing"));

    @Test
    void anItemIsWrittenAsTheStoreHoldsIt() {
        assertThat(EventJson.write(item)).isEqualTo("{\"type\":\"domain\",\"value\":\"evil.example.com\","
                + "\"confidence\":80,\"tlp\":\"AMBER+STRICT\",\"firstSeen\":\"2026-11-01T00:00:00Z\","
                + "\"lastSeen\":null,\"tags\":[\"c2\",\"phishing\"]}");
    }

    @Test
    void anEndOfValidityIsWrittenWhenGivenAndReadsBack() {
        Item expiring = new Item(ItemType.IPV4, "198.51.100.7", null, Tlp.GREEN, null, null, List.of(),
                Instant.parse("2026-12-31T00:00:00.123456789Z"));
        String json = EventJson.write(expiring);
        assertThat(json).endsWith("\"tags\":[],\"validUntil\":\"2026-12-31T00:00:00.123456Z\"}");
        assertThat(EventJson.read(json, Item.class)).isEqualTo(expiring);
    }

    @Test
    void anItemReadsBackEqualWithItsIdentifier() {
        Item read = EventJson.read(EventJson.write(item), Item.class);
        assertThat(read).isEqualTo(item).hasSameHashCodeAs(item);
        assertThat(read.id()).isEqualTo(ItemIdentity.of(ItemType.DOMAIN, "evil.example.com"));
    }
}
