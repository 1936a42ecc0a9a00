package org.reciprocity.core.messaging;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.contact.ContactsConfirmed;
import org.reciprocity.core.contact.ContactsPublished;
import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.SharingGroupFormed;
import org.reciprocity.core.sharing.SharingGroupMemberAdded;
import org.reciprocity.core.sharing.SharingGroupMemberRemoved;

import java.time.Instant;
import java.util.List;
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

    @Test
    void sharingGroupEventsReadBackAsTheyWereWritten() {
        Instant at = Instant.parse("2026-12-01T08:00:00.123456Z");
        SharingGroupFormed formed = new SharingGroupFormed("banks-sg", "Banks in Singapore",
                List.of("financial-services"), List.of("SG"), List.of("cert-sg"), "operator", at);
        SharingGroupMemberAdded added = new SharingGroupMemberAdded("banks-sg", "bank-a", "operator", at);
        SharingGroupMemberRemoved removed = new SharingGroupMemberRemoved("banks-sg", "bank-a", "operator", at);

        assertThat(EventJson.read(EventJson.write(formed), SharingGroupFormed.class)).isEqualTo(formed);
        assertThat(EventJson.read(EventJson.write(added), SharingGroupMemberAdded.class)).isEqualTo(added);
        assertThat(EventJson.read(EventJson.write(removed), SharingGroupMemberRemoved.class)).isEqualTo(removed);
    }

    @Test
    void contactsReadBackWithTheirAudienceAndMarking() {
        ContactsPublished published = new ContactsPublished("cert-sg", new IncidentContacts("SingCERT",
                "cert@example.sg", "+65 6211 0000", null, "24/7", "https://cert.example.sg/policy"),
                Audience.of(List.of("finance"), List.of("cert-my"), Border.asean()), Tlp.AMBER_STRICT, "cert-sg",
                Instant.parse("2026-11-23T08:00:00Z"));
        ContactsConfirmed confirmed = new ContactsConfirmed("cert-sg", "operator",
                Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(EventJson.read(EventJson.write(published), ContactsPublished.class)).isEqualTo(published);
        assertThat(EventJson.read(EventJson.write(confirmed), ContactsConfirmed.class)).isEqualTo(confirmed);
    }
}
