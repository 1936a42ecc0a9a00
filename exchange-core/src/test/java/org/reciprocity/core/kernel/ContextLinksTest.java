package org.reciprocity.core.kernel;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.item.Tlp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which kinds of context an item of a contribution is linked to: two hops, relationships with what they relate. */
class ContextLinksTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final UUID ITEM = UUID.randomUUID();
    private static final UUID OTHER_ITEM = UUID.randomUUID();

    @Test
    void aRelationshipWithWhatItRelatesIsOneHopAndTwoHopsAreCounted() {
        List<ContextRuling> rulings = admitted(
                object("indicator--1", "indicator", List.of(), ITEM),
                object("relationship--1", "relationship", List.of("indicator--1", "malware--1")),
                object("malware--1", "malware", List.of()),
                object("relationship--2", "relationship", List.of("malware--1", "attack-pattern--1")),
                object("attack-pattern--1", "attack-pattern", List.of()),
                object("relationship--3", "relationship", List.of("attack-pattern--1", "course-of-action--1")),
                object("course-of-action--1", "course-of-action", List.of()));
        // The malware one hop away, the attack pattern two; the course of action three: not linked.
        assertThat(ContextLinks.kindsLinked(rulings)).containsExactly(Map.entry(ITEM, 2));
    }

    @Test
    void aReportLinksEveryObjectItListsButOtherItemsObjectsAreNotGoneThrough() {
        List<ContextRuling> rulings = admitted(
                object("indicator--1", "indicator", List.of(), ITEM),
                object("indicator--2", "indicator", List.of(), OTHER_ITEM),
                object("report--1", "report", List.of("indicator--1", "tool--1", "campaign--1")),
                object("tool--1", "tool", List.of()),
                object("campaign--1", "campaign", List.of()),
                object("relationship--1", "relationship", List.of("indicator--2", "threat-actor--1")),
                object("threat-actor--1", "threat-actor", List.of()),
                object("relationship--2", "relationship", List.of("campaign--1", "indicator--2")));
        Map<UUID, Integer> linked = ContextLinks.kindsLinked(rulings);
        // report, tool, campaign; the threat actor lies beyond the other item's indicator.
        assertThat(linked.get(ITEM)).isEqualTo(3);
        // the threat actor, and the campaign through the relationship; the report two hops away through it.
        assertThat(linked.get(OTHER_ITEM)).isEqualTo(3);
    }

    @Test
    void contextNoConsumerReceivesOrThatWasRefusedLinksNothing() {
        ContextObject indicator = object("indicator--1", "indicator", List.of(), ITEM);
        ContextObject relationship = object("relationship--1", "relationship", List.of("indicator--1", "malware--1"));
        ContextObject redMalware = new ContextObject("malware--1", "malware", T0, Tlp.RED, List.of(), List.of(),
                List.of(), "{}");
        assertThat(ContextLinks.kindsLinked(admitted(indicator, relationship, redMalware))).isEmpty();
        List<ContextRuling> refused = new ArrayList<>(admitted(indicator, relationship));
        refused.add(new ContextRuling(object("malware--1", "malware", List.of()), ContextRule.ANOTHERS_OBJECT));
        assertThat(ContextLinks.kindsLinked(refused)).isEmpty();
    }

    @Test
    void aRelationshipThatNamesAnotherItemsObjectLinksNothingForThisOne() {
        List<ContextRuling> rulings = admitted(
                object("indicator--1", "indicator", List.of(), ITEM),
                object("indicator--2", "indicator", List.of(), OTHER_ITEM),
                object("relationship--1", "relationship", List.of("indicator--1", "indicator--2")),
                object("relationship--2", "relationship", List.of("indicator--2", "malware--1")),
                object("malware--1", "malware", List.of()));
        assertThat(ContextLinks.kindsLinked(rulings)).containsExactly(Map.entry(OTHER_ITEM, 1));
    }

    @Test
    void aKindCountsOncePerItem() {
        List<ContextRuling> rulings = admitted(
                object("indicator--1", "indicator", List.of(), ITEM),
                object("report--1", "report", List.of("indicator--1", "tool--1", "tool--2", "tool--3")),
                object("tool--1", "tool", List.of()), object("tool--2", "tool", List.of()),
                object("tool--3", "tool", List.of()));
        assertThat(ContextLinks.kindsLinked(rulings)).containsExactly(Map.entry(ITEM, 2));
    }

    private static List<ContextRuling> admitted(ContextObject... objects) {
        List<ContextRuling> rulings = new ArrayList<>();
        for (ContextObject object : objects) {
            rulings.add(new ContextRuling(object, ContextRule.NEW));
        }
        return rulings;
    }

    private static ContextObject object(String id, String type, List<String> refs, UUID... items) {
        return new ContextObject(id, type, T0, Tlp.GREEN, refs, List.of(), List.of(items), "{}");
    }
}
