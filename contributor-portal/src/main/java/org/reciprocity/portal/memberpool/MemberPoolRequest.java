package org.reciprocity.portal.memberpool;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** What an operator sends to form a pool. */
record MemberPoolRequest(
        @Schema(example = "pool-west-my") String id,
        @Schema(example = "Western Malaysia municipalities") String name,
        @Schema(example = "government-local") String sector,
        @Schema(example = "MY") String country,
        @Schema(description = "registered firms and agencies, none in another pool") List<String> members) {
}
