package org.reciprocity.portal.sharing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Whom a contributor shares a contribution with, as it writes it: in a JSON body's {@code audience}, or as query
 * parameters beside any other body (CSV, a list, STIX, a TAXII envelope, a MISP event). Nothing named means the
 * whole exchange.
 */
public record AudienceRequest(
        @Schema(description = "share with every member of the exchange; true when neither groups nor participants "
                + "are named") Boolean exchange,
        @Schema(description = "sharing group ids, as GET /api/sharing-groups lists them") List<String> groups,
        @Schema(description = "participant ids; the only audience AMBER+STRICT and RED items go to")
        List<String> participants,
        @Schema(description = "where the recipients may be registered", allowableValues = {"anywhere",
                "own-country", "countries", "asean"}) String border,
        @Schema(description = "ISO 3166-1 alpha-2 codes, with border=countries", example = "SG")
        List<String> countries) {

    public static final AudienceRequest NONE = new AudienceRequest(null, null, null, null, null);

    /** Whether the request names anything at all. */
    public boolean isEmpty() {
        return exchange == null && empty(groups) && empty(participants) && border == null && empty(countries);
    }

    private static boolean empty(List<String> ids) {
        return ids == null || ids.isEmpty();
    }
}
