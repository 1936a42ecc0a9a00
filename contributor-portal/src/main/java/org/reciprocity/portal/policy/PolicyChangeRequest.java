package org.reciprocity.portal.policy;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A change to the policy: the terms left out keep their current values.
 *
 * @param creditLifetime an ISO-8601 duration ({@code P90D}), or {@code never}
 * @param vestingPeriod  an ISO-8601 duration ({@code P7D}), or {@code none}
 * @param itemLifetimes  by item type, an ISO-8601 duration ({@code P30D}), or {@code never}; the types left out keep
 *                       theirs
 */
record PolicyChangeRequest(
        @Schema(description = "the version this change was drawn up against: the current one") Integer baseVersion,
        @Schema(description = "when the new terms apply; at least the policy notice ahead") Instant effectiveFrom,
        @Schema(example = "Partnership agreement of 2027") String reason,
        BigDecimal newItemCredit,
        BigDecimal corroborationShare,
        @Schema(example = "{\"sha256\": 1.5}") Map<String, BigDecimal> typeWeights,
        @Schema(example = "{\"RED\": 0.2}") Map<String, BigDecimal> tlpWeights,
        BigDecimal unknownConfidenceWeight,
        BigDecimal confidenceFloor,
        BigDecimal ratio,
        @Schema(example = "P180D") String creditLifetime,
        BigDecimal costPerItem,
        BigDecimal actedOnBonus,
        @Schema(description = "what each kind of context linked to an item adds to its weight, 0 to 1")
        BigDecimal contextShare,
        @Schema(description = "how many kinds of linked context count at most") Integer contextKindsCounted,
        @Schema(description = "what the sharer of an item earns when a consumer reports seeing it")
        BigDecimal sightingBonus,
        @Schema(description = "how many consumers, each on its own account, must report an item as a false positive "
                + "before it leaves the pool; at least 2") Integer falsePositiveQuorum,
        @Schema(description = "how long the credit a contribution earns is held before it can be drawn, so that what "
                + "is judged false meanwhile is taken back before anyone spends it; an hour to a year, or none",
                example = "P7D") String vestingPeriod,
        @Schema(description = "by item type, how long an item lives after its last sign of life (its latest "
                + "contribution or corroboration, or a consumer's sighting): an hour to a century, or never; an "
                + "expired item earns nothing and costs nothing", example = "{\"ipv4\": \"P30D\", \"url\": \"P90D\"}")
        Map<String, String> itemLifetimes,
        @Schema(description = "how an item's score falls over its life, 0.1 to 10: 1 evenly, more than 1 fast at "
                + "first, less than 1 slowly at first (MISP's decay speed)", example = "1")
        BigDecimal decaySpeed,
        @Schema(description = "how much an account's quality record weighs on what it earns, 0 to 0.9: each item "
                + "weighs 1 − reputationWeight × junkShare of what it would; 0 leaves credit alone", example = "0.5")
        BigDecimal reputationWeight) {
}
