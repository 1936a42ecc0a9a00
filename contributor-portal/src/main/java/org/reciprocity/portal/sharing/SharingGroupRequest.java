package org.reciprocity.portal.sharing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** What an operator sends to form a sharing group. */
record SharingGroupRequest(
        @Schema(example = "banks-sg") String id,
        @Schema(example = "Banks in Singapore") String name,
        @Schema(description = "STIX industry sectors it takes in; none for any", example = "[\"financial-services\"]")
        List<String> sectors,
        @Schema(description = "ISO 3166-1 alpha-2 countries it takes in; none for any", example = "[\"SG\"]")
        List<String> countries,
        @Schema(description = "registered participants named as members, whatever their sector and country")
        List<String> members) {
}
