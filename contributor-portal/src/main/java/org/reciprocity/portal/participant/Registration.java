package org.reciprocity.portal.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;

/** What an operator sends to register a participant. */
record Registration(
        @Schema(description = "1 to 64 lower-case letters, digits and inner hyphens", example = "bank-of-example")
        String id,
        @Schema(allowableValues = {"firm", "agency", "auditor", "operator"}, example = "firm")
        String kind,
        @Schema(example = "Bank of Example") String name,
        @Schema(description = "a STIX 2.1 industry sector", example = "financial-services") String sector,
        @Schema(description = "ISO 3166-1 alpha-2", example = "SG") String country) {

    ParticipantProfile profile() {
        return new ParticipantProfile(id, ParticipantKind.parse(kind), name, sector, country);
    }
}
