package org.reciprocity.ledger.context;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ContextRule;
import org.reciprocity.core.event.ContextRuling;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.LedgerDatabase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The context the catalogue keeps, and gathers around the items a consumer draws. */
class ContextProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final UUID ITEM = UUID.randomUUID();
    private static final UUID OTHER_ITEM = UUID.randomUUID();

    private ContextProjection context;

    @BeforeEach
    void setUp() {
        context = new ContextProjection(LedgerDatabase.fresh());
    }

    @Test
    void anItemBringsWhatLiesTwoHopsFromItsObjectsTheNearestFirst() {
        UUID contribution = contribute("bank-a",
                object("indicator--1", "indicator", T0, Tlp.GREEN, List.of(), ITEM),
                object("relationship--1", "relationship", T0, Tlp.GREEN, List.of("indicator--1", "malware--1")),
                object("malware--1", "malware", T0, Tlp.GREEN, List.of()),
                object("relationship--2", "relationship", T0, Tlp.GREEN, List.of("malware--1", "tool--1")),
                object("tool--1", "tool", T0, Tlp.GREEN, List.of()),
                object("relationship--3", "relationship", T0, Tlp.GREEN, List.of("tool--1", "campaign--1")),
                object("campaign--1", "campaign", T0, Tlp.GREEN, List.of()));
        contribute("telco-b", object("report--1", "report", T0, Tlp.GREEN, List.of("indicator--1", "note--1")),
                object("note--1", "note", T0, Tlp.GREEN, List.of()));

        assertThat(ids(ITEM)).containsExactly("indicator--1", "malware--1", "relationship--1", "report--1",
                "note--1", "relationship--2", "tool--1");
        assertThat(context.handle(new FindItemContext(List.of(ITEM), 3)).of(ITEM)).hasSize(3);
        assertThat(context.handle(new FindItemContext(List.of(ITEM), 500)).of(ITEM).get(0).source()).isTrue();
        assertThat(context.handle(new IsCatalogued(contribution))).isTrue();
        assertThat(context.handle(new IsCatalogued(UUID.randomUUID()))).isFalse();
    }

    @Test
    void whatThePoolDoesNotDeliverAndOtherItemsObjectsAreNotGoneThrough() {
        contribute("bank-a",
                object("indicator--1", "indicator", T0, Tlp.GREEN, List.of(), ITEM),
                object("relationship--1", "relationship", T0, Tlp.RED, List.of("indicator--1", "malware--1")),
                object("malware--1", "malware", T0, Tlp.GREEN, List.of()),
                object("report--1", "report", T0, Tlp.GREEN, List.of("indicator--1", "indicator--2")),
                object("indicator--2", "indicator", T0, Tlp.GREEN, List.of(), OTHER_ITEM),
                object("relationship--2", "relationship", T0, Tlp.GREEN, List.of("indicator--2", "tool--1")),
                object("tool--1", "tool", T0, Tlp.GREEN, List.of()));

        assertThat(ids(ITEM)).as("not the RED relationship nor what only it reaches; not the other item's indicator "
                + "nor what lies beyond it").containsExactly("indicator--1", "report--1");
        assertThat(ids(OTHER_ITEM)).containsExactly("indicator--2", "relationship--2", "report--1", "tool--1");
        assertThat(context.handle(new FindItemsLinked("tool--1", 10)).itemIds()).containsExactly(OTHER_ITEM);
        assertThat(context.handle(new FindItemsLinked("report--1", 10)).itemIds())
                .containsExactlyInAnyOrder(ITEM, OTHER_ITEM);
    }

    /** A malware many indicators point to brings each item its own relationship, not the others' indicators. */
    @Test
    void aRelationshipThatNamesAnotherItemsObjectIsThatItemsContext() {
        contribute("bank-a",
                object("indicator--1", "indicator", T0, Tlp.GREEN, List.of(), ITEM),
                object("indicator--2", "indicator", T0, Tlp.GREEN, List.of(), OTHER_ITEM),
                object("malware--1", "malware", T0, Tlp.GREEN, List.of()),
                object("relationship--1", "relationship", T0, Tlp.GREEN, List.of("indicator--1", "malware--1")),
                object("relationship--2", "relationship", T0, Tlp.GREEN, List.of("indicator--2", "malware--1")),
                object("relationship--3", "relationship", T0, Tlp.GREEN, List.of("indicator--1", "indicator--2")));

        assertThat(ids(ITEM)).containsExactly("indicator--1", "malware--1", "relationship--1");
        assertThat(ids(OTHER_ITEM)).containsExactly("indicator--2", "malware--1", "relationship--2");
    }

    @Test
    void theLatestVersionIsServedWithItsLinksAndEveryVersionIsKept() {
        contribute("bank-a", object("indicator--1", "indicator", T0, Tlp.GREEN, List.of(), ITEM),
                object("report--1", "report", T0.plusSeconds(60), Tlp.GREEN, List.of("indicator--1")));
        contribute("bank-a", List.of(new ContextRuling(object("report--1", "report", T0, Tlp.GREEN, List.of()),
                ContextRule.NEW_VERSION)));
        assertThat(ids(ITEM)).as("an older version does not replace the latest").contains("report--1");
        contribute("bank-a", List.of(new ContextRuling(object("report--1", "report", T0.plusSeconds(120), Tlp.GREEN,
                List.of()), ContextRule.NEW_VERSION)));

        assertThat(ids(ITEM)).as("the latest lists the indicator no more").containsExactly("indicator--1");
        assertThat(context.handle(new FindObjectVersions("report--1")).objects()).extracting(CatalogueObject::version)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(context.handle(new FindContextObjects(List.of("report--1"))).objects())
                .extracting(CatalogueObject::version).containsExactly(T0.plusSeconds(120));
    }

    private List<String> ids(UUID item) {
        return context.handle(new FindItemContext(List.of(item), 500)).of(item).stream()
                .map(ItemContext.LinkedObject::id).toList();
    }

    private UUID contribute(String contributor, ContextObject... objects) {
        List<ContextRuling> rulings = new ArrayList<>();
        for (ContextObject object : objects) {
            rulings.add(new ContextRuling(object, ContextRule.NEW));
        }
        return contribute(contributor, rulings);
    }

    private UUID contribute(String contributor, List<ContextRuling> rulings) {
        UUID id = UUID.randomUUID();
        context.on(new ItemsContributed(id, contributor, contributor, "k-" + id, "f", List.of(), 0, Credit.ZERO, null,
                Credit.ZERO, 1, T0, rulings, null), T0);
        return id;
    }

    private static ContextObject object(String id, String type, Instant version, Tlp tlp, List<String> refs,
                                        UUID... items) {
        return new ContextObject(id, type, version, tlp, refs, List.of(), List.of(items), "{\"id\": \"" + id + "\"}");
    }
}
