package org.reciprocity.ledger.contact;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.reciprocity.core.SqlTime;
import org.reciprocity.core.contact.ContactsConfirmed;
import org.reciprocity.core.contact.ContactsPublished;
import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.Audiences;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantRegistered;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.ledger.projection.ProjectionReplays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The point-of-contact directory, kept by its own {@code contacts} processor: deployed where the ledger has long
 * followed the events, it starts from the first, so every participant registered before it has its row; all its
 * times come from the events. Who may read an entry is decided when it is read, by the audience and marking its
 * participant chose and the reader's groups now: a group joined or left changes what the reader sees at once.
 */
@Component
@ProcessingGroup(ProjectionReplays.CONTACTS)
class ContactProjection {

    private static final RowMapper<ContactEntry> ENTRY = (rs, i) -> new ContactEntry(rs.getString("participant_id"),
            rs.getString("name"), ParticipantKind.valueOf(rs.getString("kind")), rs.getString("country"),
            new IncidentContacts(rs.getString("team"), rs.getString("email"), rs.getString("phone"),
                    rs.getString("pgp_key"), rs.getString("hours"), rs.getString("policy_url")),
            EventJson.read(rs.getString("audience"), Audience.class), Tlp.parse(rs.getString("marking")),
            rs.getString("published_by"), SqlTime.instant(rs, "published_at"), SqlTime.instant(rs, "confirmed_at"));

    private final JdbcTemplate jdbc;

    ContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ParticipantRegistered event, @Timestamp Instant registeredAt) {
        jdbc.update("insert into contact_entry (participant_id, name, kind, country, registered_at) "
                        + "values (?, ?, ?, ?, ?)", event.participantId(), event.name(), event.kind().name(),
                event.country(), SqlTime.of(registeredAt));
    }

    @EventHandler
    void on(ContactsPublished event) {
        IncidentContacts contacts = event.contacts();
        jdbc.update("update contact_entry set team = ?, email = ?, phone = ?, pgp_key = ?, hours = ?, policy_url = ?, "
                        + "audience = ?, marking = ?, published_by = ?, published_at = ?, confirmed_at = ? "
                        + "where participant_id = ?", contacts.team(), contacts.email(), contacts.phone(),
                contacts.pgpKey(), contacts.hours(), contacts.policyUrl(), EventJson.write(event.audience()),
                event.marking().label(), event.publishedBy(), SqlTime.of(event.publishedAt()),
                SqlTime.of(event.publishedAt()), event.participantId());
    }

    @EventHandler
    void on(ContactsConfirmed event) {
        jdbc.update("update contact_entry set confirmed_at = ? where participant_id = ?",
                SqlTime.of(event.confirmedAt()), event.participantId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from contact_entry");
    }

    @QueryHandler
    ContactEntries handle(FindContacts query) {
        return new ContactEntries(jdbc.query("select * from contact_entry where published_at is not null "
                + "order by participant_id", ENTRY).stream().filter(entry -> sees(query.reader(), entry)).toList());
    }

    @QueryHandler
    ContactEntries handle(FindContact query) {
        return new ContactEntries(jdbc.query("select * from contact_entry where participant_id = ? "
                        + "and published_at is not null", ENTRY, query.participantId()).stream()
                .filter(entry -> sees(query.reader(), entry)).toList());
    }

    @QueryHandler
    StaleContacts handle(FindStaleContacts query) {
        Instant cutoff = query.now().minus(StaleContacts.AFTER);
        List<StaleContact> stale = jdbc.query("select * from contact_entry where confirmed_at < ? "
                + "or (confirmed_at is null and kind in (?, ?, ?))", (rs, i) -> {
                    Instant confirmedAt = SqlTime.instant(rs, "confirmed_at");
                    Instant since = confirmedAt == null ? SqlTime.instant(rs, "registered_at") : confirmedAt;
                    return new StaleContact(rs.getString("participant_id"), rs.getString("name"),
                            ParticipantKind.valueOf(rs.getString("kind")), confirmedAt,
                            Duration.between(since, query.now()).toDays());
                }, SqlTime.of(cutoff), ParticipantKind.FIRM.name(), ParticipantKind.AGENCY.name(),
                ParticipantKind.POOL.name());
        return new StaleContacts(stale.stream().sorted(Comparator.comparingLong(StaleContact::daysSince).reversed()
                .thenComparing(StaleContact::participantId)).toList());
    }

    // Its own entry, always; every entry for those who oversee the exchange; else what its audience reaches.
    private static boolean sees(ContactReader reader, ContactEntry entry) {
        return reader.seesAll() || entry.participantId().equals(reader.recipient().participantId())
                || Audiences.reaches(entry.audience(), entry.marking(), reader.recipient());
    }
}
