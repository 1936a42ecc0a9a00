package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How the catalogue merges the contributions of one item into what it serves. */
class CatalogueMergeTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void theFirstSharingContributionIsServedAsItWasGiven() {
        Item given = item(60, "AMBER", T0, T0.plusSeconds(60), List.of("c2"));
        assertThat(CatalogueMerge.merged(null, given, false))
                .isEqualTo(new CatalogueMerge.Served(60, Tlp.AMBER, T0, T0.plusSeconds(60), List.of("c2"), 0));
    }

    @Test
    void everySharerVouchesStrongestConfidenceWidestPeriodFreestMarkingAllTags() {
        CatalogueMerge.Served first = CatalogueMerge.merged(null, item(60, "AMBER", T0, T0.plusSeconds(60),
                List.of("c2")), false);
        CatalogueMerge.Served merged = CatalogueMerge.merged(first, item(40, "GREEN", T0.minusSeconds(60), null,
                List.of("botnet")), true);
        assertThat(merged).isEqualTo(new CatalogueMerge.Served(60, Tlp.GREEN, T0.minusSeconds(60),
                T0.plusSeconds(60), List.of("botnet", "c2"), 1));
        assertThat(merged.sameAttributesAs(first)).isFalse();
        assertThat(CatalogueMerge.merged(merged, item(10, "AMBER", T0, T0, List.of("c2")), true)
                .sameAttributesAs(merged)).as("nothing new said, only counted").isTrue();
    }

    @Test
    void eachConsumerThatSawAnItemClosesAFifthOfWhatIsLeftOfItsConfidence() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(seen -> CatalogueMerge.confidenceServed(60, seen)))
                .containsExactly(60, 68, 74, 79, 83);
        assertThat(CatalogueMerge.confidenceServed(null, 0)).as("nothing stated, nothing seen").isNull();
        assertThat(CatalogueMerge.confidenceServed(null, 1)).as("from STIX's medium").isEqualTo(60);
        assertThat(CatalogueMerge.confidenceServed(100, 3)).isEqualTo(100);
        assertThat(CatalogueMerge.confidenceServed(0, 1_000_000)).as("never certain").isEqualTo(96);
    }

    @Test
    void tagsStayBounded() {
        CatalogueMerge.Served many = CatalogueMerge.merged(null, item(1, "GREEN", null, null,
                IntStream.range(0, Item.MAX_TAGS).mapToObj(i -> "a" + (100 + i)).toList()), false);
        assertThat(CatalogueMerge.merged(many, item(1, "GREEN", null, null, List.of("b")), true).tags())
                .hasSize(Item.MAX_TAGS).doesNotContain("b");
    }

    @Test
    void aReaderReachedBySeveralSharesIsServedTheirMerge() {
        CatalogueMerge.Served open = new CatalogueMerge.Served(40, Tlp.AMBER, T0, T0, List.of("c2"), 2);
        CatalogueMerge.Served group = new CatalogueMerge.Served(90, Tlp.GREEN, T0.minusSeconds(5), T0,
                List.of("apt-x"), 0);
        assertThat(CatalogueMerge.combined(open, group)).isEqualTo(new CatalogueMerge.Served(90, Tlp.GREEN,
                T0.minusSeconds(5), T0, List.of("apt-x", "c2"), 2));
    }

    private static Item item(Integer confidence, String tlp, Instant firstSeen, Instant lastSeen, List<String> tags) {
        return Item.normalised("domain", "c2.example", confidence, tlp, firstSeen, lastSeen, tags);
    }
}
