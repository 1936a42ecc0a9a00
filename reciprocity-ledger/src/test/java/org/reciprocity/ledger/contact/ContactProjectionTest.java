package org.reciprocity.ledger.contact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.contact.ContactsConfirmed;
import org.reciprocity.core.contact.ContactsPublished;
import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantRegistered;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.ledger.LedgerDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The directory's entries, who reads each, and whom the operator chases, from the events alone. */
class ContactProjectionTest {

    private static final ContactReader AUDITOR = new ContactReader(new Recipient("auditor", "SG", Set.of()), true);

    private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
    private static final IncidentContacts CONTACTS = new IncidentContacts("SingCERT", "cert@example.sg", null, null,
            "24/7", null);

    private ContactProjection directory;

    @BeforeEach
    void setUp() {
        directory = new ContactProjection(LedgerDatabase.fresh());
        register("cert-sg", ParticipantKind.AGENCY, "SG");
        register("bank-my", ParticipantKind.FIRM, "MY");
        register("bank-sg", ParticipantKind.FIRM, "SG");
        register("auditor", ParticipantKind.AUDITOR, "SG");
    }

    @Test
    void anEntryReachesWhomItsAudienceMarkingAndBorderReach() {
        directory.on(new ContactsPublished("cert-sg", CONTACTS, new Audience(true, List.of("finance"),
                List.of("bank-my"), Border.asean()), Tlp.RED, "cert-sg", T0));

        assertThat(sees("bank-my", "MY", Set.of())).as("named, inside the border").isTrue();
        assertThat(sees("bank-sg", "SG", Set.of("finance"))).as("RED reaches no group, nor the exchange").isFalse();
        assertThat(sees("cert-sg", "SG", Set.of())).as("its own").isTrue();
        assertThat(directory.handle(new FindContacts(AUDITOR)).entries())
                .extracting(ContactEntry::participantId, ContactEntry::name, ContactEntry::marking)
                .containsExactly(tuple("cert-sg", "Name of cert-sg", Tlp.RED));
    }

    @Test
    void anEntryIsStaleAfterNinetyDaysUnconfirmedAndAMemberWithoutOneAlways() {
        directory.on(new ContactsPublished("cert-sg", CONTACTS, Audience.EXCHANGE, Tlp.GREEN, "cert-sg", T0));
        directory.on(new ContactsPublished("bank-sg", CONTACTS, Audience.EXCHANGE, Tlp.GREEN, "bank-sg", T0));
        directory.on(new ContactsConfirmed("bank-sg", "bank-sg", T0.plus(Duration.ofDays(60))));

        assertThat(directory.handle(new FindStaleContacts(T0.plus(Duration.ofDays(90)))).participants())
                .extracting(StaleContact::participantId).as("not yet: ninety days to the instant")
                .containsExactly("bank-my");
        assertThat(directory.handle(new FindStaleContacts(T0.plus(Duration.ofDays(91)))).participants())
                .extracting(StaleContact::participantId, StaleContact::confirmedAt, StaleContact::daysSince)
                .as("the auditor keeps no entry to chase")
                .containsExactly(tuple("bank-my", null, 91L), tuple("cert-sg", T0, 91L));
    }

    @Test
    void aReplayStartsFromNothing() {
        directory.on(new ContactsPublished("cert-sg", CONTACTS, Audience.EXCHANGE, Tlp.GREEN, "cert-sg", T0));
        directory.reset();
        assertThat(directory.handle(new FindStaleContacts(T0)).participants()).isEmpty();
        assertThat(directory.handle(new FindContacts(AUDITOR)).entries())
                .isEmpty();
    }

    private boolean sees(String reader, String country, Set<String> groups) {
        ContactReader asked = new ContactReader(new Recipient(reader, country, groups), false);
        return !directory.handle(new FindContact("cert-sg", asked))
                .entries().isEmpty();
    }

    private void register(String id, ParticipantKind kind, String country) {
        directory.on(new ParticipantRegistered(id, kind, "Name of " + id, "financial-services", country, "hash",
                "operator"), T0);
    }
}
