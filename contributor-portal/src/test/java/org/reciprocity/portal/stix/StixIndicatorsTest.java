package org.reciprocity.portal.stix;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.portal.support.RequiresStixSchemas;
import org.reciprocity.portal.support.StixSchemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StixIndicatorsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static final Instant ADDED = Instant.parse("2026-11-23T08:00:00.123456Z");
    private static final Map<ItemType, String> VALUES = Map.of(ItemType.IPV4, "198.51.100.7", ItemType.IPV6,
            "2001:db8::7", ItemType.DOMAIN, "c2.example.com", ItemType.URL, "http://x.example/it's",
            ItemType.MD5, "d41d8cd98f00b204e9800998ecf8427e", ItemType.SHA1, "a".repeat(40), ItemType.SHA256,
            "b".repeat(64), ItemType.EMAIL, "phish@x.example");

    @Test
    @RequiresStixSchemas
    void everyKindOfItemIsASchemaValidIndicator() {
        for (ItemType type : ItemType.values()) {
            for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER)) {
                ObjectNode indicator = StixIndicators.of(new CatalogueItem(item(type, tlp), 1, ADDED, 2));
                assertThat(StixSchemas.problemsWith(indicator)).as(indicator.toString()).isEmpty();
            }
        }
    }

    @Test
    void anItemIsTheSameIndicatorEveryTime() {
        for (ItemType type : ItemType.values()) {
            Item item = item(type, Tlp.GREEN);
            assertThat(StixIndicators.of(new CatalogueItem(item, 1, ADDED, 2)).path("id").asText())
                    .isEqualTo(StixIndicators.of(new CatalogueItem(item, 9, ADDED.plusSeconds(60), 0)).path("id").asText());
        }
    }

    @Test
    @RequiresStixSchemas
    void theSchemasDoRefuseWhatIsNotStix() {
        ObjectNode indicator = StixIndicators.of(new CatalogueItem(Item.normalised("ipv4", "198.51.100.7", null, "GREEN",
                null, null, List.of()), 1, ADDED, 0));
        indicator.remove("pattern");
        indicator.put("created", "yesterday");
        assertThat(StixSchemas.problemsWith(indicator)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anIndicatorTheExchangeWritesReadsBackAsTheSameItem() {
        Item item = Item.normalised("url", "http://x.example/it's", 90, "GREEN", null, null, List.of("phishing"));
        ObjectNode indicator = StixIndicators.of(new CatalogueItem(item, 1, ADDED, 0));
        ObjectNode bundle = JsonNodeFactory.instance.objectNode().put("type", "bundle")
                .put("id", "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d");
        bundle.putArray("objects").add(indicator);

        assertThat(StixBundleReader.read(bundle, 10, NOW).items()).extracting(Item::id, Item::tlp, Item::confidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(item.id(), Tlp.GREEN, 90));
    }

    private static Item item(ItemType type, Tlp tlp) {
        return Item.normalised(type.label(), VALUES.get(type), 70, tlp.label(), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-20T00:00:00Z"), List.of("c2", "botnet"));
    }
}
