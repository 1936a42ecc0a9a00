package org.reciprocity.portal.participant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A newly registered participant and its API key, which is shown this once and never again. */
record IssuedKey(ParticipantView participant,
                 @Schema(description = "send as 'Authorization: Bearer <apiKey>'; the exchange keeps only its hash")
                 String apiKey) {
}
