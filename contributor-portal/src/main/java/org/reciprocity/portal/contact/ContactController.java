package org.reciprocity.portal.contact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.contact.ConfirmContacts;
import org.reciprocity.core.contact.ContactsReceipt;
import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.contact.PublishContacts;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.ledger.contact.ContactEntries;
import org.reciprocity.ledger.contact.ContactReader;
import org.reciprocity.ledger.contact.FindContact;
import org.reciprocity.ledger.contact.FindContacts;
import org.reciprocity.ledger.contact.FindStaleContacts;
import org.reciprocity.ledger.contact.StaleContacts;
import org.reciprocity.portal.problem.ForbiddenException;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.sharing.AudienceChoices;
import org.reciprocity.portal.sharing.AudienceRequest;
import org.reciprocity.portal.sharing.Readers;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * The point-of-contact directory: each participant's incident-response team, shared under the same rules as data
 * (audience, TLP marking, border), so that in an incident members know whom to call at the participant concerned.
 */
@RestController
@Tag(name = "Contacts", description = "The point-of-contact directory of incident-response teams")
class ContactController {

    // One answer for an entry that does not exist and for one withheld, so that a refusal tells nothing.
    private static final String NOT_SHARED = "no entry in the directory under this id is shared with you";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ParticipantDirectory directory;
    private final AudienceChoices audiences;
    private final Readers readers;
    private final Clock clock;

    ContactController(CommandGateway commands, QueryGateway queries, ParticipantDirectory directory,
                      AudienceChoices audiences, Readers readers, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
        this.audiences = audiences;
        this.readers = readers;
        this.clock = clock;
    }

    @PutMapping(path = "/api/participants/{participantId}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Publish a participant's incident-response contacts (the participant itself, or operators)",
            description = "Replaces the entry. Without an audience it is for the whole exchange, without tlp "
                    + "TLP:GREEN. Sending the entry unchanged confirms it: published is false in the answer.")
    ContactsReceipt publish(@AuthenticationPrincipal Member member, @PathVariable String participantId,
                            @RequestBody ContactRequest request) {
        ParticipantProfile owner = editable(member, participantId);
        IncidentContacts contacts = new IncidentContacts(request.team(), request.email(), request.phone(),
                request.pgpKey(), request.hours(), request.policyUrl());
        Tlp marking = request.tlp() == null ? Tlp.GREEN : Tlp.parse(request.tlp());
        PublishContacts command = new PublishContacts(participantId, contacts, audiences.forOwner(
                owner.participantId(), request.audience(), AudienceRequest.NONE),
                marking, member.participantId());
        return commands.sendAndWait(command);
    }

    @PostMapping(path = "/api/participants/{participantId}/contacts/confirmation",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a participant's contacts are still right (the participant itself, or operators)",
            description = "The entry stays as it is and is current from now; 404 when none was published.")
    ContactsReceipt confirm(@AuthenticationPrincipal Member member, @PathVariable String participantId) {
        editable(member, participantId);
        return commands.sendAndWait(new ConfirmContacts(participantId, member.participantId()));
    }

    @GetMapping(path = "/api/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The directory: the entries shared with you, and your own",
            description = "An entry reaches whom its audience and marking reach, as data does: CLEAR, GREEN and AMBER "
                    + "its whole audience, AMBER+STRICT and RED its named participants alone, inside its border. "
                    + "Operators and auditors see every entry.")
    List<ContactView> directory(@AuthenticationPrincipal Member member) {
        return queries.query(new FindContacts(reader(member)), ContactEntries.class).join().entries().stream()
                .map(entry -> ContactView.of(entry, showsAudience(member, entry.participantId()))).toList();
    }

    @GetMapping(path = "/api/participants/{participantId}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One participant's entry, if it is shared with you",
            description = "404 alike for an entry that does not exist and for one not shared with you.")
    ContactView entry(@AuthenticationPrincipal Member member, @PathVariable String participantId) {
        return queries.query(new FindContact(participantId, reader(member)), ContactEntries.class).join().entries()
                .stream().findFirst().map(entry -> ContactView.of(entry, showsAudience(member, participantId)))
                .orElseThrow(() -> new NotFoundException(NOT_SHARED));
    }

    @GetMapping(path = "/api/contacts/stale", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The entries to chase (operators only)",
            description = "Entries not published nor confirmed for 90 days, and members and pools with no entry, "
                    + "longest first, each with the days since.")
    StaleContacts stale() {
        return queries.query(new FindStaleContacts(clock.instant()), StaleContacts.class).join();
    }

    /** The entry's participant, when the caller may edit its entry: its own, or anyone's for an operator. */
    private ParticipantProfile editable(Member member, String participantId) {
        if (!member.participantId().equals(participantId) && member.kind() != ParticipantKind.OPERATOR) {
            throw new ForbiddenException("a participant publishes and confirms its own contacts alone; an operator "
                    + "may do it for any participant");
        }
        return directory.find(participantId).map(ParticipantDirectory.RegisteredParticipant::profile)
                .orElseThrow(() -> new NotFoundException("no participant '" + participantId + "' is registered"));
    }

    private ContactReader reader(Member member) {
        return new ContactReader(readers.of(member), member.isOperatorOrAuditor());
    }

    private static boolean showsAudience(Member member, String participantId) {
        return member.isOperatorOrAuditor() || member.participantId().equals(participantId);
    }
}
