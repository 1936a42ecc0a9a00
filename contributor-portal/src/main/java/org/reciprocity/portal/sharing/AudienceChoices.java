package org.reciprocity.portal.sharing;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.registry.ParticipantDirectory;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.SharingGroups;
import org.reciprocity.portal.security.Member;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A contributor's audience, read and checked before anything is sent: the groups it names exist now, the
 * participants are registered, and the border is resolved into the countries it means today (the contributor's own
 * registered country, ASEAN's member states), which the contribution records. The audience is recorded as named,
 * the same for every contributor who names it, so that the exchange holds a few audiences, not one per contributor.
 */
@Component
public class AudienceChoices {

    private final SharingGroups groups;
    private final ParticipantDirectory directory;
    private final Clock clock;

    AudienceChoices(SharingGroups groups, ParticipantDirectory directory, Clock clock) {
        this.groups = groups;
        this.directory = directory;
        this.clock = clock;
    }

    /** The audience named in the query, or the whole exchange. */
    public Audience of(Member contributor, AudienceRequest query) {
        return of(contributor, AudienceRequest.NONE, query);
    }

    /**
     * The audience named in the body or in the query, or the whole exchange.
     *
     * @throws InvalidInputException naming the field at fault
     */
    public Audience of(Member contributor, AudienceRequest body, AudienceRequest query) {
        return forOwner(contributor.participantId(), body, query);
    }

    /**
     * The audience named in the body or in the query, or the whole exchange, for what a participant owns (its own
     * country is the one a border to its own country means).
     *
     * @throws InvalidInputException naming the field at fault
     */
    public Audience forOwner(String ownerId, AudienceRequest body, AudienceRequest query) {
        AudienceRequest fromBody = body == null ? AudienceRequest.NONE : body;
        AudienceRequest fromQuery = query == null ? AudienceRequest.NONE : query;
        if (!fromBody.isEmpty() && !fromQuery.isEmpty()) {
            throw new InvalidInputException("audience", "name the audience once: in the body or in the query, not "
                    + "both");
        }
        AudienceRequest asked = fromBody.isEmpty() ? fromQuery : fromBody;
        if (asked.isEmpty()) {
            return Audience.EXCHANGE;
        }
        List<String> named = asked.groups() == null ? List.of() : asked.groups();
        List<String> participants = asked.participants() == null ? List.of() : asked.participants();
        boolean exchange = asked.exchange() != null ? asked.exchange() : named.isEmpty() && participants.isEmpty();
        Audience audience = new Audience(exchange, named, participants, border(ownerId, asked));
        Set<String> unknownGroups = groups.unknownAmong(audience.groups(), clock.instant());
        if (!unknownGroups.isEmpty()) {
            throw new InvalidInputException("audience.groups", "no sharing group " + unknownGroups + ": GET "
                    + "/api/sharing-groups lists them");
        }
        List<String> unknownParticipants = audience.participants().stream()
                .filter(id -> directory.find(id).isEmpty()).toList();
        if (!unknownParticipants.isEmpty()) {
            throw new InvalidInputException("audience.participants", "no participant " + unknownParticipants
                    + " is registered");
        }
        return audience;
    }

    private Border border(String ownerId, AudienceRequest asked) {
        Border.Kind kind = asked.border() == null ? Border.Kind.ANYWHERE : Border.Kind.parse(asked.border());
        List<String> countries = asked.countries() == null ? List.of() : asked.countries();
        if (kind != Border.Kind.COUNTRIES && !countries.isEmpty()) {
            throw new InvalidInputException("audience.countries", "countries are named with border=countries");
        }
        return switch (kind) {
            case ANYWHERE -> Border.ANYWHERE;
            case OWN_COUNTRY -> Border.ownCountry(directory.find(ownerId).orElseThrow().profile().country());
            case COUNTRIES -> Border.countries(countries);
            case ASEAN -> Border.asean();
        };
    }
}
