package org.reciprocity.core.policy;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.context.ContextKinds;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The terms of a reciprocity policy: what an item earns, what a delivery costs, how far credit stretches and how
 * long it lasts. The terms only, checked to be sound; the rule kernel ({@code org.reciprocity.core.kernel}) computes
 * with them.
 *
 * @param newItemCredit           what an item new to the pool earns before weights
 * @param corroborationShare      the part of that an item already in the pool earns from another account, 0 to 1
 * @param typeWeights             a weight per item type, 0 or more
 * @param tlpWeights              a weight per marking, 0 or more: items few may draw earn the pool less
 * @param unknownConfidenceWeight the confidence weight of an item whose contributor stated no confidence
 * @param confidenceFloor         the confidence weight at confidence 0, rising linearly to 1 at confidence 100
 * @param ratio                   how many credits of drawing each credit a contribution earned allows, more than 0
 * @param creditLifetime          how long earned credit lasts; null for ever
 * @param costPerItem             what each charged delivery costs
 * @param actedOnBonus            what the sharer of an item earns when a consumer reports having acted on it; at most
 *                                what the delivery cost, so that drawing and reporting can never make credit
 * @param contextShare            what each kind of context linked to an item adds to its weight, 0 to 1: 0.2 makes an
 *                                item linked to a malware and an attack pattern weigh 1.4 times a bare one. Versions
 *                                adopted before context was kept have none: 0
 * @param contextKindsCounted     how many kinds of linked context count at most, 0 to the number of kinds there are
 * @param sightingBonus           what the sharer of an item earns when a consumer reports seeing it; with the bonus
 *                                for acting on it, at most what the delivery cost. Versions adopted before sightings
 *                                earned have none: 0
 * @param falsePositiveQuorum     how many accounts' consumers must report an item as a false positive before it
 *                                leaves the pool, 2 to {@value #MAX_QUORUM}: never one alone, so that no consumer can
 *                                sink a competitor's items on its own. Versions adopted before items could be judged
 *                                ask for the default, {@value #DEFAULT_QUORUM}
 * @param vestingPeriod           how long the credit a contribution earns stays pending before it can be drawn, so
 *                                that what is judged false meanwhile is taken back before anyone spends it: from an
 *                                hour to a year, shorter than the credit's lifetime; null for drawable at once, as in
 *                                every version adopted before credit could be held
 * @param itemLifetimes           how long an item of each type stays worth acting on after its last sign of life (its
 *                                latest contribution or corroboration, or a consumer's sighting of it), from an hour
 *                                to a century; a type without one lives until its contributors' own end of
 *                                validity, or for ever. An expired item earns nothing and costs nothing. Empty in
 *                                every version adopted before items could expire
 * @param decaySpeed              how an item's score, by which consumers may draw the best first, falls over its life
 *                                (MISP's decay speed, see the kernel's {@code ItemScore}): 1 evenly, more than 1 fast
 *                                at first, less than 1 slowly at first; {@value #MIN_DECAY_SPEED} to
 *                                {@value #MAX_DECAY_SPEED}. Versions adopted before items were scored: 1
 * @param reputationWeight        how much an account's quality record weighs on what it earns, 0 to
 *                                {@value #MAX_REPUTATION_WEIGHT}: each item of a contribution weighs
 *                                {@code 1 − reputationWeight × junkShare} of what it would (see the kernel's
 *                                {@code QualityRecord}). Never 1, so that an account all of whose items proved junk
 *                                still earns something for a good one, and its record can mend. 0 leaves credit
 *                                alone, as in every version adopted before records weighed
 */
public record PolicyRules(Credit newItemCredit, BigDecimal corroborationShare, Map<ItemType, BigDecimal> typeWeights,
                          Map<Tlp, BigDecimal> tlpWeights, BigDecimal unknownConfidenceWeight,
                          BigDecimal confidenceFloor, BigDecimal ratio, Duration creditLifetime, Credit costPerItem,
                          Credit actedOnBonus, BigDecimal contextShare, int contextKindsCounted,
                          Credit sightingBonus, Integer falsePositiveQuorum, Duration vestingPeriod,
                          Map<ItemType, Duration> itemLifetimes, BigDecimal decaySpeed,
                          BigDecimal reputationWeight) {

    /** Bounds on the terms, so that no policy can make the arithmetic overflow or an amount absurd. */
    public static final Credit MAX_CREDIT = Credit.of(1_000);
    public static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);
    public static final BigDecimal MAX_RATIO = BigDecimal.valueOf(100);
    // Credit that lasts less than a day cannot be drawn on by a member who polls daily; a century is for ever.
    public static final Duration SHORTEST_LIFETIME = Duration.ofDays(1);
    public static final Duration LONGEST_LIFETIME = Duration.ofDays(36_500);
    public static final Duration SHORTEST_VESTING = Duration.ofHours(1);
    public static final Duration LONGEST_VESTING = Duration.ofDays(365);
    public static final Duration SHORTEST_ITEM_LIFETIME = Duration.ofHours(1);
    public static final int DEFAULT_QUORUM = 2;
    public static final int MAX_QUORUM = 1_000;
    public static final String MIN_DECAY_SPEED = "0.1";
    public static final String MAX_DECAY_SPEED = "10";
    public static final String MAX_REPUTATION_WEIGHT = "0.9";

    /** The terms the exchange starts with: see docs/reciprocity.md. */
    public static final PolicyRules DEFAULT = new PolicyRules(Credit.of(1), new BigDecimal("0.25"),
            uniform(ItemType.values(), BigDecimal.ONE),
            Map.of(Tlp.CLEAR, BigDecimal.ONE, Tlp.GREEN, BigDecimal.ONE, Tlp.AMBER, BigDecimal.ONE,
                    Tlp.AMBER_STRICT, new BigDecimal("0.5"), Tlp.RED, new BigDecimal("0.25")),
            new BigDecimal("0.5"), new BigDecimal("0.5"), BigDecimal.ONE, null, Credit.of(1), Credit.parse("0.5"),
            new BigDecimal("0.2"), 3, Credit.parse("0.25"), DEFAULT_QUORUM, null, Map.of(), BigDecimal.ONE,
            BigDecimal.ZERO);

    public PolicyRules {
        requireCredit("newItemCredit", newItemCredit);
        requireBetweenZeroAndOne("corroborationShare", corroborationShare);
        typeWeights = complete("typeWeights", typeWeights, ItemType.class, ItemType.values());
        tlpWeights = complete("tlpWeights", tlpWeights, Tlp.class, Tlp.values());
        requireWeight("unknownConfidenceWeight", unknownConfidenceWeight);
        requireBetweenZeroAndOne("confidenceFloor", confidenceFloor);
        if (ratio == null || ratio.signum() <= 0 || ratio.compareTo(MAX_RATIO) > 0) {
            throw new InvalidInputException("ratio", "the ratio is more than 0 and at most " + MAX_RATIO + "; got "
                    + ratio);
        }
        if (creditLifetime != null && (creditLifetime.compareTo(SHORTEST_LIFETIME) < 0
                || creditLifetime.compareTo(LONGEST_LIFETIME) > 0)) {
            throw new InvalidInputException("creditLifetime", "credit lasts from one day to 100 years, or for ever "
                    + "(null); got " + creditLifetime);
        }
        requireCredit("costPerItem", costPerItem);
        requireCredit("actedOnBonus", actedOnBonus);
        if (actedOnBonus.exceeds(costPerItem)) {
            throw new InvalidInputException("actedOnBonus", "the bonus (" + actedOnBonus + ") is at most what a "
                    + "delivery costs (" + costPerItem + "): else drawing and reporting would make credit");
        }
        // Absent from the terms recorded before sightings earned, which gave them nothing.
        sightingBonus = sightingBonus == null ? Credit.ZERO : sightingBonus;
        requireCredit("sightingBonus", sightingBonus);
        if (actedOnBonus.plus(sightingBonus).exceeds(costPerItem)) {
            throw new InvalidInputException("sightingBonus", "the bonuses for acting on an item and for seeing it ("
                    + actedOnBonus + " and " + sightingBonus + ") are together at most what a delivery costs ("
                    + costPerItem + "): else drawing and reporting would make credit");
        }
        falsePositiveQuorum = falsePositiveQuorum == null ? DEFAULT_QUORUM : falsePositiveQuorum;
        if (falsePositiveQuorum < 2 || falsePositiveQuorum > MAX_QUORUM) {
            throw new InvalidInputException("falsePositiveQuorum", "an item leaves the pool on the reports of 2 to "
                    + MAX_QUORUM + " consumers' accounts, never one alone; got " + falsePositiveQuorum);
        }
        if (vestingPeriod != null && (vestingPeriod.compareTo(SHORTEST_VESTING) < 0
                || vestingPeriod.compareTo(LONGEST_VESTING) > 0)) {
            throw new InvalidInputException("vestingPeriod", "credit is held from an hour to a year, or not at all "
                    + "(null); got " + vestingPeriod);
        }
        if (vestingPeriod != null && creditLifetime != null && vestingPeriod.compareTo(creditLifetime) >= 0) {
            throw new InvalidInputException("vestingPeriod", "credit is held (" + vestingPeriod + ") for less than "
                    + "it lasts (" + creditLifetime + "): else it would expire before it could be drawn");
        }
        itemLifetimes = lifetimes(itemLifetimes);
        // Absent from the terms recorded before items were scored: the even decay.
        decaySpeed = decaySpeed == null ? BigDecimal.ONE : decaySpeed;
        if (decaySpeed.compareTo(new BigDecimal(MIN_DECAY_SPEED)) < 0
                || decaySpeed.compareTo(new BigDecimal(MAX_DECAY_SPEED)) > 0) {
            throw new InvalidInputException("decaySpeed", "the decay speed is " + MIN_DECAY_SPEED + " to "
                    + MAX_DECAY_SPEED + " (1 decays evenly); got " + decaySpeed);
        }
        // Absent from the terms recorded before quality records weighed: they weighed nothing.
        reputationWeight = reputationWeight == null ? BigDecimal.ZERO : reputationWeight;
        if (reputationWeight.signum() < 0 || reputationWeight.compareTo(new BigDecimal(MAX_REPUTATION_WEIGHT)) > 0) {
            throw new InvalidInputException("reputationWeight", "a quality record weighs 0 to "
                    + MAX_REPUTATION_WEIGHT + ", never all a contributor earns; got " + reputationWeight);
        }
        // Absent from the terms recorded before context was kept, which gave it nothing.
        contextShare = contextShare == null ? BigDecimal.ZERO : contextShare;
        requireBetweenZeroAndOne("contextShare", contextShare);
        if (contextKindsCounted < 0 || contextKindsCounted > ContextKinds.COUNTED.size()) {
            throw new InvalidInputException("contextKindsCounted", "contextKindsCounted is 0 to "
                    + ContextKinds.COUNTED.size() + ", the kinds of context there are; got " + contextKindsCounted);
        }
    }

    /** The terms without any credit for context: as every version adopted before context was kept. */
    public PolicyRules(Credit newItemCredit, BigDecimal corroborationShare, Map<ItemType, BigDecimal> typeWeights,
                       Map<Tlp, BigDecimal> tlpWeights, BigDecimal unknownConfidenceWeight,
                       BigDecimal confidenceFloor, BigDecimal ratio, Duration creditLifetime, Credit costPerItem,
                       Credit actedOnBonus) {
        this(newItemCredit, corroborationShare, typeWeights, tlpWeights, unknownConfidenceWeight, confidenceFloor,
                ratio, creditLifetime, costPerItem, actedOnBonus, BigDecimal.ZERO, 0, Credit.ZERO, DEFAULT_QUORUM,
                null, Map.of(), BigDecimal.ONE);
    }

    /** The terms without the weight of quality records: as every version adopted before records weighed. */
    public PolicyRules(Credit newItemCredit, BigDecimal corroborationShare, Map<ItemType, BigDecimal> typeWeights,
                       Map<Tlp, BigDecimal> tlpWeights, BigDecimal unknownConfidenceWeight,
                       BigDecimal confidenceFloor, BigDecimal ratio, Duration creditLifetime, Credit costPerItem,
                       Credit actedOnBonus, BigDecimal contextShare, int contextKindsCounted, Credit sightingBonus,
                       Integer falsePositiveQuorum, Duration vestingPeriod, Map<ItemType, Duration> itemLifetimes,
                       BigDecimal decaySpeed) {
        this(newItemCredit, corroborationShare, typeWeights, tlpWeights, unknownConfidenceWeight, confidenceFloor,
                ratio, creditLifetime, costPerItem, actedOnBonus, contextShare, contextKindsCounted, sightingBonus,
                falsePositiveQuorum, vestingPeriod, itemLifetimes, decaySpeed, BigDecimal.ZERO);
    }

    /** The terms with the even decay of scores: as every version adopted before items were scored. */
    public PolicyRules(Credit newItemCredit, BigDecimal corroborationShare, Map<ItemType, BigDecimal> typeWeights,
                       Map<Tlp, BigDecimal> tlpWeights, BigDecimal unknownConfidenceWeight,
                       BigDecimal confidenceFloor, BigDecimal ratio, Duration creditLifetime, Credit costPerItem,
                       Credit actedOnBonus, BigDecimal contextShare, int contextKindsCounted, Credit sightingBonus,
                       Integer falsePositiveQuorum, Duration vestingPeriod, Map<ItemType, Duration> itemLifetimes) {
        this(newItemCredit, corroborationShare, typeWeights, tlpWeights, unknownConfidenceWeight, confidenceFloor,
                ratio, creditLifetime, costPerItem, actedOnBonus, contextShare, contextKindsCounted, sightingBonus,
                falsePositiveQuorum, vestingPeriod, itemLifetimes, BigDecimal.ONE);
    }

    /** How long an item of the type lives after its last sign of life; null when the policy gives it no lifetime. */
    public Duration lifetimeOf(ItemType type) {
        return itemLifetimes.get(type);
    }

    // Absent from the terms recorded before items could expire, in which none did.
    private static Map<ItemType, Duration> lifetimes(Map<ItemType, Duration> lifetimes) {
        if (lifetimes == null || lifetimes.isEmpty()) {
            return Map.of();
        }
        EnumMap<ItemType, Duration> checked = new EnumMap<>(ItemType.class);
        lifetimes.forEach((type, lifetime) -> {
            if (type == null || lifetime == null || lifetime.compareTo(SHORTEST_ITEM_LIFETIME) < 0
                    || lifetime.compareTo(LONGEST_LIFETIME) > 0) {
                throw new InvalidInputException("itemLifetimes", "an item type lives from an hour to 100 years after "
                        + "its last sign of life; got " + lifetime + " for " + type);
            }
            checked.put(type, lifetime);
        });
        return Collections.unmodifiableMap(checked);
    }

    private static <K extends Enum<K>> Map<K, BigDecimal> uniform(K[] keys, BigDecimal weight) {
        return Arrays.stream(keys).collect(Collectors.toMap(Function.identity(), key -> weight));
    }

    private static <K extends Enum<K>> Map<K, BigDecimal> complete(String field, Map<K, BigDecimal> weights,
                                                                   Class<K> type, K[] keys) {
        if (weights == null) {
            throw new InvalidInputException(field, field + " are required");
        }
        EnumMap<K, BigDecimal> complete = new EnumMap<>(type);
        for (K key : keys) {
            BigDecimal weight = weights.get(key);
            if (weight == null) {
                throw new InvalidInputException(field, field + " lack a weight for " + key);
            }
            if (weight.signum() < 0 || weight.compareTo(MAX_WEIGHT) > 0) {
                throw new InvalidInputException(field, "weights are 0 to " + MAX_WEIGHT + "; " + key + " has "
                        + weight);
            }
            complete.put(key, weight);
        }
        return Collections.unmodifiableMap(complete);
    }

    private static void requireCredit(String field, Credit credit) {
        if (credit == null || credit.isNegative() || credit.exceeds(MAX_CREDIT)) {
            throw new InvalidInputException(field, field + " is 0 to " + MAX_CREDIT + " credits; got " + credit);
        }
    }

    private static void requireWeight(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_WEIGHT) > 0) {
            throw new InvalidInputException(field, field + " is 0 to " + MAX_WEIGHT + "; got " + value);
        }
    }

    private static void requireBetweenZeroAndOne(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException(field, field + " is between 0 and 1; got " + value);
        }
    }
}
