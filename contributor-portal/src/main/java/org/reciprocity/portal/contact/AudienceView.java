package org.reciprocity.portal.contact;

import org.reciprocity.core.sharing.Audience;

import java.util.List;

/** An audience in the shape it is sent in, its border resolved into the countries it meant when chosen. */
record AudienceView(boolean exchange, List<String> groups, List<String> participants, String border,
                    List<String> countries) {

    static AudienceView of(Audience audience) {
        return new AudienceView(audience.exchange(), audience.groups(), audience.participants(),
                audience.border().kind().label(), audience.border().countries());
    }
}
