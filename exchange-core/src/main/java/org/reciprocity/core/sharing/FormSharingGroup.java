package org.reciprocity.core.sharing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.reciprocity.core.EventStreams;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.Text;
import org.reciprocity.core.participant.ParticipantProfile;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Form a sharing group: the participants of its sectors and countries, and the members it names. Sectors and
 * countries are kept sorted and once each, so that the same terms read the same in every event.
 *
 * @param sectors   STIX industry sectors; empty for any sector
 * @param countries ISO 3166-1 alpha-2 codes; empty for any country
 * @param members   participants named as members from the start
 */
public record FormSharingGroup(String groupId, String name, List<String> sectors, List<String> countries,
                               List<String> members, String formedBy) {

    public static final int MAX_NAME = 200;
    public static final int MAX_MEMBERS = 1000;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public FormSharingGroup {
        requireGroupId("id", groupId);
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidInputException("name", "a name of 1 to " + MAX_NAME + " characters is required");
        }
        name = Text.requirePrintable("name", name).strip();
        sectors = sectors(sectors);
        countries = countries(countries);
        members = members(members);
    }

    @TargetAggregateIdentifier
    public String groupStream() {
        return EventStreams.sharingGroup(groupId);
    }

    /** Group ids are chosen as participant ids are, so that audiences name both alike. */
    static void requireGroupId(String field, String groupId) {
        if (!ParticipantProfile.isIdentifier(groupId)) {
            throw new InvalidInputException(field, "a sharing group id is 1 to 64 lower-case letters, digits and inner "
                    + "hyphens, as in 'finance-sg'; got '" + groupId + "'");
        }
    }

    private static List<String> sectors(List<String> sectors) {
        TreeSet<String> sorted = new TreeSet<>();
        List<String> given = sectors == null ? List.of() : sectors;
        for (int i = 0; i < given.size(); i++) {
            if (!ParticipantProfile.SECTORS.contains(given.get(i))) {
                throw new InvalidInputException("sectors[" + i + "]", "'" + given.get(i) + "' is not a STIX 2.1 "
                        + "industry sector: use one of " + String.join(", ", new TreeSet<>(ParticipantProfile.SECTORS)));
            }
            sorted.add(given.get(i));
        }
        return List.copyOf(sorted);
    }

    private static List<String> countries(List<String> countries) {
        TreeSet<String> sorted = new TreeSet<>();
        List<String> given = countries == null ? List.of() : countries;
        for (int i = 0; i < given.size(); i++) {
            if (!COUNTRIES.contains(given.get(i))) {
                throw new InvalidInputException("countries[" + i + "]", "'" + given.get(i) + "' is not an ISO 3166-1 "
                        + "alpha-2 country code, as in SG, MY, ID or NL");
            }
            sorted.add(given.get(i));
        }
        return List.copyOf(sorted);
    }

    private static List<String> members(List<String> members) {
        List<String> given = members == null ? List.of() : members;
        if (given.size() > MAX_MEMBERS) {
            throw new InvalidInputException("members", "a sharing group names at most " + MAX_MEMBERS + " members; got "
                    + given.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String member = given.get(i);
            if (!ParticipantProfile.isIdentifier(member)) {
                throw new InvalidInputException("members[" + i + "]", "'" + member + "' is not a participant id");
            }
            if (!seen.add(member)) {
                throw new InvalidInputException("members[" + i + "]", "'" + member + "' is named twice");
            }
        }
        return List.copyOf(given);
    }
}
