package org.reciprocity.portal.participant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A key issued or rotated under its name, and the key itself, which is shown this once and never again. */
record IssuedNamedKey(KeyView key,
                      @Schema(description = "send as 'Authorization: Bearer <apiKey>'; the exchange keeps only its "
                              + "hash")
                      String apiKey) {
}
