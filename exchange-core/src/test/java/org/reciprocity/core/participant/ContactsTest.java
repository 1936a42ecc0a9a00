package org.reciprocity.core.participant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.contact.ConfirmContacts;
import org.reciprocity.core.contact.ContactsConfirmed;
import org.reciprocity.core.contact.ContactsPublished;
import org.reciprocity.core.contact.ContactsReceipt;
import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.contact.NoContactsException;
import org.reciprocity.core.contact.PublishContacts;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;

import java.time.Instant;
import java.util.List;

/** A participant's incident-response contacts live on its own stream: one entry, replaced or confirmed. */
class ContactsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final ParticipantRegistered REGISTERED = new ParticipantRegistered("cert-sg", ParticipantKind.AGENCY,
            "CERT SG", "government-national", "SG", "hash-1", "operator");
    private static final IncidentContacts CONTACTS = new IncidentContacts("SingCERT", "cert@example.sg",
            "+65 6211 0000", null, "24/7", "https://cert.example.sg/policy");
    private static final Audience ASEAN = Audience.of(List.of(), List.of("cert-my"), Border.asean());

    private AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    @Test
    void aParticipantPublishesItsContactsAtTheExchangesInstant() {
        fixture.given(REGISTERED).andGivenCurrentTime(T0)
                .when(new PublishContacts("cert-sg", CONTACTS, Audience.EXCHANGE, Tlp.GREEN, "cert-sg"))
                .expectEvents(new ContactsPublished("cert-sg", CONTACTS, Audience.EXCHANGE, Tlp.GREEN, "cert-sg", T0))
                .expectResultMessagePayload(new ContactsReceipt("cert-sg", true, T0));
    }

    @Test
    void changedContactsReplaceThePublishedOnes() {
        IncidentContacts moved = new IncidentContacts("SingCERT", "incident@example.sg", null, null, null, null);
        fixture.given(REGISTERED, published(CONTACTS, Audience.EXCHANGE, Tlp.GREEN)).andGivenCurrentTime(T0)
                .when(new PublishContacts("cert-sg", moved, Audience.EXCHANGE, Tlp.GREEN, "operator"))
                .expectEvents(new ContactsPublished("cert-sg", moved, Audience.EXCHANGE, Tlp.GREEN, "operator", T0));
    }

    @Test
    void aNewAudienceOrMarkingIsANewPublication() {
        fixture.given(REGISTERED, published(CONTACTS, Audience.EXCHANGE, Tlp.GREEN)).andGivenCurrentTime(T0)
                .when(new PublishContacts("cert-sg", CONTACTS, ASEAN, Tlp.AMBER, "cert-sg"))
                .expectEvents(new ContactsPublished("cert-sg", CONTACTS, ASEAN, Tlp.AMBER, "cert-sg", T0));
    }

    @Test
    void theSameContactsPublishedAgainAreAConfirmation() {
        fixture.given(REGISTERED, published(CONTACTS, ASEAN, Tlp.AMBER)).andGivenCurrentTime(T0)
                .when(new PublishContacts("cert-sg", CONTACTS, ASEAN, Tlp.AMBER, "cert-sg"))
                .expectEvents(new ContactsConfirmed("cert-sg", "cert-sg", T0))
                .expectResultMessagePayload(new ContactsReceipt("cert-sg", false, T0));
    }

    @Test
    void publishedContactsAreConfirmedUnchanged() {
        fixture.given(REGISTERED, published(CONTACTS, Audience.EXCHANGE, Tlp.GREEN)).andGivenCurrentTime(T0)
                .when(new ConfirmContacts("cert-sg", "cert-sg"))
                .expectEvents(new ContactsConfirmed("cert-sg", "cert-sg", T0));
    }

    @Test
    void nothingIsConfirmedBeforeItIsPublished() {
        fixture.given(REGISTERED)
                .when(new ConfirmContacts("cert-sg", "cert-sg"))
                .expectNoEvents()
                .expectException(NoContactsException.class)
                .expectExceptionMessage("participant 'cert-sg' has published no contacts; publish them with PUT "
                        + "/api/participants/cert-sg/contacts");
    }

    private static ContactsPublished published(IncidentContacts contacts, Audience audience, Tlp marking) {
        return new ContactsPublished("cert-sg", contacts, audience, marking, "cert-sg", T0.minusSeconds(86_400));
    }
}
